import cluster from 'node:cluster';
import type { ChangeBus, ChangeEvent } from '../events.js';

const TYPE = 'masthead:change';

interface ChangeMessage {
  type: typeof TYPE;
  event: ChangeEvent;
}

const isChangeMessage = (m: unknown): m is ChangeMessage => typeof m === 'object' && m !== null && (m as ChangeMessage).type === TYPE;

/** In the primary of MASTHEAD_WORKERS=N: passes each worker's change events to every other worker. */
export function relayBetweenWorkers(): void {
  cluster.on('message', (from, message: unknown) => {
    if (!isChangeMessage(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker.id !== from.id && worker.isConnected()) worker.send(message);
    }
  });
}

/**
 * In a worker: sends local change events to the primary and re-emits the
 * other workers' events here, marked remote. Needed on SQLite, where there
 * is no NOTIFY; harmless on PostgreSQL, where NOTIFY also runs.
 */
export function syncWorkerBus(bus: ChangeBus): void {
  if (!cluster.isWorker || !process.send) return;
  bus.on((event) => {
    if (!event.remote) process.send!({ type: TYPE, event } satisfies ChangeMessage);
  });
  process.on('message', (message: unknown) => {
    if (isChangeMessage(message)) bus.emit({ ...message.event, remote: true });
  });
}
