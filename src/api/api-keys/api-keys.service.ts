import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { findActiveKeyByHash, insertApiKey, touchApiKey } from './api-keys.repository.js';

export const apiKeyLabelSchema = z.string().trim().min(1, 'the key needs a --name').max(100, 'a key name is at most 100 characters');

/** A Ghost content API key is 26 hex digits; Ghost's own client refuses any other shape. */
const KEY_RE = /^[0-9a-f]{26}$/;

const hashKey = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

/** Makes a key, stores its hash and returns the key: the only time it is ever seen. */
export async function createApiKey(db: Kysely<Database>, label: string, clock: Clock): Promise<{ id: number; key: string }> {
  const key = crypto.randomBytes(13).toString('hex');
  const id = await insertApiKey(db, { label: apiKeyLabelSchema.parse(label), keyHash: hashKey(key), createdAt: clock.now().toISOString() });
  return { id, key };
}

const TOUCH_EVERY_MS = 60_000;

/**
 * True when `key` is a live content API key. A key's last use is recorded at
 * most once a minute, so reads do not turn into a write per request.
 */
export async function checkApiKey(db: Kysely<Database>, key: string, clock: Clock): Promise<boolean> {
  if (!KEY_RE.test(key)) return false;
  const row = await findActiveKeyByHash(db, hashKey(key));
  if (!row) return false;
  const now = clock.now();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
    await touchApiKey(db, row.id, now.toISOString()).catch(() => {});
  }
  return true;
}
