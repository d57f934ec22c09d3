import zlib from 'node:zlib';
import os from 'node:os';
import dns from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInternalAddress, safeFetch, SafeFetchError } from '../../src/net/safe-fetch.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
  server.routes.set('/hello', (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', etag: '"v1"' }).end('hello'));
  server.routes.set('/conditional', (req, res) => (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] ? res.writeHead(304).end() : res.writeHead(200, { etag: '"v1"' }).end('fresh')));
  for (let i = 0; i < 8; i++) server.routes.set(`/hop${i}`, (_req, res) => res.writeHead(302, { location: i === 7 ? '/hello' : `/hop${i + 1}` }).end());
  server.routes.set('/to-file', (_req, res) => res.writeHead(301, { location: 'file:///etc/passwd' }).end());
  server.routes.set('/slow', () => {
    // never answers
  });
  server.routes.set('/big-declared', (_req, res) => res.writeHead(200, { 'content-length': String(10_000_000) }).end());
  server.routes.set('/big-chunked', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 97);
    for (let i = 0; i < 40; i++) res.write(chunk);
    res.end();
  });
  server.routes.set('/gzip', (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync('zipped feed')));
  server.routes.set('/gzip-bomb', (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(20_000_000))));
  server.routes.set('/echo', (req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => res.writeHead(200).end(`${req.method} ${req.headers['user-agent']} ${req.headers['x-test']} ${body}`));
  });
});
afterAll(() => server.close());

const fails = async (p: Promise<unknown>, code: string) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(SafeFetchError);
  expect((err as SafeFetchError).code).toBe(code);
};

describe('safeFetch, the one door for outbound HTTP', () => {
  it('refuses loopback, private and link-local addresses unless allowed', async () => {
    await fails(safeFetch(`${server.url}/hello`), 'BLOCKED_ADDRESS');
    await fails(safeFetch('http://localhost/'), 'BLOCKED_ADDRESS');
    await fails(safeFetch('http://[::1]/'), 'BLOCKED_ADDRESS');
    await fails(safeFetch('http://10.1.2.3/'), 'BLOCKED_ADDRESS');
    const ok = await safeFetch(`${server.url}/hello`, { allowPrivate: true });
    expect(ok.status).toBe(200);
    expect(ok.body.toString()).toBe('hello');
  });

  it('checks the address a host name resolves to, not just the name', async () => {
    // this machine's own name resolves to one of its own (internal) addresses
    const host = os.hostname();
    const addresses = await dns.lookup(host, { all: true }).catch(() => []);
    if (!addresses.length || !addresses.every((a) => isInternalAddress(a.address))) return;
    const port = new URL(server.url).port;
    await fails(safeFetch(`http://${host}:${port}/hello`), 'BLOCKED_ADDRESS');
    expect((await safeFetch(`http://${host}:${port}/hello`, { allowPrivate: true })).status).toBe(200);
  });

  it('classifies addresses', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) expect(isInternalAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) expect(isInternalAddress(a), a).toBe(false);
  });

  it('only speaks http and https, and re-checks every redirect hop', async () => {
    await fails(safeFetch('file:///etc/passwd', { allowPrivate: true }), 'BAD_SCHEME');
    await fails(safeFetch('ftp://example.com/', { allowPrivate: true }), 'BAD_SCHEME');
    await fails(safeFetch(`${server.url}/to-file`, { allowPrivate: true }), 'BAD_SCHEME');
    await fails(safeFetch('http://169.254.169.254/latest/meta-data/'), 'BLOCKED_ADDRESS');
  });

  it('follows a bounded number of redirects', async () => {
    const ok = await safeFetch(`${server.url}/hop0`, { allowPrivate: true, maxRedirects: 10 });
    expect(ok.body.toString()).toBe('hello');
    expect(ok.redirects).toBe(8);
    expect(ok.url).toBe(`${server.url}/hello`);
    await fails(safeFetch(`${server.url}/hop0`, { allowPrivate: true, maxRedirects: 5 }), 'TOO_MANY_REDIRECTS');
  });

  it('gives up at the deadline', async () => {
    const started = Date.now();
    await fails(safeFetch(`${server.url}/slow`, { allowPrivate: true, timeoutMs: 300 }), 'TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('caps the size of a response, declared or streamed, compressed or not', async () => {
    await fails(safeFetch(`${server.url}/big-declared`, { allowPrivate: true, maxBytes: 1_000_000 }), 'TOO_LARGE');
    await fails(safeFetch(`${server.url}/big-chunked`, { allowPrivate: true, maxBytes: 1_000_000 }), 'TOO_LARGE');
    await fails(safeFetch(`${server.url}/gzip-bomb`, { allowPrivate: true, maxBytes: 1_000_000 }), 'TOO_LARGE');
    expect((await safeFetch(`${server.url}/gzip`, { allowPrivate: true })).body.toString()).toBe('zipped feed');
  });

  it('sends conditional GETs and hands back a 304', async () => {
    expect((await safeFetch(`${server.url}/conditional`, { allowPrivate: true })).status).toBe(200);
    const again = await safeFetch(`${server.url}/conditional`, { allowPrivate: true, etag: '"v1"' });
    expect(again.status).toBe(304);
    expect((await safeFetch(`${server.url}/conditional`, { allowPrivate: true, lastModified: 'Mon, 23 Nov 2026 10:00:00 GMT' })).status).toBe(304);
  });

  it('sends a method, headers, a body and our user agent', async () => {
    const r = await safeFetch(`${server.url}/echo`, { allowPrivate: true, method: 'POST', headers: { 'x-test': 'yes' }, body: 'payload' });
    expect(r.body.toString()).toMatch(/^POST Masthead\/[\d.]+ .* yes payload$/);
  });
});
