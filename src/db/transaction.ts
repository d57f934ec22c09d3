import type { Kysely, Transaction } from 'kysely';

/**
 * Runs `fn` in a transaction: the caller's, when it passes one, so that a
 * service can be part of a larger unit of work (an import, the demo seed),
 * or a new one otherwise.
 */
export async function inTransaction<DB, T>(db: Kysely<DB> | Transaction<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<DB>);
  return db.transaction().execute(fn);
}
