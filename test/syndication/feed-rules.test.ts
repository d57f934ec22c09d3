import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startFeedPoller } from '../../src/syndication/poller.js';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { fixedClock } from '../../src/clock.js';
import { createCategory, createAuthor } from '../../src/content/taxonomy.service.js';
import { addFeedSource, removeFeedSource } from '../../src/syndication/sources.service.js';
import { backoffMinutes, pollDueSources, pollSourceById } from '../../src/syndication/poll.service.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

const STORY = 'The harbour authority said on Monday that freight volumes through the eastern terminals rose by a fifth over the year, driven by container traffic from new shipping lines and a rebuilt rail link to the inland depots serving three provinces.';

function rss(items: { guid?: string; link?: string; title: string; body: string; date?: string; cats?: string[] }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>${items
    .map((i) => `<item>${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''}${i.link ? `<link>${i.link}</link>` : ''}<title>${i.title}</title><dc:creator>Wire Desk</dc:creator>${(i.cats ?? []).map((c) => `<category>${c}</category>`).join('')}<pubDate>${i.date ?? 'Thu, 19 Nov 2026 10:00:00 GMT'}</pubDate><content:encoded><![CDATA[${i.body}]]></content:encoded></item>`)
    .join('')}</channel></rss>`;
}

describeEachEngine('feed import rules', (engine) => {
  const database = useTestDatabase(engine);
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  let server: FeedServer;
  const feeds = new Map<string, string>();
  beforeAll(async () => {
    server = await startFeedServer();
    for (const name of ['a', 'b', 'c']) server.routes.set(`/${name}.xml`, (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feeds.get(name) ?? ''));
    server.routes.set('/moved.xml', (_req, res) => res.writeHead(301, { location: '/a.xml' }).end());
    server.routes.set('/loop.xml', (_req, res) => res.writeHead(302, { location: '/loop.xml' }).end());
    server.routes.set('/slow.xml', () => {});
    server.routes.set('/huge.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss([{ guid: 'x', title: 'Huge', body: 'x'.repeat(300_000) }]));
    });
    server.routes.set('/down.xml', (_req, res) => res.writeHead(503).end('down'));
  });
  afterAll(() => server?.close());
  const deps = () => ({ db: database.current.db, clock, allowPrivate: true, fetch: { timeoutMs: 500, maxBytes: 200_000 } });

  it('imports each item once, in its category and under its default author, with tags from its categories', async () => {
    const db = database.current.db;
    const cat = await createCategory(db, { name: 'Wires', slug: 'wires' }, clock);
    const author = await createAuthor(db, { name: 'Desk Editor', slug: 'desk' }, clock);
    const id = await addFeedSource(db, { feedUrl: `${server.url}/a.xml`, name: 'Harbor Wire', category: 'wires', author: 'desk', mode: 'publish' }, clock);
    feeds.set('a', rss([
      { guid: 'g1', link: 'https://harbor.example/1', title: 'Freight rises', body: `<p>${STORY}</p><img src="/img/ship.jpg" alt="ship">`, cats: ['Ports', 'Trade'] },
      { guid: 'g2', link: 'https://harbor.example/2', title: 'Second story', body: '<p>Other news entirely about the city council budget vote and the new tram line to the airport.</p>' },
    ]));
    const first = await pollSourceById(deps(), id);
    expect(first).toMatchObject({ status: 'ok', created: 2, errors: [] });
    // a headline longer than we store is cut at a word, not refused
    feeds.set('a', rss([{ guid: 'long', title: 'word '.repeat(200), body: '<p>Short body about a very long headline that some outlet published.</p>' }]));
    expect(await pollSourceById(deps(), id)).toMatchObject({ created: 1, errors: [] });
    const long = await db.selectFrom('articles').select('title').where('title', 'like', 'word word%').executeTakeFirstOrThrow();
    expect(long.title.length).toBeLessThanOrEqual(500);
    expect(long.title.endsWith('…')).toBe(true);
    await db.deleteFrom('articles').where('title', 'like', 'word word%').execute();
    const row = await db.selectFrom('articles').selectAll().where('original_url', '=', 'https://harbor.example/1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'published', primary_category_id: cat, source_id: id, original_author: 'Wire Desk', published_at: '2026-11-19T10:00:00.000Z' });
    expect(row.body_html).toContain(`src="${server.url}/img/ship.jpg"`);
    const authors = await db.selectFrom('article_authors').select('author_id').where('article_id', '=', row.id).execute();
    expect(authors.map((a) => a.author_id)).toEqual([author]);
    const tags = await db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select('tags.slug').where('article_id', '=', row.id).orderBy('tags.slug').execute();
    expect(tags.map((t) => t.slug)).toEqual(['ports', 'trade']);

    // reordered, and the same story under a new GUID but the same link: nothing new
    feeds.set('a', rss([
      { guid: 'g2', link: 'https://harbor.example/2', title: 'Second story', body: '<p>Other news entirely about the city council budget vote and the new tram line to the airport.</p>' },
      { guid: 'g1-renamed', link: 'https://harbor.example/1', title: 'Freight rises', body: `<p>${STORY}</p><img src="/img/ship.jpg" alt="ship">`, cats: ['Ports', 'Trade'] },
    ]));
    const again = await pollSourceById(deps(), id);
    expect(again).toMatchObject({ created: 0, unchanged: 2 });
    expect(await db.selectFrom('articles').select('id').where('source_id', '=', id).execute()).toHaveLength(2);
    // an edited item never changes a published story
    feeds.set('a', rss([{ guid: 'g1', link: 'https://harbor.example/1', title: 'Freight rises sharply', body: `<p>${STORY} Updated.</p>` }]));
    expect(await pollSourceById(deps(), id)).toMatchObject({ created: 0, updated: 0 });
    expect((await db.selectFrom('articles').select('title').where('id', '=', row.id).executeTakeFirstOrThrow()).title).toBe('Freight rises');
  });

  it('updates an edited item while it is an untouched draft, and never after an editor changed it', async () => {
    const db = database.current.db;
    const id = await addFeedSource(db, { feedUrl: `${server.url}/b.xml`, name: 'Draft Wire' }, clock);
    feeds.set('b', rss([{ guid: 'd1', title: 'Council votes', body: '<p>The council voted on the budget for next year after a long debate about the tram.</p>' }]));
    await pollSourceById(deps(), id);
    const art = await db.selectFrom('articles').select(['id', 'status']).where('source_id', '=', id).executeTakeFirstOrThrow();
    expect(art.status).toBe('draft');
    clock.advance(60_000);
    feeds.set('b', rss([{ guid: 'd1', title: 'Council votes yes', body: '<p>The council approved the budget.</p>' }]));
    expect(await pollSourceById(deps(), id)).toMatchObject({ updated: 1 });
    expect((await db.selectFrom('articles').select('title').where('id', '=', art.id).executeTakeFirstOrThrow()).title).toBe('Council votes yes');
    // an editor touches it
    await db.updateTable('articles').set({ title: 'Edited by us', updated_at: '2026-11-20T13:00:00.000Z' }).where('id', '=', art.id).execute();
    feeds.set('b', rss([{ guid: 'd1', title: 'Council votes yes, again', body: '<p>Changed once more.</p>' }]));
    expect(await pollSourceById(deps(), id)).toMatchObject({ updated: 0, created: 0 });
    expect((await db.selectFrom('articles').select('title').where('id', '=', art.id).executeTakeFirstOrThrow()).title).toBe('Edited by us');
  });

  it('holds the same story from a second outlet as a near-duplicate instead of publishing it twice', async () => {
    const db = database.current.db;
    const id = await addFeedSource(db, { feedUrl: `${server.url}/c.xml`, name: 'Other Wire', mode: 'publish' }, clock);
    feeds.set('c', rss([
      { guid: 'o1', link: 'https://other.example/freight', title: 'Freight volumes up a fifth', body: `<p>${STORY.replace('on Monday', 'on Monday morning')}</p>` },
      { guid: 'o2', link: 'https://other.example/else', title: 'Unrelated', body: '<p>A football club in the north signed a new goalkeeper from a team in the second division this week.</p>' },
    ]));
    expect(await pollSourceById(deps(), id)).toMatchObject({ created: 2, held: 1 });
    const held = await db.selectFrom('articles').select('status').where('original_url', '=', 'https://other.example/freight').executeTakeFirstOrThrow();
    expect(held.status).toBe('pending');
    const item = await db.selectFrom('syndication_items').select('held_reason').where('guid', '=', 'o1').executeTakeFirstOrThrow();
    expect(item.held_reason).toMatch(/^near-duplicate of article \d+$/);
    const other = await db.selectFrom('articles').select('status').where('original_url', '=', 'https://other.example/else').executeTakeFirstOrThrow();
    expect(other.status).toBe('published');
  });

  it('follows redirects, and records loops, timeouts, oversized bodies and HTTP errors as the source\'s error with exponential backoff', async () => {
    const db = database.current.db;
    const moved = await addFeedSource(db, { feedUrl: `${server.url}/moved.xml`, name: 'Moved' }, clock);
    expect((await pollSourceById(deps(), moved))!.status).toBe('ok');
    const cases: [string, RegExp][] = [
      ['loop', /more than 5 redirects/],
      ['slow', /no complete answer within 500 ms/],
      ['huge', /limit/],
      ['down', /HTTP 503/],
    ];
    const ids: number[] = [];
    for (const [name] of cases) ids.push(await addFeedSource(db, { feedUrl: `${server.url}/${name}.xml`, name, intervalMinutes: 30 }, clock));
    // one round over everything due: the failures do not stop the good source
    await db.updateTable('sources').set({ next_fetch_at: null }).execute();
    const outcomes = await pollDueSources(deps());
    expect(outcomes.find((o) => o.sourceId === moved)!.status).toBe('ok');
    for (const [i, [, message]] of cases.entries()) {
      const s = await db.selectFrom('sources').selectAll().where('id', '=', ids[i]!).executeTakeFirstOrThrow();
      expect(s.status).toBe('error');
      expect(s.last_error).toMatch(message);
      expect(s.failure_count).toBe(1);
      expect(s.next_fetch_at).toBe(new Date(clock.now().getTime() + 30 * 60_000).toISOString());
    }
    // not due again until the backoff passes; then twice as long
    expect((await pollDueSources(deps())).map((o) => o.sourceId)).not.toContain(ids[3]);
    clock.advance(31 * 60_000);
    await pollDueSources(deps());
    const down = await db.selectFrom('sources').selectAll().where('id', '=', ids[3]!).executeTakeFirstOrThrow();
    expect(down.failure_count).toBe(2);
    expect(down.next_fetch_at).toBe(new Date(clock.now().getTime() + 60 * 60_000).toISOString());
    expect(backoffMinutes(60, 20)).toBe(24 * 60);
  });

  it('refuses internal addresses when private fetching is not allowed', async () => {
    const db = database.current.db;
    const id = await addFeedSource(db, { feedUrl: `${server.url}/a.xml?private`, name: 'Sneaky' }, clock);
    const out = await pollSourceById({ ...deps(), allowPrivate: false }, id);
    expect(out!.status).toBe('error');
    expect(out!.error).toMatch(/internal address/);
  });

  it('polls due sources from the in-process poller as soon as it starts', async () => {
    const db = database.current.db;
    feeds.set('c', rss([{ guid: 'p1', title: 'Polled by the timer', body: '<p>The poller found this one on its own, without anyone asking for it.</p>' }]));
    await db.updateTable('sources').set({ next_fetch_at: null, etag: null }).where('feed_url', '=', `${server.url}/c.xml`).execute();
    const stop = startFeedPoller({ ...deps(), engine: database.current.engine }, 3_600_000);
    try {
      await vi.waitFor(async () => expect(await db.selectFrom('articles').select('id').where('title', '=', 'Polled by the timer').executeTakeFirst()).toBeTruthy(), { timeout: 10_000, interval: 100 });
    } finally {
      stop();
    }
  });

  it('reads MASTHEAD_FETCH_ALLOW_PRIVATE strictly', () => {
    expect(loadConfig({}).fetchAllowPrivate).toBe(false);
    expect(loadConfig({ MASTHEAD_FETCH_ALLOW_PRIVATE: '1' }).fetchAllowPrivate).toBe(true);
    expect(() => loadConfig({ MASTHEAD_FETCH_ALLOW_PRIVATE: 'maybe' })).toThrow(/MASTHEAD_FETCH_ALLOW_PRIVATE must be 0 or 1/);
  });

  it('validates a new source and removes one while keeping its stories', async () => {
    const db = database.current.db;
    await expect(addFeedSource(db, { feedUrl: 'ftp://x.example/feed', name: 'X' }, clock)).rejects.toThrow(/http\(s\) URL/);
    await expect(addFeedSource(db, { feedUrl: 'https://x.example/feed', name: 'X', category: 'nope' }, clock)).rejects.toThrow(/no category with the slug "nope"/);
    await expect(addFeedSource(db, { feedUrl: `${server.url}/a.xml`, name: 'Again' }, clock)).rejects.toThrow(/already source/);
    const src = await db.selectFrom('sources').select('id').where('feed_url', '=', `${server.url}/a.xml`).executeTakeFirstOrThrow();
    const stories = await db.selectFrom('articles').select('id').where('source_id', '=', src.id).execute();
    expect(await removeFeedSource(db, src.id)).toBe(true);
    for (const s of stories) expect(await db.selectFrom('articles').select('source_id').where('id', '=', s.id).executeTakeFirstOrThrow()).toEqual({ source_id: null });
    expect(await removeFeedSource(db, src.id)).toBe(false);
  });
});
