import type { Kysely, Transaction } from 'kysely';
import type { ArticleType, Database } from '../../db/schema.js';
import type { FilterNode } from './nql.js';
import { compileFilter } from './ghost-filter.js';
import { postFilterFields } from './posts.filter.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The article columns the APIs may show: no body source, no status, nothing private. */
export const apiArticleColumns = [
  'articles.id',
  'articles.type',
  'articles.slug',
  'articles.title',
  'articles.dek',
  'articles.excerpt',
  'articles.summary',
  'articles.body_html',
  'articles.published_at',
  'articles.created_at',
  'articles.updated_at',
  'articles.lang',
  'articles.featured',
  'articles.featured_image_url',
  'articles.featured_image_alt',
  'articles.featured_image_caption',
  'articles.featured_image_width',
  'articles.featured_image_height',
  'articles.original_url',
  'articles.comments_enabled',
  'articles.primary_category_id',
  'articles.source_id',
] as const;

/** Published and due, of one type: all the APIs ever show. */
export function visibleArticles(db: Db, type: ArticleType, now: Date) {
  return db.selectFrom('articles').where('articles.status', '=', 'published').where('articles.published_at', '<=', now.toISOString()).where('articles.type', '=', type);
}

const ORDER_COLUMNS = { published_at: 'articles.published_at', updated_at: 'articles.updated_at', created_at: 'articles.created_at', title: 'articles.title', slug: 'articles.slug', featured: 'articles.featured', id: 'articles.id' } as const;
export const postOrderFields = Object.keys(ORDER_COLUMNS);

export interface PostQuery {
  type: ArticleType;
  filter?: FilterNode;
  order: { field: string; dir: 'asc' | 'desc' }[];
  limit: number;
  offset: number;
}

/** A page of visible posts or pages matching a Ghost filter, with the total. */
export async function browseArticles(db: Db, q: PostQuery, now: Date) {
  const where = q.filter ? compileFilter(q.filter, postFilterFields, q.type === 'post' ? 'posts' : 'pages') : undefined;
  const base = () => {
    const b = visibleArticles(db, q.type, now);
    return where ? b.where(where) : b;
  };
  let items = base().leftJoin('sources', 'sources.id', 'articles.source_id').select([...apiArticleColumns, 'sources.canonical_policy']);
  for (const o of q.order) items = items.orderBy(ORDER_COLUMNS[o.field as keyof typeof ORDER_COLUMNS], o.dir);
  items = items.orderBy('articles.id', 'desc');
  const [rows, count] = await Promise.all([items.limit(q.limit).offset(q.offset).execute(), base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
  return { rows, total: Number(count.n) };
}

export async function readArticle(db: Db, type: ArticleType, by: { id: number } | { slug: string }, now: Date) {
  let q = visibleArticles(db, type, now).leftJoin('sources', 'sources.id', 'articles.source_id').select([...apiArticleColumns, 'sources.canonical_policy']);
  q = 'id' in by ? q.where('articles.id', '=', by.id) : q.where('articles.slug', '=', by.slug);
  return q.executeTakeFirst();
}

export type ApiArticleRow = NonNullable<Awaited<ReturnType<typeof readArticle>>>;

/** What the APIs show of an author: never the email. */
export const publicAuthorColumns = ['authors.id', 'authors.slug', 'authors.name', 'authors.credentials', 'authors.bio', 'authors.website'] as const;

/** Tags of several articles, by name. */
export async function tagsOfArticles(db: Db, ids: number[]) {
  const map = new Map<number, { id: number; slug: string; name: string; description: string | null }[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.id', 'tags.slug', 'tags.name', 'tags.description'])
    .where('article_tags.article_id', 'in', ids)
    .orderBy('tags.name')
    .orderBy('tags.id')
    .execute();
  for (const { article_id, ...t } of rows) map.set(article_id, [...(map.get(article_id) ?? []), t]);
  return map;
}
