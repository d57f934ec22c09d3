import net from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { seedNewsroom } from '../helpers/fixtures.js';
import { createFastLane, parsePlainRequest } from '../../src/cache/fast-lane.js';
import { isBypassed } from '../../src/app.js';
import { articleTags } from '../../src/events.js';

interface Response {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Reads HTTP/1.1 responses off a buffer (Content-Length framing only, which is all either server sends here). */
function parseResponses(data: Buffer, headOnly: boolean[] = []): Response[] {
  const out: Response[] = [];
  let at = 0;
  while (at < data.length) {
    const end = data.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const [statusLine, ...lines] = data.toString('latin1', at, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const i = line.indexOf(':');
      headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
    }
    const status = Number(statusLine!.split(' ')[1]);
    const length = headOnly[out.length] || status === 304 ? 0 : Number(headers['content-length'] ?? 0);
    out.push({ status, headers, body: data.subarray(end + 4, end + 4 + length) });
    at = end + 4 + length;
  }
  return out;
}

/** One connection: writes raw bytes, collects what comes back until `count` responses have arrived. */
class Client {
  private readonly socket: net.Socket;
  private data = Buffer.alloc(0);
  closed = false;
  constructor(port: number) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.on('data', (d) => (this.data = Buffer.concat([this.data, d])));
    this.socket.on('close', () => (this.closed = true));
    this.socket.on('error', () => {});
  }
  async send(raw: string, count: number, headOnly: boolean[] = []): Promise<Response[]> {
    this.data = Buffer.alloc(0);
    this.socket.write(raw);
    const deadline = Date.now() + 5000;
    for (;;) {
      const responses = parseResponses(this.data, headOnly);
      if (responses.length >= count && (responses.length > count || responses.at(-1)!.body.length === (headOnly[count - 1] || responses.at(-1)!.status === 304 ? 0 : Number(responses.at(-1)!.headers['content-length'] ?? 0)))) return responses;
      if (Date.now() > deadline || this.closed) return responses;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  close() {
    this.socket.destroy();
  }
}

const get = (url: string, extra = '') => `GET ${url} HTTP/1.1\r\nHost: masthead.test\r\n${extra}\r\n`;

describe('fast lane: cached pages answered from the socket', () => {
  const database = useTestDatabase('sqlite');
  let app: FastifyInstance;
  let lane: net.Server;
  let port: number;
  let seed: Awaited<ReturnType<typeof seedNewsroom>>;
  const clients: Client[] = [];
  const client = () => {
    const c = new Client(port);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    seed = await seedNewsroom(database.current.db);
    app = await buildTestApp(database.current, undefined, { caching: true });
    await app.ready();
    Object.assign(app.server, { connectionsCheckingInterval: 100 }); // read when the lane starts listening (not in the typings)
    lane = createFastLane({ cache: app.pageCache!, server: app.server, bypass: isBypassed, keyOf: app.cacheKey });
    await new Promise<void>((resolve) => lane.listen(0, '127.0.0.1', resolve));
    port = (lane.address() as net.AddressInfo).port;
  });
  beforeEach(() => app.pageCache!.clear());
  afterAll(async () => {
    for (const c of clients) c.close();
    lane?.close();
    await app?.close();
  });

  it('answers a hit itself with the same bytes and headers as the full server', async () => {
    const c = client();
    const [miss] = await c.send(get('/tehran-reservoir/'), 1);
    expect(miss!.headers['x-cache']).toBe('MISS');
    // the miss handed this connection to Node for good: a fresh one reaches the lane
    const lanes = client();
    const [hit] = await lanes.send(get('/tehran-reservoir/'), 1);
    expect(hit!.status).toBe(200);
    expect(hit!.headers['x-cache']).toBe('HIT');
    expect(hit!.body.equals(miss!.body)).toBe(true);
    for (const h of ['content-type', 'content-length', 'etag', 'last-modified', 'cache-control', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'surrogate-key', 'cache-tag', 'vary', 'link']) {
      expect(hit!.headers[h], h).toBe(miss!.headers[h]);
    }
    expect(Date.parse(hit!.headers.date!)).not.toBeNaN();
    expect(hit!.headers.connection).toBe('keep-alive');
    // and Node's own hit path (the handed-off connection) agrees
    const [nodeHit] = await c.send(get('/tehran-reservoir/'), 1);
    expect(nodeHit!.headers['x-cache']).toBe('HIT');
    expect(nodeHit!.body.equals(hit!.body)).toBe(true);
  });

  it('dates each answer: a page sent again in a later second carries that second', async () => {
    await app.inject({ url: '/category/world/' });
    const c = client();
    const first = await c.send(get('/category/world/') + get('/category/world/') + get('/category/world/'), 3);
    await new Promise((r) => setTimeout(r, 1100));
    const [later] = await c.send(get('/category/world/'), 1);
    expect(first.every((r) => r.body.equals(later!.body))).toBe(true);
    expect(Date.parse(later!.headers.date!) - Date.parse(first[2]!.headers.date!)).toBeGreaterThanOrEqual(1000);
  });

  it('serves pipelined hits in order, then hands over at the first request it cannot answer', async () => {
    await app.inject({ url: '/tehran-reservoir/' });
    await app.inject({ url: '/category/world/' });
    const c = client();
    const responses = await c.send(get('/tehran-reservoir/') + get('/category/world/') + get('/tag/water/') + get('/tehran-reservoir/'), 4);
    expect(responses.map((r) => [r.status, r.headers['x-cache']])).toEqual([
      [200, 'HIT'],
      [200, 'HIT'],
      [200, 'MISS'],
      [200, 'HIT'], // answered by Node now, from the same cache
    ]);
    expect(responses[2]!.body.toString()).toContain('<html');
    // the connection carries on with Node: a form post is judged by the app
    const [post] = await c.send('POST /tehran-reservoir/ HTTP/1.1\r\nHost: masthead.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=b', 1);
    expect(post!.status).toBeGreaterThanOrEqual(400);
    expect(post!.status).toBeLessThan(500);
  });

  it('hands a POST that follows hits on the same connection to the app, body and all', async () => {
    await app.inject({ url: '/tehran-reservoir/' });
    const c = client();
    const [hit] = await c.send(get('/tehran-reservoir/'), 1);
    expect(hit!.headers['x-cache']).toBe('HIT');
    const [post, after] = await c.send('POST /tehran-reservoir/ HTTP/1.1\r\nHost: masthead.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=b' + get('/tehran-reservoir/'), 2);
    expect(post!.status).toBe(422); // the comment form's own validation answered
    expect(post!.headers['cache-control']).toBe('private, no-store');
    expect(after!.headers['x-cache']).toBe('HIT');
  });

  it('speaks HEAD, conditional requests and compression like the full server', async () => {
    await app.inject({ url: '/category/world/' });
    const c = client();
    const [head] = await c.send(`HEAD /category/world/ HTTP/1.1\r\nHost: masthead.test\r\n\r\n`, 1, [true]);
    expect(head!.status).toBe(200);
    expect(Number(head!.headers['content-length'])).toBeGreaterThan(1000);
    const [full] = await c.send(get('/category/world/'), 1);
    expect(full!.body.length).toBe(Number(head!.headers['content-length']));
    const [notModified] = await c.send(get('/category/world/', `If-None-Match: ${full!.headers.etag}\r\n`), 1);
    expect(notModified!.status).toBe(304);
    expect(notModified!.body.length).toBe(0);
    expect(notModified!.headers.etag).toBe(full!.headers.etag);
    const [stale] = await c.send(get('/category/world/', 'If-None-Match: "old"\r\n'), 1);
    expect(stale!.status).toBe(200);
    const [gzip] = await c.send(get('/category/world/', 'Accept-Encoding: gzip, deflate\r\n'), 1);
    expect(gzip!.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip!.body).equals(full!.body)).toBe(true);
    const [br] = await c.send(get('/category/world/', 'Accept-Encoding: gzip;q=0.5, br\r\n'), 1);
    expect(br!.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br!.body).equals(full!.body)).toBe(true);
    // still the lane: nothing here was a miss
    expect([head, full, notModified, stale, gzip, br].every((r) => r!.headers['x-cache'] === 'HIT')).toBe(true);
  });

