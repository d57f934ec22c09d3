import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/app.js';
import { hoursAgo, makeArticle, NOW } from '../helpers/fixtures.js';
import { fixedClock } from '../../src/clock.js';
import { createAuthor, createCategory } from '../../src/content/taxonomy.service.js';
import { feedparser, feedparserMissing, xmllint, xmllintMissing } from './real-clients.js';
import { readJsonFeed } from './json-feed-rules.js';

const B = TEST_BASE_URL;
const clientsMissing = feedparserMissing ?? xmllintMissing;
const skipNote = clientsMissing ? ` (SKIPPED: ${clientsMissing})` : '';
// what an old import might have left in the database: controls XML 1.0 forbids, among text that must survive
const RAW_TITLE = 'Fish & chips <b>not bold</b> ]]> 🚀 مرحبا\u0001\u0008\u000B\u001F\uFFFE end';
const CLEAN_TITLE = 'Fish & chips <b>not bold</b> ]]> 🚀 مرحبا end';
const RAW_BODY = '<p>Tricky ]]&gt; &amp; &lt;tag&gt; 🚀 مرحبا\u0002\u001B here</p>';

describeEachEngine('feeds and sitemaps with hostile text', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;

  beforeAll(async () => {
    const db = database.current.db;
    const clock = fixedClock(NOW);
    const desk = await createCategory(db, { name: 'Desk & <Co> ]]>', slug: 'desk' }, clock);
    const writer = await createAuthor(db, { name: 'Zoë <O’Brien> & نور', slug: 'zoe' }, clock);
    const { id } = await makeArticle(db, { title: 'placeholder', slug: 'hostile', categoryId: desk, authorIds: [writer], publishedAt: hoursAgo(1) });
    // straight into the table, as a legacy import might: createArticle itself would strip the controls
    await db.updateTable('articles').set({ title: RAW_TITLE, body_html: RAW_BODY, summary: `Summary \u0007 ]]> ${'&'}` }).where('id', '=', id).execute();
    app = await buildTestApp(database.current, clock);
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  describe.skipIf(clientsMissing)(`read by feedparser and xmllint${skipNote}`, () => {
    for (const url of ['/feed/', '/feed/atom/', '/category/desk/feed/', '/category/desk/feed/atom/', '/author/zoe/feed/']) {
      it(`${url} stays well-formed and keeps &, <, ]]>, emoji and Arabic while dropping control characters`, async () => {
        const res = await get(url);
        expect(res.statusCode).toBe(200);
        // eslint-disable-next-line no-control-regex
        expect(res.body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
        expect(xmllint(res.body).ok).toBe(true);
        const feed = feedparser(res.body);
        expect(feed.bozo, String(feed.bozo_exception)).toBe(0);
        const entry = feed.entries[0]!;
        expect(entry.title).toBe(CLEAN_TITLE);
        expect(entry.content[0]!.value).toBe('<p>Tricky ]]&gt; &amp; &lt;tag&gt; 🚀 مرحبا here</p>');
        expect(entry.summary).toBe('Summary  ]]> &');
        expect(entry.authors[0]!.name).toBe('Zoë <O’Brien> & نور');
        if (url.startsWith('/category/')) expect(feed.feed.title).toBe('Desk & <Co> ]]> – Masthead');
      });
    }

    it('JSON Feed keeps the same text and passes the spec rules', async () => {
      const feed = readJsonFeed((await get('/feed.json')).body);
      expect(feed.entries[0]!.title).toBe(CLEAN_TITLE);
      expect(feed.entries[0]!.content[0]!.value).toBe('<p>Tricky ]]&gt; &amp; &lt;tag&gt; 🚀 مرحبا here</p>');
    });

    it('sitemaps and the news sitemap stay well-formed and valid', async () => {
      for (const url of ['/sitemap.xml', '/sitemap-posts-1.xml', '/sitemap-categories-1.xml', '/sitemap-authors-1.xml', '/news-sitemap.xml']) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        const lint = xmllint(res.body, { xsd: url === '/sitemap.xml' ? 'siteindex' : 'sitemap' });
        expect(lint.ok, `${url}: ${lint.err}`).toBe(true);
      }
      const news = (await get('/news-sitemap.xml')).body;
      expect(xmllint(news, { xpath: "//*[local-name()='title']/text()" }).out.trim()).toBe(CLEAN_TITLE.replace('&', '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    });
  });

  it('the story page itself still renders', async () => {
    const res = await get('/hostile/');
    expect(res.statusCode).toBe(200);
    expect(parse(res.body).querySelector('h1')?.textContent).toContain('Fish & chips <b>not bold</b> ]]> 🚀');
  });
});

describeEachEngine('an empty site', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildTestApp(database.current, fixedClock(NOW));
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  it.skipIf(feedparserMissing)(`serves empty but readable feeds${feedparserMissing ? ` (SKIPPED: ${feedparserMissing})` : ''}`, async () => {
    for (const url of ['/feed/', '/feed/atom/']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['last-modified']).toBeUndefined();
      const feed = feedparser(res.body);
      expect(feed.bozo, String(feed.bozo_exception)).toBe(0);
      expect(feed.feed.title).toBe('Masthead');
      expect(feed.entries).toEqual([]);
    }
    expect(readJsonFeed((await get('/feed.json')).body).entries).toEqual([]);
  });

  it.skipIf(xmllintMissing)(`serves a valid sitemap index naming the home page${xmllintMissing ? ` (SKIPPED: ${xmllintMissing})` : ''}`, async () => {
    const index = (await get('/sitemap.xml')).body;
    expect(xmllint(index, { xsd: 'siteindex' }).ok).toBe(true);
    expect(xmllint(index, { xpath: "//*[local-name()='loc']/text()" }).out.trim()).toBe(`${B}/sitemap-pages-1.xml`);
    const pages = (await get('/sitemap-pages-1.xml')).body;
    expect(xmllint(pages, { xsd: 'sitemap' }).ok).toBe(true);
    expect(xmllint(pages, { xpath: "//*[local-name()='loc']/text()" }).out.trim()).toBe(`${B}/`);
    expect((await get('/sitemap-posts-1.xml')).statusCode).toBe(404);
    const news = await get('/news-sitemap.xml');
    expect(xmllint(news.body).ok).toBe(true);
    expect(xmllint(news.body, { xpath: "count(//*[local-name()='url'])" }).out.trim()).toBe('0');
    expect((await get('/robots.txt')).body).toContain(`Sitemap: ${B}/sitemap.xml`);
  });
});
