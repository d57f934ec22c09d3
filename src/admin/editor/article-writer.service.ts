import { reindexArticle } from '../../search/search-index.repository.js';
import type { Kysely, Transaction } from 'kysely';
import type { ArticleRow, ArticleStatus, Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import { articleTags, type ChangeEvent } from '../../events.js';
import { inTransaction } from '../../db/transaction.js';
import { articleContentColumns, articleInputSchema, renderBody, type ArticleInput } from '../../content/articles.service.js';
import { isSlug, slugify, uniqueSlug } from '../../content/slug.js';
import { createRedirect } from '../../content/redirects.js';
import { createTag } from '../../content/taxonomy.service.js';
import { findMedia, mediaUrl, srcsetOf, withResponsiveImages } from '../media/media.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What the editor form carries besides the article's own fields. */
export interface EditorExtras {
  /** Tag names typed by the editor; missing tags are created. */
  tagNames: string[];
  /** The featured image, chosen from the media library. */
  mediaId: number | null;
  imageAlt: string | null;
  imageCaption: string | null;
  imageCredit: string | null;
}

export interface WriteRequest {
  /** The stored article being changed, or null for a new one. */
  existing: ArticleRow | null;
  /** The version the editor's form started from; a different stored version is a conflict. */
  expectedVersion: number | null;
  input: ArticleInput;
  extras: EditorExtras;
  status: ArticleStatus;
  publishedAt: string | null;
  actor: { id: number; authorId: number | null };
  clock: Clock;
}

export class SaveConflictError extends AppError {
  constructor(readonly storedVersion: number) {
    super('CONFLICT', 'Someone else saved this story while you were editing it. Your text is kept below: copy what you need, then open the story again to merge.');
  }
}

export async function findArticleById(db: Db, id: number): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function articleRelations(db: Db, id: number): Promise<{ authorIds: number[]; tagIds: number[]; tagNames: string[] }> {
  const [authors, tags] = await Promise.all([
    db.selectFrom('article_authors').select('author_id').where('article_id', '=', id).orderBy('position').execute(),
    db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select(['tags.id', 'tags.name']).where('article_id', '=', id).orderBy('tags.name').execute(),
  ]);
  return { authorIds: authors.map((a) => a.author_id), tagIds: tags.map((t) => t.id), tagNames: tags.map((t) => t.name) };
}

async function tagIdsFor(trx: Transaction<Database>, names: string[], clock: Clock): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) continue;
    const found = await trx.selectFrom('tags').select('id').where((eb) => eb.or([eb('slug', '=', slug), eb('name', '=', name)])).executeTakeFirst();
    ids.push(found ? found.id : await createTag(trx, { name, slug }, clock));
  }
  return [...new Set(ids)];
}

/** Images in the body that readers of screen readers would meet without a description. */
export function imagesWithoutAlt(html: string): number {
  return (html.match(/<img\b[^>]*>/gi) ?? []).filter((tag) => !/\salt="[^"]*[^"\s][^"]*"/i.test(tag)).length;
}

/**
 * Saves a story from the editor in one transaction: validates, renders and
 * sanitizes the body, creates tags typed on the fly, attaches the featured
 * image from the library, keeps the slug unique (and leaves a redirect when a
 * published story's slug changes), refuses a save based on a stale version,
 * and records a revision. Returns the change event readers' caches need.
 */
