import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PageCache, compressBody, etagOf, pickEncoding, tagHeaderValues, type CacheEntry } from './page-cache.js';

declare module 'fastify' {
  interface FastifyReply {
    /** What this response shows; set by routes through cacheable(). Unset = not cacheable. */
    cacheTags?: Set<string>;
    /** Last-Modified for this response, when the route knows it. */
    cacheLastModified?: string;
    /** An entry built on the way out, stored once the response has gone with all its headers. */
    pendingEntry?: CacheEntry;
  }
}

/**
 * Marks a public GET response as cacheable and names what it depends on.
 * The page cache keeps it until a write announces one of these tags; CDNs
 * see them in Surrogate-Key / Cache-Tag.
 */
export function cacheable(reply: FastifyReply, tags: Iterable<string>, lastModified?: string | null): void {
  const set = (reply.cacheTags ??= new Set(['settings']));
  for (const t of tags) set.add(t);
  if (lastModified) {
    const date = new Date(lastModified);
    if (!Number.isNaN(date.getTime())) reply.cacheLastModified = date.toUTCString();
  }
}

export interface CachePolicy {
  maxAge: number;
  sMaxAge: number;
  staleWhileRevalidate: number;
}

/** What of a request names its page in the cache: the target, and the origin when pages are built from it. */
export interface CacheKeyParts {
  url: string;
  host: string | undefined;
  forwardedHost: string | undefined;
  forwardedProto: string | undefined;
}

export type CacheKeyOf = (parts: CacheKeyParts) => string;

/**
 * With a public URL configured, pages carry it and the target alone names a
 * page. Without one, links are made from the request's Host (and, behind a
 * trusted proxy, X-Forwarded-Host and -Proto), so those are part of the key:
 * a request with a forged Host gets a page of its own and cannot plant its
 * links in the pages everyone else is served.
 */
export function cacheKeyOf(publicUrl: string | null, trustProxy: boolean): CacheKeyOf {
  if (publicUrl) return (p) => p.url;
  // joined by newlines, which no header value or target can hold
  if (!trustProxy) return (p) => `${(p.host ?? '').toLowerCase()}\n${p.url}`;
  return (p) => `${(p.forwardedHost ?? '').toLowerCase()}\n${(p.forwardedProto ?? '').toLowerCase()}\n${(p.host ?? '').toLowerCase()}\n${p.url}`;
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);

function keyPartsOf(req: IncomingMessage): CacheKeyParts {
  return { url: req.url ?? '', host: req.headers.host, forwardedHost: header(req.headers['x-forwarded-host']), forwardedProto: header(req.headers['x-forwarded-proto']) };
}

export interface HttpCacheOptions {
  /** The in-memory page cache, or null to serve every request fresh (validators and compression still apply). */
  cache: PageCache | null;
  keyOf: CacheKeyOf;
  /** Requests that must never see or fill the shared cache (signed-in staff). */
  bypass: (request: FastifyRequest) => boolean;
  /** Cache-Control figures, from settings. */
  policy: () => CachePolicy | Promise<CachePolicy>;
}

const CACHEABLE_TYPES = /^(text\/html|application\/(rss\+xml|atom\+xml|feed\+json|json|xml)|text\/(xml|plain))/;

/** Whether an If-None-Match header names this (strong) ETag; weak comparison, as RFC 9110 asks for GET. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}

function cacheControl(p: CachePolicy): string {
  return `public, max-age=${p.maxAge}, s-maxage=${p.sMaxAge}, stale-while-revalidate=${p.staleWhileRevalidate}`;
}

function tagHeaders(reply: FastifyReply, tags: string[]): void {
  const { surrogateKey, cacheTag } = tagHeaderValues(tags);
  reply.header('surrogate-key', surrogateKey);
  reply.header('cache-tag', cacheTag);
}

/** Headers set by the route itself (not by the cache or the security hook), kept for hits. */
const NOT_REPLAYED = new Set(['content-type', 'content-length', 'content-encoding', 'etag', 'last-modified', 'cache-control', 'vary', 'x-cache', 'surrogate-key', 'cache-tag', 'set-cookie', 'date', 'connection', 'transfer-encoding', 'keep-alive']);

