import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { describeEachEngine } from '../helpers/engines.js';
import { TEST_BASE_URL } from '../helpers/app.js';
import { useNewsroomApp } from './newsroom-app.js';
import { hoursAgo } from '../helpers/fixtures.js';
import { saveSettings } from '../../src/content/settings.js';
import { epoch, feedparser, feedparserMissing, type ParsedFeed } from './real-clients.js';
import { checkJsonFeed, readJsonFeed } from './json-feed-rules.js';

const B = TEST_BASE_URL;
type Format = 'rss' | 'atom' | 'json';
const paths = (base: string): Record<Format, string> => ({ rss: `${base}feed/`, atom: `${base}feed/atom/`, json: `${base}feed.json` });

/** Every list's feeds, with the stories the seeded newsroom puts in each (drafts, future and pages never). */
const SCOPES = [
  { base: '/', title: 'The Test Gazette', count: 20 },
  { base: '/category/middle-east/', title: 'Middle East – The Test Gazette', count: 6 },
  { base: '/category/middle-east/iran/', title: 'Iran – The Test Gazette', count: 5 },
  { base: '/category/world/', title: 'World – The Test Gazette', count: 14 },
  { base: '/tag/water/', title: 'Water – The Test Gazette', count: 4 },
  { base: '/author/leila-navabi/', title: 'Leila Navabi – The Test Gazette', count: 5 },
  { base: '/author/sam-ortiz/', title: 'Sam Ortiz – The Test Gazette', count: 16 },
  { base: '/series/running-dry/', title: 'Running Dry – The Test Gazette', count: 3 },
];

/** What feedparser said about each feed, printed once per engine for the closing note. */
const verdicts: string[] = [];

