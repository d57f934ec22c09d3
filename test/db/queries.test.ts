import { describe, expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { prepared, slot, slots } from '../../src/db/prepared.js';
import { FifoLock } from '../../src/db/sqlite-driver.js';

describe('FifoLock', () => {
  it('hands the lock to waiters strictly in the order they asked', async () => {
    const lock = new FifoLock();
    const order: number[] = [];
    await lock.acquire();
    const waiters = [1, 2, 3, 4, 5].map((n) =>
      lock.acquire().then(async () => {
        order.push(n);
        // a holder that re-queues while others wait goes to the back
        if (n === 1) void lock.acquire().then(() => {
          order.push(6);
          lock.release();
        });
        await Promise.resolve();
        lock.release();
      }),
    );
    expect(lock.waiting).toBe(5);
    lock.release();
    await Promise.all(waiters);
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lock.waiting).toBe(0);
    // free again: the next acquire is immediate
    await lock.acquire();
    lock.release();
  });
});

describeEachEngine('prepared queries', (engine) => {
  const database = useTestDatabase(engine);
  const byName = prepared<{ name: string }, { id: number; name: string }>((db) => db.selectFrom('tags').select(['id', 'name']).where('name', '=', slot<string>('name')));
  const byIds = prepared<{ ids: number[]; after: number }, { id: number }>(
    (db, n) => db.selectFrom('tags').select('id').where('id', 'in', slots<number>('ids', n)).where('id', '>', slot<number>('after')).orderBy('id'),
    'ids',
  );

  async function seedTags(names: string[]): Promise<number[]> {
    const ids: number[] = [];
    for (const name of names) {
      const row = await database.current.db.insertInto('tags').values({ slug: name, name, created_at: '2026-11-20T12:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    return ids;
  }

  it('runs one compiled query with new values each time', async () => {
    const [water, energy] = await seedTags(['Water', 'Energy']);
    const db = database.current.db;
    expect(await byName.all(db, { name: 'Water' })).toEqual([{ id: water, name: 'Water' }]);
    expect(await byName.first(db, { name: 'Energy' })).toEqual({ id: energy, name: 'Energy' });
    expect(await byName.first(db, { name: 'nothing' })).toBeUndefined();
    // values are bound, never spliced into the SQL
    expect(await byName.all(db, { name: "Water' OR '1'='1" })).toEqual([]);
  });

  it('builds IN lists once per length and fills every slot', async () => {
    const ids = await seedTags(['a1', 'a2', 'a3', 'a4']);
    const db = database.current.db;
    expect((await byIds.all(db, { ids: ids.slice(0, 2), after: 0 })).map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect((await byIds.all(db, { ids, after: ids[0]! })).map((r) => r.id)).toEqual(ids.slice(1));
    expect((await byIds.all(db, { ids: [ids[3]!, ids[1]!], after: 0 })).map((r) => r.id)).toEqual([ids[1], ids[3]]);
  });

  it('says which value is missing instead of running with a placeholder', async () => {
    await expect(byName.all(database.current.db, {} as { name: string })).rejects.toThrow(/no value for name/);
  });

  it('runs inside a transaction on that transaction', async () => {
    const db = database.current.db;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('tags').values({ slug: 'inside', name: 'Inside', created_at: '2026-11-20T12:00:00.000Z' }).execute();
      expect(await byName.first(trx, { name: 'Inside' })).toMatchObject({ name: 'Inside' });
    });
  });
});
