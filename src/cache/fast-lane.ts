import net from 'node:net';
import type http from 'node:http';
import { pickEncoding, type CacheEntry, type Encoding, type PageCache } from './page-cache.js';
import { etagMatches, type CacheKeyOf } from './http-cache.js';

/**
 * The fast lane: cached pages answered straight from the socket.
 *
 * Node's HTTP server spends most of a cache hit building request and response
 * objects around a few bytes of lookup. The lane listens on the port instead
 * and reads each connection's requests itself. A request it can answer
 * entirely from the page cache (a plain GET or HEAD, no body, no staff
 * cookie, a page in the cache) gets the stored response written in one go,
 * with the same headers the full pipeline gave it. Anything else — a miss, a
 * POST, an odd or oversized request, HTTP/1.0, `Connection: close` — and the
 * connection is handed, with every byte not yet answered, to the full HTTP
 * server, which keeps it for the rest of its life. So the lane parses only
 * what it is sure of and never answers a request Node would have refused.
 *
 * Set MASTHEAD_FAST_LANE=0 to listen with Node's HTTP server alone.
 */

export interface FastLaneOptions {
  cache: PageCache;
  /** The full server, which takes every connection the lane hands over. It does not listen itself. */
  server: http.Server;
  /** Requests that must never see the shared cache (signed-in staff, readers with a held comment). */
  bypass: (cookie: string | undefined) => boolean;
  /** The cache key for a request (the same function the full server uses). */
  keyOf: CacheKeyOf;
}

/** The most a request head may take in the lane; longer ones go to Node (which answers 431 past its own limit). */
const MAX_HEAD_BYTES = 8 * 1024;
const CRLF2 = Buffer.from('\r\n\r\n');
const EMPTY = Buffer.alloc(0);

const REQUEST_LINE = /^(GET|HEAD) (\/[\x21-\x7e]*) HTTP\/1\.1$/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([\t\x20-\x7e]*?)[ \t]*$/;
/** Headers whose presence means the request is not a plain read: Node decides what to do with it. */
const NOT_PLAIN = new Set(['content-length', 'transfer-encoding', 'upgrade', 'expect', 'te', 'http2-settings']);

interface PlainRequest {
  method: 'GET' | 'HEAD';
  target: string;
  host: string;
  forwardedHost?: string;
  forwardedProto?: string;
  cookie?: string;
  acceptEncoding?: string;
  ifNoneMatch?: string;
}

type Repeatable = 'forwardedHost' | 'forwardedProto' | 'cookie' | 'acceptEncoding' | 'ifNoneMatch';

/** Headers the lane reads that may come more than once, and the separator Node joins their values with. */
const REPEATABLE: Record<string, [Repeatable, string]> = {
  'x-forwarded-host': ['forwardedHost', ','],
  'x-forwarded-proto': ['forwardedProto', ','],
  cookie: ['cookie', '; '],
  'accept-encoding': ['acceptEncoding', ', '],
  'if-none-match': ['ifNoneMatch', ', '],
};

/** Reads one request head, or null when the lane should not answer it. */
export function parsePlainRequest(head: string): PlainRequest | null {
  const lines = head.split('\r\n');
  const first = REQUEST_LINE.exec(lines[0]!);
  if (!first) return null;
  let host: string | undefined;
  const values: Partial<Record<Repeatable, string>> = {};
  for (let i = 1; i < lines.length; i++) {
    const m = HEADER_LINE.exec(lines[i]!);
    if (!m) return null; // folded lines, bare CR or LF, control characters, spaces before the colon
    const name = m[1]!.toLowerCase();
    const value = m[2]!;
    if (NOT_PLAIN.has(name)) return null;
    const repeatable = REPEATABLE[name];
    if (repeatable) {
      const [field, separator] = repeatable;
      const previous = values[field];
      values[field] = previous === undefined ? value : previous + separator + value;
    } else if (name === 'host') {
      if (host !== undefined) return null;
      host = value;
    } else if (name === 'connection' && value.toLowerCase() !== 'keep-alive') {
      return null;
    }
  }
  if (!host) return null; // HTTP/1.1 requires it; Node answers 400
  return { method: first[1] as 'GET' | 'HEAD', target: first[2]!, host, ...values };
}

