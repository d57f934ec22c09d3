import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { ArticleType, Database } from '../../db/schema.js';
import { apiArticleColumns, publicAuthorColumns, visibleArticles } from '../ghost/posts.repository.js';
import type { WpQuery } from './wp.schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface Window {
  limit: number;
  offset: number;
}

const likePattern = (word: string) => `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const POST_ORDER = { date: 'articles.published_at', id: 'articles.id', title: 'articles.title', slug: 'articles.slug', modified: 'articles.updated_at' } as const;

/** Visible posts or pages for /wp/v2/posts and /wp/v2/pages, with the total. */
export async function listWpArticles(db: Db, type: ArticleType, q: WpQuery, win: Window, now: Date) {
  const base = () => {
    let b = visibleArticles(db, type, now);
    const words = (q.search ?? '').split(/\s+/u).filter(Boolean).slice(0, 8);
    for (const word of words) {
      const pattern = likePattern(word);
      b = b.where((eb) => eb.or((['articles.title', 'articles.summary', 'articles.body_html'] as const).map((col) => sql<SqlBool>`lower(coalesce(${sql.ref(col)}, '')) like ${pattern} escape '\\'`)));
    }
    if (q.categories) b = b.where('articles.primary_category_id', 'in', q.categories);
    if (q.tags) {
      const tags = q.tags;
      b = b.where('articles.id', 'in', (eb) => eb.selectFrom('article_tags').select('article_id').where('tag_id', 'in', tags));
    }
    if (q.author) {
      const authors = q.author;
      b = b.where('articles.id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('author_id', 'in', authors));
    }
    if (q.include) b = b.where('articles.id', 'in', q.include);
    if (q.slug) b = b.where('articles.slug', 'in', q.slug);
    return b;
  };
  const orderby = q.orderby && q.orderby in POST_ORDER ? POST_ORDER[q.orderby as keyof typeof POST_ORDER] : POST_ORDER.date;
  const items = base()
    .select(apiArticleColumns)
    .orderBy(orderby, q.order ?? 'desc')
    .orderBy('articles.id', q.order ?? 'desc')
    .limit(win.limit)
    .offset(win.offset);
  const [rows, count] = await Promise.all([items.execute(), base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
  return { rows, total: Number(count.n) };
}

export async function findWpArticle(db: Db, type: ArticleType, id: number, now: Date) {
  return visibleArticles(db, type, now).select(apiArticleColumns).where('articles.id', '=', id).executeTakeFirst();
}

export type WpArticleRow = NonNullable<Awaited<ReturnType<typeof findWpArticle>>>;

/** Categories or tags with their count of visible posts. */
export async function listTerms(db: Db, taxonomy: 'categories' | 'tags', q: WpQuery, win: Window, now: Date) {
  const posts = (eb: any) => {
    const visible = eb.selectFrom('articles').where('articles.status', '=', 'published').where('articles.published_at', '<=', now.toISOString()).where('articles.type', '=', 'post');
    return taxonomy === 'categories'
      ? visible.whereRef('articles.primary_category_id', '=', 'terms.id').select((e: any) => e.fn.countAll().as('n'))
      : visible.innerJoin('article_tags', 'article_tags.article_id', 'articles.id').whereRef('article_tags.tag_id', '=', 'terms.id').select((e: any) => e.fn.countAll().as('n'));
  };
  const base = () => {
    let b = (db as Kysely<any>).selectFrom(`${taxonomy} as terms`);
    if (q.search) b = b.where(sql<SqlBool>`lower(terms.name) like ${likePattern(q.search)} escape '\\'`);
    if (q.slug) b = b.where('terms.slug', 'in', q.slug);
    if (q.include) b = b.where('terms.id', 'in', q.include);
    if (q.post) {
      const ids = q.post;
      b = taxonomy === 'categories'
        ? b.where('terms.id', 'in', (eb: any) => eb.selectFrom('articles').select('articles.primary_category_id').where('articles.id', 'in', ids).where('articles.status', '=', 'published').where('articles.published_at', '<=', now.toISOString()))
        : b.where('terms.id', 'in', (eb: any) => eb.selectFrom('article_tags').innerJoin('articles', 'articles.id', 'article_tags.article_id').select('article_tags.tag_id').where('articles.id', 'in', ids).where('articles.status', '=', 'published').where('articles.published_at', '<=', now.toISOString()));
    }
    if (q.hide_empty === 'true' || q.hide_empty === '1') b = b.where((eb: any) => eb(posts(eb), '>', 0));
    return b;
  };
  const order = q.orderby === 'id' ? 'terms.id' : q.orderby === 'slug' ? 'terms.slug' : 'terms.name';
  const cols = ['terms.id', 'terms.slug', 'terms.name', 'terms.description', ...(taxonomy === 'categories' ? ['terms.parent_id'] : [])];
  const [rows, count] = await Promise.all([
    base()
      .select(cols)
      .select((eb: any) => posts(eb).as('count'))
      .orderBy(order, q.order ?? 'asc')
      .orderBy('terms.id', 'asc')
      .limit(win.limit)
      .offset(win.offset)
      .execute(),
    base().select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as Promise<{ n: number | string }>,
  ]);
  return {
    rows: rows.map((r: any) => ({ id: Number(r.id), slug: String(r.slug), name: String(r.name), description: (r.description ?? null) as string | null, parent_id: (r.parent_id ?? null) as number | null, count: Number(r.count) })),
    total: Number(count.n),
  };
}

export type TermRow = Awaited<ReturnType<typeof listTerms>>['rows'][number];

/** Authors with at least one visible post or page (as WordPress shows only users who have published). */
export async function listWpUsers(db: Db, q: WpQuery, win: Window, now: Date) {
  const base = () => {
    let b = db.selectFrom('authors').where('authors.id', 'in', (eb) =>
      eb
        .selectFrom('article_authors')
        .innerJoin('articles', 'articles.id', 'article_authors.article_id')
        .select('article_authors.author_id')
        .where('articles.status', '=', 'published')
        .where('articles.published_at', '<=', now.toISOString()),
    );
    if (q.search) b = b.where(sql<SqlBool>`lower(authors.name) like ${likePattern(q.search)} escape '\\'`);
    if (q.slug) b = b.where('authors.slug', 'in', q.slug);
    if (q.include) b = b.where('authors.id', 'in', q.include);
    return b;
  };
  const order = q.orderby === 'id' ? 'authors.id' : q.orderby === 'slug' ? 'authors.slug' : 'authors.name';
  const [rows, count] = await Promise.all([
    base().select(publicAuthorColumns).orderBy(order, q.order ?? 'asc').orderBy('authors.id').limit(win.limit).offset(win.offset).execute(),
    base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Approved comments on visible articles; the email, IP hash and user agent are never selected. */
export async function listWpComments(db: Db, q: WpQuery, win: Window, now: Date) {
  const base = () => {
    let b = db
      .selectFrom('comments')
      .innerJoin('articles', 'articles.id', 'comments.article_id')
      .where('comments.status', '=', 'approved')
      .where('articles.status', '=', 'published')
      .where('articles.published_at', '<=', now.toISOString());
    if (q.post) b = b.where('comments.article_id', 'in', q.post);
    if (q.parent) b = b.where((eb) => (q.parent!.includes(0) ? eb.or([eb('comments.parent_id', 'is', null), eb('comments.parent_id', 'in', q.parent!)]) : eb('comments.parent_id', 'in', q.parent!)));
    if (q.include) b = b.where('comments.id', 'in', q.include);
    return b;
  };
  const dir = q.order ?? 'desc';
  const [rows, count] = await Promise.all([
    base()
      .select(['comments.id', 'comments.article_id', 'comments.parent_id', 'comments.author_name', 'comments.author_url', 'comments.body', 'comments.created_at', 'articles.slug as article_slug'])
      .orderBy(q.orderby === 'id' ? 'comments.id' : 'comments.created_at', dir)
      .orderBy('comments.id', dir)
      .limit(win.limit)
      .offset(win.offset)
      .execute(),
    base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type WpCommentRow = Awaited<ReturnType<typeof listWpComments>>['rows'][number];

/** Featured images of visible articles: media id = article id. */
export async function listWpMedia(db: Db, q: WpQuery, win: Window, now: Date) {
  const base = () => {
    let b = db
      .selectFrom('articles')
      .where('articles.status', '=', 'published')
      .where('articles.published_at', '<=', now.toISOString())
      .where('articles.featured_image_url', 'is not', null);
    if (q.parent) b = b.where('articles.id', 'in', q.parent);
    if (q.include) b = b.where('articles.id', 'in', q.include);
    return b;
  };
  const [rows, count] = await Promise.all([
    base().select(apiArticleColumns).orderBy('articles.published_at', q.order ?? 'desc').orderBy('articles.id', 'desc').limit(win.limit).offset(win.offset).execute(),
    base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
