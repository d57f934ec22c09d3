import type { Kysely, Transaction } from 'kysely';
import type { Database, SyndicationItemRow } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The item seen before with this GUID, else with this link, in the same source. */
export async function findSeenItem(db: Db, sourceId: number, guid: string, link: string | null): Promise<SyndicationItemRow | undefined> {
  const byGuid = await db.selectFrom('syndication_items').selectAll().where('source_id', '=', sourceId).where('guid', '=', guid).executeTakeFirst();
  if (byGuid || !link) return byGuid;
  return db.selectFrom('syndication_items').selectAll().where('source_id', '=', sourceId).where('link', '=', link).executeTakeFirst();
}

/** Fingerprints of recent items from other sources, for near-duplicate checks. */
export async function recentFingerprints(db: Db, exceptSourceId: number, since: string): Promise<{ article_id: number | null; fingerprint: string | null; source_id: number }[]> {
  return db
    .selectFrom('syndication_items')
    .select(['article_id', 'fingerprint', 'source_id'])
    .where('source_id', '!=', exceptSourceId)
    .where('created_at', '>=', since)
    .where('fingerprint', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(2000)
    .execute();
}

export async function insertSeenItem(db: Db, row: Omit<SyndicationItemRow, 'id'>): Promise<void> {
  await db.insertInto('syndication_items').values(row).execute();
}

export async function updateSeenItem(db: Db, id: number, changes: Partial<Omit<SyndicationItemRow, 'id'>>): Promise<void> {
  await db.updateTable('syndication_items').set(changes).where('id', '=', id).execute();
}
