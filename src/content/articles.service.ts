import { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import { inTransaction } from '../db/transaction.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../clock.js';
import { renderMarkdown, sanitize, stripControlChars, textFromHtml, truncateWords, type SanitizedHtml } from './html.js';
import { isSlug, slugify, uniqueSlug } from './slug.js';
import { slugTaken } from './articles.repository.js';
import { reindexArticle } from '../search/search-index.repository.js';

const text = (max: number) => z.string().transform(stripControlChars).pipe(z.string().trim().max(max));
const optionalText = (max: number) => text(max).nullish().transform((v) => (v ? v : null));
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'http:' || p === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');
const imageUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => (u.startsWith('/') && !u.startsWith('//')) || /^https?:\/\//i.test(u), 'must be a site path or an http(s) URL');
const isoTime = z.union([z.date(), z.string().datetime({ offset: true })]).transform((v) => new Date(v).toISOString());

/** What a new article may carry; the admin, importers and the demo all come through here. */
export const articleInputSchema = z
  .object({
    type: z.enum(['post', 'page']).default('post'),
    slug: z.string().trim().max(190).optional(),
    title: text(500).pipe(z.string().min(1, 'a title is required')),
    dek: optionalText(1000),
    excerpt: optionalText(2000),
    kind: z.enum(['news', 'opinion', 'review', 'analysis']).default('news'),
    bodyFormat: z.enum(['markdown', 'html']).default('markdown'),
    body: z.string().max(2_000_000, 'the body is longer than 2 MB').transform(stripControlChars),
    status: z.enum(['draft', 'pending', 'scheduled', 'published', 'trash']).default('draft'),
    publishedAt: isoTime.nullish(),
    updatedAt: isoTime.nullish(),
    lang: z.string().trim().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'language must be a tag such as en or ar').nullish(),
    dir: z.enum(['ltr', 'rtl']).nullish(),
    categoryId: z.number().int().positive().nullish(),
    featured: z.boolean().default(false),
    image: z
      .object({
        url: imageUrl,
        alt: text(1000),
        caption: optionalText(1000),
        credit: optionalText(500),
        width: z.number().int().positive().max(20000).nullish(),
        height: z.number().int().positive().max(20000).nullish(),
      })
      .nullish(),
    sourceId: z.number().int().positive().nullish(),
    originalUrl: httpUrl.nullish(),
    originalAuthor: optionalText(300),
    seriesId: z.number().int().positive().nullish(),
    seriesPart: z.number().int().min(1).max(1000).nullish(),
    commentsEnabled: z.boolean().default(true),
    authorIds: z.array(z.number().int().positive()).max(20).default([]),
    tagIds: z.array(z.number().int().positive()).max(100).default([]),
  })
  .refine((a) => a.slug === undefined || a.slug === '' || isSlug(a.slug), { path: ['slug'], message: 'a slug may hold only lower-case letters, digits and single hyphens' });

export type ArticleInput = z.input<typeof articleInputSchema>;

/** The teaser text kept in `summary`: the excerpt, else the body's opening. */
export function summaryFor(excerpt: string | null, bodyHtml: string): string {
  if (excerpt) return textFromHtml(excerpt);
  return truncateWords(textFromHtml(bodyHtml), 300);
}

export type ParsedArticleInput = z.output<typeof articleInputSchema>;

/** The body as stored: Markdown rendered, and either way sanitized. */
export function renderBody(a: Pick<ParsedArticleInput, 'bodyFormat' | 'body'>): SanitizedHtml {
  return a.bodyFormat === 'markdown' ? renderMarkdown(a.body) : sanitize(a.body);
}

/**
 * The columns an article's input sets, other than its slug, times and
 * featured image: shared by createArticle and the admin editor's saves.
 */
export function articleContentColumns(a: ParsedArticleInput, bodyHtml: SanitizedHtml) {
  return {
    type: a.type,
    title: a.title,
    dek: a.dek,
    excerpt: a.excerpt,
    summary: summaryFor(a.excerpt, bodyHtml),
    kind: a.kind,
    body_format: a.bodyFormat,
    body_source: a.body,
    body_html: bodyHtml,
    status: a.status,
    lang: a.lang ?? null,
    dir: a.dir ?? null,
    primary_category_id: a.categoryId ?? null,
    featured: a.featured ? 1 : 0,
    source_id: a.sourceId ?? null,
    original_url: a.originalUrl ?? null,
    original_author: a.originalAuthor,
    series_id: a.seriesId ?? null,
    series_part: a.seriesPart ?? null,
    comments_enabled: a.commentsEnabled ? 1 : 0,
  };
}

/**
 * Validates, renders and stores a new article with its authors and tags, in
 * one transaction. Returns its id and slug. Throws a ZodError on bad input.
 */
export async function createArticle(db: Kysely<Database> | Transaction<Database>, input: ArticleInput, clock: Clock): Promise<{ id: number; slug: string }> {
  const a = articleInputSchema.parse(input);
  const now = clock.now().toISOString();
  const bodyHtml = renderBody(a);
  const publishedAt = a.publishedAt ?? (a.status === 'published' ? now : null);
  return inTransaction(db, async (trx) => {
    const slug = await uniqueSlug(a.slug || slugify(a.title), (s) => slugTaken(trx, s));
    const { id } = await trx
      .insertInto('articles')
      .values({
        ...articleContentColumns(a, bodyHtml),
        slug,
        published_at: publishedAt,
        created_at: now,
        updated_at: a.updatedAt ?? publishedAt ?? now,
        featured_image_url: a.image?.url ?? null,
        featured_image_alt: a.image?.alt ?? null,
        featured_image_caption: a.image?.caption ?? null,
        featured_image_credit: a.image?.credit ?? null,
        featured_image_width: a.image?.width ?? null,
        featured_image_height: a.image?.height ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const authorIds = [...new Set(a.authorIds)];
    if (authorIds.length) {
      await trx
        .insertInto('article_authors')
        .values(authorIds.map((authorId, position) => ({ article_id: id, author_id: authorId, position })))
        .execute();
    }
    const tagIds = [...new Set(a.tagIds)];
    if (tagIds.length) {
      await trx.insertInto('article_tags').values(tagIds.map((tagId) => ({ article_id: id, tag_id: tagId }))).execute();
    }
    // searchable from the moment it exists, or not at all if this transaction fails
    await reindexArticle(trx, id, clock.now());
    return { id, slug };
  });
}
