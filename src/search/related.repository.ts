import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { teaserColumns, type TeaserRow } from '../content/articles.repository.js';
import { prepared, slots } from '../db/prepared.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Document frequencies of some words, and (about) how many documents there are. */
export async function termStats(db: Db, terms: string[]): Promise<{ df: Map<string, number>; documents: number }> {
  const df = new Map<string, number>();
  for (let i = 0; i < terms.length; i += 500) {
    const rows = await db.selectFrom('search_terms').select(['term', 'df']).where('term', 'in', terms.slice(i, i + 500)).execute();
    for (const r of rows) df.set(r.term, Number(r.df));
  }
  // the highest id stands in for the count: an index lookup instead of a scan, and close enough for weighting
  const top = await db.selectFrom('search_documents').select((eb) => eb.fn.max('article_id').as('n')).executeTakeFirst();
  return { df, documents: Math.max(1, Number(top?.n ?? 1)) };
}

export async function indexedDocuments(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('search_documents').select(['article_id', 'title', 'dek', 'body', 'tags']).where('article_id', 'in', ids).execute();
}

export async function tagIdsOf(db: Db, ids: number[]): Promise<Map<number, Set<number>>> {
  const map = new Map<number, Set<number>>();
  if (ids.length === 0) return map;
  const rows = await db.selectFrom('article_tags').select(['article_id', 'tag_id']).where('article_id', 'in', ids).execute();
  for (const r of rows) {
    const set = map.get(r.article_id) ?? new Set<number>();
    set.add(r.tag_id);
    map.set(r.article_id, set);
  }
  return map;
}

function visiblePosts(db: Db, now: Date) {
  return db
    .selectFrom('articles')
    .select(teaserColumns)
    .where('articles.status', '=', 'published')
    .where('articles.type', '=', 'post')
    .where('articles.published_at', '<=', now.toISOString());
}

const teasersById = prepared<{ ids: number[] }, TeaserRow & { status: string }>(
  (db, n) => db.selectFrom('articles').select([...teaserColumns, 'articles.status']).where('articles.id', 'in', slots<number>('ids', n)),
  'ids',
);

/** Teasers for ids still visible at `now`, in the order given. */
export async function visibleTeasers(db: Db, ids: number[], now: Date): Promise<TeaserRow[]> {
  if (ids.length === 0) return [];
  // fetched by id and checked here: with the visibility conditions in SQL, SQLite
  // prefers the status index and walks every published story instead of the ids
  const rows = await teasersById.all(db, { ids });
  const due = now.toISOString();
  const byId = new Map(rows.filter((r) => r.status === 'published' && r.type === 'post' && r.published_at != null && r.published_at <= due).map(({ status: _status, ...r }) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is TeaserRow => r !== undefined);
}

/** The newest visible stories of a category, leaving out some ids and a series: the fallback when nothing relates. */
export async function latestInCategory(db: Db, categoryId: number, excludeIds: number[], excludeSeriesId: number | null, limit: number, now: Date): Promise<number[]> {
  let q = visiblePosts(db, now).where('articles.primary_category_id', '=', categoryId);
  if (excludeIds.length) q = q.where('articles.id', 'not in', excludeIds);
  if (excludeSeriesId != null) q = q.where(sql`coalesce(articles.series_id, 0)`, '!=', excludeSeriesId);
  const rows = await q.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(limit).execute();
  return rows.map((r) => r.id);
}
