import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { ChangeBus, type ChangeEvent } from '../../src/events.js';
import { addFeedSource } from '../../src/syndication/sources.service.js';
import { pollDueSources, pollSourceById, type PollOutcome } from '../../src/syndication/poll.service.js';
import { corpusFiles, FEEDS, startFeedServer, type FeedServer } from './feed-server.js';

const files = corpusFiles(FEEDS);

/** Items in a feed counted straight from its text, without our parser: the independent count. */
function independentCount(file: string): number | null {
  const bytes = fs.readFileSync(path.join(FEEDS, file));
  if (file.endsWith('.json')) {
    try {
      return (JSON.parse(bytes.toString('utf8')) as { items?: unknown[] }).items?.length ?? 0;
    } catch {
      return null;
    }
  }
  const text = bytes.toString('latin1').replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  return (text.match(/<(?:\w+:)?(?:item|entry)[\s>]/g) ?? []).length;
}

/** Files that are not feeds at all: they must fail as the source's error, never as a crash. */
const NOT_FEEDS = ['rss-parser/unrecognized.rss', 'jsonfeed/allthis-partial.json', 'feedparser/illformed/rss_empty_document.xml'];

describeEachEngine('feed corpus through the whole fetch path', (engine) => {
  const database = useTestDatabase(engine);
  let server: FeedServer;
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const events: ChangeEvent[] = [];
  const sourceOf = new Map<string, number>();
  let first: Map<number, PollOutcome>;

  beforeAll(async () => {
    server = await startFeedServer();
    const db = database.current.db;
    for (const file of files) {
      const id = await addFeedSource(db, { feedUrl: `${server.url}/corpus/${file}`, name: file, mode: file.startsWith('rss-parser/guardian') ? 'publish' : 'draft' }, clock);
      sourceOf.set(file, id);
    }
    const bus = new ChangeBus();
    bus.on((e) => void events.push(e));
    const outcomes = await pollDueSources({ db, clock, events: bus, allowPrivate: true, fetch: { timeoutMs: 10_000 } });
    first = new Map(outcomes.map((o) => [o.sourceId, o]));
  });
  afterAll(() => server?.close());

  it.skipIf(!files.length)('polls every source, one bad one never stopping the others', () => {
    expect(first.size).toBe(files.length);
  });

  it.skipIf(!files.length).each(files.filter((f) => !NOT_FEEDS.includes(f)))('%s: every item is imported or skipped with a reason', async (file) => {
    const db = database.current.db;
    const id = sourceOf.get(file)!;
    const outcome = first.get(id)!;
    const expected = independentCount(file);
    const articles = await db.selectFrom('articles').select(['id', 'status', 'source_id']).where('source_id', '=', id).execute();
    const skipped = outcome.errors.filter((e) => /no title and no text/.test(e)).length;
    expect(outcome.status, outcome.error ?? '').toBe('ok');
    expect(articles.length).toBe(outcome.created);
    // the ill-formed ones may lose items after the break; never more than the document holds
    if (file.includes('illformed/') || outcome.error?.includes('unclosed')) expect(articles.length + skipped).toBeLessThanOrEqual(expected!);
    else expect(articles.length + skipped, outcome.errors.join('\n')).toBe(expected);
    expect(outcome.errors.filter((e) => !/no title and no text/.test(e))).toEqual([]);
    const source = await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(source.status).toBe('ok');
    expect(source.failure_count).toBe(0);
    expect(source.etag).toMatch(/^"[0-9a-f]{40}"$/);
  });

  it.skipIf(!files.length).each(NOT_FEEDS)('%s: fails as the source\'s error, with a backoff', async (file) => {
    const db = database.current.db;
    const source = await db.selectFrom('sources').selectAll().where('id', '=', sourceOf.get(file)!).executeTakeFirstOrThrow();
    expect(source.status).toBe('error');
    expect(source.last_error).toMatch(/not a feed|not valid JSON|empty/);
    expect(source.failure_count).toBe(1);
    expect(source.next_fetch_at! > clock.now().toISOString()).toBe(true);
  });

  it.skipIf(!files.length)('answers 304s on the second poll and imports nothing twice', async () => {
    const db = database.current.db;
    const before = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const hitsBefore = server.hits.get('/corpus/rss-parser/guardian.rss');
    for (const file of ['rss-parser/guardian.rss', 'rss-parser/rss-1.rss', 'jsonfeed/DaringFireball.json']) {
      const again = await pollSourceById({ db, clock, allowPrivate: true }, sourceOf.get(file)!);
      expect(again!.status).toBe('not-modified');
    }
    expect(server.hits.get('/corpus/rss-parser/guardian.rss')).toBe(hitsBefore! + 1);
    // without the validators the server sends the whole feed again: still nothing new
    await db.updateTable('sources').set({ etag: null, last_modified: null }).execute();
    const full = await pollSourceById({ db, clock, allowPrivate: true }, sourceOf.get('rss-parser/guardian.rss')!);
    expect(full!.status).toBe('ok');
    expect(full!.created).toBe(0);
    expect(full!.unchanged).toBe(55);
    const after = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it.skipIf(!files.length)('publishes items from a publish-mode source, attributed, with a change event, and keeps drafts off the site', async () => {
    const db = database.current.db;
    const app = await buildTestApp(database.current);
    try {
      const guardian = sourceOf.get('rss-parser/guardian.rss')!;
      const story = await db.selectFrom('articles').selectAll().where('source_id', '=', guardian).where('title', 'like', 'Trump State of the Union%').executeTakeFirstOrThrow();
      expect(story.status).toBe('published');
      expect(story.original_url).toBe('https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord');
      expect(story.original_author).toBe('David Smith in Washington');
      expect(story.published_at).toBe('2018-01-31T07:26:05.000Z');
      const page = await app.inject({ url: `/${story.slug}/` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Trump State of the Union address');
      expect(page.body).toMatch(/Source:\s*(<a[^>]*>)?rss-parser\/guardian\.rss/);
      // sources default to crediting the original with rel=canonical
      expect(page.body).toContain(`<link rel="canonical" href="${story.original_url}"`);
      const tag = await app.inject({ url: '/tag/donald-trump/' });
      expect(tag.statusCode).toBe(200);
      expect(tag.body).toContain('Trump State of the Union address');
      expect(events.filter((e) => e.kind === 'article.published' && e.tags.includes(`list:source:${guardian}`))).toHaveLength(55);
      const draft = await db.selectFrom('articles').select(['slug', 'status']).where('source_id', '=', sourceOf.get('rss-parser/heise.atom')!).executeTakeFirstOrThrow();
      expect(draft.status).toBe('draft');
      expect((await app.inject({ url: `/${draft.slug}/` })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it.skipIf(!files.length)('sanitizes imported bodies: scripts and handlers gone, images kept with absolute URLs', async () => {
    const db = database.current.db;
    const bodies = await db.selectFrom('articles').select(['body_html', 'source_id']).execute();
    for (const b of bodies) {
      // as markup, that is: a programming blog may well write about "&lt;script>" in its text
      expect(b.body_html).not.toMatch(/<script[\s>]|<[^>]+\son\w+\s*=|(href|src)\s*=\s*"\s*javascript:/i);
    }
    const fcUtrecht = await db.selectFrom('articles').select('body_html').where('source_id', '=', sourceOf.get('rsparser/phpxml.rss')!).where('title', 'like', 'Serdar%').executeTakeFirstOrThrow();
    // the feed's images are site-relative ("/pictures/…"): they must point back at where the feed came from
    expect(fcUtrecht.body_html).toContain(`<img src="${server.url}/pictures/100/scheids.jpg"`);
    const unicode = await db.selectFrom('articles').select('body_html').where('source_id', '=', sourceOf.get('feedparser/wf-base/rel_uri_with_unicode_character.xml')!).executeTakeFirstOrThrow();
    expect(unicode.body_html).toContain('href="http://any.test/%C3%80"');
    // relative links resolve against the xml:base the entry inherits
    const based = await db.selectFrom('articles').select('body_html').where('source_id', '=', sourceOf.get('feedparser/wf-base/entry_content_xml_base_inherit.xml')!).executeTakeFirstOrThrow();
    expect(based.body_html).toBe('Example <a href="http://example.com/test/test.html">test</a>');
  });
});
