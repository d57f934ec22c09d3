import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import type { ChangeBus, ChangeEvent } from '../../events.js';
import { claimDelivery, dueDeliveries, insertDeliveries, recordAttempt, subscribersTo } from './webhooks.repository.js';
import { payloadData } from './webhooks.payload.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from './webhooks.schema.js';
import { defaultWebhookFetch, sendWebhook, type WebhookFetch } from './webhooks.sender.js';

export interface WebhookWorkerOptions {
  db: Kysely<Database>;
  clock: Clock;
  /** The site's public origin, for URLs in payloads. */
  baseUrl: string;
  fetch?: WebhookFetch;
  /** How long one attempt may take. */
  timeoutMs?: number;
  /** The wait after the first failure; it doubles after each further one. */
  backoffMs?: number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts?: number;
  /** How often due retries are looked for, in real time; 0 to only run when told (tests). */
  pollMs?: number;
  batch?: number;
  onError?: (err: unknown) => void;
}

/** Wait before attempt n+1 after n failures: backoff, 2×, 4×, … capped at a day. */
export function retryDelay(failures: number, backoffMs: number): number {
  return Math.min(backoffMs * 2 ** Math.max(0, failures - 1), 24 * 3_600_000);
}

/**
 * Turns change events into persisted deliveries and sends them, signed, with
 * retries. Listening never blocks the write that emitted the event: the
 * listener returns at once and the work runs on a later turn of the event
 * loop, its failures reported to onError, never thrown at the writer.
 */
export class WebhookWorker {
  private readonly o: Required<Omit<WebhookWorkerOptions, 'onError'>> & Pick<WebhookWorkerOptions, 'onError'>;
  private readonly pending = new Set<Promise<unknown>>();
  private running: Promise<number> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(options: WebhookWorkerOptions) {
    this.o = { fetch: defaultWebhookFetch, timeoutMs: 10_000, backoffMs: 30_000, maxAttempts: 8, pollMs: 15_000, batch: 20, ...options };
  }

  /** Subscribes to the change bus; returns the unsubscribe function. */
  listen(bus: ChangeBus): () => void {
    return bus.on((event) => {
      // relayed from another instance: that instance queues the delivery, once
      if (event.remote || !(WEBHOOK_EVENTS as readonly string[]).includes(event.kind)) return;
      // setImmediate: the emitting write (and its transaction) finishes first
      this.track(new Promise((resolve) => setImmediate(resolve)).then(() => this.enqueue(event as ChangeEvent & { kind: WebhookEvent })));
    });
  }

  start(): void {
    if (this.o.pollMs > 0 && !this.timer) {
      this.timer = setInterval(() => this.track(this.tick()), this.o.pollMs);
      this.timer.unref();
    }
  }

  /** Stops polling and waits for work under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.settled();
  }

  /** Resolves when every enqueue and send started so far is done (tests wait on this). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  /** Records one delivery per subscriber, then tries to send at once. */
  async enqueue(event: ChangeEvent & { kind: WebhookEvent }): Promise<number> {
    const subscribers = await subscribersTo(this.o.db, event.kind);
    if (subscribers.length === 0) return 0;
    const now = this.o.clock.now();
    const data = await payloadData(this.o.db, event, this.o.baseUrl, now);
    if (!data) return 0;
    const payload = JSON.stringify({ event: event.kind, created_at: now.toISOString(), data });
    await insertDeliveries(this.o.db, subscribers.map((s) => ({ webhookId: s.id, event: event.kind, payload, now: now.toISOString() })));
    if (!this.stopped) this.track(this.tick());
    return subscribers.length;
  }

  /**
   * Sends every delivery that is due by the clock. Calls made while one is
   * running share it. Returns how many deliveries were attempted.
   */
  tick(): Promise<number> {
    if (this.running) return this.running.then(() => this.tick());
    this.running = this.runDue().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runDue(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const now = this.o.clock.now();
      const due = await dueDeliveries(this.o.db, now.toISOString(), this.o.batch);
      if (due.length === 0) return attempted;
      const lease = new Date(now.getTime() + this.o.timeoutMs * 2 + 60_000).toISOString();
      const claimed = (await Promise.all(due.map(async (d) => ((await claimDelivery(this.o.db, d, now.toISOString(), lease)) ? d : undefined)))).filter((d) => d !== undefined);
      if (claimed.length === 0) return attempted;
      await Promise.all(
        claimed.map(async (d) => {
          const result = await sendWebhook(this.o.fetch, d, this.o.clock.now(), this.o.timeoutMs);
          const failures = d.attempts + 1;
          const at = this.o.clock.now();
          const giveUp = !result.ok && failures >= this.o.maxAttempts;
          await recordAttempt(this.o.db, d.id, {
            status: result.ok ? 'delivered' : giveUp ? 'failed' : 'pending',
            statusCode: result.statusCode,
            error: result.error,
            nextAttemptAt: result.ok || giveUp ? null : new Date(at.getTime() + retryDelay(failures, this.o.backoffMs)).toISOString(),
            now: at.toISOString(),
          });
        }),
      );
      attempted += claimed.length;
    }
  }

  private track(p: Promise<unknown>): void {
    const guarded = p.catch((err) => this.o.onError?.(err));
    this.pending.add(guarded);
    void guarded.finally(() => this.pending.delete(guarded));
  }
}
