import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Engine } from '../../src/db/connect.js';
import { useTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import type { Database } from '../../src/db/schema.js';
import { fixedClock } from '../../src/clock.js';
import { createApiKey } from '../../src/api/api-keys/api-keys.service.js';
import { NOW, seedNewsroom } from '../helpers/fixtures.js';

/** The newsroom fixture plus a content API key. */
export async function seedApi(db: Kysely<Database>) {
  const seeded = await seedNewsroom(db);
  const { key } = await createApiKey(db, 'test client', fixedClock(NOW));
  return { ...seeded, key };
}

/** Every private string the fixtures hold: none may appear in any API answer. */
export const PRIVATE_MARKERS = ['Secret draft headline', 'secret-draft', 'Embargoed future story', 'embargoed-future', 'leila-private@example.org', 'marker-one@example.org', 'marker-two@example.org', 'marker-three@example.org', 'marker-held@example.org', 'marker-spam@example.org', 'Held comment text', 'Buy pills'];

/** A fresh database with seedApi's content and the app over it, for the enclosing describe block. */
export function useSeededApp(engine: Engine) {
  const database = useTestDatabase(engine);
  const ctx = { app: undefined as unknown as FastifyInstance, seeded: undefined as unknown as Awaited<ReturnType<typeof seedApi>>, get database(): TestDatabase {
    return database.current;
  } };
  beforeAll(async () => {
    ctx.seeded = await seedApi(database.current.db);
    ctx.app = await buildTestApp(database.current);
  });
  afterAll(async () => {
    await ctx.app?.close();
  });
  return ctx;
}
