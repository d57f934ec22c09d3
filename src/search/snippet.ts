import { foldText, roughStem } from './fold.js';

/**
 * A passage of plain text with the searched words marked. It is data, not
 * HTML: the view prints each part through JSX (escaped) and wraps marked
 * parts in <mark>, so nothing from a story's text can become markup.
 */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

// a word as a reader wrote it, harakat and tatweel included, so highlighting keeps them
const RAW_WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;

export function matchesTerm(word: string, terms: { word: string; prefix: boolean }[]): boolean {
  const folded = foldText(word);
  const stem = roughStem(folded);
  return terms.some((t) => folded === t.word || (t.prefix ? folded.startsWith(t.word) : stem === roughStem(t.word)));
}

/** The window of about `size` words holding the most matches, marked. */
export function makeSnippet(text: string, terms: { word: string; prefix: boolean }[], size = 32): SnippetPart[] {
  const words = [...text.matchAll(RAW_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, hit: matchesTerm(m[0], terms) }));
  if (words.length === 0) return text ? [{ text: text.slice(0, 240), mark: false }] : [];
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.hit) count++;
    if (i >= size && words[i - size]!.hit) count--;
    const start = Math.max(0, i - size + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  // start a few words before the first match, so it reads in context, unless that runs past the end
  const firstHit = words.findIndex((w, i) => i >= best && w.hit);
  const start = firstHit === -1 ? best : Math.max(0, Math.min(firstHit - 4, words.length - size));
  const end = Math.min(words.length, start + size);
  const parts: SnippetPart[] = [];
  const push = (t: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += t;
    else if (t) parts.push({ text: t, mark });
  };
  push(start > 0 ? '… ' : text.slice(0, words[0]!.start), false);
  for (let i = start; i < end; i++) {
    const w = words[i]!;
    if (i > start) push(text.slice(words[i - 1]!.end, w.start), false);
    push(text.slice(w.start, w.end), w.hit);
  }
  if (end < words.length) push(' …', false);
  else push(text.slice(words[end - 1]!.end), false);
  return parts;
}
