import { describe, expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { NOW } from '../helpers/fixtures.js';
import { createPasswordReset, createUser } from '../../src/admin/accounts/users.service.js';
import { hashPassword, verifyPassword } from '../../src/admin/accounts/password.js';
import { recordLoginFailure } from '../../src/admin/accounts/login-limit.js';
import { Client, makeUser, PASSWORD, signedIn } from './admin-fixtures.js';

describe('password hashing', () => {
  it('salts every hash and verifies only the right password', async () => {
    const a = await hashPassword('same password here');
    const b = await hashPassword('same password here');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('same password here', a)).toBe(true);
    expect(await verifyPassword('same password herE', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describeEachEngine('accounts and sessions', (engine) => {
  const database = useTestDatabase(engine);

  it('sends anyone without a session to the sign-in page, and never lets admin pages be cached', async () => {
    const app = await buildTestApp(database.current);
    const res = await app.inject({ url: '/admin/articles/' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/login?next=%2Fadmin%2Farticles%2F');
    const login = await app.inject({ url: '/admin/login' });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('private, no-store');
    expect(login.body).toContain('Sign in');
  });

  it('signs in with a session cookie that is httpOnly and SameSite=Lax, Secure behind HTTPS, and signs out', async () => {
    const user = await makeUser(database.current.db, 'editor');
    const app = await buildTestApp(database.current);
    const c = new Client(app);
    await c.get('/admin/login');
    const res = await c.post('/admin/login', { email: user.email.toUpperCase(), password: PASSWORD, next: '/admin/media/' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/media/');
    const cookie = [res.headers['set-cookie']].flat().find((c) => c!.startsWith('masthead_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const page = await c.get('/admin/articles/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    // the token in the cookie is not what the database keeps
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const rows = await database.current.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    const out = await c.post('/admin/logout', {});
    expect(out.statusCode).toBe(303);
    expect((await c.get('/admin/articles/')).statusCode).toBe(303);
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const user = await makeUser(database.current.db, 'author');
    const base = await buildTestApp(database.current);
    const config = { ...base.deps.config, trustProxy: true };
    const { buildApp } = await import('../../src/app.js');
    const app = await buildApp({ config, db: database.current.db, engine: engine, clock: fixedClock(NOW), logger: false });
    const login = await app.inject({ url: '/admin/login', headers: { 'x-forwarded-proto': 'https' } });
    const pre = [login.headers['set-cookie']].flat()[0]!;
    expect(pre).toMatch(/Secure/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(login.body)![1]!;
    const res = await app.inject({ method: 'POST', url: '/admin/login', headers: { 'x-forwarded-proto': 'https', cookie: pre.split(';')[0]!, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, email: user.email, password: PASSWORD }).toString() });
    expect(res.statusCode).toBe(303);
    expect([res.headers['set-cookie']].flat().find((c) => c!.startsWith('masthead_session='))).toMatch(/Secure/);
  });

  it('keeps sessions in the database, so another instance on the same database knows them', async () => {
    const user = await makeUser(database.current.db, 'contributor');
    const one = await buildTestApp(database.current);
    const c = await signedIn(one, user.email);
    const two = await buildTestApp(database.current);
    const res = await two.inject({ url: '/admin/articles/', headers: { cookie: c.cookies } });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a wrong password with a message, and keeps the email typed', async () => {
    const user = await makeUser(database.current.db, 'author');
    const c = new Client(await buildTestApp(database.current));
    await c.get('/admin/login');
    const res = await c.post('/admin/login', { email: user.email, password: 'wrong password entirely' });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('That email and password do not match an account.');
    expect(res.body).toContain(`value="${user.email}"`);
  });

  it('locks an account after 5 failures (even with the right password next), with a clear message, counted in the database', async () => {
    const user = await makeUser(database.current.db, 'editor');
    const other = await makeUser(database.current.db, 'editor');
    const app = await buildTestApp(database.current);
    const c = new Client(app);
    await c.get('/admin/login');
    for (let i = 0; i < 5; i++) expect((await c.post('/admin/login', { email: user.email, password: `wrong ${i} password` })).statusCode).toBe(401);
    // a fresh instance (another server) sees the same count
    const fresh = new Client(await buildTestApp(database.current));
    await fresh.get('/admin/login');
    const locked = await fresh.post('/admin/login', { email: user.email, password: PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Too many failed sign-ins for this account');
    // other accounts from the same address still work
    expect((await fresh.post('/admin/login', { email: other.email, password: PASSWORD })).statusCode).toBe(303);
  });

  it('limits failures per address across accounts', async () => {
    const user = await makeUser(database.current.db, 'author');
    const c = new Client(await buildTestApp(database.current));
    await c.get('/admin/login');
    // 19 earlier failures from this address, recorded as the sign-in route records them (each costs a scrypt hash through HTTP)
    for (let i = 0; i < 19; i++) await recordLoginFailure(database.current.db, c.remoteAddress, `nobody${i}@nowhere.test`, fixedClock(NOW));
    expect((await c.post('/admin/login', { email: 'nobody-last@nowhere.test', password: 'wrong password here' })).statusCode).toBe(401);
    const res = await c.post('/admin/login', { email: user.email, password: PASSWORD });
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('Too many failed sign-ins from your network');
  });

  it('refuses every state-changing request without the right CSRF token', async () => {
    const user = await makeUser(database.current.db, 'admin');
    const app = await buildTestApp(database.current);
    const anon = new Client(app);
    await anon.get('/admin/login');
    const forged = await anon.post('/admin/login', { email: user.email, password: PASSWORD }, { csrf: 'forged' });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('This form has expired');
    const c = await signedIn(app, user.email);
    const none = await c.post('/admin/logout', {}, { csrf: null });
    expect(none.statusCode).toBe(403);
    const wrong = await c.post('/admin/users/', { name: 'X', email: 'x@y.test', role: 'admin' }, { csrf: 'a'.repeat(c.csrf.length) });
    expect(wrong.statusCode).toBe(403);
    expect(await database.current.db.selectFrom('users').select('id').where('email', '=', 'x@y.test').executeTakeFirst()).toBeUndefined();
  });

  it('makes a person with a one-time password choose their own before anything else', async () => {
    const { oneTimePassword } = await createUser(database.current.db, { email: 'new@newsroom.test', name: 'New Person', role: 'author' }, fixedClock(NOW));
    const app = await buildTestApp(database.current);
    const c = new Client(app);
    await c.get('/admin/login');
    const res = await c.post('/admin/login', { email: 'new@newsroom.test', password: oneTimePassword! });
    expect(res.headers.location).toBe('/admin/account/password');
    expect((await c.get('/admin/articles/')).headers.location).toBe('/admin/account/password');
    const page = await c.get('/admin/account/password');
    expect(page.body).toContain('Choose your own password to continue');
    const short = await c.post('/admin/account/password', { current: oneTimePassword!, password: 'short', confirm: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('at least 12 characters');
    const ok = await c.post('/admin/account/password', { current: oneTimePassword!, password: 'my own long password', confirm: 'my own long password' });
    expect(ok.statusCode).toBe(303);
    expect((await c.get('/admin/articles/')).statusCode).toBe(200);
  });

  it('resets a password with a one-time link, once', async () => {
    const user = await makeUser(database.current.db, 'editor');
    const token = await createPasswordReset(database.current.db, user.id, fixedClock(NOW));
    const app = await buildTestApp(database.current);
    const c = new Client(app);
    expect((await c.get(`/admin/reset/${token}`)).statusCode).toBe(200);
    const res = await c.post(`/admin/reset/${token}`, { password: 'a brand new password', confirm: 'a brand new password' });
    expect(res.statusCode).toBe(303);
    expect((await c.get(`/admin/reset/${token}`)).statusCode).toBe(404);
    expect((await c.login(user.email, 'a brand new password')).statusCode).toBe(303);
    expect((await new Client(app).login(user.email, PASSWORD)).statusCode).toBe(401);
  });

  it('lets an admin disable an account, ending its sessions, and enable it again', async () => {
    const admin = await makeUser(database.current.db, 'admin');
    const victim = await makeUser(database.current.db, 'author');
    const app = await buildTestApp(database.current);
    const c = await signedIn(app, admin.email);
    const v = await signedIn(app, victim.email);
    await c.get('/admin/users/');
    const res = await c.post(`/admin/users/${victim.id}/disable`, {});
    expect(res.body).toContain('can no longer sign in');
    expect((await v.get('/admin/articles/')).statusCode).toBe(303);
    expect((await new Client(app).login(victim.email)).statusCode).toBe(401);
    expect((await c.post(`/admin/users/${admin.id}/disable`, {})).statusCode).toBe(400);
    await c.post(`/admin/users/${victim.id}/enable`, {});
    expect((await new Client(app).login(victim.email)).statusCode).toBe(303);
  });

  it('lets an admin add accounts and make reset links, showing the one-time password once', async () => {
    const admin = await makeUser(database.current.db, 'admin');
    const c = await signedIn(await buildTestApp(database.current), admin.email);
    await c.get('/admin/users/');
    const bad = await c.post('/admin/users/', { name: 'Nadia', email: 'not-an-email', role: 'author' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('enter an email address');
    expect(bad.body).toContain('value="Nadia"');
    const res = await c.post('/admin/users/', { name: 'Nadia', email: 'nadia@newsroom.test', role: 'author' });
    expect(res.statusCode).toBe(200);
    const otp = /one-time password privately; they must change it when they first sign in: (\w+)/.exec(res.body)![1]!;
    expect((await new Client(c.app).login('nadia@newsroom.test', otp)).headers.location).toBe('/admin/account/password');
    expect(res.body).not.toContain('scrypt$');
  });
});
