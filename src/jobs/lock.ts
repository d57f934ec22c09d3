import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Engine } from '../db/connect.js';

/** Ticks under way, per database handle (several apps in one process are several instances). */
const runningByDb = new WeakMap<object, Map<string, Promise<unknown>>>();

/** Two 32-bit keys for pg_try_advisory_xact_lock(int, int), from the job's name. */
function lockKeys(name: string): [number, number] {
  const h = crypto.createHash('sha256').update(`masthead:${name}`).digest();
  return [h.readInt32BE(0), h.readInt32BE(4)];
}

/**
 * Runs one tick of a background job (scheduled publishing, feed polling) so
 * that it happens exactly once even when several instances share a
 * PostgreSQL database: the tick runs in a transaction holding an advisory
 * lock; an instance that cannot take the lock skips the tick and returns
 * undefined. On SQLite, where one process owns the file, ticks in this
 * process never overlap. The job's own updates should still be conditional
 * (UPDATE … WHERE status = 'scheduled') so a retried tick is harmless.
 */
export async function runJobTick<T>(db: Kysely<Database>, engine: Engine, name: string, tick: (trx: Transaction<Database>) => Promise<T>): Promise<T | undefined> {
  let running = runningByDb.get(db);
  if (!running) runningByDb.set(db, (running = new Map()));
  if (running.has(name)) return undefined;
  const work = (async () => {
    if (engine === 'postgres') {
      return db.transaction().execute(async (trx) => {
        const [a, b] = lockKeys(name);
        const { rows } = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${a}, ${b}) AS ok`.execute(trx);
        if (!rows[0]?.ok) return undefined;
        return tick(trx);
      });
    }
    return db.transaction().execute(tick);
  })();
  running.set(name, work);
  try {
    return await work;
  } finally {
    running.delete(name);
  }
}

/**
 * Like runJobTick, for work too long for one transaction (fetching feeds
 * over the network): holds a session-level advisory lock on one pooled
 * connection while `work` runs with its own connections, then releases it.
 * Returns undefined when another instance holds the lock.
 */
export async function runExclusive<T>(db: Kysely<Database>, engine: Engine, name: string, work: () => Promise<T>): Promise<T | undefined> {
  let running = runningByDb.get(db);
  if (!running) runningByDb.set(db, (running = new Map()));
  if (running.has(name)) return undefined;
  const job = (async () => {
    if (engine !== 'postgres') return work();
    return db.connection().execute(async (conn) => {
      const [a, b] = lockKeys(name);
      const { rows } = await sql<{ ok: boolean }>`SELECT pg_try_advisory_lock(${a}, ${b}) AS ok`.execute(conn);
      if (!rows[0]?.ok) return undefined;
      try {
        return await work();
      } finally {
        await sql`SELECT pg_advisory_unlock(${a}, ${b})`.execute(conn);
      }
    });
  })();
  running.set(name, job);
  try {
    return await job;
  } finally {
    running.delete(name);
  }
}
