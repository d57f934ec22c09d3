import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { seedNewsroom } from '../helpers/fixtures.js';
import { articleTags } from '../../src/events.js';
import { saveSettings } from '../../src/content/settings.js';
import { insertComment } from '../../src/comments/comments.repository.js';

const PAGES = ['/', '/page/2/', '/tehran-reservoir/', '/gulf-ports-freight/', '/running-dry-2/', '/category/middle-east/', '/category/middle-east/iran/', '/category/world/', '/tag/water/', '/tag/energy/', '/author/leila-navabi/', '/author/sam-ortiz/', '/series/running-dry/', '/about/', '/desalination-ar/'];

describeEachEngine('page cache and HTTP caching', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let seed: Awaited<ReturnType<typeof seedNewsroom>>;

  beforeAll(async () => {
    seed = await seedNewsroom(database.current.db);
    app = await buildTestApp(database.current, undefined, { caching: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function warm() {
    app.pageCache!.clear();
    for (const url of PAGES) expect((await app.inject({ url })).headers['x-cache'], url).toBe('MISS');
    for (const url of PAGES) expect((await app.inject({ url })).headers['x-cache'], url).toBe('HIT');
  }
  const cached = () => PAGES.filter((url) => app.pageCache!.has(url));

  it('serves repeat requests from memory with the same bytes, strong ETags and 304s', async () => {
    app.pageCache!.clear();
    const first = await app.inject({ url: '/tehran-reservoir/' });
    const second = await app.inject({ url: '/tehran-reservoir/' });
    expect(first.headers['x-cache']).toBe('MISS');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toBe(first.body);
    // a hit carries every header the full pipeline gave the page
    for (const h of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'content-type', 'surrogate-key', 'link']) expect(second.headers[h], h).toBe(first.headers[h]);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(first.headers.etag).toMatch(/^"[^"]+"$/);
    expect(first.headers['last-modified']).toBe(new Date('2026-11-20T11:00:00.000Z').toUTCString());
    const notModified = await app.inject({ url: '/tehran-reservoir/', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    const other = await app.inject({ url: '/tehran-reservoir/', headers: { 'if-none-match': '"stale"' } });
    expect(other.statusCode).toBe(200);
    // the first, uncached response answers conditional requests too (a list page:
    // article pages carry a fresh comment-form token each time they are built)
    const list = await app.inject({ url: '/category/world/' });
    app.pageCache!.clear();
    const miss304 = await app.inject({ url: '/category/world/', headers: { 'if-none-match': String(list.headers.etag) } });
    expect(miss304.headers['x-cache']).toBe('MISS');
    expect(miss304.statusCode).toBe(304);
  });

  it('names what a page shows in Cache-Control, Surrogate-Key and Cache-Tag', async () => {
    const res = await app.inject({ url: '/tehran-reservoir/' });
    expect(res.headers['cache-control']).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=60');
    expect(res.headers.vary).toBe('Accept-Encoding');
    const keys = String(res.headers['surrogate-key']).split(' ');
    expect(keys).toEqual(expect.arrayContaining([`article:${seed.articles.lead.id}`, `category:${seed.categories.iran}`, `category:${seed.categories.middleEast}`, `author:${seed.authors.doctor}`, `tag:${seed.tags.water}`, 'settings']));
    expect(String(res.headers['cache-tag']).split(',')).toEqual(keys);
    const notFound = await app.inject({ url: '/nope/' });
    expect(notFound.headers['cache-control']).toBe('no-store');
    expect(notFound.headers['x-cache']).toBeUndefined();
  });

  it('sends gzip and brotli made once per entry', async () => {
    app.pageCache!.clear();
    const plain = await app.inject({ url: '/category/world/' });
    const br = await app.inject({ url: '/category/world/', headers: { 'accept-encoding': 'gzip, br' } });
    const gz = await app.inject({ url: '/category/world/', headers: { 'accept-encoding': 'gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(br.headers.etag).toBe(plain.headers.etag);
  });

  it('an edited article drops its own page, the lists and its category and tag pages, and nothing else', async () => {
    await warm();
    const { db } = database.current;
    const lead = await db.selectFrom('articles').selectAll().where('id', '=', seed.articles.lead.id).executeTakeFirstOrThrow();
    await db.updateTable('articles').set({ title: 'Reservoir opening delayed' }).where('id', '=', lead.id).execute();
    app.deps.events.emit({ kind: 'article.updated', articleId: lead.id, tags: articleTags(lead, { authorIds: [seed.authors.doctor, seed.authors.reporter], tagIds: [seed.tags.water, seed.tags.energy] }) });
    for (const gone of ['/tehran-reservoir/', '/', '/category/middle-east/', '/category/middle-east/iran/', '/tag/water/', '/tag/energy/', '/author/leila-navabi/', '/author/sam-ortiz/']) expect(cached(), gone).not.toContain(gone);
    // pages that never show the story stay
    for (const kept of ['/about/', '/category/world/', '/series/running-dry/']) expect(cached(), kept).toContain(kept);
    const home = await app.inject({ url: '/' });
    expect(home.body).toContain('Reservoir opening delayed');
  });

  it('a comment approved on one story drops that story (and lists showing its count) but not unrelated stories', async () => {
    await warm();
    const { db } = database.current;
    const id = await insertComment(db, { articleId: seed.articles.quiet.id, name: 'Late Reader', email: 'late@example.org', body: 'Approved later', status: 'approved', createdAt: '2026-11-20T11:59:00.000Z' });
    app.deps.events.emit({ kind: 'comment.approved', commentId: id, articleId: seed.articles.quiet.id, tags: [`article:${seed.articles.quiet.id}`] });
    const still = cached();
    expect(still).toContain('/tehran-reservoir/');
    expect(still).toContain('/about/');
    expect(still).toContain('/tag/water/');
    const page = await app.inject({ url: '/quiet-note/' });
    expect(page.body).toContain('Approved later');
  });

  it('a category rename drops the pages that show that category, and settings drop everything', async () => {
    await warm();
    await database.current.db.updateTable('categories').set({ name: 'World News' }).where('id', '=', seed.categories.world).execute();
    app.deps.events.emit({ kind: 'taxonomy.changed', tags: [`category:${seed.categories.world}`] });
    const still = cached();
    expect(still).not.toContain('/category/world/');
    expect(still).not.toContain('/'); // home shows the World section
    expect(still).toContain('/tag/energy/'); // shows only Iran stories
    expect(still).toContain('/series/running-dry/');
    expect((await app.inject({ url: '/category/world/' })).body).toContain('World News');

    await warm();
    await saveSettings(database.current.db, { title: 'The Renamed Gazette' });
    app.deps.events.emit({ kind: 'settings.changed', tags: ['settings'] });
    expect(cached()).toEqual([]);
    expect((await app.inject({ url: '/about/' })).body).toContain('The Renamed Gazette');
  });

  it('over a real socket, hits are answered before the app with the same bytes and headers', async () => {
    const other = await buildTestApp(database.current, undefined, { caching: true });
    try {
      const address = await other.listen({ port: 0, host: '127.0.0.1' });
      const first = await fetch(`${address}/category/world/`, { headers: { 'accept-encoding': 'identity' } });
      const firstBody = await first.text();
      const second = await fetch(`${address}/category/world/`, { headers: { 'accept-encoding': 'identity' } });
      expect(first.headers.get('x-cache')).toBe('MISS');
      expect(second.headers.get('x-cache')).toBe('HIT');
      expect(await second.text()).toBe(firstBody);
      for (const h of ['content-security-policy', 'cache-control', 'etag', 'content-type', 'surrogate-key']) expect(second.headers.get(h), h).toBe(first.headers.get(h));
      const again = await fetch(`${address}/category/world/`, { headers: { 'if-none-match': second.headers.get('etag')! } });
      expect(again.status).toBe(304);
      const staff = await fetch(`${address}/category/world/`, { headers: { cookie: 'masthead_session=x' } });
      expect(staff.headers.get('x-cache')).toBe('BYPASS');
    } finally {
      await other.close();
    }
  });

  it('API answers come from the cache with their CORS and paging headers', async () => {
    app.pageCache!.clear();
    const first = await app.inject({ url: '/wp-json/wp/v2/posts?per_page=2' });
    const hit = await app.inject({ url: '/wp-json/wp/v2/posts?per_page=2' });
    expect(first.statusCode).toBe(200);
    expect(hit.headers['x-cache']).toBe('HIT');
    for (const h of ['access-control-allow-origin', 'x-wp-total', 'x-wp-totalpages', 'content-type']) expect(hit.headers[h], h).toBe(first.headers[h]);
    expect(hit.body).toBe(first.body);
  });

  it('signed-in staff bypass the shared cache', async () => {
    await warm();
    const res = await app.inject({ url: '/tehran-reservoir/', headers: { cookie: 'masthead_session=abc' } });
    expect(res.headers['x-cache']).toBe('BYPASS');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('never caches personal variants such as the reply form', async () => {
    app.pageCache!.clear();
    const res = await app.inject({ url: '/tehran-reservoir/?replytocom=1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-cache']).toBeUndefined();
    expect(app.pageCache!.has('/tehran-reservoir/?replytocom=1')).toBe(false);
  });
});