/** Header blocks made once per entry: one per encoding, and one for 304. */
interface Heads {
  ok: Record<Encoding, string>;
  notModified: string;
}

const heads = new WeakMap<CacheEntry, Heads | null>();
const SAFE_VALUE = /^[\t\x20-\x7e]*$/;

function headsOf(entry: CacheEntry, keepAliveSeconds: number): Heads | null {
  let h = heads.get(entry);
  if (h !== undefined) return h;
  const common: [string, string][] = [
    ...Object.entries(entry.headers),
    ['etag', entry.etag],
    ['vary', 'Accept-Encoding'],
    ['x-cache', 'HIT'],
    ['surrogate-key', entry.surrogateKey],
    ['cache-tag', entry.cacheTag],
    ...(entry.lastModified ? [['last-modified', entry.lastModified] as [string, string]] : []),
    ['connection', 'keep-alive'],
    ['keep-alive', `timeout=${keepAliveSeconds}`],
  ];
  // anything Node would refuse to send as a header, the lane leaves to Node
  if (entry.status !== 200 || !common.every(([name, value]) => HEADER_LINE.test(`${name}: ${value}`) && SAFE_VALUE.test(value))) {
    heads.set(entry, null);
    return null;
  }
  const block = (status: string, extra: [string, string][]) => `HTTP/1.1 ${status}\r\n${[...common, ...extra].map(([n, v]) => `${n}: ${v}\r\n`).join('')}`;
  const ok = {} as Record<Encoding, string>;
  for (const encoding of ['identity', 'gzip', 'br'] as const) {
    const extra: [string, string][] = [['content-type', entry.contentType], ['content-length', String(entry.bodies[encoding].length)]];
    if (encoding !== 'identity') extra.push(['content-encoding', encoding]);
    ok[encoding] = block('200 OK', extra);
  }
  h = { ok, notModified: block('304 Not Modified', []) };
  heads.set(entry, h);
  return h;
}

let dateLine = '';
let dateSecond = -1;

/** The Date header, remade once a second. */
function currentDateLine(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateLine = `date: ${new Date(now).toUTCString()}\r\n\r\n`;
  }
  return dateLine;
}

/*
 * The most requested pages are sent as one buffer, head and body together, so
 * a hit is a single write of bytes already made. The buffers carry the Date
 * header, so they are made anew each second, and only for pages asked for more
 * than once in that second: the memory they take is what the busiest second
 * served, dropped when the next begins.
 */
let wholeSecond = -1;
let madeThisSecond = new WeakMap<CacheEntry, Partial<Record<Encoding, Buffer | true>>>();

function wholeResponse(entry: CacheEntry, h: Heads, encoding: Encoding): Buffer {
  const dateLine = currentDateLine();
  if (dateSecond !== wholeSecond) {
    wholeSecond = dateSecond;
    madeThisSecond = new WeakMap();
  }
  let made = madeThisSecond.get(entry);
  if (!made) madeThisSecond.set(entry, (made = {}));
  const kept = made[encoding];
  if (kept instanceof Buffer) return kept;
  const whole = Buffer.concat([Buffer.from(h.ok[encoding] + dateLine, 'latin1'), entry.bodies[encoding]]);
  // kept from the second request within the second on: a page asked for once is not copied
  made[encoding] = kept === undefined ? true : whole;
  return whole;
}

