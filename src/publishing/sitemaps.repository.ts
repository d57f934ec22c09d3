import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { visible } from '../content/articles.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SitemapArticle {
  id: number;
  slug: string;
  title: string;
  lang: string | null;
  published_at: string | null;
  updated_at: string;
  featured_image_url: string | null;
}

/**
 * Sitemaps list only URLs that are their own canonical: a syndicated story
 * whose source asks for canonical to point at the original is left out, as
 * search engines ask (the rule site.service.ts applies to rel=canonical).
 */
function canonicalHere<O>(qb: SelectQueryBuilder<Database, 'articles', O>) {
  return qb.where((eb) =>
    eb.or([
      eb('articles.original_url', 'is', null),
      eb.not(eb.exists(eb.selectFrom('sources').select('sources.id').whereRef('sources.id', '=', 'articles.source_id').where('sources.canonical_policy', '=', 'original'))),
    ]),
  );
}

const columns = ['articles.id', 'articles.slug', 'articles.title', 'articles.lang', 'articles.published_at', 'articles.updated_at', 'articles.featured_image_url'] as const;

/** One page of what readers can see, oldest id first so that pages stay put as stories are added. */
export async function visibleArticles(db: Db, type: 'post' | 'page', now: Date, page: { limit: number; offset: number }): Promise<SitemapArticle[]> {
  return canonicalHere(visible(db.selectFrom('articles').select(columns), now)).where('articles.type', '=', type).orderBy('articles.id').limit(page.limit).offset(page.offset).execute();
}

/**
 * Per page of `pageSize` (ids ascending), the newest update in it: the
 * sitemap index's entries, in one scan whatever the number of pages.
 */
export async function articlePages(db: Db, type: 'post' | 'page', now: Date, pageSize: number): Promise<string[]> {
  const numbered = canonicalHere(visible(
    db.selectFrom('articles').select((eb) => ['articles.updated_at', sql<number>`row_number() over (order by ${eb.ref('articles.id')})`.as('rn')]),
    now,
  )).where('articles.type', '=', type);
  const rows = await db
    .selectFrom(numbered.as('n'))
    .select((eb) => [sql<number>`(${eb.ref('n.rn')} - 1) / ${sql.lit(pageSize)}`.as('page'), eb.fn.max('n.updated_at').as('lastmod')])
    .groupBy(sql`(n.rn - 1) / ${sql.lit(pageSize)}`)
    .orderBy(sql`(n.rn - 1) / ${sql.lit(pageSize)}`)
    .execute();
  return rows.map((r) => String(r.lastmod));
}

/** Published stories of the last hours, newest first, for the news sitemap (Google reads at most 1,000). */
export async function recentPosts(db: Db, since: Date, now: Date): Promise<SitemapArticle[]> {
  return canonicalHere(visible(db.selectFrom('articles').select(columns), now))
    .where('articles.type', '=', 'post')
    .where('articles.published_at', '>=', since.toISOString())
    .orderBy('articles.published_at', 'desc')
    .limit(1000)
    .execute();
}

/** Per list (category, tag, author, series), the newest update among its visible stories; lists without any are left out. */
export async function listLastmods(db: Db, kind: 'category' | 'tag' | 'author' | 'series', now: Date): Promise<Map<number, string>> {
  const base = () => visible(db.selectFrom('articles'), now).where('articles.type', '=', 'post');
  let rows: { key: number | null; lastmod: string | null }[];
  if (kind === 'category') {
    rows = await base().select((eb) => ['articles.primary_category_id as key', eb.fn.max('articles.updated_at').as('lastmod')]).groupBy('articles.primary_category_id').execute();
  } else if (kind === 'series') {
    rows = await base().where('articles.series_id', 'is not', null).select((eb) => ['articles.series_id as key', eb.fn.max('articles.updated_at').as('lastmod')]).groupBy('articles.series_id').execute();
  } else if (kind === 'tag') {
    rows = await base()
      .innerJoin('article_tags', 'article_tags.article_id', 'articles.id')
      .select((eb) => ['article_tags.tag_id as key', eb.fn.max('articles.updated_at').as('lastmod')])
      .groupBy('article_tags.tag_id')
      .execute();
  } else {
    rows = await base()
      .innerJoin('article_authors', 'article_authors.article_id', 'articles.id')
      .select((eb) => ['article_authors.author_id as key', eb.fn.max('articles.updated_at').as('lastmod')])
      .groupBy('article_authors.author_id')
      .execute();
  }
  const map = new Map<number, string>();
  for (const r of rows) if (r.key != null && r.lastmod) map.set(Number(r.key), String(r.lastmod));
  return map;
}

/** Slugs and names of every tag, author and series, for the list sitemaps. */
export async function listSlugs(db: Db, kind: 'tag' | 'author' | 'series'): Promise<{ id: number; slug: string }[]> {
  if (kind === 'tag') return db.selectFrom('tags').select(['id', 'slug']).orderBy('id').execute();
  if (kind === 'author') return db.selectFrom('authors').select(['id', 'slug']).orderBy('id').execute();
  return db.selectFrom('series').select(['id', 'slug']).orderBy('id').execute();
}

/** When the newest visible story last changed; null on an empty site. */
export async function newestPostUpdate(db: Db, now: Date): Promise<string | null> {
  const row = await visible(db.selectFrom('articles').select((eb) => eb.fn.max('articles.updated_at').as('t')), now).where('articles.type', '=', 'post').executeTakeFirst();
  return row?.t ? String(row.t) : null;
}
