import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { siteSecret } from '../../secrets.js';
import { readCookie, setCookie } from './sessions.js';

/*
 * CSRF defence, synchronizer-token style. A signed-in person's forms carry
 * the random token stored with their session. Forms shown before there is a
 * session (sign-in, password reset) carry an HMAC of a random "pre-session"
 * cookie, so a forged cross-site form, which can neither read nor set that
 * cookie, fails too.
 */
const PRE_COOKIE = 'masthead_pre';

export function tokensMatch(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** The token for a form shown without a session; sets the pre-session cookie if needed. */
export async function anonymousFormToken(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply): Promise<string> {
  let pre = readCookie(request, PRE_COOKIE);
  if (!pre) {
    pre = crypto.randomBytes(18).toString('base64url');
    setCookie(request, reply, PRE_COOKIE, pre, 2 * 3600);
  }
  return sign(await siteSecret(db, 'admin-csrf'), pre);
}

export async function checkAnonymousFormToken(db: Kysely<Database>, request: FastifyRequest, given: unknown): Promise<boolean> {
  const pre = readCookie(request, PRE_COOKIE);
  if (!pre) return false;
  return tokensMatch(given, sign(await siteSecret(db, 'admin-csrf'), pre));
}

function sign(secret: Buffer, value: string): string {
  return crypto.createHmac('sha256', secret).update(value).digest('base64url');
}
