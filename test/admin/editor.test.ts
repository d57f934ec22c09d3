import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { NOW } from '../helpers/fixtures.js';
import { createCategory } from '../../src/content/taxonomy.service.js';
import { publishDue } from '../../src/admin/scheduler.js';
import type { ChangeEvent } from '../../src/events.js';
import { Client, makeUser, signedIn } from './admin-fixtures.js';

const story = (over: Record<string, string | string[]> = {}) => ({ title: 'Harbour reopens after storm', body: 'The harbour **reopened** on Monday.\n\nBoats returned.', tags: 'Weather, Ports', commentsEnabled: '1', ...over });

describeEachEngine('the story editor and workflow', (engine) => {
  const database = useTestDatabase(engine);
  const clock = fixedClock(NOW);
  let app: FastifyInstance;
  let editor: Client;
  let category: number;
  const events: ChangeEvent[] = [];

  beforeAll(async () => {
    app = await buildTestApp(database.current, clock);
    app.deps.events.on((e) => void events.push(e));
    category = await createCategory(database.current.db, { name: 'Coast', slug: 'coast' }, clock);
    const e = await makeUser(database.current.db, 'editor');
    editor = await signedIn(app, e.email);
  });

  async function create(c: Client, form: Record<string, string | string[]>) {
    await c.get('/admin/articles/new');
    const res = await c.post('/admin/articles/', form);
    expect(res.statusCode, res.body.slice(0, 3000)).toBe(303);
    return Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location as string)![1]);
  }

  it('publishes a story that readers then see, with tags made on the fly and a change event', async () => {
    const id = await create(editor, story({ intent: 'publish', categoryId: String(category) }));
    const page = await app.inject({ url: '/harbour-reopens-after-storm/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<strong>reopened</strong>');
    expect((await app.inject({ url: '/' })).body).toContain('Harbour reopens after storm');
    expect((await app.inject({ url: '/category/coast/' })).body).toContain('Harbour reopens after storm');
    expect((await app.inject({ url: '/tag/weather/' })).body).toContain('Harbour reopens after storm');
    const event = events.find((e) => e.articleId === id && e.kind === 'article.published')!;
    expect(event.tags).toEqual(expect.arrayContaining([`article:${id}`, 'lists', `list:category:${category}`]));
    const edit = await editor.get(`/admin/articles/${id}?done=publish`);
    expect(edit.body).toContain('Published.');
    expect(edit.body).toContain('value="Weather, Ports"'.replace('Weather, Ports', 'Ports, Weather'));
  });

  it('keeps a draft private and refuses bad input with a message, keeping the text', async () => {
    const id = await create(editor, story({ title: 'Quiet draft story', intent: 'save' }));
    expect((await app.inject({ url: '/quiet-draft-story/' })).statusCode).toBe(404);
    await editor.get(`/admin/articles/${id}`);
    const bad = await editor.post(`/admin/articles/${id}`, story({ title: '', body: 'My precious paragraph', version: '1', intent: 'save' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('a title is required');
    expect(bad.body).toContain('My precious paragraph');
    const lang = await editor.post(`/admin/articles/${id}`, story({ title: 'Quiet draft story', lang: 'not a language!', version: '1' }));
    expect(lang.statusCode).toBe(400);
    expect(lang.body).toContain('language must be a tag');
  });

  it('refuses the second of two saves from the same version, keeping its text, so no edit is lost', async () => {
    const id = await create(editor, story({ title: 'Contested story', intent: 'save' }));
    const other = await signedIn(app, (await makeUser(database.current.db, 'editor')).email);
    await editor.get(`/admin/articles/${id}`);
    await other.get(`/admin/articles/${id}`);
    expect((await editor.post(`/admin/articles/${id}`, story({ title: 'Contested story', body: 'First editor text', version: '1' }))).statusCode).toBe(303);
    const second = await other.post(`/admin/articles/${id}`, story({ title: 'Contested story', body: 'Second editor text', version: '1' }));
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Someone else saved this story while you were editing it');
    expect(second.body).toContain('Second editor text');
    const stored = await database.current.db.selectFrom('articles').select(['body_source', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.body_source).toBe('First editor text');
    expect(stored.version).toBe(2);
  });

  it('keeps old links working when a published story changes its slug, and refuses a slug in use', async () => {
    const id = await create(editor, story({ title: 'Renamed story', intent: 'publish' }));
    await editor.get(`/admin/articles/${id}`);
    const taken = await editor.post(`/admin/articles/${id}`, story({ title: 'Renamed story', slug: 'harbour-reopens-after-storm', version: '1' }));
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('Another story already uses the address /harbour-reopens-after-storm/');
    expect((await editor.post(`/admin/articles/${id}`, story({ title: 'Renamed story', slug: 'a-better-name', version: '1' }))).statusCode).toBe(303);
    const old = await app.inject({ url: '/renamed-story/' });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/a-better-name/');
    expect((await app.inject({ url: '/a-better-name/' })).statusCode).toBe(200);
  });

  it('keeps revisions, shows a diff and restores an earlier version', async () => {
    const id = await create(editor, story({ title: 'Revised story', body: 'line one\nline two', intent: 'save' }));
    await editor.get(`/admin/articles/${id}`);
    await editor.post(`/admin/articles/${id}`, story({ title: 'Revised story', body: 'line one\nline TWO changed', version: '1' }));
    const revs = await database.current.db.selectFrom('article_revisions').select(['id', 'version']).where('article_id', '=', id).orderBy('version').execute();
    expect(revs.map((r) => r.version)).toEqual([1, 2]);
    const diff = await editor.get(`/admin/articles/${id}/revisions/${revs[0]!.id}`);
    expect(diff.statusCode).toBe(200);
    expect(diff.body).toMatch(/<del>.*- line two<\/del>/s);
    expect(diff.body).toMatch(/<ins>.*\+ line TWO changed<\/ins>/s);
    const restore = await editor.post(`/admin/articles/${id}/revisions/${revs[0]!.id}/restore`, { version: '2' });
    expect(restore.statusCode).toBe(303);
    const row = await database.current.db.selectFrom('articles').select(['body_source', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.body_source).toBe('line one\nline two');
    expect(row.version).toBe(3);
  });

  it('schedules a story, which readers see only once the scheduler has published it at its time', async () => {
    await editor.get('/admin/articles/new');
    const past = await editor.post('/admin/articles/', story({ title: 'Too late story', intent: 'schedule', publishAt: '2026-11-20T11:00' }));
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('That time has passed');
    const id = await create(editor, story({ title: 'Embargoed harbour report', intent: 'schedule', publishAt: '2026-11-20T12:30' }));
    const row = await database.current.db.selectFrom('articles').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'scheduled', published_at: '2026-11-20T12:30:00.000Z' });
    expect((await app.inject({ url: '/embargoed-harbour-report/' })).statusCode).toBe(404);
    expect(await publishDue(database.current.db, clock, app.deps.events)).toEqual([]);
    clock.advance(30 * 60_000 + 1000);
    expect(await publishDue(database.current.db, clock, app.deps.events)).toEqual([id]);
    expect((await app.inject({ url: '/embargoed-harbour-report/' })).statusCode).toBe(200);
    expect(events.some((e) => e.articleId === id && e.kind === 'article.published')).toBe(true);
    // a second pass (or a second instance) publishes nothing twice
    expect(await publishDue(database.current.db, clock, app.deps.events)).toEqual([]);
    clock.set(NOW);
  });

  it('moves a story to the trash, taking it off the site', async () => {
    const id = await create(editor, story({ title: 'Short-lived story', intent: 'publish' }));
    await editor.get(`/admin/articles/${id}`);
    const res = await editor.post(`/admin/articles/${id}`, story({ title: 'Short-lived story', intent: 'trash', version: '1' }));
    expect(res.statusCode).toBe(303);
    expect((await app.inject({ url: '/short-lived-story/' })).statusCode).toBe(404);
    expect(events.some((e) => e.articleId === id && e.kind === 'article.deleted')).toBe(true);
    const list = await editor.get('/admin/articles/?status=trash');
    expect(list.body).toContain('Short-lived story');
    expect((await editor.get('/admin/articles/')).body).not.toContain('Short-lived story');
    const trashed = await editor.get(`/admin/articles/${id}`);
    expect(trashed.body).toContain('Restore to drafts');
    expect((await editor.post(`/admin/articles/${id}`, story({ title: 'Short-lived story', intent: 'unpublish', version: '2' }))).statusCode).toBe(303);
    expect((await database.current.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('draft');
  });

  it('refuses to publish images without alt text', async () => {
    await editor.get('/admin/articles/new');
    const res = await editor.post('/admin/articles/', story({ title: 'Picture story', body: 'See:\n\n![](https://example.org/a.jpg)', intent: 'publish' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Describe every image in the text before publishing');
    expect(await database.current.db.selectFrom('articles').select('id').where('title', '=', 'Picture story').executeTakeFirst()).toBeUndefined();
  });

  it('previews with the public page code without saving, and live-previews the body sanitized', async () => {
    await editor.get('/admin/articles/new');
    const res = await editor.post('/admin/articles/', story({ title: 'Preview only story', body: 'Hello **there**<script>alert(1)</script>', intent: 'preview' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('class="article__title">Preview only story</h1>');
    expect(res.body).toContain('<strong>there</strong>');
    expect(res.body).not.toContain('<script>alert');
    expect(await database.current.db.selectFrom('articles').select('id').where('title', '=', 'Preview only story').executeTakeFirst()).toBeUndefined();
    const live = await editor.post('/admin/preview', { body: '# Big\n\n<img src=x onerror=alert(1)>' });
    expect(live.body).toContain('<h2>Big</h2>');
    expect(live.body).not.toContain('onerror');
  });

  it('autosaves without touching the stored story', async () => {
    const id = await create(editor, story({ title: 'Autosaved story', intent: 'save' }));
    await editor.get(`/admin/articles/${id}`);
    const res = await editor.post(`/admin/articles/${id}/autosave`, { title: 'Autosaved story', body: 'typed but not saved' });
    expect(res.statusCode).toBe(204);
    const auto = await database.current.db.selectFrom('article_revisions').select('body_source').where('article_id', '=', id).where('kind', '=', 'autosave').execute();
    expect(auto.map((a) => a.body_source)).toEqual(['typed but not saved']);
    const page = await editor.get(`/admin/articles/${id}`);
    expect(page.body).toContain('Autosave');
  });

  it('lists stories filtered by status, category, author and text, paged', async () => {
    const all = await editor.get('/admin/articles/');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Contested story');
    const drafts = await editor.get('/admin/articles/?status=draft');
    expect(drafts.body).toContain('Quiet draft story');
    expect(drafts.body).not.toContain('Harbour reopens after storm');
    const byCat = await editor.get(`/admin/articles/?category=${category}`);
    expect(byCat.body).toContain('Harbour reopens after storm');
    expect(byCat.body).not.toContain('Quiet draft story');
    const text = await editor.get('/admin/articles/?q=CONTESTED');
    expect(text.body).toContain('Contested story');
    expect(text.body).toContain('1 story');
    const junk = await editor.get('/admin/articles/?status=bogus&page=abc&category=x');
    expect(junk.statusCode).toBe(200);
  });
});
