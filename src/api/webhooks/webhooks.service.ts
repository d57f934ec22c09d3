import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { insertWebhook } from './webhooks.repository.js';
import { newWebhookSchema } from './webhooks.schema.js';

/**
 * Validates and stores a subscription with a fresh signing secret, returned
 * here once for the operator to give the receiver. Throws a ZodError naming
 * what is wrong with the URL or events.
 */
export async function createWebhook(db: Kysely<Database>, input: { url: string; events: string }, clock: Clock): Promise<{ id: number; secret: string; events: string[] }> {
  const { url, events } = newWebhookSchema.parse(input);
  const secret = `whsec_${crypto.randomBytes(32).toString('base64url')}`;
  const id = await insertWebhook(db, { url, events, secret, createdAt: clock.now().toISOString() });
  return { id, secret, events };
}
