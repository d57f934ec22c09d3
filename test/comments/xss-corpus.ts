import fs from 'node:fs';
import path from 'node:path';

export const CORPUS = path.resolve(__dirname, '../../../shared/corpus/xss');

/** Every distinct non-empty line of every corpus file, plus the strings of blns.json. */
export function loadPayloads(): string[] {
  if (!fs.existsSync(CORPUS)) return [];
  const all = new Set<string>();
  for (const file of fs.readdirSync(CORPUS, { recursive: true }).map(String)) {
    const full = path.join(CORPUS, file);
    if (file.endsWith('.json')) for (const s of JSON.parse(fs.readFileSync(full, 'utf8')) as string[]) all.add(s);
    else if (file.endsWith('.txt')) for (const line of fs.readFileSync(full, 'utf8').split('\n')) all.add(line.replace(/\r$/, ''));
  }
  all.delete('');
  return [...all].filter((s) => s.trim() !== '');
}

/** Greedy batches of payloads joined by `sep`, each at most `max` characters (a longer payload is a batch of its own, cut to `max`). */
export function batches(payloads: string[], max: number, sep: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const p of payloads) {
    const piece = Array.from(p).slice(0, max).join('');
    if (current && Array.from(current + sep + piece).length > max) {
      out.push(current);
      current = piece;
    } else current = current ? current + sep + piece : piece;
  }
  if (current) out.push(current);
  return out;
}
