import type { Kysely, Transaction, SelectQueryBuilder } from 'kysely';
import type { ArticleRow, Database } from '../db/schema.js';
import { prepared, slot, slots } from '../db/prepared.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The columns a teaser (list entry, Check Also box) needs: no body. */
export const teaserColumns = [
  'articles.id',
  'articles.type',
  'articles.slug',
  'articles.title',
  'articles.dek',
  'articles.summary',
  'articles.kind',
  'articles.published_at',
  'articles.updated_at',
  'articles.lang',
  'articles.dir',
  'articles.primary_category_id',
  'articles.featured',
  'articles.featured_image_url',
  'articles.featured_image_alt',
  'articles.featured_image_width',
  'articles.featured_image_height',
  'articles.featured_image_srcset',
  'articles.series_id',
  'articles.series_part',
  'articles.source_id',
] as const;

export type TeaserRow = Pick<ArticleRow, 'id' | 'type' | 'slug' | 'title' | 'dek' | 'summary' | 'kind' | 'published_at' | 'updated_at' | 'lang' | 'dir' | 'primary_category_id' | 'featured' | 'featured_image_url' | 'featured_image_alt' | 'featured_image_width' | 'featured_image_height' | 'featured_image_srcset' | 'series_id' | 'series_part' | 'source_id'>;

export interface ListFilter {
  /** Only stories in these categories. */
  categoryIds?: number[];
  tagId?: number;
  authorId?: number;
  seriesId?: number;
  excludeIds?: number[];
  /** Only posts (the default) or only pages. */
  type?: 'post' | 'page';
}

/** Published and due: what readers may see at `now`. */
export function visible<O>(qb: SelectQueryBuilder<Database, 'articles', O>, now: Date) {
  return qb.where('articles.status', '=', 'published').where('articles.published_at', '<=', now.toISOString());
}

/** `visible` narrowed to one list: a category tree, tag, author or series. */
export function filtered<O>(qb: SelectQueryBuilder<Database, 'articles', O>, filter: ListFilter, now: Date) {
  let q = visible(qb, now).where('articles.type', '=', filter.type ?? 'post');
  if (filter.categoryIds) {
    if (filter.categoryIds.length === 0) return q.where((eb) => eb.val(1), '=', 0);
    q = q.where('articles.primary_category_id', 'in', filter.categoryIds);
  }
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    q = q.where('articles.id', 'in', (eb) => eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId));
  }
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId;
    q = q.where('articles.id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId));
  }
  if (filter.seriesId !== undefined) q = q.where('articles.series_id', '=', filter.seriesId);
  if (filter.excludeIds?.length) q = q.where('articles.id', 'not in', filter.excludeIds);
  return q;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * Newest first (series: by part), with the total for pagination unless
 * `withTotal` is false (counting a large archive costs more than the page).
 */
export async function listPublished(
  db: Db,
  filter: ListFilter,
  page: { limit: number; offset: number; withTotal?: boolean },
  now: Date,
): Promise<Page<TeaserRow>> {
  let q = filtered(db.selectFrom('articles').select(teaserColumns), filter, now);
  q = filter.seriesId !== undefined
    ? q.orderBy('articles.series_part', 'asc').orderBy('articles.published_at', 'asc')
    : q.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc');
  if (page.withTotal === false) {
    const items = await q.limit(page.limit).offset(page.offset).execute();
    return { items, total: page.offset + items.length };
  }
  const [items, count] = await Promise.all([
    q.limit(page.limit).offset(page.offset).execute(),
    filtered(db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')), filter, now).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The newest featured story, or else the newest story: the home page's lead. */
export async function findLeadStory(db: Db, now: Date): Promise<TeaserRow | undefined> {
  const featured = await visible(db.selectFrom('articles').select(teaserColumns), now)
    .where('articles.type', '=', 'post')
    .where('articles.featured', '=', 1)
    .orderBy('articles.published_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (featured) return featured;
  return visible(db.selectFrom('articles').select(teaserColumns), now)
    .where('articles.type', '=', 'post')
    .orderBy('articles.published_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const publishedBySlug = prepared<{ now: string; slug: string }, ArticleRow>((db) =>
  db
    .selectFrom('articles')
    .selectAll()
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', slot<string>('now'))
    .where('articles.slug', '=', slot<string>('slug')),
);

export async function findPublishedBySlug(db: Db, slug: string, now: Date): Promise<ArticleRow | undefined> {
  return publishedBySlug.first(db, { now: now.toISOString(), slug });
}

export interface BylineAuthor {
  article_id: number;
  id: number;
  slug: string;
  name: string;
  credentials: string | null;
  bio: string | null;
  website: string | null;
}

/** Authors of several articles at once, in byline order. */
const authorsOfArticles = prepared<{ ids: number[] }, BylineAuthor & { article_id: number }>(
  (db, n) =>
    db
      .selectFrom('article_authors')
      .innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .select(['article_authors.article_id', 'authors.id', 'authors.slug', 'authors.name', 'authors.credentials', 'authors.bio', 'authors.website'])
      .where('article_authors.article_id', 'in', slots<number>('ids', n))
      .orderBy('article_authors.article_id')
      .orderBy('article_authors.position'),
  'ids',
);

export async function authorsOf(db: Db, articleIds: number[]): Promise<Map<number, BylineAuthor[]>> {
  const map = new Map<number, BylineAuthor[]>();
  if (articleIds.length === 0) return map;
  const rows = await authorsOfArticles.all(db, { ids: articleIds });
  for (const row of rows) {
    const list = map.get(row.article_id) ?? [];
    list.push(row);
    map.set(row.article_id, list);
  }
  return map;
}

const tagsOfArticle = prepared<{ id: number }, { id: number; slug: string; name: string }>((db) =>
  db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['tags.id', 'tags.slug', 'tags.name'])
    .where('article_tags.article_id', '=', slot<number>('id'))
    .orderBy('tags.name'),
);

export async function tagsOf(db: Db, articleId: number): Promise<{ id: number; slug: string; name: string }[]> {
  return tagsOfArticle.all(db, { id: articleId });
}

/** The published parts of a series, in order. */
export async function seriesParts(db: Db, seriesId: number, now: Date): Promise<TeaserRow[]> {
  return visible(db.selectFrom('articles').select(teaserColumns), now)
    .where('articles.series_id', '=', seriesId)
    .orderBy('articles.series_part', 'asc')
    .orderBy('articles.published_at', 'asc')
    .execute();
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const row = await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}
