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

type Term = { word: string; prefix: boolean };
type PreparedTerm = Term & { stem: string; head: string };

function prepare(terms: Term[]): PreparedTerm[] {
  return terms.map((t) => {
    const stem = roughStem(t.word);
    return { ...t, stem, head: (t.prefix ? t.word : stem).slice(0, 3) };
  });
}

function matchesPrepared(word: string, terms: PreparedTerm[]): boolean {
  // plain ASCII words (most of an English text) need no Unicode folding
  const folded = /^[A-Za-z0-9]+$/.test(word) ? word.toLowerCase() : foldText(word);
  for (const t of terms) {
    // a cheap look at the first letters spares stemming nearly every word
    if (!folded.startsWith(t.head)) continue;
    if (folded === t.word || (t.prefix ? folded.startsWith(t.word) : roughStem(folded) === t.stem)) return true;
  }
  return false;
}

/** Whether a word as written matches one of the searched terms (folded, roughly stemmed). */
export function matchesTerm(word: string, terms: Term[]): boolean {
  return matchesPrepared(word, prepare(terms));
}

/** The window of about `size` words holding the most matches, marked. */
/**
 * Long texts: when every term starts with plain letters, jump to the first
 * place one could match and look only around it, instead of weighing every
 * word of a long story (Arabic with harakat between letters takes the slow path).
 */
function focus(text: string, terms: PreparedTerm[]): { text: string; before: boolean; after: boolean } {
  const LIMIT = 1200;
  if (text.length <= LIMIT || !terms.every((t) => /^[a-z0-9]+$/.test(t.head))) return { text, before: false, after: false };
  const lower = text.toLowerCase();
  let first = -1;
  for (const t of terms) {
    const at = lower.indexOf(t.head);
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  if (first === -1) return { text: text.slice(0, LIMIT), before: false, after: true };
  const start = Math.max(0, first - 200);
  const from = start === 0 ? 0 : text.indexOf(' ', start) + 1 || start;
  return { text: text.slice(from, from + LIMIT), before: from > 0, after: from + LIMIT < text.length };
}

export function makeSnippet(fullText: string, terms: Term[], size = 32): SnippetPart[] {
  const prepared = prepare(terms);
  const { text, before, after } = focus(fullText, prepared);
  const words = [...text.matchAll(RAW_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, hit: matchesPrepared(m[0], prepared) }));
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
  push(start > 0 || before ? '… ' : text.slice(0, words[0]!.start), false);
  for (let i = start; i < end; i++) {
    const w = words[i]!;
    if (i > start) push(text.slice(words[i - 1]!.end, w.start), false);
    push(text.slice(w.start, w.end), w.hit);
  }
  if (end < words.length || after) push(' …', false);
  else push(text.slice(words[end - 1]!.end), false);
  return parts;
}
