import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool, type Transaction } from 'kysely';
import type { ArticleStatus, Database } from '../db/schema.js';
import { teaserColumns, type Page, type TeaserRow } from '../content/articles.repository.js';
import { toFts5Match, type Clause } from './query-parser.js';
import { isPostgres } from './search-index.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SearchFilters {
  /** 'published': what readers may see now (published posts, due). 'all': every article, for the admin. */
  scope: 'published' | 'all';
  /** With scope 'all': only these statuses. */
  statuses?: ArticleStatus[];
  categoryIds?: number[];
  authorId?: number;
  /** ISO times: published at or after `from`, before `to`. */
  from?: string;
  to?: string;
  excludeIds?: number[];
  /** Leave out every part of this series. */
  excludeSeriesId?: number | null;
}

export interface SearchHit extends TeaserRow {
  status: ArticleStatus;
  score: number;
}

/** Field weights: title, dek, body, tags, authors (FTS5 bm25; PostgreSQL uses A/C/D/B labels to the same effect). */
const BM25 = sql.raw('bm25(search_fts, 10.0, 4.0, 1.0, 5.0, 5.0)');
/** Recency boost: ×2 for a story published now, ×1.5 at a month, fading towards ×1. */
const RECENCY_DAYS = 30;

function tsquery(clauses: Clause[], joiner: '&&' | '||'): RawBuilder<unknown> {
  const parts = clauses.map((c) => {
    if (c.kind === 'phrase') return sql`phraseto_tsquery('english', ${c.words.join(' ')})`;
    // the word holds only letters and digits, so ":*" is the only operator in the text
    if (c.prefix) return sql`to_tsquery('english', ${`${c.word}:*`})`;
    return sql`plainto_tsquery('english', ${c.word})`;
  });
  return sql`(${sql.join(parts, sql.raw(` ${joiner} `))})`;
}

function applyFilters<O>(qb: SelectQueryBuilder<Database, any, O>, f: SearchFilters, now: Date): SelectQueryBuilder<Database, any, O> {
  let q = qb;
  if (f.scope === 'published') {
    q = q.where('articles.status', '=', 'published').where('articles.type', '=', 'post').where('articles.published_at', '<=', now.toISOString());
  } else if (f.statuses?.length) {
    q = q.where('articles.status', 'in', f.statuses);
  }
  if (f.categoryIds) q = f.categoryIds.length ? q.where('articles.primary_category_id', 'in', f.categoryIds) : q.where(sql<SqlBool>`1 = 0`);
  if (f.authorId !== undefined) {
    const authorId = f.authorId;
    q = q.where('articles.id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId));
  }
  if (f.from) q = q.where('articles.published_at', '>=', f.from);
  if (f.to) q = q.where('articles.published_at', '<', f.to);
  if (f.excludeIds?.length) q = q.where('articles.id', 'not in', f.excludeIds);
  if (f.excludeSeriesId != null) {
    const seriesId = f.excludeSeriesId;
    q = q.where((eb) => eb.or([eb('articles.series_id', 'is', null), eb('articles.series_id', '!=', seriesId)]));
  }
  return q;
}

/** Days since publication (or last update, for drafts), never negative. */
function ageDays(db: Db, now: Date): Expression<number> {
  const iso = now.toISOString();
  return isPostgres(db)
    ? sql<number>`greatest(0, extract(epoch from (${iso}::timestamptz - coalesce(articles.published_at, articles.updated_at)::timestamptz)) / 86400.0)`
    : sql<number>`max(0, julianday(${iso}) - julianday(coalesce(articles.published_at, articles.updated_at)))`;
}

/** Matching articles with a relevance (higher is better), before ordering. */
function matching(db: Db, clauses: Clause[], joiner: 'all' | 'any') {
  if (isPostgres(db)) {
    const q = tsquery(clauses, joiner === 'all' ? '&&' : '||');
    return {
      from: () => db.selectFrom('search_documents').innerJoin('articles', 'articles.id', 'search_documents.article_id').where(sql<SqlBool>`search_documents.document @@ ${q}`),
      relevance: sql<number>`ts_rank(search_documents.document, ${q}, 1)`,
    };
  }
  const match = toFts5Match(clauses, joiner === 'all' ? 'AND' : 'OR');
  return {
    from: () => db.selectFrom('search_fts').innerJoin('articles', 'articles.id', 'search_fts.rowid').where(sql<SqlBool>`search_fts MATCH ${match}`),
    relevance: sql<number>`(-${BM25})`,
  };
}

/**
 * Full-text search: every word and phrase must match (words stemmed,
 * prefixes with *), ranked by relevance times a recency boost, newest first
 * among equals. The same on SQLite (FTS5) and PostgreSQL (tsvector + GIN).
 */
export async function searchArticles(db: Db, clauses: Clause[], filters: SearchFilters, page: { limit: number; offset: number }, now: Date): Promise<Page<SearchHit>> {
  if (clauses.length === 0) return { items: [], total: 0 };
  const m = matching(db, clauses, 'all');
  const score = sql<number>`(${m.relevance} * (1 + 1.0 / (1 + ${ageDays(db, now)} / ${RECENCY_DAYS})))`;
  const [items, count] = await Promise.all([
    applyFilters(m.from(), filters, now)
      .select([...teaserColumns, 'articles.status', score.as('score')])
      .orderBy('score', 'desc')
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    applyFilters(m.from(), filters, now).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as SearchHit[], total: Number(count.n) };
}

/**
 * Published stories holding any of `words`, best first by the engine's
 * relevance alone: the candidates related-story scoring then weighs.
 */
export async function findByAnyWord(db: Db, words: string[], filters: SearchFilters, limit: number, now: Date): Promise<number[]> {
  if (words.length === 0) return [];
  const m = matching(db, words.map((word) => ({ kind: 'word', word, prefix: false })), 'any');
  const rows = await applyFilters(m.from(), filters, now)
    .select(['articles.id', m.relevance.as('relevance')])
    .orderBy('relevance', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Authors for the search form's author filter, by name. */
export async function authorOptions(db: Db): Promise<{ slug: string; name: string }[]> {
  return db.selectFrom('authors').select(['slug', 'name']).orderBy('name').orderBy('slug').limit(500).execute();
}
