import { pollDueSources, type PollDeps } from './poll.service.js';

/**
 * The in-process scheduler: every `everyMs` it polls the sources that are
 * due, never two rounds at once. With several instances on one PostgreSQL
 * database each would poll; electing one leader is the jobs issue's work.
 * Returns the function that stops it.
 */
export function startFeedPoller(deps: PollDeps & { log?: (msg: string, err?: unknown) => void }, everyMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await pollDueSources(deps, (source, err) => deps.log?.(`feed poll failed for source ${source.id}`, err));
    } catch (err) {
      deps.log?.('feed polling round failed', err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
