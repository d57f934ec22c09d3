import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parse } from 'node-html-parser';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/app.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/clock.js';
import { makeArticle, NOW } from '../helpers/fixtures.js';
import { articleTags, type ChangeEvent } from '../../src/events.js';
import { startReceiver } from '../api/receiver.js';
import { DELIVERIES_PER_PAGE } from '../../src/admin/integrations/webhooks.routes.js';
import { Client, makeUser, signedIn } from './admin-fixtures.js';

const textOf = (html: string, selector: string) => parse(html).querySelectorAll(selector).map((n) => n.text.trim());

describeEachEngine('admin: content API keys and webhooks', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let admin: Client;
  let editor: Client;
  let articleId: number;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    app = await buildTestApp(database.current);
    admin = await signedIn(app, (await makeUser(database.current.db, 'admin')).email);
    editor = await signedIn(app, (await makeUser(database.current.db, 'editor')).email);
    articleId = (await makeArticle(database.current.db, { title: 'Ferry timetable changes', slug: 'ferry-timetable' })).id;
  });
  afterEach(async () => {
    while (closers.length) await closers.pop()!();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function addKey(label: string) {
    await admin.get('/admin/api-keys/');
    const res = await admin.post('/admin/api-keys/', { label });
    expect(res.statusCode).toBe(200);
    const key = textOf(res.body, '[data-testid="new-key"]')[0];
    expect(key).toMatch(/^[0-9a-f]{26}$/);
    return { res, key: key! };
  }

  it('makes a key, shows it once, lists it, and a revoked key gets 401 from the Ghost API', async () => {
    const { res, key } = await addKey('Partner <site> & app');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toContain('Partner &lt;site');
    expect(res.body).not.toContain('<site>');

    const api = () => app.inject(`/ghost/api/content/posts/?key=${key}`);
    const ok = await api();
    expect(ok.statusCode).toBe(200);
    expect(ok.json().posts.map((p: { title: string }) => p.title)).toContain('Ferry timetable changes');

    const list = await admin.get('/admin/api-keys/');
    expect(list.headers['cache-control']).toBe('private, no-store');
    expect(list.body).not.toContain(key);
    const row = parse(list.body).querySelectorAll('tr[data-key-id]').find((tr) => tr.text.includes('Partner <site> & app'))!;
    const [, created, lastUsed, status] = row.querySelectorAll('td').map((td) => td.text.trim());
    expect(created).toBe('2026-11-20 12:00 UTC');
    expect(lastUsed).toBe('2026-11-20 12:00 UTC'); // the API call above
    expect(status).toMatch(/^active/);
    const stored = await database.current.db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(key);

    const events: ChangeEvent[] = [];
    const off = app.deps.events.on((e) => void events.push(e));
    const id = row.getAttribute('data-key-id')!;
    const revoked = await admin.post(`/admin/api-keys/${id}/revoke`, {});
    off();
    expect(revoked.statusCode).toBe(200);
    expect(textOf(revoked.body, '.notice')[0]).toContain('Revoked “Partner <site> & app”');
    expect(events).toEqual([{ kind: 'settings.changed', tags: ['apikeys'] }]);
    const after = parse(revoked.body).querySelector(`tr[data-key-id="${id}"]`)!;
    expect(after.text).toContain('revoked 2026-11-20 12:00 UTC');
    expect(after.querySelector('form')).toBeNull();

    const refused = await api();
    expect(refused.statusCode).toBe(401);
    expect(refused.json().errors[0].type).toBeTruthy();

    const again = await admin.post(`/admin/api-keys/${id}/revoke`, {});
    expect(textOf(again.body, '.notice')[0]).toContain('already revoked');
    expect((await admin.post('/admin/api-keys/999999/revoke', {})).statusCode).toBe(404);
    const nonsense = await admin.post('/admin/api-keys/1;drop/revoke', {});
    expect(nonsense.statusCode).toBe(404);
    expect(nonsense.body).not.toMatch(/stack|SQL|at .*\.ts/i);
  });

  it('refuses an empty or overlong label with a message, keeping the input', async () => {
    await admin.get('/admin/api-keys/');
    const empty = await admin.post('/admin/api-keys/', { label: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body, '.field-error')).toEqual(['Give the key a label, such as the app that will use it.']);
    const long = 'x'.repeat(101);
    const tooLong = await admin.post('/admin/api-keys/', { label: long });
    expect(tooLong.statusCode).toBe(400);
    expect(parse(tooLong.body).querySelector('#f-label')!.getAttribute('value')).toBe(long);
    expect(tooLong.body).not.toContain('data-testid="new-key"');
  });

  it('is for admins only: an editor gets 403 on every page and action, and nothing changes', async () => {
    const before = await database.current.db.selectFrom('api_keys').select('id').execute();
    await editor.get('/admin/articles/');
    expect(editor.csrf).not.toBe('');
    for (const url of ['/admin/api-keys/', '/admin/webhooks/', '/admin/webhooks/1/deliveries']) expect((await editor.get(url)).statusCode, url).toBe(403);
    expect((await editor.post('/admin/api-keys/', { label: 'Sneaky' })).statusCode).toBe(403);
    expect((await editor.post('/admin/webhooks/', { url: 'https://example.org/hook', events: ['article.published'] })).statusCode).toBe(403);
    expect((await editor.post(`/admin/api-keys/${before[0]?.id ?? 1}/revoke`, {})).statusCode).toBe(403);
    expect(await database.current.db.selectFrom('api_keys').select('id').execute()).toEqual(before);
    expect(await database.current.db.selectFrom('webhooks').select('id').execute()).toEqual([]);
    const nav = await editor.get('/admin/articles/');
    expect(nav.body).not.toContain('/admin/api-keys/');
    expect((await admin.get('/admin/articles/')).body).toContain('href="/admin/api-keys/"');
  });

  it('refuses a POST without the form token (CSRF), changing nothing', async () => {
    const { key } = await addKey('Token check');
    const row = await database.current.db.selectFrom('api_keys').select('id').where('label', '=', 'Token check').executeTakeFirstOrThrow();
    expect((await admin.post(`/admin/api-keys/${row.id}/revoke`, {}, { csrf: null })).statusCode).toBe(403);
    expect((await admin.post(`/admin/api-keys/${row.id}/revoke`, {}, { csrf: 'forged' })).statusCode).toBe(403);
    expect((await admin.post('/admin/api-keys/', { label: 'No token' }, { csrf: null })).statusCode).toBe(403);
    expect((await admin.post('/admin/webhooks/', { url: 'https://example.org/h', events: ['article.published'] }, { csrf: null })).statusCode).toBe(403);
    expect((await app.inject(`/ghost/api/content/posts/?key=${key}`)).statusCode).toBe(200);
    expect(await database.current.db.selectFrom('api_keys').select('id').where('label', '=', 'No token').execute()).toEqual([]);
    expect(await database.current.db.selectFrom('webhooks').select('id').execute()).toEqual([]);
  });

  it('refuses a bad webhook URL or no events with messages, keeping the input', async () => {
    await admin.get('/admin/webhooks/');
    const bad = await admin.post('/admin/webhooks/', { url: 'ftp://example.org/<hook>', events: ['article.updated', 'comment.approved'] });
    expect(bad.statusCode).toBe(400);
    const html = parse(bad.body);
    expect(html.querySelector('#f-url-error')!.text).toMatch(/http:\/\/ or https:\/\//);
    expect(html.querySelector('#f-url')!.getAttribute('value')).toBe('ftp://example.org/<hook>');
    const ticked = html.querySelectorAll('input[name="events"]').filter((i) => i.hasAttribute('checked')).map((i) => i.getAttribute('value'));
    expect(ticked).toEqual(['article.updated', 'comment.approved']);

    const none = await admin.post('/admin/webhooks/', { url: 'https://example.org/hook' });
    expect(none.statusCode).toBe(400);
    expect(parse(none.body).querySelector('#f-events-error')!.text).toBe('Tick at least one event.');
    expect(parse(none.body).querySelector('#f-url')!.getAttribute('value')).toBe('https://example.org/hook');

    const unknown = await admin.post('/admin/webhooks/', { url: 'https://example.org/hook', events: ['article.deleted'] });
    expect(unknown.statusCode).toBe(400);
    expect(parse(unknown.body).querySelector('#f-events-error')!.text).toBe('Choose among the events listed.');

    const withPassword = await admin.post('/admin/webhooks/', { url: 'https://user:pw@example.org/hook', events: ['article.published'] });
    expect(withPassword.statusCode).toBe(400);
    expect(parse(withPassword.body).querySelector('#f-url-error')!.text).toMatch(/without a user name or password/);
    const empty = await admin.post('/admin/webhooks/', { url: '  ', events: ['article.published'] });
    expect(parse(empty.body).querySelector('#f-url-error')!.text).toBe('Give the address that should receive the events.');
    expect(await database.current.db.selectFrom('webhooks').select('id').execute()).toEqual([]);
  });

  it('adds a webhook (secret shown once), lists it, removes it', async () => {
    await admin.get('/admin/webhooks/');
    const added = await admin.post('/admin/webhooks/', { url: 'https://hooks.example.org/masthead?a=1&b=2', events: ['article.published', 'article.unpublished'] });
    expect(added.statusCode).toBe(200);
    const secret = textOf(added.body, '[data-testid="new-secret"]')[0]!;
    expect(secret).toMatch(/^whsec_/);
    const list = await admin.get('/admin/webhooks/');
    expect(list.body).not.toContain(secret);
    const row = parse(list.body).querySelector('tr[data-webhook-id]')!;
    expect(row.querySelector('td.url')!.text).toBe('https://hooks.example.org/masthead?a=1&b=2');
    expect(row.text).toContain('article.published, article.unpublished');
    expect(row.text).toContain('yes');

    const id = row.getAttribute('data-webhook-id')!;
    const removed = await admin.post(`/admin/webhooks/${id}/remove`, {});
    expect(removed.statusCode).toBe(200);
    expect(textOf(removed.body, '.notice')[0]).toContain('Removed the webhook to https://hooks.example.org/masthead?a=1&b=2');
    expect(parse(removed.body).querySelector('tr[data-webhook-id]')).toBeNull();
    expect((await admin.post(`/admin/webhooks/${id}/remove`, {})).statusCode).toBe(404);
    expect((await admin.get(`/admin/webhooks/${id}/deliveries`)).statusCode).toBe(404);
  });

  it('lists a delivery after an article.published event, with its status and response code', async () => {
    const receiver = await startReceiver([503, 200]);
    closers.push(receiver.close);
    await admin.get('/admin/webhooks/');
    const added = await admin.post('/admin/webhooks/', { url: receiver.url, events: ['article.published'] });
    expect(added.statusCode).toBe(200);
    const id = parse(added.body).querySelector('tr[data-webhook-id]')!.getAttribute('data-webhook-id')!;
    closers.push(async () => void (await admin.post(`/admin/webhooks/${id}/remove`, {})));

    const empty = await admin.get(`/admin/webhooks/${id}/deliveries`);
    expect(textOf(empty.body, 'main p')).toContain('Nothing sent yet.');

    app.deps.events.emit({ kind: 'article.published', tags: articleTags({ id: articleId }), articleId });
    await app.webhooks.settled();
    expect(receiver.received).toHaveLength(1);

    const log = await admin.get(`/admin/webhooks/${id}/deliveries`);
    expect(log.statusCode).toBe(200);
    expect(log.headers['cache-control']).toBe('private, no-store');
    const rows = parse(log.body).querySelectorAll('tr[data-delivery-id]');
    expect(rows).toHaveLength(1);
    const cells = rows[0]!.querySelectorAll('td').map((td) => td.text.trim());
    expect(cells.slice(0, 3)).toEqual(['article.published', 'pending', '1']);
    expect(cells[3]).toMatch(/^HTTP 503\b/);
    expect(cells[6]).toMatch(/^2026-11-20 12:00 UTC$/); // the retry, 30 s later on the fixed clock
  });

  it('pages the delivery log, newest first, and refuses a bad page number', async () => {
    await admin.get('/admin/webhooks/');
    const added = await admin.post('/admin/webhooks/', { url: 'https://example.org/paged', events: ['comment.approved'] });
    const id = Number(parse(added.body).querySelector('tr[data-webhook-id]')!.getAttribute('data-webhook-id'));
    closers.push(async () => void (await admin.post(`/admin/webhooks/${id}/remove`, {})));
    const at = '2026-11-20T11:00:00.000Z';
    await database.current.db
      .insertInto('webhook_deliveries')
      .values(Array.from({ length: DELIVERIES_PER_PAGE + 2 }, (_, i) => ({ webhook_id: id, event: 'comment.approved', payload: '{}', status: 'failed' as const, attempts: 8, last_status_code: null, last_error: `refused <${i}>`, next_attempt_at: null, created_at: at, updated_at: at })))
      .execute();

    const first = await admin.get(`/admin/webhooks/${id}/deliveries`);
    const firstRows = parse(first.body).querySelectorAll('tr[data-delivery-id]');
    expect(firstRows).toHaveLength(DELIVERIES_PER_PAGE);
    expect(firstRows[0]!.text).toContain(`refused <${DELIVERIES_PER_PAGE + 1}>`);
    expect(parse(first.body).querySelector('a[rel="next"]')!.getAttribute('href')).toBe(`/admin/webhooks/${id}/deliveries?page=2`);
    expect(parse(first.body).querySelector('a[rel="prev"]')).toBeNull();

    const second = await admin.get(`/admin/webhooks/${id}/deliveries?page=2`);
    const secondRows = parse(second.body).querySelectorAll('tr[data-delivery-id]');
    expect(secondRows.map((r) => r.querySelectorAll('td')[3]!.text)).toEqual(['refused <1>', 'refused <0>']);
    expect(parse(second.body).querySelector('a[rel="next"]')).toBeNull();
    expect(parse(second.body).querySelector('a[rel="prev"]')).not.toBeNull();

    for (const bad of ['0', '-1', 'abc', '1e3']) {
      const res = await admin.get(`/admin/webhooks/${id}/deliveries?page=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.body).toContain('page must be a whole number');
    }
    expect((await admin.get('/admin/webhooks/nope/deliveries')).statusCode).toBe(404);
  });

  it('never writes a new key or signing secret to the log, even at trace level', async () => {
    const lines: string[] = [];
    const { db } = database.current;
    const config = { ...loadConfig({ DATABASE_URL: engine === 'sqlite' ? database.current.url : 'postgres://unused@127.0.0.1/unused' }), publicUrl: TEST_BASE_URL, fetchAllowPrivate: true };
    const logged = await buildApp({ config, db, engine, clock: fixedClock(NOW), caching: false, logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } } });
    closers.push(() => logged.close());
    const c = await signedIn(logged, (await makeUser(db, 'admin')).email);
    await c.get('/admin/api-keys/');
    const key = textOf((await c.post('/admin/api-keys/', { label: 'Logged?' })).body, '[data-testid="new-key"]')[0]!;
    await c.get('/admin/webhooks/');
    const added = await c.post('/admin/webhooks/', { url: 'https://example.org/logged', events: ['comment.approved'] });
    const secret = textOf(added.body, '[data-testid="new-secret"]')[0]!;
    expect(key).toMatch(/^[0-9a-f]{26}$/);
    expect(secret).toMatch(/^whsec_/);
    // the stream hears every level, so anything logging the key would be caught here
    logged.log.trace('probe');
    expect(lines.some((l) => l.includes('"msg":"probe"'))).toBe(true);
    expect(lines.join('')).not.toContain(key);
    expect(lines.join('')).not.toContain(secret);
    const id = parse(added.body).querySelector('tr[data-webhook-id]')!.getAttribute('data-webhook-id');
    await c.post(`/admin/webhooks/${id}/remove`, {});
  });
});
