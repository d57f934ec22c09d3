import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { startPgBroadcast, type Broadcast } from './broadcast.js';

/**
 * Keeps this instance's caches in step with the others sharing the same
 * PostgreSQL database. On SQLite (one process) there is nothing to do.
 */
export async function startInstanceSync(app: FastifyInstance, config: Config, channel = 'masthead_changes'): Promise<Broadcast | null> {
  if (config.database.engine !== 'postgres') return null;
  const bus = app.deps.events;
  return startPgBroadcast({
    url: config.database.url,
    channel,
    bus,
    // notifications may have been missed while disconnected: forget everything cached
    onMissed: () => bus.emit({ kind: 'settings.changed', tags: ['*', 'settings', 'category:*'], remote: true }),
    log: app.log,
  });
}
