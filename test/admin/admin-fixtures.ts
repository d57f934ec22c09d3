import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { parse } from 'node-html-parser';
import type { Database, UserRole } from '../../src/db/schema.js';
import { fixedClock } from '../../src/clock.js';
import { hashPassword } from '../../src/admin/accounts/password.js';
import { createAuthor } from '../../src/content/taxonomy.service.js';
import { NOW } from '../helpers/fixtures.js';

export const PASSWORD = 'correct horse battery staple';

let n = 0;
// one scrypt hash of PASSWORD for every test account: hashing is deliberately slow
let passwordHash: Promise<string> | undefined;

/**
 * An account with a known password and its own byline author, made as
 * createUser makes them (the same columns) but with one shared hash, so a
 * suite with many accounts does not pay for a slow hash each time.
 */
export async function makeUser(db: Kysely<Database>, role: UserRole, email?: string) {
  n++;
  const address = email ?? `${role}${n}-${process.pid}@newsroom.test`;
  passwordHash ??= hashPassword(PASSWORD);
  const now = NOW.toISOString();
  const name = `${role[0]!.toUpperCase()}${role.slice(1)} ${n}`;
  const authorId = await createAuthor(db, { name, slug: `${role}-${n}-${process.pid}` }, fixedClock(NOW));
  const { id } = await db
    .insertInto('users')
    .values({ email: address, name, role, password_hash: await passwordHash, must_change_password: 0, author_id: authorId, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, email: address, authorId };
}

/** Cookies from Set-Cookie headers, as one Cookie header value, merged over `jar`. */
export function mergeCookies(jar: string, setCookie: string | string[] | undefined): string {
  const map = new Map(jar.split('; ').filter(Boolean).map((c) => [c.slice(0, c.indexOf('=')), c] as const));
  for (const line of [setCookie ?? []].flat()) {
    const pair = line.split(';')[0]!;
    const name = pair.slice(0, pair.indexOf('='));
    if (/max-age=0/i.test(line)) map.delete(name);
    else map.set(name, pair);
  }
  return [...map.values()].join('; ');
}

export function csrfFrom(html: string): string {
  const input = parse(html).querySelector('input[name="_csrf"]');
  if (!input) throw new Error('no CSRF field on the page');
  return input.getAttribute('value')!;
}

/** A signed-in browser-like client over app.inject: keeps cookies and the form token. */
export class Client {
  cookies = '';
  csrf = '';
  /** Each client its own address by default, so login limits per address do not spill between tests. */
  constructor(
    readonly app: FastifyInstance,
    readonly remoteAddress = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
  ) {}

  async get(url: string) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookies }, remoteAddress: this.remoteAddress });
    this.cookies = mergeCookies(this.cookies, res.headers['set-cookie']);
    if (res.statusCode === 200 && res.body.includes('name="_csrf"')) this.csrf = csrfFrom(res.body);
    return res;
  }

  async post(url: string, form: Record<string, string | string[]>, opts: { csrf?: string | null } = {}) {
    const params = new URLSearchParams();
    const token = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (token !== null) params.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) params.append(k, one);
    const res = await this.app.inject({ method: 'POST', url, headers: { cookie: this.cookies, 'content-type': 'application/x-www-form-urlencoded' }, payload: params.toString(), remoteAddress: this.remoteAddress });
    this.cookies = mergeCookies(this.cookies, res.headers['set-cookie']);
    return res;
  }

  /** Signs in through the form, as a person would. */
  async login(email: string, password = PASSWORD) {
    await this.get('/admin/login');
    const res = await this.post('/admin/login', { email, password });
    if (res.statusCode === 303) await this.get('/admin/account/password');
    return res;
  }
}

export async function signedIn(app: FastifyInstance, email: string): Promise<Client> {
  const c = new Client(app);
  const res = await c.login(email);
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`);
  return c;
}

/** A multipart/form-data body with text fields and one file, as a browser sends it. */
export function multipartBody(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer } | null): { payload: Buffer; contentType: string } {
  const boundary = `----masthead${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads through the media library form; returns the response. */
export async function upload(c: Client, file: { name: string; type: string; bytes: Buffer }, alt = '') {
  const { payload, contentType } = multipartBody({ alt }, file);
  return c.app.inject({ method: 'POST', url: `/admin/media/?_csrf=${encodeURIComponent(c.csrf)}`, headers: { cookie: c.cookies, 'content-type': contentType }, payload, remoteAddress: c.remoteAddress });
}
