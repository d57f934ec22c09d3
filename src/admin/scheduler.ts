import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Clock } from '../clock.js';
import { articleTags, type ChangeBus } from '../events.js';
import { articleRelations } from './editor/article-writer.service.js';

/**
 * Publishes every scheduled story whose time has come. Each story is flipped
 * by a conditional UPDATE (status still 'scheduled'), so when several
 * instances share a database exactly one of them publishes it and announces
 * the change. Returns the ids it published.
 */
export async function publishDue(db: Kysely<Database>, clock: Clock, events: ChangeBus, onError: (err: unknown) => void = () => {}): Promise<number[]> {
  const now = clock.now().toISOString();
  const due = await db.selectFrom('articles').selectAll().where('status', '=', 'scheduled').where('published_at', '<=', now).orderBy('published_at').limit(100).execute();
  const published: number[] = [];
  for (const row of due) {
    const result = await db
      .updateTable('articles')
      .set({ status: 'published', version: row.version + 1 })
      .where('id', '=', row.id)
      .where('status', '=', 'scheduled')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) continue;
    published.push(row.id);
    const rel = await articleRelations(db, row.id);
    events.emit({ kind: 'article.published', articleId: row.id, tags: articleTags(row, { authorIds: rel.authorIds, tagIds: rel.tagIds }) }, onError);
  }
  return published;
}

export interface Scheduler {
  /** Runs one pass now (tests call this instead of waiting). */
  tick(): Promise<number[]>;
  stop(): void;
}

/**
 * Checks every `intervalMs` (default 1 s) for stories due, from the moment
 * the process starts — so a story scheduled while the server was down is
 * published at the first tick after a restart, and none waits for a visitor
 * (WordPress's "missed schedule").
 */
export function startScheduler(deps: { db: Kysely<Database>; clock: Clock; events: ChangeBus; log?: { error: (obj: unknown, msg: string) => void } }, intervalMs = 1000): Scheduler {
  let running: Promise<number[]> | null = null;
  const report = (err: unknown) => deps.log?.error({ err }, 'scheduled publishing failed');
  const tick = () => {
    // never two passes at once: a slow database must not pile them up
    running ??= publishDue(deps.db, deps.clock, deps.events, report).finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void tick().catch(report), intervalMs);
  timer.unref();
  void tick().catch(report);
  return { tick, stop: () => clearInterval(timer) };
}
