import crypto from 'node:crypto';
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/** One cached response, with its body made once in each encoding. */
export interface CacheEntry {
  key: string;
  status: number;
  contentType: string;
  /** Strong validator: a hash of the uncompressed bytes. */
  etag: string;
  lastModified: string | null;
  tags: string[];
  /** Surrogate-Key and Cache-Tag values, made once. */
  surrogateKey: string;
  cacheTag: string;
  /** Headers the route set that a hit must repeat (X-WP-Total, Link…). */
  headers: Record<string, string>;
  bodies: Record<Encoding, Buffer>;
  /** Bytes this entry holds, all encodings together. */
  size: number;
  storedAt: number;
}

export interface EntryInput {
  key: string;
  status: number;
  contentType: string;
  body: Buffer;
  lastModified?: string | null;
  tags: string[];
  headers?: Record<string, string>;
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  evictions: number;
  invalidations: number;
}

/** A strong validator: a hash of the uncompressed bytes. */
export function etagOf(body: Buffer): string {
  return `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
}

/** The body in an encoding, at the one compression level used everywhere (fast enough for a miss). */
export function compressBody(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'gzip') return zlib.gzipSync(body, { level: 6 });
  if (encoding === 'br') return zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  return body;
}

/** Surrogate-Key (Fastly and others) is space-separated; Cache-Tag (Cloudflare) comma-separated. */
export function tagHeaderValues(tags: string[]): { surrogateKey: string; cacheTag: string } {
  const safe = [...new Set(tags)].filter((t) => /^[A-Za-z0-9:_.-]+$/.test(t));
  return { surrogateKey: safe.join(' '), cacheTag: safe.join(',') };
}

/** Picks the best encoding a request accepts: br, then gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/**
 * The page cache: finished responses in memory, bounded by bytes with
 * least-recently-used eviction, and dropped precisely by tag. Each entry
 * names what it shows (article:42, category:7, settings, lists…); a write
 * announces the same tags and every entry carrying one of them goes.
 */
export class PageCache {
  private readonly entries = new Map<string, CacheEntry>(); // Map order = recency, oldest first
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;
  private invalidations = 0;

  /**
   * @param maxBytes memory budget, all encodings counted
   * @param maxAgeMs an entry older than this is refetched even without a change
   *   event: a safety net for writes no event announced, and it keeps the comment
   *   form's signed token (valid for a day) fresh on pages nobody edits
   */
  constructor(
    readonly maxBytes: number,
    readonly maxAgeMs = 15 * 60 * 1000,
  ) {}

  get(key: string, now = Date.now()): CacheEntry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.storedAt > this.maxAgeMs) this.delete(key);
    if (!entry || !this.entries.has(key)) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // move to the most-recent end
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Compresses once and stores; returns the entry (served even when too large to keep). */
  store(input: EntryInput, now = Date.now()): CacheEntry {
    return this.insert(this.prepare(input, now));
  }

  /** Builds an entry (hash and compression, the costly part) without storing it yet. */
  prepare(input: EntryInput, now = Date.now()): CacheEntry {
    const body = input.body;
    const etag = etagOf(body);
    const gzip = compressBody(body, 'gzip');
    const br = compressBody(body, 'br');
    const entry: CacheEntry = {
      key: input.key,
      status: input.status,
      contentType: input.contentType,
      etag,
      lastModified: input.lastModified ?? null,
      tags: [...new Set(input.tags)],
      ...tagHeaderValues(input.tags),
      headers: input.headers ?? {},
      bodies: { identity: body, gzip, br },
      size: body.length + gzip.length + br.length + input.key.length * 2 + 256,
      storedAt: now,
    };
    return entry;
  }

  /** Stores a prepared entry, evicting the least recently used beyond the budget. */
  insert(entry: CacheEntry): CacheEntry {
    this.delete(entry.key);
    if (entry.size > this.maxBytes / 4) return entry; // too big to be worth keeping; still served
    this.entries.set(entry.key, entry);
    this.bytes += entry.size;
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(entry.key);
    }
    while (this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
      this.evictions++;
    }
    return entry;
  }

  /** Drops every entry carrying any of the tags; returns how many went. */
  invalidate(tags: Iterable<string>): number {
    let dropped = 0;
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) {
        if (this.delete(key)) dropped++;
      }
    }
    this.invalidations += dropped;
    return dropped;
  }

  clear(): void {
    this.entries.clear();
    this.byTag.clear();
    this.bytes = 0;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  stats(): PageCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes, hits: this.hits, misses: this.misses, evictions: this.evictions, invalidations: this.invalidations };
  }

  private delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.bytes -= entry.size;
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys && keys.size === 0) this.byTag.delete(tag);
    }
    return true;
  }
}
