import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { seedDemo } from '../../src/demo/seed.js';
import { demoContent } from '../../src/demo/demo-content.js';
import { feedparserAll, feedparserMissing, xmllint, xmllintMissing } from './real-clients.js';
import { readJsonFeed } from './json-feed-rules.js';

const B = TEST_BASE_URL;
const missing = feedparserMissing ?? xmllintMissing;

/**
 * The demo magazine as a crawler and a feed reader meet it: every list the
 * sitemaps name has three feeds, each read by feedparser (or the JSON Feed
 * rules), listing the same stories its page shows first.
 */
describeEachEngine('the demo magazine, crawled through its sitemaps', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  const clock = fixedClock('2026-11-23T09:00:00.000Z');

  beforeAll(async () => {
    await seedDemo(database.current.db, clock, demoContent);
    app = await buildTestApp(database.current, clock);
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });
  const locs = (xml: string) => xmllint(xml, { xpath: "//*[local-name()='loc']/text()" }).out.split('\n').filter(Boolean);

  it.skipIf(missing)(`every list in the sitemaps has three readable feeds matching its page${missing ? ` (SKIPPED: ${missing})` : ''}`, async () => {
    const children = locs((await get('/sitemap.xml')).body).filter((u) => !u.includes('sitemap-posts-') && !u.includes('sitemap-pages-'));
    expect(children.length).toBe(4);
    const lists = (await Promise.all(children.map(async (u) => locs((await get(u.slice(B.length))).body)))).flat().map((u) => u.slice(B.length));
    expect(lists.length).toBeGreaterThan(15);
    const fetched: { url: string; list: string; body: string; pageTitles: string[] }[] = [];
    for (const list of ['/', ...lists]) {
      const pageTitles = parse((await get(list)).body).querySelectorAll('.teaser__title').map((t) => t.textContent.replace(/\s+/g, ' ').trim());
      for (const suffix of ['feed/', 'feed/atom/', 'feed.json']) {
        const res = await get(list + suffix);
        expect(res.statusCode, list + suffix).toBe(200);
        fetched.push({ url: list + suffix, list, body: res.body, pageTitles });
      }
    }
    const xmlFeeds = fetched.filter((f) => !f.url.endsWith('.json'));
    const parsedXml = new Map(feedparserAll(xmlFeeds.map((f) => f.body)).map((p, i) => [xmlFeeds[i]!.url, p]));
    const report: string[] = [];
    for (const { url, list, body, pageTitles } of fetched) {
      const feed = parsedXml.get(url) ?? readJsonFeed(body);
      expect(feed.bozo, `${url}: ${feed.bozo_exception}`).toBe(0);
      expect(feed.entries.length, url).toBeGreaterThan(0);
      report.push(`${url.padEnd(52)} ${url.endsWith('.json') ? 'JSON Feed rules ok' : `bozo=${feed.bozo}`} entries=${feed.entries.length}`);
      if (list !== '/') {
        // a list page shows up to postsPerPage stories; the feed's first ones are the same (a series page is in part order)
        const titles = feed.entries.map((e) => e.title);
        expect(new Set(titles.slice(0, pageTitles.length)), url).toEqual(new Set(pageTitles.slice(0, titles.length)));
      }
      for (const e of feed.entries) {
        expect(e.link.startsWith(`${B}/`)).toBe(true);
        expect(e.id).toMatch(new RegExp(`^${B}/\\?p=\\d+$`));
        expect(e.published).not.toBeNull();
      }
    }
    console.log(`demo feeds [${engine}]:\n${report.join('\n')}`);
  });

  it.skipIf(xmllintMissing)('every story in the posts sitemap carries complete article structured data', async () => {
    const posts = (await get('/sitemap-posts-1.xml')).body;
    const stories = xmllint(posts, { xpath: "//*[local-name()='url']/*[local-name()='loc']/text()" }).out.split('\n').filter(Boolean).map((u) => u.slice(B.length));
    expect(stories.length).toBeGreaterThan(20);
    const types = new Set<string>();
    for (const url of stories) {
      const doc = parse((await get(url)).body);
      const data = doc.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent));
      const article = data.find((d) => /NewsArticle$/.test(d['@type']));
      expect(article, url).toBeDefined();
      types.add(article['@type']);
      expect(article.headline.length, url).toBeGreaterThan(0);
      expect(article.headline.length).toBeLessThanOrEqual(110);
      expect(Date.parse(article.datePublished), url).not.toBeNaN();
      expect(Date.parse(article.dateModified) >= Date.parse(article.datePublished), url).toBe(true);
      expect(article.author.length, url).toBeGreaterThan(0);
      for (const a of article.author) if (a['@type'] === 'Person' && a.url) expect(a.url.startsWith(`${B}/author/`)).toBe(true);
      expect(article.publisher.logo.url).toMatch(/^https?:\/\//);
      if (article.image) for (const i of article.image) expect(i).toMatch(/^https?:\/\//);
      expect(data.some((d) => d['@type'] === 'BreadcrumbList'), url).toBe(true);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(article.mainEntityOfPage['@id']);
    }
    // the demo has every kind of story
    expect([...types].sort()).toEqual(['AnalysisNewsArticle', 'NewsArticle', 'OpinionNewsArticle', 'ReviewNewsArticle']);
  });
});
