import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { siteSecret } from '../secrets.js';

/*
 * Two small signed values, HMAC-SHA256 with keys the site keeps in its
 * database (so every instance signs and verifies alike):
 * - the form token, issued with the article page: which article and when.
 *   A bot that posts without loading the page has none; one that posts the
 *   instant it loaded the page is too fast; a page left open for days is stale.
 * - the "held" cookie, set after posting a comment that waits for moderation,
 *   naming that comment so its author alone sees it with the notice.
 */

const sign = (key: Buffer, payload: string) => crypto.createHmac('sha256', key).update(payload).digest('base64url');

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/*
 * Every article page carries a fresh token. Asking the system for six random
 * bytes each time costs more than the rest of the token; take them from a
 * pool filled 4 KB at a time.
 */
const pool = Buffer.alloc(4096);
let poolUsed = pool.length;

function nonce(): string {
  if (poolUsed + 6 > pool.length) {
    crypto.randomFillSync(pool);
    poolUsed = 0;
  }
  poolUsed += 6;
  return pool.toString('base64url', poolUsed - 6, poolUsed);
}

export async function issueFormToken(db: Kysely<Database>, articleId: number, now: Date): Promise<string> {
  const payload = `f1.${articleId}.${now.getTime()}.${nonce()}`;
  return `${payload}.${sign(await siteSecret(db, 'comment-form'), payload)}`;
}

export type TokenCheck = { ok: true } | { ok: false; reason: 'missing' | 'forged' | 'too-fast' | 'expired' };

/** Checks a form token for this article against the fill-time window. */
export async function checkFormToken(db: Kysely<Database>, token: string, articleId: number, now: Date, window: { minFillSeconds: number; ttlMinutes: number }): Promise<TokenCheck> {
  if (!token) return { ok: false, reason: 'missing' };
  const m = /^(f1\.(\d{1,12})\.(\d{1,15})\.[A-Za-z0-9_-]{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m || !safeEqual(sign(await siteSecret(db, 'comment-form'), m[1]!), m[4]!) || Number(m[2]) !== articleId) return { ok: false, reason: 'forged' };
  const age = now.getTime() - Number(m[3]);
  if (age < window.minFillSeconds * 1000) return { ok: false, reason: 'too-fast' };
  if (age > window.ttlMinutes * 60_000) return { ok: false, reason: 'expired' };
  return { ok: true };
}

export const HELD_COOKIE = 'masthead_held';
export const HELD_TTL_SECONDS = 30 * 60;

export async function heldCookieValue(db: Kysely<Database>, commentId: number, now: Date): Promise<string> {
  const payload = `h1.${commentId}.${now.getTime() + HELD_TTL_SECONDS * 1000}`;
  return `${payload}.${sign(await siteSecret(db, 'comment-held'), payload)}`;
}

/** The held comment id named by a valid, unexpired cookie value; else null. */
export async function readHeldCookie(db: Kysely<Database>, cookieHeader: string | undefined, now: Date): Promise<number | null> {
  if (!cookieHeader) return null;
  const raw = cookieHeader.split(';').map((p) => p.trim()).find((p) => p.startsWith(`${HELD_COOKIE}=`));
  if (!raw) return null;
  const m = /^(h1\.(\d{1,12})\.(\d{1,15}))\.([A-Za-z0-9_-]{43})$/.exec(raw.slice(HELD_COOKIE.length + 1));
  if (!m || !safeEqual(sign(await siteSecret(db, 'comment-held'), m[1]!), m[4]!)) return null;
  if (Number(m[3]) < now.getTime()) return null;
  return Number(m[2]);
}