export function createFastLane(options: FastLaneOptions): net.Server {
  const { cache, server, bypass, keyOf } = options;
  const inLane = new Set<net.Socket>();

  const lane = net.createServer({ noDelay: true }, (socket) => {
    inLane.add(socket);
    let pending: Buffer | null = null;
    let headStartedAt = 0;
    const keepAliveMs = server.keepAliveTimeout || 5000;
    const keepAliveSeconds = Math.max(1, Math.floor(keepAliveMs / 1000));

    const onTimeout = () => socket.destroy();
    const onError = () => socket.destroy();

    /** Gives the connection, and the bytes from the first unanswered request on, to Node's server. */
    const handOff = (rest: Buffer | null) => {
      inLane.delete(socket);
      socket.removeListener('drain', onDrain);
      socket.removeListener('data', onData);
      socket.removeListener('timeout', onTimeout);
      socket.removeListener('error', onError);
      socket.setTimeout(0);
      socket.pause();
      if (rest && rest.length) socket.unshift(rest);
      server.emit('connection', socket);
      socket.resume();
    };

    /** Answers one request from the cache; false when it must go to Node. */
    const answer = (request: PlainRequest): boolean => {
      if (bypass(request.cookie)) return false;
      const entry = cache.get(keyOf({ url: request.target, host: request.host, forwardedHost: request.forwardedHost, forwardedProto: request.forwardedProto }));
      if (!entry) return false;
      const h = headsOf(entry, keepAliveSeconds);
      if (!h) return false;
      if (etagMatches(request.ifNoneMatch, entry.etag)) {
        socket.write(h.notModified + currentDateLine(), 'latin1');
        return true;
      }
      const encoding = pickEncoding(request.acceptEncoding);
      if (request.method === 'HEAD') {
        socket.write(h.ok[encoding] + currentDateLine(), 'latin1');
        return true;
      }
      socket.write(wholeResponse(entry, h, encoding));
      return true;
    };

    /** Reading again once the client has taken what was written. */
    const onDrain = () => {
      socket.resume();
      onData(EMPTY);
    };

    function onData(chunk: Buffer): void {
      const buffer: Buffer = pending ? (chunk.length ? Buffer.concat([pending, chunk]) : pending) : chunk;
      let start = 0;
      while (start < buffer.length) {
        // a client that sends requests without reading the answers waits until it reads:
        // stop reading (as Node's server does) rather than pile responses up in memory
        if (socket.writableNeedDrain) {
          pending = buffer.subarray(start);
          socket.pause();
          socket.once('drain', onDrain);
          return;
        }
        const end = buffer.indexOf(CRLF2, start);
        if (end < 0) break;
        if (end - start > MAX_HEAD_BYTES) return handOff(buffer.subarray(start));
        const request = parsePlainRequest(buffer.toString('latin1', start, end));
        if (!request || !answer(request)) return handOff(buffer.subarray(start));
        start = end + 4;
      }
      if (start >= buffer.length) {
        pending = null;
        headStartedAt = 0;
        return;
      }
      pending = buffer.subarray(start);
      headStartedAt ||= Date.now();
      // a head that will not end, or ends in a way the lane does not read (bare LF), is Node's to judge
      if (pending.length > MAX_HEAD_BYTES || pending.includes('\n\n') || Date.now() - headStartedAt > (server.headersTimeout || 60_000)) {
        const rest = pending;
        pending = null;
        handOff(rest);
      }
    }

    socket.setTimeout(keepAliveMs);
    socket.on('timeout', onTimeout);
    socket.on('data', onData);
    socket.on('error', onError);
    socket.once('close', () => inLane.delete(socket));
  });

  // Node's server starts enforcing its header and request timeouts on the connections it
  // holds when it starts listening. It never listens itself here, so it is told when the lane does.
  lane.on('listening', () => server.emit('listening'));

  // closing stops new connections; idle ones still in the lane are closed too (Node closes its own)
  const close = lane.close.bind(lane);
  lane.close = (callback?: (err?: Error) => void) => {
    close(callback);
    for (const socket of inLane) socket.destroy();
    inLane.clear();
    return lane;
  };
  return lane;
}
