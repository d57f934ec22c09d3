import type { Kysely, Transaction } from 'kysely';
import type { ArticleRow, Database } from '../db/schema.js';
import { filtered, type ListFilter } from '../content/articles.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

export type FeedRow = Pick<
  ArticleRow,
  | 'id' | 'slug' | 'title' | 'dek' | 'summary' | 'kind' | 'body_html' | 'published_at' | 'updated_at' | 'lang'
  | 'primary_category_id' | 'featured_image_url' | 'featured_image_alt' | 'featured_image_caption' | 'featured_image_credit'
  | 'featured_image_width' | 'featured_image_height' | 'source_id' | 'original_url' | 'original_author'
>;

/**
 * The newest `limit` published posts of a list, bodies included. No count:
 * a feed never pages, so a category of 100,000 stories costs one indexed
 * top-N read.
 */
export async function latestForFeed(db: Db, filter: ListFilter, limit: number, now: Date): Promise<FeedRow[]> {
  return filtered(
    db.selectFrom('articles').select([
      'articles.id', 'articles.slug', 'articles.title', 'articles.dek', 'articles.summary', 'articles.kind', 'articles.body_html',
      'articles.published_at', 'articles.updated_at', 'articles.lang', 'articles.primary_category_id',
      'articles.featured_image_url', 'articles.featured_image_alt', 'articles.featured_image_caption', 'articles.featured_image_credit',
      'articles.featured_image_width', 'articles.featured_image_height', 'articles.source_id', 'articles.original_url', 'articles.original_author',
    ]),
    filter,
    now,
  )
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
}

/** Tag names per article, for feed categories. */
export async function tagNamesOf(db: Db, articleIds: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (articleIds.length === 0) return map;
  const rows = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.name'])
    .where('article_tags.article_id', 'in', articleIds)
    .orderBy('tags.name')
    .execute();
  for (const r of rows) map.set(r.article_id, [...(map.get(r.article_id) ?? []), r.name]);
  return map;
}
