import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock, type Clock } from '../../src/clock.js';
import type { TestDatabase } from './engines.js';

export const TEST_BASE_URL = 'http://masthead.test';

/**
 * The real app over a test database, reached with app.inject(). Caching is
 * off unless asked for, since most tests change the database directly, as
 * an admin in another process would; the cache tests turn it on and announce
 * their changes.
 */
export async function buildTestApp(database: TestDatabase, clock: Clock = fixedClock('2026-11-20T12:00:00.000Z'), options: { caching?: boolean } = {}): Promise<FastifyInstance> {
  const config = { ...loadConfig({ DATABASE_URL: database.engine === 'sqlite' ? database.url : 'postgres://unused@127.0.0.1/unused' }), publicUrl: TEST_BASE_URL, fetchAllowPrivate: true }; // tests talk to servers on 127.0.0.1
  return buildApp({ config, db: database.db, engine: database.engine, clock, logger: false, caching: options.caching ?? false });
}
