import type { Kysely, Transaction } from 'kysely';
import type { AuthorRow, CategoryRow, Database, SeriesRow, SourceRow, TagRow } from '../db/schema.js';
import { prepared, slot } from '../db/prepared.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function allCategories(db: Db): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().orderBy('position').orderBy('name').execute();
}

export async function findCategoryBySlug(db: Db, slug: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findTagBySlug(db: Db, slug: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findAuthorBySlug(db: Db, slug: string): Promise<AuthorRow | undefined> {
  return db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findSeriesBySlug(db: Db, slug: string): Promise<SeriesRow | undefined> {
  return db.selectFrom('series').selectAll().where('slug', '=', slug).executeTakeFirst();
}

const sourceById = prepared<{ id: number }, SourceRow>((db) => db.selectFrom('sources').selectAll().where('id', '=', slot<number>('id')));
const seriesById = prepared<{ id: number }, SeriesRow>((db) => db.selectFrom('series').selectAll().where('id', '=', slot<number>('id')));

export async function findSourceById(db: Db, id: number): Promise<SourceRow | undefined> {
  return sourceById.first(db, { id });
}

export async function findSeriesById(db: Db, id: number): Promise<SeriesRow | undefined> {
  return seriesById.first(db, { id });
}

/** A category's ancestors, root first, ending with the category itself. */
export function categoryPath(categories: CategoryRow[], id: number): CategoryRow[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const path: CategoryRow[] = [];
  const seen = new Set<number>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current);
    current = current.parent_id == null ? undefined : byId.get(current.parent_id);
  }
  return path;
}

/** A category and every category below it, at any depth. */
export function descendantIds(categories: CategoryRow[], id: number): number[] {
  const children = new Map<number, number[]>();
  for (const c of categories) {
    if (c.parent_id == null) continue;
    const list = children.get(c.parent_id) ?? [];
    list.push(c.id);
    children.set(c.parent_id, list);
  }
  const out: number[] = [];
  const stack = [id];
  const seen = new Set<number>();
  while (stack.length) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    out.push(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}

/** The URL path of a category: /category/parent/child/, as WordPress builds it. */
export function categoryUrl(categories: CategoryRow[], id: number): string {
  return `/category/${categoryPath(categories, id).map((c) => encodeURIComponent(c.slug)).join('/')}/`;
}
