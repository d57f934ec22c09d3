import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ChangeEvent } from '../../events.js';
import { allCategories } from '../../content/taxonomy.repository.js';
import { siteUrls } from '../api-urls.js';
import { authorsOf } from '../../content/articles.repository.js';
import { readArticle } from '../ghost/posts.repository.js';
import type { WebhookEvent } from './webhooks.schema.js';

/**
 * The `data` of a webhook body, or undefined when there is nothing public to
 * say: an "updated" draft or a comment that is not (or no longer) approved on
 * a visible story is never announced.
 */
export async function payloadData(db: Kysely<Database>, event: ChangeEvent & { kind: WebhookEvent }, baseUrl: string, now: Date): Promise<Record<string, unknown> | undefined> {
  const urls = siteUrls(baseUrl, await allCategories(db));
  if (event.kind === 'comment.approved') {
    if (event.commentId === undefined) return undefined;
    const c = await db
      .selectFrom('comments')
      .innerJoin('articles', 'articles.id', 'comments.article_id')
      // public columns only: never the email, IP hash or user agent
      .select(['comments.id', 'comments.parent_id', 'comments.author_name', 'comments.author_url', 'comments.body', 'comments.created_at', 'articles.id as article_id', 'articles.slug as article_slug', 'articles.title as article_title'])
      .where('comments.id', '=', event.commentId)
      .where('comments.status', '=', 'approved')
      .where('articles.status', '=', 'published')
      .where('articles.published_at', '<=', now.toISOString())
      .executeTakeFirst();
    if (!c) return undefined;
    const url = urls.article(c.article_slug);
    return {
      comment: { id: c.id, parent_id: c.parent_id, author_name: c.author_name, author_url: c.author_url, body: c.body, created_at: c.created_at, url: `${url}#comment-${c.id}` },
      article: { id: c.article_id, slug: c.article_slug, title: c.article_title, url },
    };
  }
  if (event.articleId === undefined) return undefined;
  if (event.kind === 'article.unpublished') {
    // the story is no longer public: only what identifies it
    const row = await db.selectFrom('articles').select(['id', 'slug', 'type']).where('id', '=', event.articleId).executeTakeFirst();
    return { article: { id: event.articleId, slug: row?.slug ?? null, type: row?.type ?? null } };
  }
  const row = (await readArticle(db, 'post', { id: event.articleId }, now)) ?? (await readArticle(db, 'page', { id: event.articleId }, now));
  if (!row) return undefined;
  const authors = (await authorsOf(db, [row.id])).get(row.id) ?? [];
  return {
    article: {
      id: row.id,
      type: row.type,
      slug: row.slug,
      title: row.title,
      url: urls.article(row.slug),
      excerpt: row.summary,
      published_at: row.published_at,
      updated_at: row.updated_at,
      featured_image: urls.absolute(row.featured_image_url),
      authors: authors.map((a) => ({ id: a.id, name: a.name, slug: a.slug, url: urls.author(a.slug) })),
      category_id: row.primary_category_id,
    },
  };
}
