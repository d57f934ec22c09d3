import type { Kysely, Transaction } from 'kysely';
import type { Database, SourceRow } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function listFeedSources(db: Db): Promise<SourceRow[]> {
  return db.selectFrom('sources').selectAll().where('feed_url', 'is not', null).orderBy('id').execute();
}

/** Active feed sources whose next attempt is due. */
export async function dueSources(db: Db, now: string): Promise<SourceRow[]> {
  return db
    .selectFrom('sources')
    .selectAll()
    .where('feed_url', 'is not', null)
    .where('active', '=', 1)
    .where((eb) => eb.or([eb('next_fetch_at', 'is', null), eb('next_fetch_at', '<=', now)]))
    .orderBy('next_fetch_at')
    .execute();
}

export async function updateSourceState(db: Db, id: number, changes: Partial<Pick<SourceRow, 'etag' | 'last_modified' | 'last_fetched_at' | 'next_fetch_at' | 'status' | 'last_error' | 'failure_count' | 'updated_at'>>): Promise<void> {
  await db.updateTable('sources').set(changes).where('id', '=', id).execute();
}
