import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PageCache, pickEncoding } from '../../src/cache/page-cache.js';

const body = (n: number, fill = 'x') => Buffer.from(`<p>${fill.repeat(n)}</p>`);

describe('PageCache', () => {
  it('stores each page once in identity, gzip and brotli with a strong ETag', () => {
    const cache = new PageCache(1024 * 1024);
    const entry = cache.store({ key: '/a/', status: 200, contentType: 'text/html', body: body(500), tags: ['article:1'] });
    expect(entry.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(zlib.gunzipSync(entry.bodies.gzip).equals(body(500))).toBe(true);
    expect(zlib.brotliDecompressSync(entry.bodies.br).equals(body(500))).toBe(true);
    expect(cache.get('/a/')).toBe(entry);
    const same = cache.store({ key: '/a2/', status: 200, contentType: 'text/html', body: body(500), tags: [] });
    expect(same.etag).toBe(entry.etag);
  });

  it('drops exactly the entries carrying a changed tag', () => {
    const cache = new PageCache(1024 * 1024);
    cache.store({ key: '/a/', status: 200, contentType: 'text/html', body: body(10), tags: ['article:1', 'category:2'] });
    cache.store({ key: '/b/', status: 200, contentType: 'text/html', body: body(10), tags: ['article:2', 'category:2'] });
    cache.store({ key: '/c/', status: 200, contentType: 'text/html', body: body(10), tags: ['article:3'] });
    expect(cache.invalidate(['article:1'])).toBe(1);
    expect([cache.has('/a/'), cache.has('/b/'), cache.has('/c/')]).toEqual([false, true, true]);
    expect(cache.invalidate(['category:2', 'nothing'])).toBe(1);
    expect([cache.has('/b/'), cache.has('/c/')]).toEqual([false, true]);
  });

  it('stays within its byte budget, evicting the least recently used first', () => {
    const cache = new PageCache(20_000);
    for (let i = 0; i < 20; i++) {
      cache.store({ key: `/p${i}/`, status: 200, contentType: 'text/html', body: Buffer.from(Array.from({ length: 1500 }, (_, j) => String.fromCharCode(33 + ((i * 7 + j * 13) % 90))).join('')), tags: [`article:${i}`] });
      cache.get('/p0/'); // keep p0 warm
      expect(cache.stats().bytes).toBeLessThanOrEqual(20_000);
    }
    expect(cache.has('/p0/')).toBe(true);
    expect(cache.has('/p1/')).toBe(false);
    expect(cache.has('/p19/')).toBe(true);
    expect(cache.stats().evictions).toBeGreaterThan(0);
  });

  it('negotiates encodings', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('identity')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
    expect(pickEncoding('*')).toBe('br');
  });
});

describe('PageCache expiry', () => {
  it('refetches an entry older than its maximum age', () => {
    const cache = new PageCache(1024 * 1024, 1000);
    cache.store({ key: '/a/', status: 200, contentType: 'text/html', body: Buffer.from('a'), tags: [] }, 10_000);
    expect(cache.get('/a/', 10_500)).toBeDefined();
    expect(cache.get('/a/', 11_001)).toBeUndefined();
    expect(cache.has('/a/')).toBe(false);
  });
});
