import type { Kysely } from 'kysely';
import type { ArticleType, Database } from '../../db/schema.js';
import { ApiError } from '../api-error.js';
import { authorsOf } from '../../content/articles.repository.js';
import { tagsOfArticles } from '../ghost/posts.repository.js';
import { presentWpArticle, presentWpComment, presentWpMedia, presentWpTerm, presentWpUser, type ArticleRelations, type WpContext } from './wp.presenter.js';
import { findWpArticle, listTerms, listWpArticles, listWpComments, listWpMedia, listWpUsers, type WpArticleRow } from './wp.repository.js';
import { parseWpQuery, type WpQuery } from './wp.schema.js';

export interface WpRequest {
  db: Kysely<Database>;
  now: Date;
  ctx: WpContext;
}

/** A list and its totals, for the X-WP-Total and X-WP-TotalPages headers. */
export interface WpList {
  items: unknown[];
  total: number;
  pages: number;
  page: number;
  perPage: number;
}

const notFound = (code: string, message: string) => new ApiError('NOT_FOUND', message, code);

function windowOf(q: WpQuery) {
  const perPage = q.per_page ?? 10;
  const page = q.page ?? 1;
  return { perPage, page, win: { limit: perPage, offset: (page - 1) * perPage } };
}

function finish(items: unknown[], total: number, page: number, perPage: number): WpList {
  const pages = Math.ceil(total / perPage);
  if (page > 1 && page > pages) throw new ApiError('BAD_REQUEST', 'The page number requested is larger than the number of pages available.', 'rest_post_invalid_page_number');
  return { items, total, pages, page, perPage };
}

async function relationsOf(r: WpRequest, rows: WpArticleRow[]): Promise<(row: WpArticleRow) => ArticleRelations> {
  const ids = rows.map((x) => x.id);
  const [authors, tags] = await Promise.all([authorsOf(r.db, ids), tagsOfArticles(r.db, ids)]);
  return (row) => ({ authorIds: (authors.get(row.id) ?? []).map((a) => a.id), tagIds: (tags.get(row.id) ?? []).map((t) => t.id) });
}

/** `_embedded` for articles: authors, featured image, and terms (categories, then tags). */
async function embedArticles(r: WpRequest, rows: WpArticleRow[], rel: (row: WpArticleRow) => ArticleRelations) {
  const rels = rows.map(rel);
  const all = { limit: 1000, offset: 0 };
  const userIds = [...new Set(rels.flatMap((x) => x.authorIds))];
  const catIds = [...new Set(rows.map((x) => x.primary_category_id).filter((x): x is number => x != null))];
  const tagIds = [...new Set(rels.flatMap((x) => x.tagIds))];
  const [users, cats, tags] = await Promise.all([
    userIds.length ? listWpUsers(r.db, { include: userIds, embed: false }, all, r.now) : { rows: [] },
    catIds.length ? listTerms(r.db, 'categories', { include: catIds, embed: false }, all, r.now) : { rows: [] },
    tagIds.length ? listTerms(r.db, 'tags', { include: tagIds, embed: false }, all, r.now) : { rows: [] },
  ]);
  const user = new Map(users.rows.map((u) => [u.id, presentWpUser(u, r.ctx)]));
  const cat = new Map(cats.rows.map((t) => [t.id, presentWpTerm(t, 'categories', r.ctx)]));
  const tag = new Map(tags.rows.map((t) => [t.id, presentWpTerm(t, 'tags', r.ctx)]));
  return (row: WpArticleRow, i: number) => {
    const x = rels[i]!;
    const embedded: Record<string, unknown> = { author: x.authorIds.map((id) => user.get(id)).filter(Boolean) };
    if (row.featured_image_url) embedded['wp:featuredmedia'] = [presentWpMedia(row, x, r.ctx)];
    if (row.type === 'post') embedded['wp:term'] = [row.primary_category_id != null && cat.has(row.primary_category_id) ? [cat.get(row.primary_category_id)] : [], x.tagIds.map((id) => tag.get(id)).filter(Boolean)];
    return embedded;
  };
}

