import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What an operator may see of a key: never the key, nor its hash. */
export interface ApiKeyListing {
  id: number;
  label: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export async function insertApiKey(db: Db, row: { label: string; keyHash: string; createdAt: string }): Promise<number> {
  const r = await db.insertInto('api_keys').values({ label: row.label, key_hash: row.keyHash, created_at: row.createdAt }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function listApiKeys(db: Db): Promise<ApiKeyListing[]> {
  return db.selectFrom('api_keys').select(['id', 'label', 'created_at', 'revoked_at', 'last_used_at']).orderBy('id').execute();
}

/** Marks a key revoked; false when there is no such key or it already was. */
export async function revokeApiKey(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function findActiveKeyByHash(db: Db, keyHash: string): Promise<{ id: number; last_used_at: string | null } | undefined> {
  return db.selectFrom('api_keys').select(['id', 'last_used_at']).where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function touchApiKey(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}
