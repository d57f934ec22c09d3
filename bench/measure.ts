import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Requests `url` one at a time for `durationMs` after a warm-up; returns the
 * latencies in ms, sorted. Fails on any status at or above `failAt`.
 */
export async function measure(app: FastifyInstance, url: string, durationMs: number, remoteAddress: () => string = () => '127.0.0.1', warmUp = 50, failAt = 500): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await app.inject({ url, remoteAddress: remoteAddress() });
  const times: number[] = [];
  const end = performance.now() + durationMs;
  while (performance.now() < end) {
    const t = performance.now();
    const res = await app.inject({ url, remoteAddress: remoteAddress() });
    times.push(performance.now() - t);
    if (res.statusCode >= failAt) throw new Error(`${url} answered ${res.statusCode}`);
    // SQLite answers synchronously, so back-to-back injects never let the event loop turn:
    // each response's setImmediate clean-up would pile up (gigabytes over a run) where a
    // server, woken by I/O, runs it every turn. Turn the loop between timed requests.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return times.sort((a, b) => a - b);
}
