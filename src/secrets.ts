import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';

const cache = new WeakMap<object, Map<string, Promise<Buffer>>>();

/**
 * A random 32-byte key the site makes for itself the first time it is asked
 * for `name` and keeps in the database, so every instance sharing the
 * database uses the same one (form tokens signed by one instance verify on
 * another). Never log or show it. Use a different name per purpose.
 */
export function siteSecret(db: Kysely<Database>, name: string): Promise<Buffer> {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let secret = perDb.get(name);
  if (!secret) {
    secret = loadOrCreate(db, name);
    secret.catch(() => perDb!.delete(name));
    perDb.set(name, secret);
  }
  return secret;
}

async function loadOrCreate(db: Kysely<Database>, name: string): Promise<Buffer> {
  const fresh = crypto.randomBytes(32).toString('base64url');
  // insert-if-absent, then read: two instances starting together agree on one key
  await db
    .insertInto('secrets')
    .values({ name, value: fresh, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64url');
}
