import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { seedNewsroom } from '../helpers/fixtures.js';

describeEachEngine('malformed requests', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedNewsroom(database.current.db);
    app = await buildTestApp(database.current);
  });
  afterAll(async () => {
    await app?.close();
  });

  const cases: [string, string, number][] = [
    ['an 8 KB path', `/${'a'.repeat(8192)}/`, 414],
    ['a NUL byte', '/tehran%00reservoir/', 400],
    ['a NUL byte in a category path', '/category/%00/', 400],
    ['bad percent-encoding', '/%ZZ/', 400],
    ['bad percent-encoding in a category', '/category/%ZZ/', 400],
    ['invalid UTF-8', '/%C3%28/', 400],
    ['an overlong UTF-8 sequence', '/%C0%AF/', 400],
    ['a lone continuation byte', '/%80abc/', 400],
    ['an encoded dot-dot in assets', '/assets/..%2f..%2fpackage.json', 400],
    ['a control character', '/tehran%0Areservoir/', 400],
    ['a backslash', '/tehran%5Creservoir/', 400],
    ['bad percent-encoding in the query', '/search/?q=%E0%A4%A', 400],
    ['a very long slug that exists nowhere', `/${'x'.repeat(1500)}/`, 404],
    ['a very long tag', `/tag/${'y'.repeat(1500)}/`, 404],
    ['a page number that is not a number', '/category/world/page/1e3/', 404],
    ['a huge page number', '/page/99999999999999999999/', 404],
  ];

  for (const [what, url, status] of cases) {
    it(`answers ${what} with ${status}, a readable page and no stack trace`, async () => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<h1>');
      expect(res.body).not.toMatch(/at .*\.(ts|js):\d+|Error:|FST_ERR|SQLITE|syntax error/);
    });
  }

  // inject() and most clients normalize dot segments away; a raw socket does not
  it.each([
    ['/../etc/passwd', 400],
    ['/%2e%2e/%2e%2e/etc/passwd', 400],
    ['/assets/../package.json', 400],
    ['/category/%2E%2E/', 400],
  ])('answers the raw request target %s with %i', async (target, status) => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const response = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
      let data = '';
      socket.on('data', (d) => (data += d));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    await app.close();
    app = await buildTestApp(database.current);
    expect(response.split('\r\n')[0]).toBe(`HTTP/1.1 ${status} Bad Request`);
    expect(response).not.toContain('root:');
  });

  it('answers other methods on a page with 404 or 405, never 500', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH'] as const) {
      const res = await app.inject({ method, url: '/tehran-reservoir/' });
      expect([404, 405]).toContain(res.statusCode);
    }
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/tehran-reservoir/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
  });

  it('answers a forged Host header without putting it into links', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { host: 'evil.example"><script>' } });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toContain('<script>');
  });
});
