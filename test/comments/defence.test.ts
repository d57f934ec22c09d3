import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { saveSettings } from '../../src/content/settings.js';
import { settingsSchema } from '../../src/content/settings.js';
import { purgeOldIpHashes } from '../../src/comments/comments.purge.js';
import { insertComment } from '../../src/comments/comments.repository.js';
import { commentHarness, formToken, lastComment, postComment, reader, seedCommentDesk, TRUSTED } from './comments.fixtures.js';

const defaults = settingsSchema.parse({});
const MINUTE = 60_000;

describeEachEngine('spam defence', (engine) => {
  const database = useTestDatabase(engine);
  let h: Awaited<ReturnType<typeof commentHarness>>;
  let ipCounter = 0;
  /** A new IP per test, so one test's posts never count against another's limits. */
  let ip = '';
  beforeAll(async () => {
    await seedCommentDesk(database.current.db);
    h = await commentHarness(database.current);
  });
  beforeEach(async () => {
    ip = `203.0.113.${++ipCounter}`;
    await saveSettings(h.db, { commentModeration: 'open', commentBlockedWords: [], commentBlockedEmails: [], commentBlockedDomains: [], commentBlockedIps: [] });
  });
  afterAll(async () => {
    await h?.app.close();
  });

  it(`limits each IP to ${defaults.commentRateIpMax} comments in ${defaults.commentRateIpWindowMinutes} minutes, across addresses, keeping the input`, async () => {
    for (let i = 0; i < defaults.commentRateIpMax; i++) expect((await h.post('river-bridge', reader(`ip-${i}`), { ip, fillMs: 1000 * 4 })).statusCode).toBe(303);
    const refused = await h.post('river-bridge', reader('ip-over', { comment: 'One too many.' }), { ip, fillMs: 4000 });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['cache-control']).toBe('private, no-store');
    expect(refused.headers['retry-after']).toBe(String(defaults.commentRateIpWindowMinutes * 60));
    const doc = parse(refused.body);
    expect(doc.querySelector('#comment-errors')!.text).toContain('too quickly');
    expect(doc.querySelector('#comment-comment')!.text).toBe('One too many.');
    expect(doc.querySelector('#comment-email')!.getAttribute('value')).toBe('reader-ip-over@example.net');
    // another IP is not affected; the same IP may post again once the window has passed
    expect((await h.post('river-bridge', reader('ip-other'), { ip: '192.0.2.200' })).statusCode).toBe(303);
    h.clock.advance(defaults.commentRateIpWindowMinutes * MINUTE);
    expect((await h.post('river-bridge', reader('ip-later'), { ip })).statusCode).toBe(303);
  });

  it(`limits each email to ${defaults.commentRateEmailMax} comments in ${defaults.commentRateEmailWindowMinutes} minutes, across IPs`, async () => {
    const email = 'busy-bee@example.net';
    for (let i = 0; i < defaults.commentRateEmailMax; i++) expect((await h.post('river-bridge', reader(`em-${i}`, { email }), { ip: `198.18.0.${i + 1}` })).statusCode).toBe(303);
    const refused = await h.post('river-bridge', reader('em-over', { email: email.toUpperCase() }), { ip: '198.18.0.99' });
    expect(refused.statusCode).toBe(429);
    h.clock.advance(defaults.commentRateEmailWindowMinutes * MINUTE);
    expect((await h.post('river-bridge', reader('em-later', { email }), { ip: '198.18.0.100' })).statusCode).toBe(303);
  });

  it('keeps the limits in the database, so a second instance sees the first one’s comments', async () => {
    const second = await commentHarness(database.current);
    second.clock.set(h.clock.now());
    try {
      for (let i = 0; i < defaults.commentRateIpMax; i++) expect((await h.post('river-bridge', reader(`multi-${i}`), { ip })).statusCode).toBe(303);
      second.clock.set(h.clock.now());
      expect((await second.post('river-bridge', reader('multi-over'), { ip })).statusCode).toBe(429);
    } finally {
      await second.app.close();
    }
  });

  it('holds the limits and the duplicate check against parallel posts (a double click, a burst)', async () => {
    const token = await formToken(h.app, 'river-bridge');
    h.clock.advance(5000);
    const twice = await Promise.all([0, 1].map(() => postComment(h.app, 'river-bridge', reader('double-click'), { ip, token })));
    expect(twice.map((r) => r.statusCode).sort()).toEqual([303, 422]);
    const burstIp = `${ip}9`;
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => postComment(h.app, 'river-bridge', reader(`burst-${i}`), { ip: burstIp, token })));
    const codes = burst.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 303)).toHaveLength(defaults.commentRateIpMax);
    expect(codes.filter((c) => c === 429)).toHaveLength(12 - defaults.commentRateIpMax);
  });

  it('sends a comment that fills the honeypot to spam, and tells the sender it is held', async () => {
    const res = await h.post('river-bridge', reader('bot', { homepage: 'http://spam.example/' }), { ip });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/river-bridge/#comment-held');
    expect((await lastComment(h.db)).status).toBe('spam');
  });

  it.each([
    ['no token', null, 5000, 'spam'],
    ['a forged token', 'f1.1.1.abc.' + 'A'.repeat(43), 5000, 'spam'],
    ['a form sent sooner than the minimum fill time', undefined, 1000, 'spam'],
    ['a form sent just after the minimum fill time', undefined, defaults.commentMinFillSeconds * 1000, 'approved'],
  ])('treats %s (token %s, filled in %s ms) as %s', async (_what, token, fillMs, status) => {
    const res = await h.post('river-bridge', reader(`token-${_what}`), { ip, token: token as string | null | undefined, fillMs });
    expect(res.statusCode).toBe(303);
    expect((await lastComment(h.db)).status).toBe(status);
  });

  it('treats a token issued for another story as spam', async () => {
    const token = await formToken(h.app, 'market-day');
    await h.post('river-bridge', reader('wrong-story'), { ip, token });
    expect((await lastComment(h.db)).status).toBe('spam');
  });

  it('asks again, with the input kept, when the form is older than the token expiry', async () => {
    const before = (await lastComment(h.db)).id;
    const res = await h.post('river-bridge', reader('stale', { comment: 'Written slowly.' }), { ip, fillMs: defaults.commentTokenTtlMinutes * MINUTE + 1000 });
    expect(res.statusCode).toBe(422);
    const doc = parse(res.body);
    expect(doc.querySelector('#comment-errors')!.text).toContain('send it again');
    expect(doc.querySelector('#comment-comment')!.text).toBe('Written slowly.');
    expect((await lastComment(h.db)).id).toBe(before);
    const fresh = doc.querySelector('input[name="_token"]')!.getAttribute('value')!;
    h.clock.advance(5000);
    const again = await h.post('river-bridge', reader('stale', { comment: 'Written slowly.' }), { ip, token: fresh, fillMs: 5000 });
    expect(again.statusCode).toBe(303);
    expect((await lastComment(h.db)).status).toBe('approved');
  });

  it.each([
    ['a blocked word in the text', { commentBlockedWords: ['cheap pills'] }, { comment: 'Buy CHEAP PILLS today' }],
    ['a blocked word in the name', { commentBlockedWords: ['casino'] }, { name: 'Casino Royale' }],
    ['a blocked address', { commentBlockedEmails: ['Pest@Example.net'] }, { email: 'pest@example.net' }],
    ['a blocked domain in the address', { commentBlockedDomains: ['junkmail.test'] }, { email: 'x@mail.junkmail.test' }],
    ['a blocked domain in the website', { commentBlockedDomains: ['junk.test'] }, { url: 'https://www.junk.test/page' }],
    ['a blocked domain in a link', { commentBlockedDomains: ['junk.test'] }, { comment: 'see http://shop.junk.test/x' }],
    ['a blocked IP', { commentBlockedIps: ['192.0.2.66'] }, {}, '192.0.2.66'],
    ['a blocked IP range', { commentBlockedIps: ['192.0.2.'] }, {}, '192.0.2.67'],
  ])('sends %s to spam', async (what, settings, fields, from?: string) => {
    await saveSettings(h.db, settings);
    const res = await h.post('river-bridge', reader(`block-${what}`, fields as Record<string, string>), { ip: from ?? ip });
    expect(res.statusCode).toBe(303);
    expect((await lastComment(h.db)).status).toBe('spam');
  });

  it('lets a comment through when the blocklists do not match it', async () => {
    await saveSettings(h.db, { commentBlockedWords: ['casino'], commentBlockedDomains: ['junk.test'], commentBlockedIps: ['192.0.2.'] });
    await h.post('river-bridge', reader('clean', { comment: 'Nothing junk here, see https://notjunk.test/' }), { ip });
    expect((await lastComment(h.db)).status).toBe('approved');
  });

  it(`holds a comment with more than ${defaults.commentMaxLinks} links, even from a trusted address`, async () => {
    await saveSettings(h.db, { commentModeration: 'hold_first_time' });
    await h.post('river-bridge', { name: 'Trusted Reader', email: TRUSTED, comment: 'https://a.test/ and https://b.test/' }, { ip });
    expect((await lastComment(h.db)).status).toBe('approved');
    await h.post('river-bridge', { name: 'Trusted Reader', email: TRUSTED, comment: 'https://a.test/ https://b.test/ www.c.test' }, { ip });
    expect((await lastComment(h.db)).status).toBe('pending');
  });

  it('refuses the same comment twice from the same address, keeping the input', async () => {
    const fields = reader('dup', { comment: 'Exactly this.' });
    expect((await h.post('river-bridge', fields, { ip })).statusCode).toBe(303);
    const again = await h.post('river-bridge', fields, { ip });
    expect(again.statusCode).toBe(422);
    expect(parse(again.body).querySelector('#comment-comment-error')!.text).toContain('already posted');
    // the same words on another story, or from another address, are fine
    expect((await h.post('market-day', fields, { ip })).statusCode).toBe(303);
    expect((await h.post('river-bridge', { ...fields, email: 'someone-else@example.net' }, { ip })).statusCode).toBe(303);
  });

  it('stores the IP only as a salted hash, and erases it after the retention period', async () => {
    await h.post('river-bridge', reader('ip-hash'), { ip: '192.0.2.123', headers: { 'user-agent': 'TestAgent/1.0' } });
    const row = await lastComment(h.db);
    expect(row.ip_hash).toMatch(/^[\w-]{43}$/);
    expect(row.ip_hash).not.toContain('192.0.2.123');
    expect(row.user_agent).toBe('TestAgent/1.0');
    const old = await insertComment(h.db, { articleId: row.article_id, name: 'Old', email: 'old@example.net', body: 'old', status: 'approved', createdAt: new Date(h.clock.now().getTime() - (defaults.commentIpRetentionDays + 1) * 86_400_000).toISOString(), ipHash: 'x'.repeat(43), userAgent: 'Old/1' });
    const erased = await purgeOldIpHashes(h.db, h.clock.now());
    expect(erased).toBeGreaterThanOrEqual(1);
    expect(await purgeOldIpHashes(h.db, h.clock.now())).toBe(0);
    const after = await h.db.selectFrom('comments').select(['id', 'ip_hash', 'user_agent']).where('id', 'in', [old, row.id]).orderBy('id').execute();
    expect(after).toEqual([
      { id: row.id, ip_hash: row.ip_hash, user_agent: 'TestAgent/1.0' },
      { id: old, ip_hash: null, user_agent: null },
    ]);
  });
});