describeEachEngine('feeds', (engine) => {
  const ctx = useNewsroomApp(engine);
  const db = () => ctx.database.db;
  const clock = ctx.clock;

  afterAll(() => {
    if (verdicts.length) console.log(`feedparser verdicts [${engine}]:\n${verdicts.splice(0).join('\n')}`);
  });

  async function fetchFeed(url: string, headers: Record<string, string> = {}) {
    const res = await ctx.app.inject({ method: 'GET', url, headers });
    return res;
  }

  async function parsed(url: string): Promise<ParsedFeed> {
    const res = await fetchFeed(url);
    expect(res.statusCode, url).toBe(200);
    const json = url.endsWith('.json');
    const feed = json ? readJsonFeed(res.body) : feedparser(res.body);
    verdicts.push(`  ${url.padEnd(40)} ${json ? 'JSON Feed 1.1 rules: ok' : `feedparser bozo=${feed.bozo}`} entries=${feed.entries.length} version=${feed.version}`);
    expect(feed.bozo, `${url}: ${feed.bozo_exception}`).toBe(0);
    return feed;
  }

  describe.skipIf(feedparserMissing)(`read by python3-feedparser${feedparserMissing ? ` (SKIPPED: ${feedparserMissing})` : ''}`, () => {
    for (const scope of SCOPES) {
      it(`${scope.base}: RSS, Atom and JSON Feed list the same ${scope.count} stories, newest first`, async () => {
        const rss = await parsed(paths(scope.base).rss);
        const atom = await parsed(paths(scope.base).atom);
        const json = await parsed(paths(scope.base).json);
        expect(rss.version).toBe('rss20');
        expect(atom.version).toBe('atom10');
        expect(json.version).toBe('json11');
        for (const feed of [rss, atom, json]) {
          expect(feed.feed.title).toBe(scope.title);
          expect(feed.feed.link).toBe(B + scope.base);
          expect(feed.entries.length).toBe(scope.count);
          const titles = feed.entries.map((e) => e.title);
          expect(titles).not.toContain('Secret draft headline');
          expect(titles).not.toContain('Embargoed future story');
          expect(titles).not.toContain('About the Gazette');
          const times = feed.entries.map((e) => e.published ?? 0);
          expect(times).toEqual([...times].sort((a, b) => b - a));
        }
        expect(atom.entries.map((e) => e.id)).toEqual(rss.entries.map((e) => e.id));
        expect(json.entries.map((e) => e.id)).toEqual(rss.entries.map((e) => e.id));
        const raw = (await fetchFeed(paths(scope.base).rss)).body + (await fetchFeed(paths(scope.base).json)).body;
        expect(raw).not.toMatch(/marker-|leila-private|@example\.org/);
      });
    }

    it('gives each story its title, link, id-based GUID, bylines, times, full text, tags and image in every format', async () => {
      const lead = ctx.seed.articles.lead;
      for (const format of ['rss', 'atom', 'json'] as Format[]) {
        const feed = await parsed(paths('/')[format]);
        const entry = feed.entries.find((e) => e.title === 'Tehran opens new reservoir & pipeline')!;
        expect(entry, format).toBeDefined();
        expect(entry.link).toBe(`${B}/tehran-reservoir/`);
        expect(entry.id).toBe(`${B}/?p=${lead.id}`);
        expect(entry.authors.map((a) => a.name)).toEqual(['Leila Navabi', 'Sam Ortiz']);
        if (format !== 'rss') expect(entry.authors[0]!.href).toBe(`${B}/author/leila-navabi/`);
        expect(entry.published).toBe(epoch(hoursAgo(2)));
        expect(entry.updated).toBe(epoch(hoursAgo(1)));
        const html = entry.content[0]?.value ?? '';
        expect(html).toContain('<strong>Monday</strong>');
        expect(html).not.toMatch(/<script|onerror/);
        expect(entry.tags).toEqual(expect.arrayContaining(['Water', 'Energy']));
        if (format !== 'json') {
          expect(entry.enclosures[0]).toMatchObject({ href: `${B}/assets/demo/x.svg`, type: 'image/svg+xml' });
        }
        if (format === 'rss') expect(entry.media_content[0]).toMatchObject({ url: `${B}/assets/demo/x.svg`, medium: 'image' });
      }
      const json = JSON.parse((await fetchFeed('/feed.json')).body);
      expect(json.items[0].image).toBe(`${B}/assets/demo/x.svg`);
      // the wire story has no byline of ours beyond the reporter, and an Arabic story keeps its language
      const arabic = json.items.find((i: { title: string }) => i.title === 'محطة تحلية جديدة على الساحل');
      expect(arabic.language).toBe('ar');
      expect(arabic.content_html).toContain('<strong>اليوم</strong>');
    });

    it('gives a demo illustration its real byte length in the enclosure', async () => {
      await db().updateTable('articles').set({ featured_image_url: '/assets/demo/qanat.svg' }).where('id', '=', ctx.seed.articles.wireStory.id).execute();
      const fs = await import('node:fs');
      const size = fs.statSync(new URL('../../src/demo/images/qanat.svg', import.meta.url)).size;
      const rss = await parsed('/feed/');
      const entry = rss.entries.find((e) => e.title === 'Gulf ports report record freight')!;
      expect(entry.enclosures[0]).toMatchObject({ href: `${B}/assets/demo/qanat.svg`, length: String(size), type: 'image/svg+xml' });
      await db().updateTable('articles').set({ featured_image_url: null }).where('id', '=', ctx.seed.articles.wireStory.id).execute();
    });

    it('carries excerpts only, and only as many stories as set, when the settings say so', async () => {
      await saveSettings(db(), { feedContent: 'excerpt', feedSize: 3 });
      try {
        const rss = await parsed('/feed/');
        expect(rss.entries.length).toBe(3);
        // feedparser lists media:description (the image's alt text) as content; the story's HTML must not be there
        expect(rss.entries[0]!.content.map((c) => c.value)).toEqual(['A reservoir at dusk']);
        expect(rss.entries[0]!.summary).toBe('The reservoir opened on Monday. What changes More water.');
        const atom = await parsed('/category/world/feed/atom/');
        expect(atom.entries.length).toBe(3);
        expect(atom.entries[0]!.content).toEqual([]);
        const json = JSON.parse((await fetchFeed('/feed.json')).body);
        expect(json.items.length).toBe(3);
        expect(json.items[0].content_html).toBeUndefined();
        expect(json.items[0].content_text).toBe('The reservoir opened on Monday. What changes More water.');
        checkJsonFeed(json);
      } finally {
        await saveSettings(db(), { feedContent: 'full', feedSize: 20 });
      }
    });
  });

  describe('HTTP', () => {
    it('serves each format with its media type and answers conditional GETs with 304', async () => {
      const types: Record<Format, string> = { rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8', json: 'application/feed+json; charset=utf-8' };
      for (const format of ['rss', 'atom', 'json'] as Format[]) {
        const url = paths('/category/middle-east/iran/')[format];
        const first = await fetchFeed(url);
        expect(first.statusCode).toBe(200);
        expect(first.headers['content-type']).toBe(types[format]);
        const etag = String(first.headers.etag);
        expect(etag).toMatch(/^"[\w-]+"$/);
        // the newest change among its stories: the lead's edit an hour ago
        expect(first.headers['last-modified']).toBe(new Date(hoursAgo(1)).toUTCString());
        const byTag = await fetchFeed(url, { 'if-none-match': etag });
        expect(byTag.statusCode).toBe(304);
        expect(byTag.body).toBe('');
        const byList = await fetchFeed(url, { 'if-none-match': `"other", W/${etag}` });
        expect(byList.statusCode).toBe(304);
        const byDate = await fetchFeed(url, { 'if-modified-since': String(first.headers['last-modified']) });
        expect(byDate.statusCode).toBe(304);
        const older = await fetchFeed(url, { 'if-modified-since': new Date(hoursAgo(3)).toUTCString() });
        expect(older.statusCode).toBe(200);
        const stale = await fetchFeed(url, { 'if-none-match': '"not-this-one"' });
        expect(stale.statusCode).toBe(200);
        expect(stale.body).toBe(first.body);
      }
    });

    it('answers HEAD, redirects WordPress feed aliases and a category feed reached by a short path', async () => {
      expect((await ctx.app.inject({ method: 'HEAD', url: '/feed/' })).statusCode).toBe(200);
      for (const alias of ['/feed/rss2/', '/feed/rss/']) {
        const res = await fetchFeed(alias);
        expect(res.statusCode).toBe(301);
        expect(res.headers.location).toBe('/feed/');
      }
      const short = await fetchFeed('/category/iran/feed/atom/');
      expect(short.statusCode).toBe(301);
      expect(short.headers.location).toBe('/category/middle-east/iran/feed/atom/');
      const noSlash = await fetchFeed('/feed');
      expect(noSlash.statusCode).toBe(301);
      expect(noSlash.headers.location).toBe('/feed/');
    });

    it('404s, as a page, for the feed of a list that does not exist', async () => {
      for (const url of ['/tag/nope/feed/', '/author/nobody/feed.json', '/series/none/feed/atom/', '/category/nowhere/feed/', '/category/middle-east/nowhere/feed/']) {
        const res = await fetchFeed(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.body).toContain('Page not found');
      }
    });

    it('still serves the category pages themselves, and their pagination', async () => {
      expect((await fetchFeed('/category/middle-east/iran/')).statusCode).toBe(200);
      expect((await fetchFeed('/category/world/page/2/')).statusCode).toBe(200);
    });
  });

  describe('bad input', () => {
    it('ignores unreadable conditional headers and answers 200', async () => {
      for (const headers of <Record<string, string>[]>[{ 'if-modified-since': 'yesterday, probably' }, { 'if-none-match': '' }, { 'if-none-match': 'no-quotes' }]) {
        const res = await fetchFeed('/feed/', headers);
        expect(res.statusCode, JSON.stringify(headers)).toBe(200);
        expect(res.body.length).toBeGreaterThan(0);
      }
      expect((await fetchFeed('/feed/', { 'if-none-match': '*' })).statusCode).toBe(304);
    });

    it('refuses feed settings out of range with a clear message, and falls back to defaults for a stored bad value', async () => {
      await expect(saveSettings(db(), { feedSize: 0 })).rejects.toThrow(/feedSize|>=1|too small/i);
      await expect(saveSettings(db(), { feedSize: 101 })).rejects.toThrow();
      await expect(saveSettings(db(), { feedContent: 'everything' as 'full' })).rejects.toThrow();
      await db().insertInto('settings').values({ key: 'feedSize', value: '"lots"' }).onConflict((oc) => oc.column('key').doUpdateSet({ value: '"lots"' })).execute();
      try {
        const json = JSON.parse((await fetchFeed('/feed.json')).body);
        expect(json.items.length).toBe(20);
      } finally {
        await db().deleteFrom('settings').where('key', '=', 'feedSize').execute();
      }
    });

    it('answers a malformed feed address with a 4xx page, never a server error', async () => {
      for (const url of ['/tag/%E0%A4%A/feed/', '/category/a/../feed/', `/tag/${'x'.repeat(3000)}/feed/`, '/author/%00/feed/']) {
        const res = await fetchFeed(url);
        expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, url).toBeLessThan(500);
      }
    });
  });

  describe('autodiscovery', () => {
    it("puts the list's own feeds and the site's feeds in every page's head, and they resolve", async () => {
      const pages: [string, string | null][] = [
        ['/', null],
        ['/category/middle-east/iran/', '/category/middle-east/iran/'],
        ['/tag/water/', '/tag/water/'],
        ['/author/sam-ortiz/', '/author/sam-ortiz/'],
        ['/series/running-dry/', '/series/running-dry/'],
        ['/tehran-reservoir/', null],
        ['/search/?q=water', null],
        ['/no-such-page/', null],
      ];
      for (const [url, own] of pages) {
        const doc = parse((await fetchFeed(url)).body);
        const links = doc.querySelectorAll('head link[rel="alternate"]').map((l) => ({ type: l.getAttribute('type'), href: l.getAttribute('href') }));
        const expected = [...(own ? Object.values(paths(own)) : []), '/feed/', '/feed/atom/', '/feed.json'];
        expect(links.map((l) => l.href), url).toEqual(expected);
        expect(links.map((l) => l.type)).toEqual(expect.arrayContaining(['application/rss+xml', 'application/atom+xml', 'application/feed+json']));
        if (own) for (const href of Object.values(paths(own))) expect((await fetchFeed(href)).statusCode, href).toBe(200);
      }
    });
  });

  describe.skipIf(feedparserMissing)('GUIDs and updated times across edits', () => {
    it('keeps the GUID when a story is retitled and its slug changes, and moves its updated time', async () => {
      const before = await parsed('/feed/atom/');
      const old = before.entries.find((e) => e.link === `${B}/gulf-ports-freight/`)!;
      clock.advance(30 * 60_000);
      await db()
        .updateTable('articles')
        .set({ title: 'Gulf ports report record freight, again', slug: 'gulf-ports-record', updated_at: clock.now().toISOString() })
        .where('id', '=', ctx.seed.articles.wireStory.id)
        .execute();
      for (const format of ['rss', 'atom', 'json'] as Format[]) {
        const after = await parsed(paths('/')[format]);
        const edited = after.entries.find((e) => e.id === old.id)!;
        expect(edited.title).toBe('Gulf ports report record freight, again');
        expect(edited.link).toBe(`${B}/gulf-ports-record/`);
        expect(edited.published).toBe(old.published);
        expect(edited.updated).toBe(epoch(clock.now().toISOString()));
      }
      const rss = await fetchFeed('/feed/');
      expect(rss.headers['last-modified']).toBe(clock.now().toUTCString());
    });
  });
});
