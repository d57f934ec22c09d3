import crypto from 'node:crypto';
import pg from 'pg';
import type { ChangeBus, ChangeEvent } from '../events.js';

/** NOTIFY payloads must stay under 8000 bytes; past that, others just drop everything. */
const MAX_PAYLOAD = 7800;

interface Message {
  from: string;
  event?: ChangeEvent;
  flush?: boolean;
}

export interface Broadcast {
  instanceId: string;
  close(): Promise<void>;
}

export interface BroadcastOptions {
  url: string;
  /** Channel name; instances sharing one database must use the same one. */
  channel: string;
  bus: ChangeBus;
  /** Called when notifications may have been missed (reconnect): drop all cached pages. */
  onMissed: () => void;
  log?: { warn(obj: object, msg: string): void; info?(obj: object, msg: string): void };
}

/**
 * Relays change events between Masthead instances that share a PostgreSQL
 * database, with LISTEN/NOTIFY: a change made through one instance reaches
 * every other one's page cache in milliseconds. Events from elsewhere are
 * re-emitted locally with `remote: true` and never sent back out.
 */
export async function startPgBroadcast(options: BroadcastOptions): Promise<Broadcast> {
  const instanceId = crypto.randomBytes(8).toString('hex');
  const channel = options.channel.replace(/[^a-z0-9_]/gi, '_').slice(0, 60);
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = 250;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5000 });
    c.on('notification', (n) => {
      if (n.channel !== channel || !n.payload) return;
      let msg: Message;
      try {
        msg = JSON.parse(n.payload) as Message;
      } catch {
        return;
      }
      if (msg.from === instanceId) return;
      if (msg.flush) options.onMissed();
      else if (msg.event) options.bus.emit({ ...msg.event, remote: true });
    });
    c.on('error', (err) => {
      options.log?.warn({ err: err.message }, 'change broadcast connection lost; reconnecting');
      void reconnect();
    });
    await c.connect();
    await c.query(`LISTEN "${channel}"`);
    client = c;
    delay = 250;
  };

  const reconnect = async () => {
    const old = client;
    client = null;
    await old?.end().catch(() => {});
    if (closed || retry) return;
    retry = setTimeout(async () => {
      retry = undefined;
      try {
        await connect();
        options.onMissed(); // whatever happened while we were away is unknown
      } catch {
        delay = Math.min(delay * 2, 10_000);
        void reconnect();
      }
    }, delay);
    retry.unref();
  };

  await connect();

  const off = options.bus.on(async (event) => {
    if (event.remote || !client) return;
    let payload = JSON.stringify({ from: instanceId, event } satisfies Message);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = JSON.stringify({ from: instanceId, flush: true } satisfies Message);
    await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
  });

  return {
    instanceId,
    close: async () => {
      closed = true;
      off();
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
