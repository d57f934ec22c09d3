import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { useTestDatabase } from '../helpers/engines.js';
import { seedNewsroom } from '../helpers/fixtures.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/clock.js';
import { cacheKeyOf } from '../../src/cache/http-cache.js';

describe('page cache keys and the Host header', () => {
  const database = useTestDatabase('sqlite');
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function appWith(env: Record<string, string>) {
    await seedNewsroom(database.current.db).catch(() => {}); // seeded once; later calls find it there
    const config = loadConfig({ DATABASE_URL: database.current.url, ...env });
    app = await buildApp({ config, db: database.current.db, engine: 'sqlite', clock: fixedClock('2026-11-20T12:00:00.000Z'), logger: false, caching: true });
    return app;
  }

  it('without a public URL, a forged Host gets its own copy and cannot plant links in everyone else’s', async () => {
    const a = await appWith({});
    const forged = await a.inject({ url: '/tehran-reservoir/', headers: { host: 'evil.example' } });
    expect(forged.headers['x-cache']).toBe('MISS');
    expect(forged.body).toContain('http://evil.example/tehran-reservoir/');
    const real = await a.inject({ url: '/tehran-reservoir/', headers: { host: 'news.example' } });
    expect(real.headers['x-cache']).toBe('MISS');
    expect(real.body).not.toContain('evil.example');
    expect(real.body).toContain('http://news.example/tehran-reservoir/');
    const again = await a.inject({ url: '/tehran-reservoir/', headers: { host: 'NEWS.example' } });
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.body).toBe(real.body);
  });

  it('behind a trusted proxy the forwarded host and scheme are part of the key', async () => {
    const a = await appWith({ MASTHEAD_TRUST_PROXY: '1' });
    const viaProxy = await a.inject({ url: '/tehran-reservoir/', headers: { host: 'app:3000', 'x-forwarded-host': 'news.example', 'x-forwarded-proto': 'https' } });
    expect(viaProxy.body).toContain('https://news.example/tehran-reservoir/');
    const forged = await a.inject({ url: '/tehran-reservoir/', headers: { host: 'app:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } });
    expect(forged.headers['x-cache']).toBe('MISS');
    const again = await a.inject({ url: '/tehran-reservoir/', headers: { host: 'app:3000', 'x-forwarded-host': 'news.example', 'x-forwarded-proto': 'https' } });
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.body).not.toContain('evil.example');
  });

  it('with a public URL every host shares one copy, which carries the public URL', async () => {
    const a = await appWith({ MASTHEAD_PUBLIC_URL: 'https://news.example' });
    await a.inject({ url: '/tehran-reservoir/', headers: { host: 'evil.example' } });
    const real = await a.inject({ url: '/tehran-reservoir/', headers: { host: 'news.example' } });
    expect(real.headers['x-cache']).toBe('HIT');
    expect(real.body).not.toContain('evil.example');
    expect(cacheKeyOf('https://news.example', false)({ url: '/a/', host: 'x', forwardedHost: undefined, forwardedProto: undefined })).toBe('/a/');
  });
});
