/**
 * The one door for outbound HTTP (feed polling now; webhooks and image
 * fetches later). Every request gets a deadline, a cap on the bytes it may
 * bring back, a bounded number of redirects (each hop checked again), http(s)
 * only, our user agent, and a refusal to connect to private, loopback,
 * link-local or otherwise internal addresses, checked on the address actually
 * dialled after DNS resolution so a hostname cannot smuggle us inside (SSRF).
 * `allowPrivate` lifts that last rule for intranets and tests
 * (MASTHEAD_FETCH_ALLOW_PRIVATE=1).
 */
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import net from 'node:net';
import zlib from 'node:zlib';
import type { LookupFunction } from 'node:net';

export interface SafeFetchOptions {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Whole request, all redirects included. Default 15 s. */
  timeoutMs?: number;
  /** Largest body accepted, after decompression. Default 5 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5; 0 returns the 3xx as is. */
  maxRedirects?: number;
  /** Permit private and loopback addresses (intranets, tests). Default false. */
  allowPrivate?: boolean;
  /** Conditional GET: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  userAgent?: string;
}

export interface SafeFetchResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
  redirects: number;
}

export type SafeFetchErrorCode = 'BAD_URL' | 'BAD_SCHEME' | 'BLOCKED_ADDRESS' | 'TIMEOUT' | 'TOO_LARGE' | 'TOO_MANY_REDIRECTS' | 'NETWORK';

export class SafeFetchError extends Error {
  constructor(
    readonly code: SafeFetchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SafeFetchError';
  }
}

export const DEFAULT_USER_AGENT = 'Masthead/0.1 (+https://masthead.invalid/bot)';

/** True for addresses no public fetch should reach: loopback, private, link-local, CGNAT, multicast, unspecified, ULA. */
export function isInternalAddress(address: string): boolean {
  const v4 = net.isIPv4(address) ? address : /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (v4) {
    const [a, b] = v4.split('.').map(Number) as [number, number];
    return (
      a === 0 || a === 10 || a === 127 || a >= 224 ||
      (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19))
    );
  }
  const v6 = address.toLowerCase();
  if (!net.isIPv6(v6)) return true;
  return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('ff') || v6.startsWith('64:ff9b:') || v6.startsWith('2001:db8');
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => isInternalAddress(a.address));
      if (bad || !list.length) {
        const e = new SafeFetchError('BLOCKED_ADDRESS', `${hostname} resolves to an internal address (${bad?.address ?? 'none'}); refused`);
        return callback(e as NodeJS.ErrnoException, '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SafeFetchError('BAD_URL', `not a valid URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SafeFetchError('BAD_SCHEME', `only http and https are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new SafeFetchError('BAD_URL', 'URLs with credentials are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // literal addresses never go through DNS, so check them here
  if (net.isIP(host) && !allowPrivate && isInternalAddress(host)) throw new SafeFetchError('BLOCKED_ADDRESS', `${host} is an internal address; refused`);
  if (!allowPrivate && /^localhost\.?$/i.test(host)) throw new SafeFetchError('BLOCKED_ADDRESS', 'localhost is refused');
  return url;
}

function once(url: URL, opts: Required<Pick<SafeFetchOptions, 'maxBytes' | 'allowPrivate'>> & SafeFetchOptions, headers: Record<string, string>, signal: AbortSignal): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(url, { method: opts.method ?? 'GET', headers, lookup: guardedLookup(opts.allowPrivate), signal, agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return resolve({ status, headers: res.headers, body: Buffer.alloc(0) });
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > opts.maxBytes) {
        res.destroy();
        return reject(new SafeFetchError('TOO_LARGE', `the response is ${declared} bytes; the limit is ${opts.maxBytes}`));
      }
      const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
      const stream =
        encoding === 'gzip' || encoding === 'x-gzip' ? res.pipe(zlib.createGunzip()) :
        encoding === 'deflate' ? res.pipe(zlib.createInflate()) :
        encoding === 'br' ? res.pipe(zlib.createBrotliDecompress()) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) {
          res.destroy();
          stream.destroy();
          reject(new SafeFetchError('TOO_LARGE', `the response is over the ${opts.maxBytes}-byte limit`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => resolve({ status, headers: res.headers, body: Buffer.concat(chunks) }));
      stream.on('error', (err) => reject(err));
      res.on('error', (err) => reject(err));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/**
 * Fetches a URL under the rules above. Resolves with any HTTP status
 * (including 304 and 5xx: the caller decides); rejects with SafeFetchError
 * when a rule is broken or the network fails.
 */
export async function safeFetch(rawUrl: string, options: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const opts = { maxBytes: 5 * 1024 * 1024, allowPrivate: false, ...options };
  const maxRedirects = options.maxRedirects ?? 5;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    'accept-encoding': 'gzip, deflate, br',
    ...options.headers,
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  let url = checkUrl(rawUrl, opts.allowPrivate);
  try {
    for (let hop = 0; ; hop++) {
      const res = await once(url, opts, headers, controller.signal);
      const location = res.headers.location;
      if (res.status >= 300 && res.status < 400 && location && res.status !== 304) {
        if (hop >= maxRedirects) {
          if (maxRedirects === 0) return { ...res, url: url.href, redirects: hop };
          throw new SafeFetchError('TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects`);
        }
        let next: string;
        try {
          next = new URL(location, url).href;
        } catch {
          throw new SafeFetchError('BAD_URL', 'the redirect points to an invalid URL');
        }
        url = checkUrl(next, opts.allowPrivate);
        continue;
      }
      return { ...res, url: url.href, redirects: hop };
    }
  } catch (err) {
    if (err instanceof SafeFetchError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (controller.signal.aborted || e.name === 'AbortError') throw new SafeFetchError('TIMEOUT', `no complete answer within ${timeoutMs} ms`);
    if (e.cause instanceof SafeFetchError) throw e.cause;
    throw new SafeFetchError('NETWORK', `network error: ${e.code ?? e.message}`);
  } finally {
    clearTimeout(timer);
  }
}
