import type { CompiledQuery, Compilable, Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Queries built once and run many times.
 *
 * Building a query with Kysely's builder and compiling it to SQL costs more
 * than running it: on a busy page it is tens of microseconds a query against
 * a few for SQLite's own work. The hot read paths (the article page and the
 * lists) build theirs here once per database handle, with placeholders where
 * the values go, and each run only swaps the values in.
 *
 *   const byId = prepared((db) => db.selectFrom('tags').selectAll().where('id', '=', slot<number>('id')));
 *   const rows = await byId.all(db, { id: 7 });
 *
 * An IN list has a length fixed at build time: `slots('ids', n)` makes n
 * placeholders, and the query is built once per length seen.
 */

class Slot {
  constructor(
    readonly name: string,
    readonly index: number,
  ) {}
}

/** A placeholder for the value named `name`, given when the query runs. */
export function slot<T>(name: string): T {
  return new Slot(name, -1) as unknown as T;
}

/** `n` placeholders for the first `n` items of the list named `name`. */
export function slots<T>(name: string, n: number): T[] {
  return Array.from({ length: n }, (_, i) => new Slot(name, i) as unknown as T);
}

type Values = Record<string, unknown>;

/** The most lengths of IN lists kept per query (lists longer than this are rare and built afresh). */
const SHAPES_KEPT = 64;

export interface Prepared<V extends Values, R> {
  all(db: Kysely<Database>, values: V): Promise<R[]>;
  first(db: Kysely<Database>, values: V): Promise<R | undefined>;
}

/**
 * Wraps a query builder. `build` receives the handle and the shape (the
 * length of the list named by `listName`, or 0) and must use only slot() and
 * slots() for values that change between runs.
 */
export function prepared<V extends Values, R>(build: (db: Kysely<Database>, shape: number) => Compilable<R>, listName?: keyof V & string): Prepared<V, R> {
  const compiled = new WeakMap<Kysely<Database>, Map<number, CompiledQuery<R>>>();

  function compile(db: Kysely<Database>, shape: number): CompiledQuery<R> {
    let byShape = compiled.get(db);
    if (!byShape) compiled.set(db, (byShape = new Map()));
    let query = byShape.get(shape);
    if (!query) {
      query = build(db, shape).compile();
      if (byShape.size < SHAPES_KEPT) byShape.set(shape, query);
    }
    return query;
  }

  async function all(db: Kysely<Database>, values: V): Promise<R[]> {
    const shape = listName ? (values[listName] as unknown[]).length : 0;
    const query = compile(db, shape);
    const parameters = query.parameters.map((p) => {
      if (!(p instanceof Slot)) return p;
      if (!(p.name in values)) throw new Error(`prepared query: no value for ${p.name}`);
      return p.index < 0 ? values[p.name] : (values[p.name] as unknown[])[p.index];
    });
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  }

  return {
    all,
    first: async (db, values) => (await all(db, values))[0],
  };
}
