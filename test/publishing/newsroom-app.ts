import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Engine } from '../../src/db/connect.js';
import { fixedClock } from '../../src/clock.js';
import { useTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { NOW, seedNewsroom } from '../helpers/fixtures.js';

export interface NewsroomApp {
  app: FastifyInstance;
  seed: Awaited<ReturnType<typeof seedNewsroom>>;
  database: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
}

/** The seeded newsroom (test/helpers/fixtures.ts) served by the real app, for the enclosing describe block. */
export function useNewsroomApp(engine: Engine): NewsroomApp {
  const database = useTestDatabase(engine);
  const holder = { clock: fixedClock(NOW) } as NewsroomApp;
  beforeAll(async () => {
    holder.database = database.current;
    holder.seed = await seedNewsroom(database.current.db);
    holder.app = await buildTestApp(database.current, holder.clock);
  });
  afterAll(async () => {
    await holder.app?.close();
  });
  return holder;
}