describeEachEngine('erasing IP hashes when the server starts', (engine) => {
  const database = useTestDatabase(engine);

  it('erases hashes older than the retention setting as the app becomes ready', async () => {
    const desk = await seedCommentDesk(database.current.db, { commentIpRetentionDays: 7 });
    const at = (days: number) => new Date(Date.parse('2026-11-20T12:00:00.000Z') - days * 86_400_000).toISOString();
    const old = await insertComment(database.current.db, { articleId: desk.story.id, name: 'Old', email: 'old@example.net', body: 'old', status: 'approved', createdAt: at(8), ipHash: 'h'.repeat(43) });
    const recent = await insertComment(database.current.db, { articleId: desk.story.id, name: 'New', email: 'new@example.net', body: 'new', status: 'approved', createdAt: at(6), ipHash: 'k'.repeat(43) });
    const h = await commentHarness(database.current);
    try {
      await h.app.ready();
      const rows = await h.db.selectFrom('comments').select(['id', 'ip_hash']).where('id', 'in', [old, recent]).orderBy('id').execute();
      expect(rows).toEqual([
        { id: old, ip_hash: null },
        { id: recent, ip_hash: 'k'.repeat(43) },
      ]);
    } finally {
      await h.app.close();
    }
  });
});

describeEachEngine('bad comment requests', (engine) => {
  const database = useTestDatabase(engine);
  let h: Awaited<ReturnType<typeof commentHarness>>;
  beforeAll(async () => {
    await seedCommentDesk(database.current.db);
    h = await commentHarness(database.current);
  });
  afterAll(async () => {
    await h?.app.close();
  });

  const send = (payload: string | Buffer, type = 'application/x-www-form-urlencoded') => h.app.inject({ method: 'POST', url: '/river-bridge/', payload, headers: { 'content-type': type } });
  const readable = (res: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
    expect(String(res.headers['content-type'])).toContain('text/html');
    expect(res.body).toMatch(/<h1[ >]/);
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+|FST_ERR|SQLITE|URIError|TypeError/);
  };

  it('answers an oversized body with 413 and a readable page', async () => {
    const res = await send(`comment=${'a'.repeat(300 * 1024)}&name=x`);
    expect(res.statusCode).toBe(413);
    readable(res);
  });

  it.each([
    ['a broken %-escape', 'name=Ann&comment=100%ZZ&email=a@b.test'],
    ['an escape that is not UTF-8', 'name=%C3%28&comment=hi&email=a@b.test'],
    ['an overlong UTF-8 escape', 'name=%C0%AF&comment=hi&email=a@b.test'],
    ['a truncated escape', 'name=Ann&comment=hi%E2%82'],
  ])('answers %s with 400 and a readable page', async (_what, body) => {
    const res = await send(body);
    expect(res.statusCode).toBe(400);
    readable(res);
    expect(res.body).toContain('not properly encoded');
  });

  it('answers raw bytes that are not UTF-8 with 400', async () => {
    const res = await send(Buffer.concat([Buffer.from('name=Ann&comment='), Buffer.from([0xff, 0xfe, 0x41])]));
    expect(res.statusCode).toBe(400);
    readable(res);
  });

  it('answers JSON and multipart with 415, and an empty body with a 422 form', async () => {
    const json = await send('{"comment":"hi"}', 'application/json');
    expect(json.statusCode).toBe(415);
    readable(json);
    const empty = await send('');
    expect([400, 422]).toContain(empty.statusCode);
    readable(empty);
  });

  it('ignores repeated fields after the first and unknown fields altogether', async () => {
    await saveSettings(h.db, { commentModeration: 'open' });
    const token = await formToken(h.app, 'river-bridge');
    h.clock.advance(5000);
    const res = await send(`_token=${encodeURIComponent(token)}&name=First&name=Second&email=rep@example.net&comment=Hello&status=approved&id=1`);
    expect(res.statusCode).toBe(303);
    const row = await lastComment(h.db);
    expect(row.author_name).toBe('First');
    expect(row.id).not.toBe(1);
  });

  it('treats fields named __proto__ or constructor as plain, unknown fields', async () => {
    const token = await formToken(h.app, 'river-bridge');
    h.clock.advance(5000);
    const res = await send(`__proto__=x&constructor=y&__proto__%5Bstatus%5D=approved&_token=${encodeURIComponent(token)}&name=Proto&email=proto@example.net&comment=Prototype`);
    expect(res.statusCode).toBe(303);
    expect((await lastComment(h.db)).author_name).toBe('Proto');
  });

  it('keeps newlines but drops control characters from the text', async () => {
    const token = await formToken(h.app, 'river-bridge');
    h.clock.advance(5000);
    await send(`_token=${encodeURIComponent(token)}&name=Ctl%07Name&email=ctl@example.net&comment=${encodeURIComponent('line one\r\nline\u0000two\u001b[31m')}`);
    const row = await lastComment(h.db);
    expect(row.body).toBe('line one\nlinetwo[31m');
    expect(row.author_name).toBe('Ctl Name');
  });
});
