export type DiffLine = { op: 'same' | 'add' | 'del'; text: string };

/**
 * A line diff by longest common subsequence. Quadratic in lines, so inputs
 * are capped; articles are a few hundred lines at most. Beyond the cap the
 * diff degrades to "all removed, all added", which is still correct.
 */
export function diffLines(before: string, after: string, maxLines = 3000): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length > maxLines || b.length > maxLines) return [...a.map((text) => ({ op: 'del' as const, text })), ...b.map((text) => ({ op: 'add' as const, text }))];
  // trim the common head and tail, which is most of an edit
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  const table: Uint32Array[] = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) table[i]![j] = x[i] === y[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  }
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      middle.push({ op: 'same', text: x[i]! });
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) middle.push({ op: 'del', text: x[i++]! });
    else middle.push({ op: 'add', text: y[j++]! });
  }
  while (i < x.length) middle.push({ op: 'del', text: x[i++]! });
  while (j < y.length) middle.push({ op: 'add', text: y[j++]! });
  return [...a.slice(0, start).map((text) => ({ op: 'same' as const, text })), ...middle, ...a.slice(endA).map((text) => ({ op: 'same' as const, text }))];
}
