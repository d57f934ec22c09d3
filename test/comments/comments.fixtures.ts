import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { parse } from 'node-html-parser';
import type { Database } from '../../src/db/schema.js';
import { fixedClock } from '../../src/clock.js';
import { buildTestApp } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/engines.js';
import { saveSettings, type Settings } from '../../src/content/settings.js';
import { insertComment } from '../../src/comments/comments.repository.js';
import type { ChangeEvent } from '../../src/events.js';
import { createTag } from '../../src/content/taxonomy.service.js';
import { createAuthor, createCategory } from '../../src/content/taxonomy.service.js';
import { hoursAgo, makeArticle, NOW } from '../helpers/fixtures.js';

export const TRUSTED = 'trusted-reader@example.org';

/** A story open for comments, with one approved comment from a trusted address; plus a closed one and a page. */
export async function seedCommentDesk(db: Kysely<Database>, settings: Partial<Settings> = {}) {
  const clock = fixedClock(NOW);
  await saveSettings(db, { title: 'Comment Desk', ...settings });
  const category = await createCategory(db, { name: 'Local', slug: 'local' }, clock);
  const author = await createAuthor(db, { name: 'Ada Reporter', slug: 'ada-reporter' }, clock);
  const tag = await createTag(db, { name: 'Rivers', slug: 'rivers' }, clock);
  const story = await makeArticle(db, { title: 'River bridge reopens', slug: 'river-bridge', categoryId: category, authorIds: [author], tagIds: [tag], publishedAt: hoursAgo(3) });
  const other = await makeArticle(db, { title: 'Market day returns', slug: 'market-day', categoryId: category, authorIds: [author], publishedAt: hoursAgo(4) });
  const old = await makeArticle(db, { title: 'Old ferry story', slug: 'old-ferry', categoryId: category, authorIds: [author], publishedAt: hoursAgo(24 * 40) });
  const closed = await makeArticle(db, { title: 'No comments here', slug: 'no-comments', categoryId: category, authorIds: [author], publishedAt: hoursAgo(5), commentsEnabled: false });
  const page = await makeArticle(db, { type: 'page', title: 'About us', slug: 'about-us', publishedAt: hoursAgo(100) });
  const first = await insertComment(db, { articleId: story.id, name: 'Trusted Reader', email: TRUSTED, body: 'Glad it is open again.', status: 'approved', createdAt: hoursAgo(2) });
  return { story, other, old, closed, page, first, category, author, tag };
}

/** Collects change events from the app. */
export function recordEvents(app: FastifyInstance): ChangeEvent[] {
  const seen: ChangeEvent[] = [];
  app.deps.events.on((e) => void seen.push(e));
  return seen;
}

export interface PostOptions {
  /** The test clock, moved on by `fillMs` between loading the form and sending it. */
  clock?: { advance(ms: number): void };
  fillMs?: number;
  ip?: string;
  cookie?: string;
  token?: string | null;
  headers?: Record<string, string>;
}

/** The hidden form token on an article page. */
export async function formToken(app: FastifyInstance, slug: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/${slug}/` });
  const input = parse(res.body).querySelector('input[name="_token"]');
  if (!input) throw new Error(`no form token on /${slug}/ (status ${res.statusCode})`);
  return input.getAttribute('value')!;
}

/** Sends the comment form as a browser would (urlencoded), with a token fetched first unless given. */
export async function postComment(app: FastifyInstance, slug: string, fields: Record<string, string>, options: PostOptions = {}) {
  const token = options.token === undefined ? await formToken(app, slug) : options.token;
  options.clock?.advance(options.fillMs ?? 5000);
  const body = new URLSearchParams({ ...(token === null ? {} : { _token: token }), ...fields }).toString();
  return app.inject({
    method: 'POST',
    url: `/${slug}/`,
    payload: body,
    remoteAddress: options.ip ?? '198.51.100.7',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
  });
}

export const reader = (n: number | string, extra: Record<string, string> = {}) => ({ name: `Reader ${n}`, email: `reader-${String(n).toLowerCase().replace(/[^a-z0-9-]+/g, '-')}@example.net`, comment: `Comment number ${n} about the bridge.`, ...extra });

/** The cookie a response set, as a request header value. */
export function cookieFrom(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const first = Array.isArray(raw) ? raw[0] : String(raw ?? '');
  return first.split(';')[0]!;
}

export async function statusOf(db: Kysely<Database>, id: number) {
  return (await db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
}

export async function lastComment(db: Kysely<Database>) {
  return db.selectFrom('comments').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
}

/** A test app on its own clock (starting at NOW), with a form poster that waits a human's fill time. */
export async function commentHarness(database: TestDatabase) {
  const clock = fixedClock(NOW);
  const app = await buildTestApp(database, clock);
  const events = recordEvents(app);
  return {
    app,
    clock,
    events,
    db: database.db,
    post: (slug: string, fields: Record<string, string>, options: PostOptions = {}) => postComment(app, slug, fields, { clock, ...options }),
    get: (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} }),
  };
}
