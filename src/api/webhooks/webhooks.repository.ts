import type { Kysely, Transaction } from 'kysely';
import type { Database, WebhookDeliveryStatus } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What an operator sees of a subscription: never its secret. */
export interface WebhookListing {
  id: number;
  url: string;
  events: string[];
  active: boolean;
  created_at: string;
}

export async function insertWebhook(db: Db, w: { url: string; events: string[]; secret: string; createdAt: string }): Promise<number> {
  const row = await db.insertInto('webhooks').values({ url: w.url, events: w.events.join(','), secret: w.secret, active: 1, created_at: w.createdAt }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function listWebhooks(db: Db): Promise<WebhookListing[]> {
  const rows = await db.selectFrom('webhooks').select(['id', 'url', 'events', 'active', 'created_at']).orderBy('id').execute();
  return rows.map((r) => ({ ...r, events: r.events.split(','), active: r.active === 1 }));
}

/** Deletes a subscription and its delivery log; false when there was none. */
export async function deleteWebhook(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Active subscriptions to one event (events are stored comma-separated; matched here, not in SQL). */
export async function subscribersTo(db: Db, event: string): Promise<{ id: number }[]> {
  const rows = await db.selectFrom('webhooks').select(['id', 'events']).where('active', '=', 1).execute();
  return rows.filter((r) => r.events.split(',').includes(event)).map((r) => ({ id: r.id }));
}

export async function insertDeliveries(db: Db, rows: { webhookId: number; event: string; payload: string; now: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(rows.map((r) => ({ webhook_id: r.webhookId, event: r.event, payload: r.payload, status: 'pending' as const, attempts: 0, next_attempt_at: r.now, created_at: r.now, updated_at: r.now })))
    .execute();
}

export interface DueDelivery {
  id: number;
  webhook_id: number;
  event: string;
  payload: string;
  attempts: number;
  next_attempt_at: string | null;
  url: string;
  secret: string;
}

export async function dueDeliveries(db: Db, now: string, limit: number): Promise<DueDelivery[]> {
  return db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .select(['webhook_deliveries.id', 'webhook_deliveries.webhook_id', 'webhook_deliveries.event', 'webhook_deliveries.payload', 'webhook_deliveries.attempts', 'webhook_deliveries.next_attempt_at', 'webhooks.url', 'webhooks.secret'])
    .where('webhook_deliveries.status', '=', 'pending')
    .where('webhook_deliveries.next_attempt_at', '<=', now)
    .orderBy('webhook_deliveries.next_attempt_at')
    .orderBy('webhook_deliveries.id')
    .limit(limit)
    .execute();
}

/**
 * Takes a delivery for one attempt: counts the attempt and pushes its next
 * time out by a lease, so another worker (or instance) does not send it too;
 * if this process dies mid-send, the lease runs out and it is tried again.
 */
export async function claimDelivery(db: Db, d: DueDelivery, now: string, leaseUntil: string): Promise<boolean> {
  const r = await db
    .updateTable('webhook_deliveries')
    .set({ attempts: d.attempts + 1, next_attempt_at: leaseUntil, updated_at: now })
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', d.attempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function recordAttempt(db: Db, id: number, outcome: { status: WebhookDeliveryStatus; statusCode: number | null; error: string | null; nextAttemptAt: string | null; now: string }): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: outcome.status, last_status_code: outcome.statusCode, last_error: outcome.error?.slice(0, 500) ?? null, next_attempt_at: outcome.nextAttemptAt, updated_at: outcome.now })
    .where('id', '=', id)
    .execute();
}

/** The delivery log, newest first; `offset` skips that many (for paging). */
export async function listDeliveries(db: Db, opts: { webhookId?: number; limit: number; offset?: number }) {
  let q = db
    .selectFrom('webhook_deliveries')
    .select(['id', 'webhook_id', 'event', 'status', 'attempts', 'last_status_code', 'last_error', 'next_attempt_at', 'created_at', 'updated_at'])
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .offset(opts.offset ?? 0);
  if (opts.webhookId !== undefined) q = q.where('webhook_id', '=', opts.webhookId);
  return q.execute();
}
