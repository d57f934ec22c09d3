import { foldText, STOP_WORDS } from './fold.js';

/**
 * A reader's query, parsed into a structure that can only express what we
 * support: words (optionally as prefixes) and phrases, all required. The
 * engines' own query syntaxes (FTS5 MATCH, to_tsquery) are built from this,
 * never from the raw text, so operators typed by a reader are just words.
 */
export type Clause =
  | { kind: 'word'; word: string; prefix: boolean }
  | { kind: 'phrase'; words: string[] }
  /** Any of these words: what a prefix becomes once expanded (never parsed from input). */
  | { kind: 'any'; words: string[] };

export interface ParsedQuery {
  clauses: Clause[];
  /** What the reader should know about how the query was read. */
  notices: string[];
}

export const MAX_QUERY_CHARS = 200;
export const MAX_CLAUSES = 8;
/** Shorter prefixes would expand to most of the vocabulary. */
export const MIN_PREFIX = 2;

const TOKEN = /"([^"]*)"?|([\p{L}\p{N}]+)(\*?)/gu;

export function parseQuery(raw: string): ParsedQuery {
  const notices: string[] = [];
  // eslint-disable-next-line no-control-regex
  let text = raw.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').toWellFormed();
  if (text.length > MAX_QUERY_CHARS) {
    // cut at a space, so the last word is not cut short into another word
    const cut = text.slice(0, MAX_QUERY_CHARS + 1);
    const space = cut.lastIndexOf(' ');
    text = space > MAX_QUERY_CHARS / 2 ? cut.slice(0, space) : cut.slice(0, MAX_QUERY_CHARS);
    notices.push(`Your search was long, so only its first ${MAX_QUERY_CHARS} characters were used.`);
  }
  // typographic quotes count as quotes
  const folded = foldText(text.replace(/[“”„«»]/g, '"'));
  const clauses: Clause[] = [];
  const seen = new Set<string>();
  let droppedStopWords = false;
  for (const m of folded.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.every((w) => STOP_WORDS.has(w))) {
        if (words.length) droppedStopWords = true;
        continue;
      }
      const clause: Clause = words.length === 1 ? { kind: 'word', word: words[0]!, prefix: false } : { kind: 'phrase', words };
      add(clause);
    } else if (m[2] !== undefined) {
      const word = m[2];
      const prefix = m[3] === '*' && word.length >= MIN_PREFIX;
      if (!prefix && STOP_WORDS.has(word)) {
        droppedStopWords = true;
        continue;
      }
      add({ kind: 'word', word, prefix });
    }
  }
  if (clauses.length === 0 && droppedStopWords) notices.push('Those words are too common to search for. Try a more specific word.');
  return { clauses, notices };

  function add(clause: Clause) {
    const key = clause.kind === 'word' ? `${clause.word}${clause.prefix ? '*' : ''}` : `${clause.kind}:${clause.words.join(' ')}`;
    if (seen.has(key)) return;
    if (clauses.length === MAX_CLAUSES) {
      if (!notices.some((n) => n.startsWith('Only the first'))) notices.push(`Only the first ${MAX_CLAUSES} words or phrases were used.`);
      return;
    }
    seen.add(key);
    clauses.push(clause);
  }
}

/** The words a snippet should highlight. */
export function highlightTerms(query: ParsedQuery): { word: string; prefix: boolean }[] {
  return query.clauses.flatMap((c) => (c.kind === 'word' ? [{ word: c.word, prefix: c.prefix }] : c.words.filter((w) => !STOP_WORDS.has(w)).map((word) => ({ word, prefix: false }))));
}

const quote = (word: string) => `"${word}"`;

/** An FTS5 MATCH expression: every word or phrase quoted, so nothing in it is an operator. */
export function toFts5Match(clauses: Clause[], joiner: 'AND' | 'OR' = 'AND'): string {
  // words hold only letters and digits, so quoting cannot be broken out of
  return clauses
    .map((c) => (c.kind === 'word' ? `${quote(c.word)}${c.prefix ? '*' : ''}` : c.kind === 'any' ? `(${c.words.map(quote).join(' OR ')})` : quote(c.words.join(' '))))
    .join(` ${joiner} `);
}
