/**
 * A token bucket per client address, in this process's memory: each address
 * may make `capacity` requests at once and then one every `refillMs`. With
 * several instances each keeps its own buckets, so the real limit is per
 * instance (a shared limit belongs in the proxy or the database).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly capacity: number,
    readonly refillMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes a token for `key`; returns 0 when allowed, else the milliseconds until one is free. */
  take(key: string, nowMs: number): number {
    let b = this.buckets.get(key);
    if (b) {
      this.buckets.delete(key); // re-inserted below, so the map stays in least-recently-used order
      const refilled = Math.floor(Math.max(0, nowMs - b.at) / this.refillMs);
      if (refilled > 0) b = { tokens: Math.min(this.capacity, b.tokens + refilled), at: b.at + refilled * this.refillMs };
    } else {
      b = { tokens: this.capacity, at: nowMs };
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    }
    if (b.tokens === this.capacity) b.at = nowMs;
    this.buckets.set(key, b);
    if (b.tokens <= 0) return this.refillMs - (nowMs - b.at);
    b.tokens--;
    return 0;
  }
}
