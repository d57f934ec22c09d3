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

// a word as a reader wrote it: letters, digits, marks (harakat) and tatweel, so highlighting keeps them
const WORD_CHAR = /[\p{L}\p{N}\p{M}\u0640]/u;

interface Word {
  start: number;
  end: number;
  /** Only ASCII letters and digits: compared without Unicode folding. */
  ascii: boolean;
}

/**
 * The words of a text with their offsets. A loop over char codes: ASCII
 * letters and digits (most of an English text) are told apart with two
 * comparisons, and only other characters pay for the Unicode test (a global
 * Unicode-property regex costs several times as much over a whole text).
 */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let start = -1;
  let ascii = true;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let width = 1;
    let inWord: boolean;
    let isAscii = false;
    if (code < 128) {
      const lower = code | 32;
      isAscii = (code >= 48 && code <= 57) || (lower >= 97 && lower <= 122);
      inWord = isAscii;
    } else {
      const point = text.codePointAt(i)!;
      width = point > 0xffff ? 2 : 1;
      inWord = WORD_CHAR.test(String.fromCodePoint(point));
    }
    if (inWord) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (!isAscii) ascii = false;
    } else if (start >= 0) {
      words.push({ start, end: i, ascii });
      start = -1;
    }
    i += width;
  }
  if (start >= 0) words.push({ start, end: text.length, ascii });
  return words;
}

type Term = { word: string; prefix: boolean };
type PreparedTerm = Term & { stem: string; head: string };

function prepare(terms: Term[]): PreparedTerm[] {
  return terms.map((t) => {
    const stem = roughStem(t.word);
    return { ...t, stem, head: (t.prefix ? t.word : stem).slice(0, 3) };
  });
}

function matchesPrepared(word: string, terms: PreparedTerm[], ascii = /^[A-Za-z0-9]+$/.test(word)): boolean {
  // plain ASCII words (most of an English text) need no Unicode folding
  const folded = ascii ? word.toLowerCase() : foldText(word);
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
  const words = wordsOf(text).map((w) => ({ start: w.start, end: w.end, hit: matchesPrepared(text.slice(w.start, w.end), prepared, w.ascii) }));
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
