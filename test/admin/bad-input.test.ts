import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { NOW } from '../helpers/fixtures.js';
import { Client, makeUser, PASSWORD, signedIn } from './admin-fixtures.js';

describeEachEngine('the admin with bad input', (engine) => {
  const database = useTestDatabase(engine);
  const clock = fixedClock(NOW);
  let app: FastifyInstance;
  let editor: Client;
  let editorEmail: string;

  beforeAll(async () => {
    app = await buildTestApp(database.current, clock);
    editorEmail = (await makeUser(database.current.db, 'editor')).email;
    editor = await signedIn(app, editorEmail);
  });

  it('answers malformed and unknown ids with a 404 page, never a server error', async () => {
    for (const url of ['/admin/articles/abc', '/admin/articles/0', '/admin/articles/99999999', '/admin/articles/1/revisions/xyz', '/admin/tags/-1', '/admin/articles/123456789012345']) {
      const res = await editor.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
    const post = await editor.post('/admin/articles/99999', { title: 'x', body: 'y', version: '1' });
    expect(post.statusCode).toBe(404);
    expect(post.body).toContain('There is no story with that number');
  });

  it('refuses impossible field values with messages and keeps what was typed', async () => {
    await editor.get('/admin/articles/new');
    const part = await editor.post('/admin/articles/', { title: 'Part story', body: 'Kept body text', seriesPart: 'three', intent: 'save' });
    expect(part.statusCode).toBe(400);
    expect(part.body).toContain('Kept body text');
    const long = await editor.post('/admin/articles/', { title: 'x'.repeat(600), body: 'b', intent: 'save' });
    expect(long.statusCode).toBe(400);
    const url = await editor.post('/admin/articles/', { title: 'Url story', body: 'b', originalUrl: 'javascript:alert(1)', intent: 'save' });
    expect(url.statusCode).toBe(400);
    expect(url.body).toContain('must be an http(s) URL');
    const slug = await editor.post('/admin/articles/', { title: 'Slug story', body: 'b', slug: 'Not A Slug!', intent: 'save' });
    expect(slug.statusCode).toBe(400);
    expect(slug.body).toContain('a slug may hold only lower-case letters');
    const media = await editor.post('/admin/articles/', { title: 'Media story', body: 'b', mediaId: '424242', intent: 'save' });
    expect(media.statusCode).toBe(400);
    expect(media.body).toContain('no longer in the media library');
    const when = await editor.post('/admin/articles/', { title: 'When story', body: 'b', publishAt: 'tomorrow-ish', intent: 'schedule' });
    expect(when.statusCode).toBe(400);
    expect(when.body).toContain('Choose the date and time to publish.');
    // an unknown intent is an ordinary save
    expect((await editor.post('/admin/articles/', { title: 'Odd intent', body: 'b', intent: 'explode' })).statusCode).toBe(303);
    expect(await database.current.db.selectFrom('articles').select('id').where('title', 'in', ['Part story', 'Url story', 'Slug story', 'Media story', 'When story']).execute()).toEqual([]);
  });

  it('never redirects off the admin after sign-in, but does go back to the admin page asked for', async () => {
    const back = new Client(app);
    await back.get('/admin/login');
    expect((await back.post('/admin/login', { email: editorEmail, password: PASSWORD, next: '/admin/articles/?status=draft' })).headers.location).toBe('/admin/articles/?status=draft');
    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example', '/admin/../../evil', '/admin/%2e%2e/evil', '/admin//evil.example']) {
      const c = new Client(app);
      await c.get('/admin/login');
      const res = await c.post('/admin/login', { email: editorEmail, password: PASSWORD, next });
      expect(res.statusCode).toBe(303);
      expect(String(res.headers.location).startsWith('/admin/'), next).toBe(true);
      expect(String(res.headers.location)).not.toContain('evil');
    }
  });

  it('ends a session after 14 days and ignores forged or malformed cookies', async () => {
    const c = await signedIn(app, editorEmail);
    expect((await c.get('/admin/articles/')).statusCode).toBe(200);
    clock.advance(14 * 24 * 3_600_000 + 1000);
    expect((await c.get('/admin/articles/')).statusCode).toBe(303);
    clock.set(NOW);
    for (const cookie of ['masthead_session=forged', 'masthead_session=', 'masthead_session=a%00b; x=y', `masthead_session=${'a'.repeat(5000)}`]) {
      const res = await app.inject({ url: '/admin/articles/', headers: { cookie } });
      expect(res.statusCode).toBe(303);
    }
  });

  it('refuses a sign-in form without fields, and answers GET-only and POST-only paths sensibly', async () => {
    const c = new Client(app);
    await c.get('/admin/login');
    const empty = await c.post('/admin/login', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your email and your password.');
    const json = await app.inject({ method: 'POST', url: '/admin/login', headers: { 'content-type': 'application/json', cookie: c.cookies }, payload: '{"email":1}' });
    expect(json.statusCode).toBe(403);
    // a link (GET) cannot sign anyone out
    expect([301, 404]).toContain((await editor.get('/admin/logout')).statusCode);
    expect((await editor.get('/admin/articles/')).statusCode).toBe(200);
  });
});
