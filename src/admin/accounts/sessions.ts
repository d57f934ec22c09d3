import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, UserRole } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { hashToken, newToken } from './password.js';

export const SESSION_COOKIE = 'masthead_session';
const SESSION_LIFETIME_MS = 14 * 24 * 3_600_000;

/** The signed-in person as the admin sees them: no password hash, no email in logs. */
export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: UserRole;
  authorId: number | null;
  mustChangePassword: boolean;
  csrfToken: string;
  tokenHash: string;
}

/** Reads one cookie from the request's Cookie header. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** Sets an httpOnly, SameSite=Lax cookie on /admin/; Secure when the request came over HTTPS. */
export function setCookie(request: FastifyRequest, reply: FastifyReply, name: string, value: string, maxAgeSeconds: number): void {
  const parts = [`${name}=${value}`, 'Path=/admin/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (request.protocol === 'https') parts.push('Secure');
  const existing = reply.getHeader('set-cookie');
  const list = Array.isArray(existing) ? existing.map(String) : existing ? [String(existing)] : [];
  reply.header('set-cookie', [...list, parts.join('; ')]);
}

/** Starts a session in the database and sets its cookie. */
export async function startSession(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply, userId: number, clock: Clock): Promise<void> {
  const { token, hash } = newToken();
  const now = clock.now();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hash,
      user_id: userId,
      csrf_token: crypto.randomBytes(24).toString('base64url'),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
    })
    .execute();
  // old sessions are swept here rather than by a job: sign-ins are rare enough
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
  setCookie(request, reply, SESSION_COOKIE, token, SESSION_LIFETIME_MS / 1000);
}

/** The session's person, if the cookie names a live session of an enabled account. */
export async function loadSession(db: Kysely<Database>, request: FastifyRequest, clock: Clock): Promise<SessionUser | undefined> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return undefined;
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.role', 'users.author_id', 'users.must_change_password', 'sessions.csrf_token'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', clock.now().toISOString())
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, name: row.name, email: row.email, role: row.role, authorId: row.author_id, mustChangePassword: row.must_change_password === 1, csrfToken: row.csrf_token, tokenHash };
}

export async function endSession(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  setCookie(request, reply, SESSION_COOKIE, '', 0);
}

/** Ends every other session of an account (after a password change). */
export async function endOtherSessions(db: Kysely<Database>, userId: number, keepTokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('token_hash', '!=', keepTokenHash).execute();
}