export async function writeArticle(db: Kysely<Database>, req: WriteRequest): Promise<{ id: number; slug: string; version: number; event: ChangeEvent | null }> {
  const { existing, clock } = req;
  const a = articleInputSchema.parse({ ...req.input, status: req.status, publishedAt: req.publishedAt });
  const now = clock.now().toISOString();
  const rendered = renderBody(a);
  const goingPublic = a.status === 'published' || a.status === 'scheduled';

  return inTransaction(db, async (trx) => {
    const bodyHtml = await withResponsiveImages(trx, rendered);
    const media = req.extras.mediaId ? await findMedia(trx, req.extras.mediaId) : undefined;
    if (req.extras.mediaId && !media) throw new AppError('BAD_REQUEST', 'The featured image is no longer in the media library; choose another.');
    const alt = (req.extras.imageAlt ?? media?.alt ?? '').trim();
    if (goingPublic && media && !alt) throw new AppError('BAD_REQUEST', 'Describe the featured image (alt text) before publishing: readers who cannot see it depend on it.');
    const missing = goingPublic ? imagesWithoutAlt(bodyHtml) : 0;
    if (missing) throw new AppError('BAD_REQUEST', `Describe every image in the text before publishing: ${missing} image${missing > 1 ? 's have' : ' has'} no alt text (write ![description](url)).`);

    let slug: string;
    const given = a.slug?.trim();
    if (given) {
      if (!isSlug(given)) throw new AppError('BAD_REQUEST', 'The slug may hold only lower-case letters, digits and single hyphens.');
      const other = await trx.selectFrom('articles').select('id').where('slug', '=', given).executeTakeFirst();
      if (other && other.id !== existing?.id) throw new AppError('BAD_REQUEST', `Another story already uses the address /${given}/; choose another slug.`);
      slug = given;
    } else {
      slug = await uniqueSlug(slugify(a.title), async (s) => {
        const row = await trx.selectFrom('articles').select('id').where('slug', '=', s).executeTakeFirst();
        return !!row && row.id !== existing?.id;
      });
    }

    const tagIds = await tagIdsFor(trx, req.extras.tagNames, clock);
    const authorIds = [...new Set(a.authorIds.length ? a.authorIds : req.actor.authorId ? [req.actor.authorId] : [])];
    const values = {
      ...articleContentColumns(a, bodyHtml),
      slug,
      published_at: a.publishedAt ?? null,
      updated_at: now,
      featured_image_url: media ? mediaUrl(media.path) : null,
      featured_image_alt: media ? alt : null,
      featured_image_caption: media ? req.extras.imageCaption : null,
      featured_image_credit: media ? req.extras.imageCredit : null,
      featured_image_width: media?.width ?? null,
      featured_image_height: media?.height ?? null,
      featured_image_srcset: media ? srcsetOf(media) : null,
    };

    let id: number;
    let version: number;
    let oldAuthors: number[] = [];
    let oldTags: number[] = [];
    if (existing) {
      id = existing.id;
      const before = await articleRelations(trx, id);
      oldAuthors = before.authorIds;
      oldTags = before.tagIds;
      const updated = await trx
        .updateTable('articles')
        .set({ ...values, version: (req.expectedVersion ?? existing.version) + 1 })
        .where('id', '=', id)
        .where('version', '=', req.expectedVersion ?? existing.version)
        .returning('version')
        .executeTakeFirst();
      if (!updated) {
        const current = await findArticleById(trx, id);
        throw new SaveConflictError(current?.version ?? existing.version);
      }
      version = updated.version;
      await trx.deleteFrom('article_authors').where('article_id', '=', id).execute();
      await trx.deleteFrom('article_tags').where('article_id', '=', id).execute();
      if (existing.status === 'published' && existing.slug !== slug) {
        await createRedirect(trx, { from: `/${existing.slug}/`, to: `/${slug}/` }, clock);
      }
    } else {
      const row = await trx
        .insertInto('articles')
        .values({ ...values, created_at: now, version: 1, owner_user_id: req.actor.id })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
      id = row.id;
      version = row.version;
    }
    if (authorIds.length) await trx.insertInto('article_authors').values(authorIds.map((author_id, position) => ({ article_id: id, author_id, position }))).execute();
    if (tagIds.length) await trx.insertInto('article_tags').values(tagIds.map((tag_id) => ({ article_id: id, tag_id }))).execute();
    await trx.insertInto('article_revisions').values({ article_id: id, kind: 'save', version, title: a.title, dek: a.dek, excerpt: a.excerpt, body_source: a.body, user_id: req.actor.id, created_at: now }).execute();
    await trx.deleteFrom('article_revisions').where('article_id', '=', id).where('kind', '=', 'autosave').where('user_id', '=', req.actor.id).execute();
    // the search index changes with the text, in the same transaction (the admin list searches drafts too)
    await reindexArticle(trx, id, clock.now());

    const wasPublic = existing?.status === 'published';
    const isPublic = a.status === 'published';
    const kind = isPublic ? (wasPublic ? 'article.updated' : 'article.published') : wasPublic ? (a.status === 'trash' ? 'article.deleted' : 'article.unpublished') : null;
    const tags = [...new Set([...articleTags({ id, ...values }, { authorIds: [...authorIds, ...oldAuthors], tagIds: [...tagIds, ...oldTags] }), ...(existing ? articleTags(existing) : [])])];
    return { id, slug, version, event: kind ? { kind, tags, articleId: id } : null };
  });
}

/**
 * Moves a story to a new status without touching its text (trash, unpublish,
 * publish from the list), under the same optimistic lock.
 */
export async function changeStatus(db: Kysely<Database>, existing: ArticleRow, expectedVersion: number, status: ArticleStatus, clock: Clock, publishedAt?: string | null): Promise<{ version: number; event: ChangeEvent | null }> {
  const now = clock.now().toISOString();
  const updated = await db
    .updateTable('articles')
    .set({ status, updated_at: now, version: expectedVersion + 1, ...(publishedAt !== undefined ? { published_at: publishedAt } : {}) })
    .where('id', '=', existing.id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw new SaveConflictError(existing.version);
  const rel = await articleRelations(db, existing.id);
  const tags = articleTags(existing, { authorIds: rel.authorIds, tagIds: rel.tagIds });
  const wasPublic = existing.status === 'published';
  const kind = status === 'published' ? (wasPublic ? 'article.updated' : 'article.published') : wasPublic ? (status === 'trash' ? 'article.deleted' : 'article.unpublished') : null;
  return { version: updated.version, event: kind ? { kind, tags, articleId: existing.id } : null };
}
