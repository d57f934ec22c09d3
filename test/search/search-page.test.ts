import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { seedSearchNewsroom } from './search-fixtures.js';

const text = (el: HTMLElement | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describeEachEngine('search page', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let ip = 0;

  beforeAll(async () => {
    await seedSearchNewsroom(database.current.db);
    app = await buildTestApp(database.current);
  });
  afterAll(async () => {
    await app?.close();
  });

  /** One search from a fresh address, so the rate limit never interferes. */
  async function search(params: Record<string, string>, status = 200) {
    const qs = new URLSearchParams(params).toString();
    const res = await app.inject({ method: 'GET', url: `/search/?${qs}`, remoteAddress: `10.1.${Math.floor(++ip / 250)}.${ip % 250}` });
    expect(res.statusCode, `${qs} → ${res.statusCode}: ${res.body.slice(0, 200)}`).toBe(status);
    const doc = parse(res.body);
    return { res, doc, titles: doc.querySelectorAll('.search-result .teaser__title').map(text), notices: doc.querySelectorAll('.search-notices li').map(text), count: text(doc.querySelector('.search-count')) };
  }

  describe('ranking', () => {
    it('ranks a title match above a passing mention, and never shows drafts', async () => {
      const { titles, count } = await search({ q: 'desalination' });
      expect(titles).toEqual(['Desalination plant opens on the coast', 'Coastal towns count the cost of summer']);
      expect(count).toBe('2 stories found.');
    });

    it('puts the newer of two equally relevant stories first', async () => {
      const { titles } = await search({ q: '"solar farm"' });
      expect(titles).toEqual(['Solar farm approved near the river', 'Solar farm approved near the border']);
    });

    it('matches phrases only when the words are together, and words anywhere otherwise', async () => {
      expect((await search({ q: '"solar farm"' })).titles).not.toContain('A farm without panels');
      expect((await search({ q: 'solar farm' })).titles).toContain('A farm without panels');
    });

    it('stems English words and expands prefixes', async () => {
      expect((await search({ q: 'opening' })).titles).toContain('Desalination plant opens on the coast');
      expect((await search({ q: 'desal*' })).titles).toEqual(['Desalination plant opens on the coast', 'Coastal towns count the cost of summer']);
      expect((await search({ q: 'gonab*' })).titles).toContain('Why the Gonabad qanat still flows');
      // a prefix past the stem, and an Arabic prefix, find the same on both engines
      expect((await search({ q: 'desalinat*' })).titles).toEqual(['Desalination plant opens on the coast', 'Coastal towns count the cost of summer']);
      expect((await search({ q: 'مؤتم*' })).titles).toEqual(['مُؤْتَمَرُ الطّاقـــة في الإمارات']);
      expect((await search({ q: 'qzx*' })).titles).toEqual([]);
    });

    it('searches tags and author names too', async () => {
      expect((await search({ q: 'irrigation' })).titles).toEqual(expect.arrayContaining(['Mapping the qanats of Yazd', 'Why the Gonabad qanat still flows']));
      const byAuthor = await search({ q: 'haddad desalination' });
      expect(byAuthor.titles).toEqual(['Desalination plant opens on the coast']);
    });
  });

  describe('Arabic', () => {
    const title = 'مُؤْتَمَرُ الطّاقـــة في الإمارات';
    it.each([
      ['مؤتمر', 'with hamza'],
      ['موتمر', 'without hamza'],
      ['مُؤْتَمَر', 'with diacritics'],
      ['الطاقة', 'ta marbuta, no tatweel'],
      ['الطاقه', 'ha for ta marbuta'],
      ['الامارات', 'bare alef for hamza below'],
      ['أحمد', 'the name with hamza'],
      ['احمد', 'the name without hamza'],
      ['إحمد', 'the name with hamza below'],
    ])('finds the story typing %s (%s)', async (q) => {
      const { titles } = await search({ q });
      expect(titles).toEqual([title]);
    });

    it('highlights the name as written in the story, diacritics and all', async () => {
      const { doc } = await search({ q: 'احمد' });
      expect(doc.querySelectorAll('.search-result mark').map(text)).toEqual(['أَحْمَد']);
    });
  });

  describe('filters and paging', () => {
    it('filters by section, author and dates, keeping the choices in the form', async () => {
      expect((await search({ q: 'solar', category: 'politics' })).titles).toHaveLength(3);
      expect((await search({ q: 'solar', category: 'science' })).titles).toEqual([]);
      const byAuthor = await search({ q: 'solar', author: 'maryam-haddad' });
      expect(byAuthor.titles).toEqual(['Solar farm approved near the river']);
      expect(byAuthor.doc.querySelector('select[name="author"] option[selected]')?.getAttribute('value')).toBe('maryam-haddad');
      expect((await search({ q: 'solar', from: '2026-11-18' })).titles).toEqual(['Solar farm approved near the river']);
      const until = await search({ q: 'solar', to: '2026-11-17' });
      expect(until.titles.sort()).toEqual(['A farm without panels', 'Solar farm approved near the border']);
      expect(until.doc.querySelector('input[name="to"]')?.getAttribute('value')).toBe('2026-11-17');
    });

    it('explains a bad date and keeps what was typed', async () => {
      const { doc, notices } = await search({ q: 'solar', from: '2026-02-31' }, 400);
      expect(notices).toEqual(['That date does not exist.']);
      expect(doc.querySelector('#search-page-q')?.getAttribute('value')).toBe('solar');
      expect(doc.querySelector('input[name="from"]')?.getAttribute('value')).toBe('2026-02-31');
      expect((await search({ q: 'solar', to: 'yesterday' }, 400)).notices).toEqual(['Dates must look like 2026-11-23.']);
    });

    it('says when a section does not exist instead of failing', async () => {
      const { titles, notices } = await search({ q: 'desalination', category: 'no-such-section' });
      expect(titles).toHaveLength(2);
      expect(notices[0]).toMatch(/section does not exist/);
    });

    it('pages through results, keeping the query and filters in the links', async () => {
      const first = await search({ q: 'qanat', category: 'science' });
      expect(first.titles).toHaveLength(3);
      const next = first.doc.querySelector('.pagination a[rel="next"]')?.getAttribute('href');
      expect(next).toBe('/search/?q=qanat&category=science&page=2');
      const second = await search({ q: 'qanat', category: 'science', page: '2' });
      expect(second.titles.length).toBeGreaterThan(0);
      expect(second.titles.filter((t) => first.titles.includes(t))).toEqual([]);
      await search({ q: 'qanat', page: '99' }, 404);
      await search({ q: 'qanat', page: '0' }, 400);
    });

    it('is not indexed by search engines', async () => {
      const { doc, res } = await search({ q: 'solar' });
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
      expect(res.headers['cache-control']).toBe('no-cache');
    });
  });

  describe('snippets', () => {
    it('marks the searched words and prints the story text escaped', async () => {
      const { res, doc } = await search({ q: 'pipeline' });
      const snippet = doc.querySelector('.search-result__snippet')!;
      expect(snippet.querySelectorAll('mark').map(text)).toEqual(['pipeline']);
      expect(text(snippet)).toContain('Engineers wrote that 5 < 6 & “quotes” matter');
      expect(res.body).toContain('5 &lt; 6 &amp;');
      expect(snippet.querySelector('img')).toBeNull();
    });
  });

  describe('bad queries', () => {
    it.each([
      ['unbalanced quote', '"solar farm'],
      ['FTS operators', 'solar AND OR NOT NEAR(farm) ^title:x'],
      ['lone star', '*'],
      ['stars and minus', '** -solar +farm'],
      ['column filter', 'title:solar'],
      ['parentheses', '((("'],
      ['backslash and quotes', `\\"'solar'`],
      ['SQL', "'; drop table articles; --"],
      ['tsquery syntax', 'solar & !farm | (x <-> y):*'],
      ['NUL', 'solar\u0000farm'],
      ['emoji', '☀️ 🚜 solar'],
      ['lone surrogate', 'solar\ud800'],
    ])('answers %s without an error', async (_name, q) => {
      const { res } = await search({ q });
      expect(res.body).toContain('<h1>');
      expect(res.body).not.toMatch(/Something went wrong/);
    });

    it('finds stories despite an unclosed quote or stray operators', async () => {
      expect((await search({ q: '"solar farm' })).titles).toEqual(['Solar farm approved near the river', 'Solar farm approved near the border']);
      expect((await search({ q: 'desalination AND' })).titles).toHaveLength(2); // "and" is a stop word
    });

    it('cuts long text and says so; 10 KB in the address gets the "too long" page', async () => {
      const { notices, titles } = await search({ q: `desalination ${'plant '.repeat(300)}` });
      expect(notices).toContain('Your search was long, so only its first 200 characters were used.');
      expect(titles).toEqual(['Desalination plant opens on the coast']);
      const { doc } = await search({ q: `desalination ${'x'.repeat(10_240)}` }, 414);
      expect(text(doc.querySelector('h1'))).toBe('Address too long');
    });

    it('explains a query made only of common words', async () => {
      const { notices, titles } = await search({ q: 'the and of' });
      expect(titles).toEqual([]);
      expect(notices).toEqual(['Those words are too common to search for. Try a more specific word.']);
    });

    it('treats repeated parameters as one', async () => {
      const res = await app.inject({ method: 'GET', url: '/search/?q=solar&q=desalination&category=politics&category=x', remoteAddress: '10.9.9.9' });
      expect(res.statusCode).toBe(200);
      expect(parse(res.body).querySelectorAll('.search-result').length).toBe(3);
    });
  });

  it('limits how fast one address can search, per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await app.inject({ method: 'GET', url: '/search/?q=solar', remoteAddress: '10.200.0.1' })).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
    const limited = await app.inject({ method: 'GET', url: '/search/?q=solar', remoteAddress: '10.200.0.1' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toContain('Please wait');
    const other = await app.inject({ method: 'GET', url: '/search/?q=solar', remoteAddress: '10.200.0.2' });
    expect(other.statusCode).toBe(200);
  });
});
