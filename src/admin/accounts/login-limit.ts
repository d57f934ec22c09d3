import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { siteSecret } from '../../secrets.js';

/*
 * Failed sign-ins are counted in the database, not in memory, so that every
 * instance sharing the database enforces the same limits and a restart does
 * not reset them. An account locks after a few failures (guessing one
 * password); an address after more (trying many accounts).
 */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

async function ipKey(db: Kysely<Database>, ip: string): Promise<string> {
  // addresses are personal data: only a keyed hash is stored
  return `ip:${crypto.createHmac('sha256', await siteSecret(db, 'ip-hash')).update(ip).digest('hex').slice(0, 32)}`;
}
const accountKey = (email: string) => `account:${email.trim().toLowerCase().slice(0, 254)}`;

/** Which limit, if any, stops this sign-in now: 'account', 'ip' or null. */
export async function loginBlocked(db: Kysely<Database>, ip: string, email: string, clock: Clock): Promise<'account' | 'ip' | null> {
  const since = new Date(clock.now().getTime() - LOGIN_WINDOW_MS).toISOString();
  const [ipK, accK] = [await ipKey(db, ip), accountKey(email)];
  const rows = await db
    .selectFrom('login_attempts')
    .select(['key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('key', 'in', [ipK, accK])
    .where('attempted_at', '>', since)
    .groupBy('key')
    .execute();
  const count = (k: string) => Number(rows.find((r) => r.key === k)?.n ?? 0);
  if (count(accK) >= MAX_FAILURES_PER_ACCOUNT) return 'account';
  if (count(ipK) >= MAX_FAILURES_PER_IP) return 'ip';
  return null;
}

export async function recordLoginFailure(db: Kysely<Database>, ip: string, email: string, clock: Clock): Promise<void> {
  const now = clock.now().toISOString();
  await db.insertInto('login_attempts').values([{ key: await ipKey(db, ip), attempted_at: now }, { key: accountKey(email), attempted_at: now }]).execute();
  await db.deleteFrom('login_attempts').where('attempted_at', '<', new Date(clock.now().getTime() - LOGIN_WINDOW_MS).toISOString()).execute();
}

/** After a good sign-in the account's count starts again (the address's does not). */
export async function clearAccountFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', accountKey(email)).execute();
}
