import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { connect, parseDatabaseUrl, type DatabaseHandle, type Engine } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export const PG_URL = process.env.TEST_DATABASE_URL || '';
export const ENGINES: Engine[] = ['sqlite', 'postgres'];

/**
 * Runs a suite once per database engine, as kysely's own tests do. Without
 * TEST_DATABASE_URL the PostgreSQL run is reported as skipped, by name, so a
 * green run can never hide that half the suite did not run.
 */
export function describeEachEngine(title: string, body: (engine: Engine) => void): void {
  describe(`${title} [sqlite]`, () => body('sqlite'));
  if (PG_URL) describe(`${title} [postgres]`, () => body('postgres'));
  else describe.skip(`${title} [postgres] (SKIPPED: TEST_DATABASE_URL is not set)`, () => body('postgres'));
}

export interface TestDatabase extends DatabaseHandle {
  /** For SQLite, the file; for PostgreSQL, the schema. */
  location: string;
  /** DATABASE_URL pointing at this database (PostgreSQL: use `schema` too). */
  url: string;
  schema?: string;
}

/** A fresh, migrated database: a new SQLite file, or a new PostgreSQL schema. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-test-'));
    const file = path.join(dir, 'test.db');
    const handle = await connect({ engine: 'sqlite', file });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      location: file,
      url: `sqlite:${file}`,
      close: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!PG_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const target = parseDatabaseUrl(PG_URL);
  const handle = await connect(target, { schema, poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    location: schema,
    url: PG_URL,
    schema,
    close: async () => {
      await handle.close();
      const admin = await connect(target, { poolSize: 1 });
      try {
        await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
      } finally {
        await admin.close();
      }
    },
  };
}

/** A fresh database for the enclosing describe block. */
export function useTestDatabase(engine: Engine): { readonly current: TestDatabase } {
  const holder = { current: undefined as unknown as TestDatabase };
  beforeAll(async () => {
    holder.current = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}