  it('never shows staff a shared page', async () => {
    await app.inject({ url: '/category/world/' });
    const c = client();
    const [res] = await c.send(get('/category/world/', 'Cookie: theme=dark; masthead_session=abc\r\n'), 1);
    expect(res!.headers['x-cache']).toBe('BYPASS');
    expect(res!.headers['cache-control']).toBe('private, no-store');
  });

  it('drops a page when a write announces what it shows', async () => {
    await app.inject({ url: '/tehran-reservoir/' });
    const c = client();
    expect((await c.send(get('/tehran-reservoir/'), 1))[0]!.headers['x-cache']).toBe('HIT');
    await app.deps.events.emit({ kind: 'article.updated', tags: articleTags({ id: seed.articles.lead.id, primary_category_id: null }), articleId: seed.articles.lead.id });
    expect((await c.send(get('/tehran-reservoir/'), 1))[0]!.headers['x-cache']).toBe('MISS');
  });

  it('leaves every request it is not sure of to Node, which refuses the bad ones', async () => {
    await app.inject({ url: '/category/world/' });
    const cases: [string, number][] = [
      ['GET /category/world/ HTTP/1.1\r\nHost: masthead.test\r\nX-Bad : yes\r\n\r\n', 400], // space before the colon
      ['GET /category/world/ HTTP/1.1\r\n\r\n', 400], // no Host
      ['GET /category/world/ HTTP/1.1\r\nHost: masthead.test\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc', 400], // smuggling shape
      [`GET /category/world/ HTTP/1.1\r\nHost: masthead.test\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ];
    for (const [raw, status] of cases) {
      const c = client();
      const [res] = await c.send(raw, 1);
      expect(res?.status, JSON.stringify(raw.slice(0, 80))).toBe(status);
      expect(res?.headers['x-cache']).toBeUndefined();
    }
    // HTTP/1.0 and Connection: close are Node's too, and still served
    const old = await client().send('GET /category/world/ HTTP/1.0\r\nHost: masthead.test\r\n\r\n', 1);
    expect(old[0]!.status).toBe(200);
    const closing = client();
    const closed = await closing.send(get('/category/world/', 'Connection: close\r\n'), 1);
    expect(closed[0]!.status).toBe(200);
    expect(closed[0]!.headers.connection).toBe('close');
  });

  it('hands over a request that ends its lines with a bare LF instead of waiting for more', async () => {
    await app.inject({ url: '/category/world/' });
    const c = client();
    const [res] = await c.send('GET /category/world/ HTTP/1.1\nHost: masthead.test\n\n', 1);
    expect(res).toBeDefined(); // Node answers it one way or the other; the lane did not hang
    expect(res!.headers['x-cache']).not.toBe('HIT');
  });

  it('reads only plain GET and HEAD requests', () => {
    expect(parsePlainRequest('GET /a/?b=1 HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nAccept-Encoding: br')).toMatchObject({ method: 'GET', target: '/a/?b=1', host: 'x', acceptEncoding: 'gzip, br' });
    expect(parsePlainRequest('GET /a/ HTTP/1.1\r\nHost: x\r\nCookie: a=1\r\nCookie: b=2')?.cookie).toBe('a=1; b=2');
    for (const head of [
      'POST /a/ HTTP/1.1\r\nHost: x',
      'GET http://x/a/ HTTP/1.1\r\nHost: x',
      'GET /a/ HTTP/1.0\r\nHost: x',
      'GET /a b/ HTTP/1.1\r\nHost: x',
      'GET /a/ HTTP/1.1\r\nHost: x\r\n folded',
      'GET /a/ HTTP/1.1\r\nHost: x\r\nUpgrade: websocket',
      'GET /a/ HTTP/1.1\r\nHost: x\r\nContent-Length: 0',
      'GET /a/ HTTP/1.1\r\nHost: x\r\nConnection: close',
      'GET /a/ HTTP/1.1\r\nHost: x\r\nX: a\u0000b',
      'GET /a/ HTTP/1.1\r\nHost: x\r\nX: caf\u00e9',
      'GET /a/ HTTP/1.1\r\nHost: x\r\nHost: y',
      'GET /a/ HTTP/1.1\r\nX: y',
    ]) expect(parsePlainRequest(head), JSON.stringify(head)).toBeNull();
  });

  it('stops reading from a client that sends without reading the answers, and catches up when it reads', async () => {
    await app.inject({ url: '/category/world/' });
    const size = Number((await app.inject({ url: '/category/world/' })).headers['content-length']);
    let serverSide: net.Socket | undefined;
    const grab = (s: net.Socket) => (serverSide ??= s);
    lane.on('connection', grab);
    const count = 4000; // more than the kernel's loopback buffers hold
    const socket = net.connect(port, '127.0.0.1');
    try {
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      socket.pause(); // read nothing for now
      socket.write(get('/category/world/').repeat(count));
      await new Promise((r) => setTimeout(r, 300));
      // what the lane queued is bounded by the socket's buffer, not by the requests sent
      expect(serverSide!.writableLength).toBeLessThan(count * size * 0.5);
      expect(serverSide!.isPaused()).toBe(true);
      const received: Buffer[] = [];
      socket.on('data', (d) => received.push(d));
      socket.resume();
      const deadline = Date.now() + 10_000;
      while (parseResponses(Buffer.concat(received)).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const responses = parseResponses(Buffer.concat(received));
      expect(responses.length).toBe(count);
      expect(responses.every((r) => r.status === 200 && r.headers['x-cache'] === 'HIT' && r.body.length === size)).toBe(true);
    } finally {
      lane.off('connection', grab);
      socket.destroy();
    }
  });

  it('leaves handed-over connections under Node’s header timeout', async () => {
    const before = app.server.headersTimeout;
    app.server.headersTimeout = 400;
    try {
      const c = client();
      await c.send(get('/tag/energy/'), 1); // a miss: the connection is Node's now
      const [res] = await c.send('GET /tag/energy/ HTTP/1.1\r\nHost: masthead.test\r\nX-Slow: ', 1); // a head that never ends
      expect(res?.status).toBe(408);
    } finally {
      app.server.headersTimeout = before;
    }
  });

  it('closes idle connections after the keep-alive timeout, and all of them when it closes', async () => {
    const before = app.server.keepAliveTimeout;
    app.server.keepAliveTimeout = 300;
    try {
      const idle = client();
      await idle.send(get('/category/world/'), 1); // a miss: Node's now, under Node's timeout
      const lanes = client();
      await lanes.send(get('/category/world/'), 1);
      const started = Date.now();
      while (!lanes.closed && Date.now() - started < 3000) await new Promise((r) => setTimeout(r, 20));
      expect(lanes.closed).toBe(true);
    } finally {
      app.server.keepAliveTimeout = before;
    }
  });
});
