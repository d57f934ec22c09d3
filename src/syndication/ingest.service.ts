import { reindexArticle } from '../search/search-index.repository.js';
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SourceRow } from '../db/schema.js';
import type { Clock } from '../clock.js';
import { articleTags, type ChangeBus } from '../events.js';
import { createArticle, summaryFor } from '../content/articles.service.js';
import { sanitize, textFromHtml, truncateWords } from '../content/html.js';
import { loadSettings } from '../content/settings.js';
import { absolutizeHtml } from './absolutize.js';
import { decodeFingerprint, encodeFingerprint, fingerprint, similarity } from './near-duplicate.js';
import { findSeenItem, insertSeenItem, recentFingerprints, updateSeenItem } from './items.repository.js';
import { tagIdsFor } from './tags.js';
import type { ParsedFeed, ParsedItem } from './feed.types.js';

export interface IngestDeps {
  db: Kysely<Database>;
  clock: Clock;
  events?: ChangeBus;
}

export interface IngestResult {
  created: number;
  updated: number;
  unchanged: number;
  held: number;
  /** One line per item that could not be imported. */
  errors: string[];
}

const NEAR_DUPLICATE_WINDOW_MS = 3 * 24 * 3_600_000;

const isHttp = (u: string | null) => !!u && /^https?:\/\/[^\s]+$/i.test(u) && u.length <= 2000;

/** What identifies an item when the feed gives neither GUID nor link: its content. */
const contentHash = (item: ParsedItem) => crypto.createHash('sha256').update(JSON.stringify([item.title, item.contentHtml, item.summaryHtml])).digest('hex');

function articleFields(item: ParsedItem, feedUrl: string | null, now: Date) {
  const base = item.base ?? item.link ?? feedUrl;
  const bodySource = item.contentHtml ?? item.summaryHtml ?? '';
  const bodyHtml = sanitize(absolutizeHtml(bodySource, base));
  const excerpt = item.contentHtml && item.summaryHtml ? truncateWords(textFromHtml(item.summaryHtml), 1000) || null : null;
  const title = truncateWords((item.title ? textFromHtml(item.title) : '') || truncateWords(textFromHtml(bodyHtml), 80), 490) || null;
  const when = item.published ?? item.updated;
  // a date in the future would schedule the story instead of showing it
  const publishedAt = when && when.getTime() <= now.getTime() ? when.toISOString() : now.toISOString();
  const imageUrl = item.thumbnail ?? item.media.find((m) => m.medium === 'image' || m.type?.startsWith('image/'))?.url ?? null;
  return { title, bodyHtml, excerpt, publishedAt, image: isHttp(imageUrl) ? { url: imageUrl!, alt: title ?? '' } : null };
}

/** Outlets rewrite headlines but keep wire copy: fingerprint the body, the title only when there is no body. */
const storyPrint = (title: string | null, bodyHtml: string) => fingerprint(textFromHtml(bodyHtml)) ?? fingerprint(`${title ?? ''} ${textFromHtml(bodyHtml)}`);

async function nearDuplicateOf(db: Kysely<Database>, source: SourceRow, print: number[] | null, threshold: number, now: Date): Promise<number | null> {
  if (!print) return null;
  const since = new Date(now.getTime() - NEAR_DUPLICATE_WINDOW_MS).toISOString();
  for (const other of await recentFingerprints(db, source.id, since)) {
    const theirs = decodeFingerprint(other.fingerprint);
    if (theirs && similarity(print, theirs) >= threshold) return other.article_id ?? 0;
  }
  return null;
}

/**
 * Turns a parsed feed's items into articles for one source. An item seen
 * before (same GUID, else same link) is never imported again; when its
 * content changed, our copy follows only while it is a draft nobody edited.
 * A story too similar to one from another outlet is held for an editor
 * (status pending) instead of being published twice. One bad item is
 * reported and skipped; the rest still come in.
 */
