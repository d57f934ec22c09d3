import type { Kysely } from 'kysely';
import type { ArticleType, Database } from '../../db/schema.js';
import { allCategories } from '../../content/taxonomy.repository.js';
import { loadSettings } from '../../content/settings.js';
import { ApiError } from '../api-error.js';
import { siteUrls } from '../api-urls.js';
import { fromGhostId } from './ghost-id.js';
import { MAX_ALL, pagination, parseBrowseParams, type BrowseParams, type ResourceSpec } from './ghost.schema.js';
import { AUTHOR_FIELDS, POST_FIELDS, TAG_FIELDS, pickFields, postTags, presentAuthor, presentPost, presentSettings, presentTag } from './ghost.presenter.js';
import { authorsOf } from '../../content/articles.repository.js';
import { browseArticles, postOrderFields, readArticle, tagsOfArticles, type ApiArticleRow } from './posts.repository.js';
import { authorOrderFields, browseAuthors, browseTags, CATEGORY, countPostsByAuthor, countPostsByTag, readAuthor, readTag, tagOrderFields } from './tags-authors.repository.js';

export interface GhostContext {
  db: Kysely<Database>;
  now: Date;
  baseUrl: string;
}

const PUBLISHED_DESC = [{ field: 'published_at', dir: 'desc' as const }];
export const SPECS = {
  posts: { name: 'posts', includes: ['tags', 'authors'], fields: POST_FIELDS, orderFields: postOrderFields, defaultOrder: PUBLISHED_DESC },
  pages: { name: 'pages', includes: ['tags', 'authors'], fields: POST_FIELDS, orderFields: postOrderFields, defaultOrder: PUBLISHED_DESC },
  tags: { name: 'tags', includes: ['count.posts'], fields: TAG_FIELDS, orderFields: tagOrderFields, defaultOrder: [{ field: 'name', dir: 'asc' as const }] },
  authors: { name: 'authors', includes: ['count.posts'], fields: AUTHOR_FIELDS, orderFields: authorOrderFields, defaultOrder: [{ field: 'name', dir: 'asc' as const }] },
} satisfies Record<string, ResourceSpec>;

const window = (p: BrowseParams) => (p.limit === 'all' ? { limit: MAX_ALL, offset: 0 } : { limit: p.limit, offset: (p.page - 1) * p.limit });

const notFound = (what: string) => new ApiError('NOT_FOUND', `${what} not found.`, 'NotFoundError');

async function presentArticles(ctx: GhostContext, rows: (ApiArticleRow & { canonical_policy: string | null })[], p: BrowseParams) {
  const categories = await allCategories(ctx.db);
  const urls = siteUrls(ctx.baseUrl, categories);
  const ids = rows.map((r) => r.id);
  const [tags, authors] = await Promise.all([p.include.has('tags') ? tagsOfArticles(ctx.db, ids) : undefined, p.include.has('authors') ? authorsOf(ctx.db, ids) : undefined]);
  const keep = [...p.include];
  return rows.map((r) =>
    pickFields(
      presentPost(r, urls, p.formats, {
        tags: tags && postTags(r, categories, tags.get(r.id) ?? [], urls),
        authors: authors && (authors.get(r.id) ?? []).map((a) => presentAuthor(a, urls)),
      }),
      p.fields,
      keep.flatMap((k) => [k, k === 'tags' ? 'primary_tag' : 'primary_author']),
    ),
  );
}

export async function browseArticlesAction(ctx: GhostContext, type: ArticleType, query: unknown) {
  const p = parseBrowseParams(query, type === 'post' ? SPECS.posts : SPECS.pages);
  const { rows, total } = await browseArticles(ctx.db, { type, filter: p.filter, order: p.order, ...window(p) }, ctx.now);
  return { [type === 'post' ? 'posts' : 'pages']: await presentArticles(ctx, rows, p), meta: { pagination: pagination(p.page, p.limit, total) } };
}

export async function readArticleAction(ctx: GhostContext, type: ArticleType, by: { ghostId: string } | { slug: string }, query: unknown) {
  const p = parseBrowseParams(query, type === 'post' ? SPECS.posts : SPECS.pages);
  const label = type === 'post' ? 'Post' : 'Page';
  let row;
  if ('ghostId' in by) {
    const id = fromGhostId('article', by.ghostId);
    row = id === undefined ? undefined : await readArticle(ctx.db, type, { id }, ctx.now);
  } else row = await readArticle(ctx.db, type, by, ctx.now);
  if (!row) throw notFound(label);
  return { [type === 'post' ? 'posts' : 'pages']: await presentArticles(ctx, [row], p) };
}

export async function browseTagsAction(ctx: GhostContext, query: unknown, by?: { ghostId: string } | { slug: string }) {
  const p = parseBrowseParams(query, SPECS.tags);
  const categories = await allCategories(ctx.db);
  const urls = siteUrls(ctx.baseUrl, categories);
  let rows, total;
  if (by) {
    const row = await readTag(ctx.db, by);
    if (!row) throw notFound('Tag');
    rows = [row];
    total = 1;
  } else ({ rows, total } = await browseTags(ctx.db, { filter: p.filter, order: p.order, ...window(p) }));
  const counts = p.include.has('count.posts') ? await countPostsByTag(ctx.db, ctx.now) : undefined;
  const tags = rows.map((t) => pickFields(presentTag(t, urls, counts && ((t.kind === CATEGORY ? counts.categories : counts.tags).get(t.id) ?? 0)), p.fields, p.include.has('count.posts') ? ['count'] : []));
  return by ? { tags } : { tags, meta: { pagination: pagination(p.page, p.limit, total) } };
}

export async function browseAuthorsAction(ctx: GhostContext, query: unknown, by?: { ghostId: string } | { slug: string }) {
  const p = parseBrowseParams(query, SPECS.authors);
  const urls = siteUrls(ctx.baseUrl, []);
  let rows, total;
  if (by) {
    const id = 'ghostId' in by ? fromGhostId('author', by.ghostId) : undefined;
    const row = 'slug' in by ? await readAuthor(ctx.db, by, ctx.now) : id === undefined ? undefined : await readAuthor(ctx.db, { id }, ctx.now);
    if (!row) throw notFound('Author');
    rows = [row];
    total = 1;
  } else ({ rows, total } = await browseAuthors(ctx.db, { filter: p.filter, order: p.order, ...window(p) }, ctx.now));
  const counts = p.include.has('count.posts') ? await countPostsByAuthor(ctx.db, ctx.now) : undefined;
  const authors = rows.map((a) => pickFields(presentAuthor(a, urls, counts && (counts.get(a.id) ?? 0)), p.fields, p.include.has('count.posts') ? ['count'] : []));
  return by ? { authors } : { authors, meta: { pagination: pagination(p.page, p.limit, total) } };
}

export async function settingsAction(ctx: GhostContext) {
  const settings = await loadSettings(ctx.db);
  return { settings: presentSettings(settings, siteUrls(ctx.baseUrl, [])), meta: {} };
}
