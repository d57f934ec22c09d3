import type { Kysely } from 'kysely';
import type { CommentStatus, Database } from '../db/schema.js';
import type { ChangeBus } from '../events.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { inTransaction } from '../db/transaction.js';
import { commentFormSchema } from './comments.schema.js';
import { insertComment } from './comments.repository.js';
import { emitCommentChange } from './comments.events.js';
import { loadSettings } from '../content/settings.js';

/*
 * What a moderator does to comments: the service the admin's moderation
 * queue and the `masthead comments` command both call. Every change that
 * readers could notice (a comment appearing, disappearing or changing on a
 * story) emits a change event with the story's cache tags.
 */

/** A comment as a moderator sees it: with the email, never shown to readers. */
export interface ModerationComment {
  id: number;
  articleId: number;
  articleSlug: string;
  articleTitle: string;
  parentId: number | null;
  status: CommentStatus;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  createdAt: string;
  updatedAt: string | null;
}

export type ModerationAction = 'approve' | 'spam' | 'trash' | 'restore';
const TARGET: Record<ModerationAction, CommentStatus> = { approve: 'approved', spam: 'spam', trash: 'trash', restore: 'pending' };

export async function listForModeration(db: Kysely<Database>, filter: { status?: CommentStatus; id?: number; limit?: number; offset?: number } = {}): Promise<ModerationComment[]> {
  let q = db
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .select([
      'comments.id as id',
      'comments.article_id as articleId',
      'articles.slug as articleSlug',
      'articles.title as articleTitle',
      'comments.parent_id as parentId',
      'comments.status as status',
      'comments.author_name as authorName',
      'comments.author_email as authorEmail',
      'comments.author_url as authorUrl',
      'comments.body as body',
      'comments.created_at as createdAt',
      'comments.updated_at as updatedAt',
    ])
    .orderBy('comments.created_at', 'desc')
    .orderBy('comments.id', 'desc')
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0);
  if (filter.status) q = q.where('comments.status', '=', filter.status);
  if (filter.id !== undefined) q = q.where('comments.id', '=', filter.id);
  return q.execute();
}

/** How many comments wait in each folder of the moderation queue. */
export async function countByStatus(db: Kysely<Database>): Promise<Record<CommentStatus, number>> {
  const rows = await db.selectFrom('comments').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export interface ModerationResult {
  changed: number[];
  missing: number[];
}

/**
 * Approves, marks as spam, trashes or restores (to the queue) some comments,
 * in one transaction. Approving announces `comment.approved`; taking an
 * approved comment down announces `comment.changed`.
 */
export async function moderate(db: Kysely<Database>, events: ChangeBus, clock: Clock, action: ModerationAction, ids: number[]): Promise<ModerationResult> {
  const target = TARGET[action];
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { changed: [], missing: [] };
  const now = clock.now().toISOString();
  const { rows, changed } = await inTransaction(db, async (trx) => {
    const rows = await trx.selectFrom('comments').select(['id', 'article_id', 'status']).where('id', 'in', unique).execute();
    const changed = rows.filter((r) => r.status !== target);
    if (changed.length) await trx.updateTable('comments').set({ status: target, updated_at: now }).where('id', 'in', changed.map((r) => r.id)).execute();
    return { rows, changed };
  });
  for (const r of changed) {
    if (target === 'approved') await emitCommentChange(db, events, 'comment.approved', r.article_id, r.id);
    else if (r.status === 'approved') await emitCommentChange(db, events, 'comment.changed', r.article_id, r.id);
  }
  const found = new Set(rows.map((r) => r.id));
  return { changed: changed.map((r) => r.id), missing: unique.filter((id) => !found.has(id)) };
}

/** A moderator's correction of a comment, under the same rules as the public form. */
export async function editComment(db: Kysely<Database>, events: ChangeBus, clock: Clock, id: number, change: { name: string; email: string; url: string; comment: string }): Promise<void> {
  const settings = await loadSettings(db);
  const input = commentFormSchema(settings).parse({ ...change, parent_id: '' });
  const row = await db.selectFrom('comments').select(['id', 'article_id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `There is no comment ${id}.`);
  await db
    .updateTable('comments')
    .set({ author_name: input.name, author_email: input.email, author_url: input.url, body: input.comment, updated_at: clock.now().toISOString() })
    .where('id', '=', id)
    .execute();
  if (row.status === 'approved') await emitCommentChange(db, events, 'comment.changed', row.article_id, id);
}

/**
 * A moderator's reply, published at once under their name. Replying to a
 * held comment approves it first, as WordPress does: a reply to something
 * readers cannot see makes no sense.
 */
export async function replyAsModerator(db: Kysely<Database>, events: ChangeBus, clock: Clock, parentId: number, reply: { name: string; email: string; url?: string; comment: string }): Promise<number> {
  const settings = await loadSettings(db);
  const input = commentFormSchema(settings).parse({ url: '', ...reply, parent_id: String(parentId) });
  const parent = await db.selectFrom('comments').select(['id', 'article_id', 'status']).where('id', '=', parentId).executeTakeFirst();
  if (!parent) throw new AppError('NOT_FOUND', `There is no comment ${parentId}.`);
  if (parent.status !== 'approved') await moderate(db, events, clock, 'approve', [parentId]);
  const id = await insertComment(db, { articleId: parent.article_id, parentId, name: input.name, email: input.email, url: input.url, body: input.comment, status: 'approved', createdAt: clock.now().toISOString() });
  await emitCommentChange(db, events, 'comment.created', parent.article_id, id);
  return id;
}
