import { describe, expect, it } from 'vitest';
import { isSlug, slugify, uniqueSlug } from '../../src/content/slug.js';

describe('slugify', () => {
  it.each([
    ['Hello World', 'hello-world'],
    ['  Iran’s new   reservoir!  ', 'irans-new-reservoir'],
    ['Café au lait, s’il vous plaît', 'cafe-au-lait-sil-vous-plait'],
    ['Straße & Ærø', 'strasse-and-aero'],
    ['Łódź — Gdańsk', 'lodz-gdansk'],
    ['PART II: The Qanats', 'part-ii-the-qanats'],
    ['2026/11/23 budget', '2026-11-23-budget'],
    ['---', ''],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('keeps Arabic letters and drops their diacritics', () => {
    expect(slugify('مَحطّة تحلية جديدة')).toBe('محطة-تحلية-جديدة');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(100), 50);
    expect(slug.length).toBeLessThanOrEqual(50);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toMatch(/^word(-word)*$/);
  });

  it('recognizes slugs', () => {
    expect(isSlug('hello-world')).toBe(true);
    expect(isSlug('محطة-تحلية')).toBe(true);
    expect(isSlug('Hello')).toBe(false);
    expect(isSlug('a--b')).toBe(false);
    expect(isSlug('-a')).toBe(false);
    expect(isSlug('a/b')).toBe(false);
    expect(isSlug('')).toBe(false);
  });
});

describe('uniqueSlug', () => {
  it('adds -2, -3… as WordPress does', async () => {
    const taken = new Set(['story', 'story-2']);
    expect(await uniqueSlug('story', async (s) => taken.has(s))).toBe('story-3');
    expect(await uniqueSlug('fresh', async (s) => taken.has(s))).toBe('fresh');
    expect(await uniqueSlug('', async () => false)).toBe('untitled');
  });
});
