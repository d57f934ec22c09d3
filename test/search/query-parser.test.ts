import { describe, expect, it } from 'vitest';
import { foldText, indexText } from '../../src/search/fold.js';
import { parseQuery, toFts5Match } from '../../src/search/query-parser.js';
import { makeSnippet } from '../../src/search/snippet.js';

describe('folding', () => {
  it('folds Arabic hamza, alef, ya, ta marbuta, diacritics and tatweel the same way', () => {
    expect(foldText('أإآٱا')).toBe('ااااا');
    expect(foldText('ى ة ؤ ئ')).toBe('ي ه و ي');
    expect(foldText('مُؤْتَمَرُ الطّاقـــة')).toBe('موتمر الطاقه');
    expect(indexText('Café, Zürich—São Paulo!')).toBe('cafe zurich sao paulo');
  });
});

describe('query parser', () => {
  it('reads words, prefixes and phrases, and nothing else', () => {
    expect(parseQuery('Solar* "Farm  approved" near').clauses).toEqual([
      { kind: 'word', word: 'solar', prefix: true },
      { kind: 'phrase', words: ['farm', 'approved'] },
      { kind: 'word', word: 'near', prefix: false },
    ]);
  });

  it('turns operators and syntax into plain words', () => {
    const q = parseQuery('title:x NEAR(a b) -c ^d "e');
    expect(toFts5Match(q.clauses)).toBe('"title" AND "x" AND "near" AND "b" AND "c" AND "d" AND "e"');
    expect(parseQuery('* ** *z').clauses).toEqual([{ kind: 'word', word: 'z', prefix: false }]);
  });

  it('bounds the work: length, clause count, duplicates', () => {
    const long = parseQuery(`water ${'word '.repeat(5000)}`);
    expect(long.clauses.map((c) => (c.kind === 'word' ? c.word : ''))).toEqual(['water', 'word']);
    expect(long.notices[0]).toMatch(/first 200 characters/);
    const many = parseQuery('a1 b2 c3 d4 e5 f6 g7 h8 i9 j10');
    expect(many.clauses).toHaveLength(8);
    expect(many.notices[0]).toMatch(/first 8/);
  });
});

describe('snippets', () => {
  it('marks matches and keeps the text as text', () => {
    const parts = makeSnippet('<b>Water</b> & waters flow.', [{ word: 'water', prefix: false }]);
    expect(parts).toEqual([
      { text: '<b>', mark: false },
      { text: 'Water', mark: true },
      { text: '</b> & ', mark: false },
      { text: 'waters', mark: true },
      { text: ' flow.', mark: false },
    ]);
  });
});