async function presentArticles(r: WpRequest, rows: WpArticleRow[], embed: boolean) {
  const rel = await relationsOf(r, rows);
  const embedded = embed ? await embedArticles(r, rows, rel) : undefined;
  return rows.map((row, i) => ({ ...presentWpArticle(row, rel(row), r.ctx), ...(embedded ? { _embedded: embedded(row, i) } : {}) }));
}

export async function listArticlesAction(r: WpRequest, type: ArticleType, query: unknown): Promise<WpList> {
  const q = parseWpQuery(query, ['page', 'per_page', 'search', 'categories', 'tags', 'author', 'include', 'slug', 'order', 'orderby']);
  const { perPage, page, win } = windowOf(q);
  const { rows, total } = await listWpArticles(r.db, type, q, win, r.now);
  return finish(await presentArticles(r, rows, q.embed), total, page, perPage);
}

export async function readArticleAction(r: WpRequest, type: ArticleType, id: number, query: unknown) {
  const q = parseWpQuery(query, []);
  const row = await findWpArticle(r.db, type, id, r.now);
  if (!row) throw notFound('rest_post_invalid_id', 'Invalid post ID.');
  return (await presentArticles(r, [row], q.embed))[0];
}

type Window = ReturnType<typeof windowOf>['win'];

/**
 * A collection that also answers `/:id`: the same query narrowed to that id,
 * giving one item (or WordPress's 404 with `missing`) instead of a list.
 */
async function listOrItem<Row>(
  r: WpRequest,
  query: unknown,
  id: number | undefined,
  options: {
    params: Parameters<typeof parseWpQuery>[1];
    list: (q: WpQuery, win: Window) => Promise<{ rows: Row[]; total: number }>;
    /** Makes the presenter for these rows (some load what the rows relate to first). */
    present: (rows: Row[]) => ((row: Row) => unknown) | Promise<(row: Row) => unknown>;
    missing: [code: string, message: string];
  },
) {
  const q = parseWpQuery(query, options.params);
  const { perPage, page, win } = windowOf(q);
  const { rows, total } = await options.list(id === undefined ? q : { include: [id], embed: false }, win);
  const present = await options.present(rows);
  if (id !== undefined) {
    if (!rows[0]) throw notFound(...options.missing);
    return present(rows[0]);
  }
  return finish(rows.map(present), total, page, perPage);
}

export function listTermsAction(r: WpRequest, taxonomy: 'categories' | 'tags', query: unknown, id?: number) {
  return listOrItem(r, query, id, {
    params: ['page', 'per_page', 'search', 'include', 'slug', 'order', 'orderby', 'post', 'hide_empty'],
    list: (q, win) => listTerms(r.db, taxonomy, q, win, r.now),
    present: () => (t) => presentWpTerm(t, taxonomy, r.ctx),
    missing: ['rest_term_invalid', 'Term does not exist.'],
  });
}

export function listUsersAction(r: WpRequest, query: unknown, id?: number) {
  return listOrItem(r, query, id, {
    params: ['page', 'per_page', 'search', 'include', 'slug', 'order', 'orderby'],
    list: (q, win) => listWpUsers(r.db, q, win, r.now),
    present: () => (u) => presentWpUser(u, r.ctx),
    missing: ['rest_user_invalid_id', 'Invalid user ID.'],
  });
}

export function listCommentsAction(r: WpRequest, query: unknown, id?: number) {
  return listOrItem(r, query, id, {
    params: ['page', 'per_page', 'post', 'parent', 'include', 'order', 'orderby'],
    list: (q, win) => listWpComments(r.db, q, win, r.now),
    present: () => (c) => presentWpComment(c, r.ctx),
    missing: ['rest_comment_invalid_id', 'Invalid comment ID.'],
  });
}

export function listMediaAction(r: WpRequest, query: unknown, id?: number) {
  return listOrItem(r, query, id, {
    params: ['page', 'per_page', 'parent', 'include', 'order'],
    list: (q, win) => listWpMedia(r.db, q, win, r.now),
    present: async (rows) => {
      const rel = await relationsOf(r, rows);
      return (m) => presentWpMedia(m, rel(m), r.ctx);
    },
    missing: ['rest_post_invalid_id', 'Invalid post ID.'],
  });
}
