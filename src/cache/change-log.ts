import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ChangeBus, type ChangeEvent } from '../events.js';

const KEEP_MS = 60 * 60 * 1000;

/**
 * A change bus for the `masthead` command: every change it announces is
 * written to the change_log table, where running servers pick it up (see
 * startChangeLogPoller), so a comment approved from the terminal leaves no
 * stale page in any server's cache. The returned `flush` waits for the writes.
 */
export function loggingChangeBus(db: Kysely<Database>, now: () => Date = () => new Date()): { bus: ChangeBus; flush: () => Promise<void> } {
  const bus = new ChangeBus();
  const pending: Promise<unknown>[] = [];
  const origin = `cli:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  bus.on((event) => {
    if (event.remote) return;
    pending.push(db.insertInto('change_log').values({ origin, event: JSON.stringify(event), created_at: now().toISOString() }).execute());
  });
  return { bus, flush: async () => void (await Promise.all(pending)) };
}

/**
 * In the server: reads changes other processes wrote to change_log and
 * re-emits them here (marked remote), every `intervalMs`. Starts from the
 * newest row, so history written before the server started is not replayed.
 */
export async function startChangeLogPoller(db: Kysely<Database>, bus: ChangeBus, options: { intervalMs?: number; log?: { warn(obj: object, msg: string): void } } = {}): Promise<() => void> {
  const newest = await db.selectFrom('change_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  let lastId = Number(newest?.id ?? 0);
  let busy = false;
  let ticks = 0;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const rows = await db.selectFrom('change_log').select(['id', 'event']).where('id', '>', lastId).orderBy('id').limit(500).execute();
      for (const row of rows) {
        lastId = row.id;
        try {
          bus.emit({ ...(JSON.parse(row.event) as ChangeEvent), remote: true });
        } catch {
          // an unreadable row is skipped; it cannot be retried into sense
        }
      }
      if (++ticks % 600 === 0) {
        await db.deleteFrom('change_log').where('created_at', '<', new Date(Date.now() - KEEP_MS).toISOString()).execute();
      }
    } catch (err) {
      options.log?.warn({ err: (err as Error).message }, 'reading the change log failed; will retry');
    } finally {
      busy = false;
    }
  }, options.intervalMs ?? 500);
  timer.unref();
  return () => clearInterval(timer);
}