export async function ingestFeed(deps: IngestDeps, source: SourceRow, feed: ParsedFeed): Promise<IngestResult> {
  const { db, clock } = deps;
  const result: IngestResult = { created: 0, updated: 0, unchanged: 0, held: 0, errors: [] };
  const settings = await loadSettings(db);
  // oldest first, so that stories keep the order the outlet published them in
  const items = [...feed.items].reverse();
  for (const item of items) {
    const now = clock.now();
    const hash = contentHash(item);
    const link = isHttp(item.link) ? item.link : null;
    const guid = (item.guid ?? link ?? `sha256:${hash}`).slice(0, 2000);
    try {
      const seen = await findSeenItem(db, source.id, guid, link);
      if (seen) {
        if (seen.content_hash === hash) {
          result.unchanged++;
          continue;
        }
        const changed = await updateFromEdit(deps, seen, item, source, hash, now);
        if (changed) result.updated++;
        else result.unchanged++;
        continue;
      }
      const f = articleFields(item, source.feed_url, now);
      if (!f.title) {
        result.errors.push(`item ${guid.slice(0, 80)}: no title and no text; skipped`);
        continue;
      }
      const print = storyPrint(f.title, f.bodyHtml);
      const twin = await nearDuplicateOf(db, source, print, settings.syndicationDuplicateThreshold, now);
      const status = twin !== null ? 'pending' : source.mode === 'publish' ? 'published' : 'draft';
      const created = await db.transaction().execute(async (trx) => {
        const tagIds = await tagIdsFor(trx, item.categories, clock);
        const article = await createArticle(
          trx,
          {
            title: f.title!,
            bodyFormat: 'html',
            body: f.bodyHtml,
            excerpt: f.excerpt,
            status,
            publishedAt: status === 'published' ? f.publishedAt : null,
            categoryId: source.default_category_id,
            authorIds: source.default_author_id ? [source.default_author_id] : [],
            tagIds,
            sourceId: source.id,
            originalUrl: link,
            originalAuthor: item.authors.join(', ').slice(0, 300) || null,
            image: f.image,
          },
          clock,
        );
        const row = await trx.selectFrom('articles').select(['updated_at']).where('id', '=', article.id).executeTakeFirstOrThrow();
        await insertSeenItem(trx, {
          source_id: source.id,
          guid,
          link,
          content_hash: hash,
          article_id: article.id,
          article_written_at: row.updated_at,
          fingerprint: encodeFingerprint(print),
          held_reason: twin !== null ? `near-duplicate of article ${twin}` : null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        });
        return { ...article, tagIds };
      });
      result.created++;
      if (twin !== null) result.held++;
      if (status === 'published') {
        deps.events?.emit({ kind: 'article.published', articleId: created.id, tags: articleTags({ id: created.id, primary_category_id: source.default_category_id, source_id: source.id }, { tagIds: created.tagIds, authorIds: source.default_author_id ? [source.default_author_id] : [] }) });
      }
    } catch (err) {
      result.errors.push(`item ${guid.slice(0, 80)}: ${describe(err)}`);
    }
  }
  return result;
}

function describe(err: unknown): string {
  const e = err as { issues?: { path: PropertyKey[]; message: string }[]; message?: string };
  if (Array.isArray(e.issues)) return e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return e.message ?? String(err);
}

/** An edited item updates our copy only while it is a draft nobody has touched since we wrote it. */
async function updateFromEdit(deps: IngestDeps, seen: { id: number; article_id: number | null; article_written_at: string | null }, item: ParsedItem, source: SourceRow, hash: string, now: Date): Promise<boolean> {
  const { db } = deps;
  return db.transaction().execute(async (trx) => {
    const article = seen.article_id ? await trx.selectFrom('articles').select(['id', 'status', 'updated_at']).where('id', '=', seen.article_id).executeTakeFirst() : undefined;
    const untouchedDraft = article && article.status === 'draft' && article.updated_at === seen.article_written_at;
    if (!untouchedDraft) {
      await updateSeenItem(trx, seen.id, { content_hash: hash, updated_at: now.toISOString() });
      return false;
    }
    const f = articleFields(item, source.feed_url, now);
    const writtenAt = now.toISOString();
    await trx
      .updateTable('articles')
      .set({ title: f.title ?? 'Untitled', body_source: f.bodyHtml, body_html: f.bodyHtml, excerpt: f.excerpt, summary: summaryFor(f.excerpt, f.bodyHtml), updated_at: writtenAt })
      .where('id', '=', article.id)
      .execute();
    await reindexArticle(trx, article.id, now);
    await updateSeenItem(trx, seen.id, { content_hash: hash, article_written_at: writtenAt, fingerprint: encodeFingerprint(storyPrint(f.title, f.bodyHtml)), updated_at: writtenAt });
    return true;
  });
}
