import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool, type Transaction } from 'kysely';
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
const RECENCY_DAYS = 30;

function tsquery(clauses: Clause[], joiner: '&&' | '||'): RawBuilder<unknown> {
  const parts = clauses.map((c) => {
    if (c.kind === 'phrase') return sql`phraseto_tsquery('english', ${c.words.join(' ')})`;
    if (c.kind === 'any') return sql`(${sql.join(c.words.map((w) => sql`plainto_tsquery('english', ${w})`), sql.raw(' || '))})`;
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

/**
 * How many matching stories a search weighs: the newest this many that pass
 * the filters. Both engines walk their index newest-first and stop there, so
 * a word found in most of a 100,000-story archive still answers in
 * milliseconds; past this many matches the reader is told to add words.
 */
export const SEARCH_WINDOW = 1000;

interface WindowRow {
  id: number;
  published_at: string | null;
  updated_at: string;
  rel: number;
}

/** The newest `limit` articles matching and passing the filters, with their relevance (higher is better). */
async function matchingWindow(db: Db, clauses: Clause[], joiner: 'all' | 'any', filters: SearchFilters, limit: number, now: Date): Promise<WindowRow[]> {
  const columns = ['articles.id', 'articles.published_at', 'articles.updated_at'] as const;
  if (isPostgres(db)) {
    const q = tsquery(clauses, joiner === 'all' ? '&&' : '||');
    const base = db.selectFrom('search_documents').innerJoin('articles', 'articles.id', 'search_documents.article_id').where(sql<SqlBool>`search_documents.document @@ ${q}`);
    const rows = await applyFilters(base, filters, now)
      .select([...columns, sql<number>`ts_rank(search_documents.document, ${q}, 1)`.as('rel')])
      .orderBy('search_documents.article_id', 'desc')
      .limit(limit)
      .execute();
    return rows as WindowRow[];
  }
  const match = toFts5Match(clauses, joiner === 'all' ? 'AND' : 'OR');
  // CROSS JOIN keeps SQLite from driving the join from articles and re-running the MATCH once per row
  const base = db.selectFrom('search_fts').crossJoin('articles').whereRef('articles.id', '=', 'search_fts.rowid').where(sql<SqlBool>`search_fts MATCH ${match}`);
  const rows = await applyFilters(base, filters, now)
    .select([...columns, sql<number>`(-${BM25})`.as('rel')])
    .orderBy('search_fts.rowid', 'desc')
    .limit(limit)
    .execute();
  return rows as WindowRow[];
}

/** Relevance times a recency boost: ×2 published now, ×1.5 at a month, fading towards ×1. */
function boosted(row: WindowRow, now: Date): number {
  const when = Date.parse(row.published_at ?? row.updated_at);
  const ageDays = Math.max(0, (now.getTime() - when) / 86_400_000);
  return Number(row.rel) * (1 + 1 / (1 + ageDays / RECENCY_DAYS));
}

/**
 * Full-text search: every word and phrase must match (words stemmed,
 * prefixes with *), ranked by relevance times a recency boost, newest first
 * among equals. The same on SQLite (FTS5) and PostgreSQL (tsvector + GIN).
 * `capped` says more than SEARCH_WINDOW stories matched.
 */
export async function searchArticles(db: Db, parsed: Clause[], filters: SearchFilters, page: { limit: number; offset: number }, now: Date): Promise<Page<SearchHit> & { capped: boolean }> {
  const clauses = parsed.length ? await expandPrefixes(db, parsed) : null;
  if (!clauses) return { items: [], total: 0, capped: false };
  const window = await matchingWindow(db, clauses, 'all', filters, SEARCH_WINDOW + 1, now);
  const capped = window.length > SEARCH_WINDOW;
  const ranked = window
    .slice(0, SEARCH_WINDOW)
    .map((r) => ({ id: r.id, score: boosted(r, now), published: r.published_at ?? r.updated_at }))
    .sort((a, b) => b.score - a.score || (a.published < b.published ? 1 : a.published > b.published ? -1 : b.id - a.id));
  const shown = ranked.slice(page.offset, page.offset + page.limit);
  if (shown.length === 0) return { items: [], total: ranked.length, capped };
  const rows = await db.selectFrom('articles').select([...teaserColumns, 'articles.status']).where('articles.id', 'in', shown.map((r) => r.id)).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = shown.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [{ ...row, score: r.score }] : [];
  });
  return { items, total: ranked.length, capped };
}

/** A prefix stands for this many of its most common completions. */
export const MAX_COMPLETIONS = 30;

/**
 * Replaces each prefix with its most common completions among the indexed
 * words (search_terms), so both engines expand it the same way and the
 * index is read for a bounded number of words. Null when a prefix
 * completes to nothing, so nothing can match.
 */
async function expandPrefixes(db: Db, clauses: Clause[]): Promise<Clause[] | null> {
  const out: Clause[] = [];
  for (const c of clauses) {
    if (c.kind !== 'word' || !c.prefix) {
      out.push(c);
      continue;
    }
    // the prefix holds only letters and digits, so LIKE has nothing to escape; SQLite's LIKE ignores case, a range does not
    const q = db.selectFrom('search_terms').select('term');
    const rows = await (isPostgres(db) ? q.where('term', 'like', `${c.word}%`) : q.where('term', '>=', c.word).where('term', '<', `${c.word}\u{10FFFF}`))
      .orderBy('df', 'desc')
      .orderBy('term')
      .limit(MAX_COMPLETIONS)
      .execute();
    if (rows.length === 0) return null;
    out.push({ kind: 'any', words: rows.map((r) => r.term) });
  }
  return out;
}

/**
 * The newest `limit` indexed articles (any status) holding `word`, straight
 * from the index: one word's share of the candidates for related stories.
 */
export async function newestWithWord(db: Db, word: string, limit: number): Promise<number[]> {
  if (isPostgres(db)) {
    const rows = await db.selectFrom('search_documents').select('article_id').where(sql<SqlBool>`document @@ plainto_tsquery('english', ${word})`).orderBy('article_id', 'desc').limit(limit).execute();
    return rows.map((r) => r.article_id);
  }
  const rows = await db.selectFrom('search_fts').select('rowid').where(sql<SqlBool>`search_fts MATCH ${toFts5Match([{ kind: 'word', word, prefix: false }])}`).orderBy('rowid', 'desc').limit(limit).execute();
  return rows.map((r) => r.rowid);
}

/** Authors for the search form's author filter, by name. */
export async function authorOptions(db: Db): Promise<{ slug: string; name: string }[]> {
  return db.selectFrom('authors').select(['slug', 'name']).orderBy('name').orderBy('slug').limit(500).execute();
}
