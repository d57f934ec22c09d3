import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { saveSettings } from '../../src/content/settings.js';
import { commentHarness, cookieFrom, lastComment, reader, seedCommentDesk, statusOf, TRUSTED } from './comments.fixtures.js';

describeEachEngine('posting a comment through the form', (engine) => {
  const database = useTestDatabase(engine);
  let h: Awaited<ReturnType<typeof commentHarness>>;
  let desk: Awaited<ReturnType<typeof seedCommentDesk>>;
  beforeAll(async () => {
    // rate limits have their own tests; here one reader posts a lot
    desk = await seedCommentDesk(database.current.db, { commentRateIpMax: 1000, commentRateEmailMax: 1000 });
    h = await commentHarness(database.current);
  });
  afterAll(async () => {
    await h?.app.close();
  });

  it('serves the form with a signed token and a honeypot that people never see', async () => {
    const doc = parse((await h.get('/river-bridge/')).body);
    const form = doc.querySelector('form.comment-form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/river-bridge/#respond');
    expect(form.querySelector('input[name="_token"]')!.getAttribute('value')).toMatch(/^f1\.\d+\.\d+\.[\w-]+\.[\w-]{43}$/);
    expect(form.querySelector('#comment-name')!.getAttribute('maxlength')).toBe('100');
    expect(form.querySelector('#comment-comment')!.getAttribute('maxlength')).toBe('10000');
    const trap = form.querySelector('.comment-form__trap')!;
    expect(trap.getAttribute('aria-hidden')).toBe('true');
    expect(trap.querySelector('input')!.getAttribute('tabindex')).toBe('-1');
  });

  it('sends the form back with every field marked, a summary, and the input kept', async () => {
    const res = await h.post('river-bridge', { name: '', email: 'not-an-address', url: 'javascript:alert(1)', comment: '   ' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const doc = parse(res.body);
    const summary = doc.querySelector('#comment-errors')!;
    expect(summary.getAttribute('role')).toBe('alert');
    expect(summary.querySelectorAll('li')).toHaveLength(4);
    for (const field of ['name', 'email', 'url', 'comment']) {
      const input = doc.querySelector(`#comment-${field}`)!;
      expect(input.getAttribute('aria-invalid'), field).toBe('true');
      expect(input.getAttribute('aria-describedby'), field).toContain(`comment-${field}-error`);
      expect(doc.querySelector(`#comment-${field}-error`)!.text.length, field).toBeGreaterThan(10);
    }
    expect(doc.querySelector('#comment-email')!.getAttribute('value')).toBe('not-an-address');
    expect(doc.querySelector('#comment-url')!.getAttribute('value')).toBe('javascript:alert(1)');
    expect(doc.querySelector('#comment-name-error')!.text).toBe('Please enter your name.');
    expect(doc.querySelector('#comment-url-error')!.text).toContain('http:// or https://');
    // the page comes back with a fresh token, so sending it again works
    expect(doc.querySelector('input[name="_token"]')).not.toBeNull();
    expect(await h.db.selectFrom('comments').select('id').where('author_email', '=', 'not-an-address').execute()).toHaveLength(0);
  });

  it.each([
    ['name', { name: 'n'.repeat(101) }, 'at most 100 characters'],
    ['email', { email: `${'e'.repeat(250)}@x.org` }, 'at most 254 characters'],
    ['url', { url: `https://example.org/${'u'.repeat(2000)}` }, 'at most 2000 characters'],
    ['url', { url: 'ftp://example.org/file' }, 'http:// or https://'],
    ['comment', { comment: 'c'.repeat(10_001) }, 'at most 10,000 characters'],
  ])('enforces the %s limit with its own message', async (field, extra, message) => {
    const res = await h.post('river-bridge', reader(`limit-${field}-${message.length}`, extra));
    expect(res.statusCode).toBe(422);
    const doc = parse(res.body);
    expect(doc.querySelector(`#comment-${field}-error`)!.text).toContain(message);
    expect(doc.querySelectorAll('[aria-invalid="true"]')).toHaveLength(1);
    const kept = field === 'comment' ? doc.querySelector('#comment-comment')!.text : doc.querySelector(`#comment-${field}`)!.getAttribute('value');
    expect(kept).toBe(Object.values(extra)[0]);
  });

  it('accepts a comment of exactly 10,000 characters and a name of exactly 100', async () => {
    await saveSettings(h.db, { commentModeration: 'open' });
    const res = await h.post('river-bridge', reader('max', { name: 'N'.repeat(100), comment: 'é'.repeat(10_000) }));
    expect(res.statusCode).toBe(303);
    await saveSettings(h.db, { commentModeration: 'hold_first_time' });
  });

  it('holds a first-time commenter and shows the comment to them alone', async () => {
    const res = await h.post('river-bridge', reader('first', { comment: 'My first ever comment.\n\nWith two paragraphs.' }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/river-bridge/#comment-held');
    const row = await lastComment(h.db);
    expect(row.status).toBe('pending');
    const cookie = cookieFrom(res);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Lax/);
    expect(String(res.headers['set-cookie'])).toContain('Path=/river-bridge/');

    const mine = await h.get('/river-bridge/', cookie);
    expect(mine.headers['cache-control']).toBe('private, no-store');
    const notice = parse(mine.body).querySelector('#comment-held')!;
    expect(notice.text).toContain('Your comment is awaiting moderation');
    expect(notice.querySelectorAll('.comment__body p').map((p) => p.text)).toEqual(['My first ever comment.', 'With two paragraphs.']);

    const someoneElse = await h.get('/river-bridge/');
    expect(someoneElse.body).not.toContain('My first ever comment');
    expect(someoneElse.headers['cache-control']).toMatch(/^public, /);
    // the cookie names a comment on this story only, and a forged one names nothing
    expect((await h.get('/market-day/', cookie)).body).not.toContain('My first ever comment');
    const forged = cookie.replace(/h1\.(\d+)\./, (_m, id) => `h1.${Number(id) - 1}.`);
    expect((await h.get('/river-bridge/', forged)).body).not.toContain('awaiting moderation');
    // after it expires (30 minutes), the notice is gone
    h.clock.advance(31 * 60_000);
    expect((await h.get('/river-bridge/', cookie)).body).not.toContain('My first ever comment');
  });

  it('publishes at once for an address with an approved comment, and lands the reader on it', async () => {
    const before = h.events.length;
    const res = await h.post('river-bridge', { name: 'Trusted Reader', email: TRUSTED.toUpperCase(), comment: 'Back again with more.' });
    expect(res.statusCode).toBe(303);
    const row = await lastComment(h.db);
    expect(row.status).toBe('approved');
    expect(row.author_email).toBe(TRUSTED);
    expect(res.headers.location).toBe(`/river-bridge/#comment-${row.id}`);
    const page = parse((await h.get('/river-bridge/')).body);
    expect(page.querySelector(`#comment-${row.id} .comment__body`)!.text).toContain('Back again with more.');
    const created = h.events.slice(before).find((e) => e.kind === 'comment.created')!;
    expect(created.tags).toEqual(expect.arrayContaining([`article:${desk.story.id}`, `list:tag:${desk.tag}`, `list:author:${desk.author}`, `list:category:${desk.category}`, 'lists']));
  });

  it('nests a reply under its parent, offers reply links, and refuses a reply to a held comment', async () => {
    const replyPage = parse((await h.get(`/river-bridge/?replytocom=${desk.first}`)).body);
    expect(replyPage.querySelector('#reply-title')!.text).toContain('Leave a Reply to Trusted Reader');
    expect(replyPage.querySelector('input[name="parent_id"]')!.getAttribute('value')).toBe(String(desk.first));
    expect(replyPage.querySelector(`#comment-${desk.first} .comment__reply a`)!.getAttribute('href')).toBe(`/river-bridge/?replytocom=${desk.first}#respond`);

    const res = await h.post('river-bridge', { name: 'Trusted Reader', email: TRUSTED, comment: 'Replying to myself.', parent_id: String(desk.first) });
    expect(res.statusCode).toBe(303);
    const id = (await lastComment(h.db)).id;
    const doc = parse((await h.get('/river-bridge/')).body);
    expect(doc.querySelector(`#comment-${desk.first} > ol.comment-list--children > #comment-${id}`)).not.toBeNull();

    const held = (await h.db.selectFrom('comments').select('id').where('status', '=', 'pending').executeTakeFirstOrThrow()).id;
    const bad = await h.post('river-bridge', { name: 'Trusted Reader', email: TRUSTED, comment: 'Reply to the unseen.', parent_id: String(held) });
    expect(bad.statusCode).toBe(422);
    expect(parse(bad.body).querySelector('#comment-comment-error')!.text).toContain('not available');
    const elsewhere = await h.post('market-day', { name: 'Trusted Reader', email: TRUSTED, comment: 'Reply across stories.', parent_id: String(desk.first) });
    expect(elsewhere.statusCode).toBe(422);
    const junk = await h.post('river-bridge', { name: 'Trusted Reader', email: TRUSTED, comment: 'Reply to junk.', parent_id: '1e9' });
    expect(junk.statusCode).toBe(422);
  });

  it('nests replies to the configured depth, then shows them flat', async () => {
    await saveSettings(h.db, { commentThreadDepth: 2 });
    let parent = desk.first;
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await h.post('river-bridge', { name: 'Trusted Reader', email: TRUSTED, comment: `Depth chain ${i}`, parent_id: String(parent) });
      expect(res.statusCode).toBe(303);
      parent = (await lastComment(h.db)).id;
      ids.push(parent);
    }
    const doc = parse((await h.get('/river-bridge/')).body);
    for (const id of ids) expect(doc.querySelector(`#comment-${id}`)!.getAttribute('class')).toBe('comment comment--depth-2');
    await saveSettings(h.db, { commentThreadDepth: 5 });
    const deep = parse((await h.get('/river-bridge/')).body);
    expect(deep.querySelector(`#comment-${ids[2]}`)!.getAttribute('class')).toBe('comment comment--depth-4');
  });

  it('keeps held replies out of the thread but shows their count nowhere', async () => {
    const res = await h.get('/');
    const teaser = parse(res.body).querySelectorAll('.teaser').find((t) => t.text.includes('River bridge reopens'))!;
    const approved = await h.db.selectFrom('comments').select('id').where('article_id', '=', desk.story.id).where('status', '=', 'approved').execute();
    expect(teaser.querySelector('.teaser__comments')!.text).toBe(`${approved.length} comments`);
    expect(teaser.querySelector('.teaser__comments')!.getAttribute('href')).toBe('/river-bridge/#comments');
    const market = parse(res.body).querySelectorAll('.teaser').find((t) => t.text.includes('Market day returns'))!;
    expect(market.querySelector('.teaser__comments')).toBeNull();
  });

  it('applies each moderation policy', async () => {
    const cases = [
      ['hold_all', TRUSTED, 'pending'],
      ['open', 'stranger-open@example.net', 'approved'],
      ['hold_first_time', 'stranger-held@example.net', 'pending'],
      ['hold_first_time', TRUSTED, 'approved'],
    ] as const;
    for (const [policy, email, expected] of cases) {
      await saveSettings(h.db, { commentModeration: policy });
      const res = await h.post('market-day', { name: 'Policy Tester', email, comment: `Policy ${policy} for ${email}` });
      expect(res.statusCode, parse(res.body).querySelector('#comment-errors')?.text).toBe(303);
      expect((await lastComment(h.db)).status, `${policy} ${email}`).toBe(expected);
    }
    await saveSettings(h.db, { commentModeration: 'closed' });
    const closedPage = await h.get('/market-day/');
    expect(closedPage.body).toContain('Comments are closed.');
    expect(parse(closedPage.body).querySelector('form.comment-form')).toBeNull();
    const refused = await h.post('market-day', { name: 'Late', email: TRUSTED, comment: 'Too late' }, { token: 'x' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Comments are closed');
    await saveSettings(h.db, { commentModeration: 'hold_first_time' });
  });

  it('closes comments N days after publication, and per story', async () => {
    expect(parse((await h.get('/old-ferry/')).body).querySelector('form.comment-form')).not.toBeNull();
    await saveSettings(h.db, { commentsCloseAfterDays: 30 });
    const old = await h.get('/old-ferry/');
    expect(old.body).toContain('Comments are closed.');
    expect((await h.post('old-ferry', reader('late'), { token: 'none' })).statusCode).toBe(403);
    expect(parse((await h.get('/river-bridge/')).body).querySelector('form.comment-form')).not.toBeNull();
    await saveSettings(h.db, { commentsCloseAfterDays: 0 });
    expect((await h.post('no-comments', reader('closed-story'), { token: 'none' })).statusCode).toBe(403);
    expect((await h.post('about-us', reader('page'), { token: 'none' })).statusCode).toBe(403);
    expect((await h.post('no-such-story', reader('nowhere'), { token: 'none' })).statusCode).toBe(404);
  });

  it('stores the email lower-cased and never shows it on the page', async () => {
    const page = await h.get('/river-bridge/');
    expect(page.body.toLowerCase()).not.toContain('@example.org');
    expect(page.body.toLowerCase()).not.toContain('@example.net');
    expect(await statusOf(h.db, desk.first)).toBe('approved');
  });
});
