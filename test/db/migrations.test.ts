import { expect, it } from 'vitest';
import { Migrator } from 'kysely';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { migrations } from '../../src/db/migrations/index.js';
import { migrateToLatest } from '../../src/db/migrate.js';

const TABLES = ['settings', 'authors', 'categories', 'tags', 'series', 'sources', 'articles', 'article_authors', 'article_tags', 'comments', 'redirects', 'secrets'];

describeEachEngine('migrations', (engine) => {
  const database = useTestDatabase(engine);

  it('create every table, and running them again changes nothing', async () => {
    const { db } = database.current;
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(TABLES));
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('roll all the way down and back up', async () => {
    const { db } = database.current;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableName: 'masthead_migrations', migrationLockTableName: 'masthead_migrations_lock' });
    for (let i = 0; i < Object.keys(migrations).length; i++) {
      const { error } = await migrator.migrateDown();
      expect(error).toBeUndefined();
    }
    // only this test's schema: other suites migrate their own schemas at the same time
    const left = (await db.introspection.getTables()).filter((t) => !database.current.schema || t.schema === database.current.schema).map((t) => t.name).filter((t) => TABLES.includes(t));
    expect(left).toEqual([]);
    expect((await migrateToLatest(db)).length).toBe(Object.keys(migrations).length);
  });

  it('enforce unique slugs and foreign keys', async () => {
    const { db } = database.current;
    const now = new Date().toISOString();
    await db.insertInto('tags').values({ slug: 'dup', name: 'A', description: null, created_at: now }).execute();
    await expect(db.insertInto('tags').values({ slug: 'dup', name: 'B', description: null, created_at: now }).execute()).rejects.toThrow();
    await expect(db.insertInto('article_tags').values({ article_id: 999999, tag_id: 1 }).execute()).rejects.toThrow();
  });
});
