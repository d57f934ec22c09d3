import type { Engine } from '../db/connect.js';
import { runExclusive } from '../jobs/lock.js';
import { pollDueSources, type PollDeps } from './poll.service.js';

/**
 * The in-process scheduler: every `everyMs` it polls the sources that are
 * due, never two rounds at once. With several instances on one PostgreSQL
 * database, a round runs on whichever instance takes the advisory lock
 * first (src/jobs/lock.ts); the others skip it. Returns the function that
 * stops it.
 */
export function startFeedPoller(deps: PollDeps & { engine: Engine; log?: (msg: string, err?: unknown) => void }, everyMs = 60_000): () => void {
  const tick = async () => {
    try {
      await runExclusive(deps.db, deps.engine, 'feed-poller', () => pollDueSources(deps, (source, err) => deps.log?.(`feed poll failed for source ${source.id}`, err)));
    } catch (err) {
      deps.log?.('feed polling round failed', err);
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
