/**
 * Text folding shared by indexing and querying. Both engines are handed text
 * that has already been folded here, so SQLite FTS5 and PostgreSQL see the
 * same words and a reader finds a story however they type a name: with or
 * without Arabic diacritics, hamza forms or tatweel, Latin accents or case.
 * Stemming stays in the engines (FTS5 porter, PostgreSQL 'english').
 */

// Letters and digits make words; everything else separates them.
const WORD = /[\p{L}\p{N}]+/gu;

/** Arabic letters folded to one form: alef variants, alef maqsura, ta marbuta, Persian ya/kaf. */
const LETTER_MAP: Record<string, string> = {
  'ٱ': 'ا', // alef wasla (does not decompose under NFD)
  'ى': 'ي',
  'ی': 'ي',
  'ة': 'ه',
  'ک': 'ك',
};

/**
 * Lower-cases and strips marks: NFD splits أ إ آ ؤ ئ into a base letter plus
 * a combining hamza or madda, and é into e plus an accent, so removing the
 * combining marks (and Arabic harakat, which are marks too) folds them all.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\u0640]/gu, '') // combining marks, harakat, tatweel
    .replace(/[ٱىیةک]/g, (c) => LETTER_MAP[c]!)
    .toLowerCase();
}

/** The folded words of a text, in order. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/** A text as the index stores it: folded words separated by single spaces. */
export function indexText(text: string | null | undefined): string {
  return text ? foldedWords(text).join(' ') : '';
}

/**
 * PostgreSQL's English stop words (tsearch_data/english.stop). PostgreSQL
 * drops them from documents and queries; FTS5 does not, so the query parser
 * drops them for both engines to match the same stories.
 */
export const STOP_WORDS = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them their theirs themselves what which who whom this that these those am is are was were be been being have has had having do does did doing a an the and but if or because as until while of at by for with about against between into through during before after above below to from up down in out on off over under again further then once here there when where why how all any both each few more most other some such no nor not only own same so than too very s t can will just don should now`.split(' '),
);

/** Words worth weighing when comparing stories: no stop words, no single letters. */
export function contentWords(folded: string): string[] {
  return (folded.match(WORD) ?? []).filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}

/**
 * A rough English stem, used only to decide which words of a snippet to
 * highlight (the engines do the real stemming for matching).
 */
export function roughStem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  return word
    .replace(/(ies|ied)$/, 'y')
    .replace(/(ing|ed|es|er|ers|ly|ment|ments|s)$/, '')
    .replace(/(.)\1$/, '$1');
}
