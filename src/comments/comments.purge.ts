import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Clock } from '../clock.js';
import { loadSettings } from '../content/settings.js';
import { purgeIpHashes } from './comments.repository.js';

const HOUR = 3_600_000;

/** Erases IP hashes older than the retention setting; returns how many comments lost theirs. */
export async function purgeOldIpHashes(db: Kysely<Database>, now: Date): Promise<number> {
  const settings = await loadSettings(db);
  return purgeIpHashes(db, new Date(now.getTime() - settings.commentIpRetentionDays * 86_400_000).toISOString());
}

/** Purges once when the app is ready and then hourly, in process; failures are logged, never fatal. */
export function startIpPurge(app: FastifyInstance, db: Kysely<Database>, clock: Clock): void {
  let timer: NodeJS.Timeout | undefined;
  const run = () =>
    purgeOldIpHashes(db, clock.now()).catch((err: unknown) => app.log.warn({ err }, 'purging old comment IP hashes failed'));
  app.addHook('onReady', async () => {
    await run();
    timer = setInterval(() => void run(), HOUR);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
