import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { makeArticle, NOW, seedNewsroom } from '../helpers/fixtures.js';
import { fixedClock } from '../../src/clock.js';
import { publishDue } from '../../src/admin/scheduler.js';
import { moderate } from '../../src/comments/comments.moderation.js';
import { insertComment } from '../../src/comments/comments.repository.js';
import { Client, makeUser, signedIn } from '../admin/admin-fixtures.js';

/*
 * Every kind of write, made the way the newsroom makes it (admin forms, the
 * scheduler, comment moderation), drops exactly the cached pages that show
 * what changed and keeps the rest.
 */
const PAGES = ['/', '/page/2/', '/tehran-reservoir/', '/gulf-ports-freight/', '/running-dry-2/', '/quiet-note/', '/category/middle-east/', '/category/middle-east/iran/', '/category/world/', '/tag/water/', '/tag/energy/', '/author/leila-navabi/', '/series/running-dry/', '/about/', '/feed/', '/category/world/feed/'];

describeEachEngine('cache invalidation by real writes', (engine) => {
  const database = useTestDatabase(engine);
  const clock = fixedClock(NOW);
  let app: FastifyInstance;
  let editor: Client;
  let seed: Awaited<ReturnType<typeof seedNewsroom>>;

  beforeAll(async () => {
    seed = await seedNewsroom(database.current.db);
    app = await buildTestApp(database.current, clock, { caching: true });
    const user = await makeUser(database.current.db, 'admin');
    editor = await signedIn(app, user.email);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function warm() {
    app.pageCache!.clear();
    for (const url of PAGES) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
    }
    for (const url of PAGES) expect((await app.inject({ url })).headers['x-cache'], url).toBe('HIT');
  }
  const dropped = () => PAGES.filter((url) => !app.pageCache!.has(url));
  // announcements are synchronous, but give listeners that await a moment
  const settle = () => new Promise((r) => setTimeout(r, 20));

  it('publishing a story from the editor', async () => {
    await warm();
    await editor.get('/admin/articles/new');
    const res = await editor.post('/admin/articles/', { title: 'Ferry timetable changes', body: 'New sailings.', categoryId: String(seed.categories.world), tags: 'Energy', authorIds: String(seed.authors.reporter), intent: 'publish' });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    await settle();
    expect(dropped()).toEqual(expect.arrayContaining(['/', '/page/2/', '/category/world/', '/tag/energy/', '/feed/', '/category/world/feed/']));
    expect(dropped()).not.toEqual(expect.arrayContaining(['/tag/water/']));
    for (const kept of ['/tag/water/', '/series/running-dry/', '/about/', '/author/leila-navabi/', '/category/middle-east/iran/', '/tehran-reservoir/']) expect(dropped(), kept).not.toContain(kept);
    expect((await app.inject({ url: '/category/world/' })).body).toContain('Ferry timetable changes');
  });

  it('editing a story', async () => {
    await warm();
    const list = await editor.get(`/admin/articles/${seed.articles.wireStory.id}`);
    expect(list.statusCode).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(list.body)?.[1];
    const res = await editor.post(`/admin/articles/${seed.articles.wireStory.id}`, { title: 'Gulf ports report record freight, again', slug: 'gulf-ports-freight', body: 'Updated.', categoryId: String(seed.categories.iran), authorIds: String(seed.authors.reporter), kind: 'analysis', version: version ?? '', intent: 'save' });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    await settle();
    for (const gone of ['/gulf-ports-freight/', '/', '/category/middle-east/iran/', '/feed/']) expect(dropped(), gone).toContain(gone);
    for (const kept of ['/about/', '/series/running-dry/', '/tag/water/', '/category/world/feed/']) expect(dropped(), kept).not.toContain(kept);
    expect((await app.inject({ url: '/gulf-ports-freight/' })).body).toContain('record freight, again');
  });

  it('a scheduled story coming due', async () => {
    const due = await makeArticle(database.current.db, { title: 'Embargo lifts on the budget', slug: 'embargo-budget', status: 'scheduled', publishedAt: '2026-11-20T11:59:00.000Z', categoryId: seed.categories.world, authorIds: [seed.authors.reporter] });
    await warm();
    expect(await publishDue(database.current.db, clock, app.deps.events)).toEqual([due.id]);
    await settle();
    for (const gone of ['/', '/category/world/', '/feed/', '/category/world/feed/']) expect(dropped(), gone).toContain(gone);
    for (const kept of ['/tag/water/', '/series/running-dry/', '/about/', '/category/middle-east/iran/']) expect(dropped(), kept).not.toContain(kept);
    expect((await app.inject({ url: '/' })).body).toContain('Embargo lifts on the budget');
  });

  it('a comment approved by a moderator', async () => {
    const id = await insertComment(database.current.db, { articleId: seed.articles.arabic.id, name: 'Late Reader', email: 'late@example.org', body: 'Worth waiting for', status: 'pending', createdAt: '2026-11-20T11:00:00.000Z' });
    await warm();
    await moderate(database.current.db, app.deps.events, clock, 'approve', [id]);
    await settle();
    expect(dropped()).toEqual(expect.arrayContaining(['/category/middle-east/']));
    for (const kept of ['/tag/water/', '/series/running-dry/', '/about/', '/category/world/', '/tehran-reservoir/']) expect(dropped(), kept).not.toContain(kept);
    expect((await app.inject({ url: '/desalination-ar/' })).body).toContain('Worth waiting for');
  });

  it('a category renamed', async () => {
    await warm();
    await editor.get(`/admin/categories/${seed.categories.world}`);
    const res = await editor.post(`/admin/categories/${seed.categories.world}`, { name: 'World News', slug: 'world' });
    expect([200, 303]).toContain(res.statusCode);
    await settle();
    for (const gone of ['/category/world/', '/', '/quiet-note/', '/category/world/feed/']) expect(dropped(), gone).toContain(gone);
    for (const kept of ['/tag/water/', '/series/running-dry/', '/category/middle-east/iran/', '/about/']) expect(dropped(), kept).not.toContain(kept);
    expect((await app.inject({ url: '/category/world/' })).body).toContain('World News');
  });

  it('settings saved', async () => {
    await warm();
    await editor.get('/admin/settings');
    const res = await editor.post('/admin/settings', { title: 'The Renamed Gazette', description: 'Tested news', logoUrl: '', language: 'en', direction: 'ltr', timezone: 'Asia/Tehran', menu: '', postsPerPage: '5', commentThreadDepth: '5', commentModeration: 'hold_first_time' });
    expect([200, 303]).toContain(res.statusCode);
    await settle();
    expect(dropped().sort()).toEqual([...PAGES].sort());
    expect((await app.inject({ url: '/about/' })).body).toContain('The Renamed Gazette');
  });
});
