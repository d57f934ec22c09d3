import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parse } from 'node-html-parser';
import type { CommentStatus } from '../../src/db/schema.js';
import { fixedClock } from '../../src/clock.js';
import { insertComment } from '../../src/comments/comments.repository.js';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { hoursAgo, NOW } from '../helpers/fixtures.js';
import { recordEvents, seedCommentDesk } from '../comments/comments.fixtures.js';
import { Client, makeUser, signedIn } from './admin-fixtures.js';

/*
 * The moderation queue, through HTTP as an editor uses it: folders with
 * counts, per-row and bulk actions, edit, reply; refused for contributors,
 * authors and forged forms; bad ids answered with a message.
 */
describeEachEngine('comment moderation in the admin', (engine) => {
  const database = useTestDatabase(engine);
  const clock = fixedClock(NOW);
  let app: FastifyInstance;
  let editor: Client;
  let editorName: string;
  let seed: Awaited<ReturnType<typeof seedCommentDesk>>;
  let n = 0;

  beforeAll(async () => {
    seed = await seedCommentDesk(database.current.db);
    app = await buildTestApp(database.current, clock);
    const u = await makeUser(database.current.db, 'editor');
    editor = await signedIn(app, u.email);
    editorName = (await database.current.db.selectFrom('users').select('name').where('id', '=', u.id).executeTakeFirstOrThrow()).name;
  });
  afterAll(async () => {
    await app?.close();
  });

  const db = () => database.current.db;
  async function comment(status: CommentStatus = 'pending', fields: { name?: string; email?: string; body?: string } = {}) {
    n++;
    return insertComment(db(), { articleId: seed.story.id, name: fields.name ?? `Reader ${n}`, email: fields.email ?? `reader${n}@example.org`, body: fields.body ?? `Comment number ${n}.`, status, createdAt: hoursAgo(1) });
  }
  const statusOf = async (id: number) => (await db().selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const dbCounts = async () => {
    const rows = await db().selectFrom('comments').select('status').execute();
    const c: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
    for (const r of rows) c[r.status]!++;
    return c;
  };
  function tabCounts(html: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const a of parse(html).querySelectorAll('nav[aria-label="Comment folders"] a')) {
      const m = /^(\w+) \((\d+)\)$/.exec(a.text.trim());
      if (m) out[m[1]!.toLowerCase()] = Number(m[2]);
    }
    return out;
  }
  const rowIds = (html: string) => parse(html).querySelectorAll('table.comments-queue tbody tr').map((tr) => Number(tr.getAttribute('id')!.slice('comment-'.length)));
  const act = (action: string, ids: number[] | string[], extra: Record<string, string> = {}) => editor.post('/admin/comments/moderate', { action, ids: ids.map(String), status: 'pending', ...extra });

  it('shows each folder with its count, pending by default, privately', async () => {
    const pending = await comment('pending', { email: 'shown-to-staff@example.org' });
    await comment('spam');
    const res = await editor.get('/admin/comments/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(tabCounts(res.body)).toEqual(await dbCounts());
    expect(parse(res.body).querySelector('nav[aria-label="Comment folders"] a[aria-current="page"]')!.text).toMatch(/^Pending/);
    const row = parse(res.body).querySelector(`#comment-${pending}`)!;
    expect(row.text).toContain('shown-to-staff@example.org');
    expect(row.querySelector('a[href="/river-bridge/"]')!.text).toBe('River bridge reopens');
    expect(row.querySelectorAll('button').map((b) => b.getAttribute('value'))).toEqual(['approve', 'spam', 'trash']);
    const spam = await editor.get('/admin/comments/?status=spam');
    expect(rowIds(spam.body).length).toBe((await dbCounts()).spam);
    expect(rowIds(spam.body)).not.toContain(pending);
  });

  it('pages the folder 25 comments at a time', async () => {
    for (let i = 0; i < 26; i++) await comment('trash');
    const total = (await dbCounts()).trash;
    const first = await editor.get('/admin/comments/?status=trash');
    const second = await editor.get('/admin/comments/?status=trash&page=2');
    expect(rowIds(first.body).length).toBe(25);
    expect(rowIds(second.body).length).toBe(total - 25);
    expect(rowIds(second.body).filter((id) => rowIds(first.body).includes(id))).toEqual([]);
    expect(first.body).toContain('Page 1 of 2');
    expect((await editor.get('/admin/comments/?status=trash&page=9')).statusCode).toBe(404);
    // emptying the last page lands on the page that is left, not on an empty one
    const emptied = await act('restore', rowIds(second.body), { status: 'trash', page: '2' });
    expect(emptied.headers.location).toBe(`/admin/comments/?status=trash&done=restore&n=${total - 25}`);
    expect(rowIds((await editor.get(emptied.headers.location as string)).body).length).toBe(25);
  });

  it('approves, marks as spam, trashes and restores one comment at a time', async () => {
    const id = await comment();
    const events = recordEvents(app);
    const steps: [string, CommentStatus, RegExp][] = [
      ['approve', 'approved', /Approved 1 comment\./],
      ['spam', 'spam', /Marked 1 comment as spam\./],
      ['trash', 'trash', /Moved 1 comment to the trash\./],
      ['restore', 'pending', /Returned 1 comment to the queue\./],
    ];
    for (const [action, status, notice] of steps) {
      const res = await act(action, [id]);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
      expect(await statusOf(id)).toBe(status);
      const page = await editor.get(res.headers.location as string);
      expect(parse(page.body).querySelector('[role="status"]')!.text).toMatch(notice);
    }
    // approving and then taking the comment down both told the cache
    expect(events.map((e) => e.kind)).toEqual(['comment.approved', 'comment.changed']);
  });

  it('applies a bulk action to the ticked comments only', async () => {
    const picked = [await comment(), await comment(), await comment()];
    const left = await comment();
    const res = await act('approve', picked);
    expect(res.statusCode).toBe(303);
    for (const id of picked) expect(await statusOf(id)).toBe('approved');
    expect(await statusOf(left)).toBe('pending');
    expect((await editor.get(res.headers.location as string)).body).toContain('Approved 3 comments.');
  });

  it('says which comments do not exist, and still moderates the others', async () => {
    const real = await comment();
    const mixed = await act('spam', [real, 987654]);
    expect(mixed.statusCode).toBe(200);
    expect(parse(mixed.body).querySelector('[role="alert"]')!.text).toContain('There is no comment 987654');
    expect(await statusOf(real)).toBe('spam');
    const none = await act('trash', [987654, 987655]);
    expect(none.statusCode).toBe(404);
    expect(parse(none.body).querySelector('[role="alert"]')!.text).toContain('There are no comments 987654, 987655');
  });

  it('refuses malformed ids and actions with a message and changes nothing', async () => {
    const id = await comment();
    for (const [action, ids, message] of [
      ['approve', ['abc'], /positive whole number/],
      ['approve', [String(id), '-3'], /positive whole number/],
      ['approve', ['1e3'], /positive whole number/],
      ['approve', ['99999999999999999999'], /positive whole number/],
      ['approve', [], /Tick at least one comment/],
      ['publish', [String(id)], /Choose an action/],
      ['trash', Array.from({ length: 201 }, () => String(id)), /At most 200 comments at a time/],
    ] as [string, string[], RegExp][]) {
      const res = await act(action, ids);
      expect(res.statusCode, `${action} ${ids.join(',')}`).toBe(400);
      expect(parse(res.body).querySelector('[role="alert"]')!.text).toMatch(message);
    }
    expect(await statusOf(id)).toBe('pending');
    const badQuery = await editor.get('/admin/comments/?status=deleted');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.body).toContain('Choose a folder');
    expect((await editor.get('/admin/comments/?page=0')).statusCode).toBe(400);
    expect((await editor.get('/admin/comments/12abc')).statusCode).toBe(404);
    expect((await editor.get('/admin/comments/987654')).body).toContain('There is no comment 987654');
  });

  it('edits a comment, keeping the input and marking the field when it is refused', async () => {
    const id = await comment('approved');
    const form = await editor.get(`/admin/comments/${id}`);
    expect(parse(form.body).querySelector('#f-email')!.getAttribute('value')).toMatch(/^reader\d+@example\.org$/);
    const bad = await editor.post(`/admin/comments/${id}/edit`, { name: 'Fixed Name', email: 'not-an-address', url: '', comment: 'Corrected text.' });
    expect(bad.statusCode).toBe(400);
    const doc = parse(bad.body);
    expect(doc.querySelector('#f-email')!.getAttribute('aria-invalid')).toBe('true');
    expect(doc.querySelector('#f-name')!.getAttribute('value')).toBe('Fixed Name');
    expect(doc.querySelector('#f-comment')!.text).toBe('Corrected text.');
    expect((await db().selectFrom('comments').select('body').where('id', '=', id).executeTakeFirstOrThrow()).body).not.toBe('Corrected text.');
    const good = await editor.post(`/admin/comments/${id}/edit`, { name: 'Fixed Name', email: 'fixed@example.org', url: '', comment: 'Corrected text.' });
    expect(good.statusCode).toBe(200);
    expect(good.body).toContain('Saved your changes');
    const row = await db().selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([row.author_name, row.author_email, row.body]).toEqual(['Fixed Name', 'fixed@example.org', 'Corrected text.']);
  });

  it('replies as the moderator: published at once, and the held comment it answers is approved', async () => {
    const held = await comment();
    const res = await editor.post(`/admin/comments/${held}/reply`, { reply: 'Thanks, we have corrected the story.' });
    expect(res.statusCode).toBe(200);
    const reply = await db().selectFrom('comments').selectAll().where('parent_id', '=', held).executeTakeFirstOrThrow();
    expect(res.body).toContain(`published as comment ${reply.id}`);
    expect([reply.status, reply.author_name, reply.body]).toEqual(['approved', editorName, 'Thanks, we have corrected the story.']);
    expect(await statusOf(held)).toBe('approved');
    const story = await app.inject({ url: '/river-bridge/' });
    expect(story.body).toContain('Thanks, we have corrected the story.');
    const empty = await editor.post(`/admin/comments/${held}/reply`, { reply: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(parse(empty.body).querySelector('#f-reply')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses contributors and authors, and changes nothing', async () => {
    const id = await comment();
    for (const role of ['contributor', 'author'] as const) {
      const c = await signedIn(app, (await makeUser(db(), role)).email);
      await c.get('/admin/articles/');
      expect(parse((await c.get('/admin/articles/')).body).querySelector('a[href="/admin/comments/"]')).toBeNull();
      expect((await c.get('/admin/comments/')).statusCode, role).toBe(403);
      expect((await c.get(`/admin/comments/${id}`)).statusCode, role).toBe(403);
      expect((await c.post('/admin/comments/moderate', { action: 'approve', ids: String(id) })).statusCode, role).toBe(403);
      expect((await c.post(`/admin/comments/${id}/edit`, { name: 'X', email: 'x@example.org', url: '', comment: 'Hijacked' })).statusCode, role).toBe(403);
      expect((await c.post(`/admin/comments/${id}/reply`, { reply: 'Hijacked' })).statusCode, role).toBe(403);
    }
    const row = await db().selectFrom('comments').select(['status', 'body']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'pending', body: expect.not.stringContaining('Hijacked') });
    expect(await db().selectFrom('comments').select('id').where('parent_id', '=', id).execute()).toEqual([]);
    expect(parse((await editor.get('/admin/articles/')).body).querySelector('a[href="/admin/comments/"]')!.text).toBe('Comments');
  });

  it('refuses a form without the right CSRF token', async () => {
    const id = await comment();
    expect((await editor.post('/admin/comments/moderate', { action: 'approve', ids: String(id) }, { csrf: null })).statusCode).toBe(403);
    expect((await editor.post('/admin/comments/moderate', { action: 'approve', ids: String(id) }, { csrf: 'x'.repeat(editor.csrf.length) })).statusCode).toBe(403);
    expect((await editor.post(`/admin/comments/${id}/reply`, { reply: 'Forged' }, { csrf: null })).statusCode).toBe(403);
    expect((await editor.post(`/admin/comments/${id}/edit`, { name: 'F', email: 'f@example.org', url: '', comment: 'Forged' }, { csrf: null })).statusCode).toBe(403);
    expect(await statusOf(id)).toBe('pending');
    expect(await db().selectFrom('comments').select('id').where('body', '=', 'Forged').execute()).toEqual([]);
  });

  it('shows a script in a comment as inert text', async () => {
    const payload = '<script>alert("q")</script><img src=x onerror=alert(1)>"><svg onload=alert(2)>';
    const id = await comment('pending', { name: '<b onmouseover=alert(3)>Mallory</b>', body: payload });
    for (const url of ['/admin/comments/', `/admin/comments/${id}`]) {
      const res = await editor.get(url);
      const doc = parse(res.body);
      expect(doc.querySelectorAll('main script, main img, main svg, main b').length, url).toBe(0);
      expect(doc.querySelectorAll('main *').filter((el) => Object.keys(el.attributes).some((a) => a.startsWith('on'))), url).toEqual([]);
      expect(res.body, url).toContain('&lt;script>alert');
    }
    expect(parse((await editor.get('/admin/comments/')).body).querySelector(`#comment-${id} .comment-text`)!.text).toContain(payload);
  });

  it('approving from the queue refreshes the cached story page', async () => {
    const cached = await buildTestApp(database.current, clock, { caching: true });
    try {
      const c = await signedIn(cached, (await makeUser(db(), 'editor')).email);
      const id = await comment('pending', { body: 'A held remark about the bridge.' });
      expect((await cached.inject({ url: '/river-bridge/' })).headers['x-cache']).toBe('MISS');
      const warm = await cached.inject({ url: '/river-bridge/' });
      expect(warm.headers['x-cache']).toBe('HIT');
      expect(warm.body).not.toContain('A held remark about the bridge.');
      await c.get('/admin/comments/');
      expect((await c.post('/admin/comments/moderate', { action: 'approve', ids: String(id), status: 'pending' })).statusCode).toBe(303);
      const after = await cached.inject({ url: '/river-bridge/' });
      expect(after.headers['x-cache']).toBe('MISS');
      expect(after.body).toContain('A held remark about the bridge.');
    } finally {
      await cached.close();
    }
  });
});