function replayable(reply: FastifyReply): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || NOT_REPLAYED.has(name.toLowerCase())) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** Requests already looked up and missed in front of Fastify: its hook does not look again. */
const missed = new WeakSet<IncomingMessage>();

/**
 * Answers a request from the page cache if it can, straight on the socket:
 * no routing, no serializer, no hooks. The headers the full pipeline gave
 * the page (security headers, CORS, Cache-Control…) were recorded with the
 * entry. Returns false when the request must go through the app.
 */
export function serveFromCache(cache: PageCache, keyOf: CacheKeyOf, req: IncomingMessage, res: ServerResponse, bypass: (cookie: string | undefined) => boolean): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url || bypass(req.headers.cookie)) return false;
  const entry = cache.get(keyOf(keyPartsOf(req)));
  if (!entry) {
    missed.add(req);
    return false;
  }
  const headers: Record<string, string | number> = {
    ...entry.headers,
    etag: entry.etag,
    vary: 'Accept-Encoding',
    'x-cache': 'HIT',
    'surrogate-key': entry.surrogateKey,
    'cache-tag': entry.cacheTag,
  };
  if (entry.lastModified) headers['last-modified'] = entry.lastModified;
  if (etagMatches(req.headers['if-none-match'], entry.etag)) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  const encoding = pickEncoding(req.headers['accept-encoding']);
  const body = entry.bodies[encoding];
  headers['content-type'] = entry.contentType;
  headers['content-length'] = body.length;
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  res.writeHead(entry.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/**
 * Page cache and HTTP caching for anonymous GETs: answers hits before any
 * route runs (304 when the validator matches), and on the way out stores
 * what routes marked cacheable, with strong ETags, Cache-Control and
 * surrogate keys, compressed for the client.
 */
export function registerHttpCache(app: FastifyInstance, options: HttpCacheOptions): void {
  const { cache } = options;

  // The same for requests that reach Fastify (app.inject in tests, or a server
  // built without serveFromCache in front).
  app.addHook('onRequest', async (request, reply) => {
    if (!cache || missed.has(request.raw) || !cache.has(options.keyOf(keyPartsOf(request.raw)))) return;
    if (serveFromCache(cache, options.keyOf, request.raw, reply.raw, () => options.bypass(request))) reply.hijack();
  });

  // Stored only now, when every onSend hook (CORS, security headers) has had its say.
  app.addHook('onResponse', async (_request, reply) => {
    const entry = reply.pendingEntry;
    if (!entry || !cache) return;
    entry.headers = { ...replayable(reply), 'cache-control': String(reply.getHeader('cache-control') ?? '') };
    cache.insert(entry);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.cacheTags) return payload;
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    if (reply.hasHeader('set-cookie') || reply.hasHeader('content-encoding')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (!CACHEABLE_TYPES.test(contentType)) return payload;

    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const tags = [...reply.cacheTags];
    const encoding = pickEncoding(request.headers['accept-encoding']);
    const bypass = options.bypass(request);
    let etag: string;
    let out: Buffer;
    if (cache && !bypass) {
      const entry = cache.prepare({ key: options.keyOf(keyPartsOf(request.raw)), status: 200, contentType, body, lastModified: reply.cacheLastModified ?? null, tags });
      reply.pendingEntry = entry;
      etag = entry.etag;
      out = entry.bodies[encoding];
      reply.header('x-cache', 'MISS');
    } else {
      etag = etagOf(body);
      out = compressBody(body, encoding);
      reply.header('x-cache', bypass ? 'BYPASS' : 'OFF');
    }
    reply.header('etag', etag);
    reply.header('vary', 'Accept-Encoding');
    if (reply.cacheLastModified) reply.header('last-modified', reply.cacheLastModified);
    if (bypass) reply.header('cache-control', 'private, no-store');
    else {
      reply.header('cache-control', cacheControl(await options.policy()));
      tagHeaders(reply, tags);
    }
    if (etagMatches(request.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-type');
      return '';
    }
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    reply.header('content-length', out.length);
    return out;
  });
}
