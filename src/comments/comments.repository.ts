import type { Kysely, Transaction } from 'kysely';
import type { CommentStatus, Database } from '../db/schema.js';
import { prepared, slot, slots } from '../db/prepared.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What a reader may see of a comment. The email and IP hash are not selected
 * at all, so no template or JSON body can show them by mistake.
 */
export interface PublicComment {
  id: number;
  parent_id: number | null;
  author_name: string;
  author_url: string | null;
  body: string;
  created_at: string;
}

const approvedComments = prepared<{ id: number }, PublicComment>((db) =>
  db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'author_url', 'body', 'created_at'])
    .where('article_id', '=', slot<number>('id'))
    .where('status', '=', 'approved')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc'),
);

export async function listApprovedComments(db: Db, articleId: number): Promise<PublicComment[]> {
  return approvedComments.all(db, { id: articleId });
}

const approvedCounts = prepared<{ ids: number[] }, { article_id: number; n: number }>(
  (db, n) =>
    db
      .selectFrom('comments')
      .select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('article_id', 'in', slots<number>('ids', n))
      .where('status', '=', 'approved')
      .groupBy('article_id'),
  'ids',
);

export async function countApprovedComments(db: Db, articleIds: number[]): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  if (articleIds.length === 0) return map;
  const rows = await approvedCounts.all(db, { ids: articleIds });
  for (const r of rows) map.set(r.article_id, Number(r.n));
  return map;
}

export interface NewComment {
  articleId: number;
  parentId?: number | null;
  name: string;
  email: string;
  url?: string | null;
  body: string;
  status: CommentStatus;
  createdAt: string;
  ipHash?: string | null;
  userAgent?: string | null;
}

export async function insertComment(db: Db, c: NewComment): Promise<number> {
  const row = await db
    .insertInto('comments')
    .values({
      article_id: c.articleId,
      parent_id: c.parentId ?? null,
      author_name: c.name,
      author_email: c.email,
      author_url: c.url ?? null,
      body: c.body,
      status: c.status,
      created_at: c.createdAt,
      ip_hash: c.ipHash ?? null,
      user_agent: c.userAgent ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface CommentNode extends PublicComment {
  depth: number;
  children: CommentNode[];
}

/**
 * Builds reply threads from a flat list. Replies deeper than `maxDepth` are
 * shown flat beside their parent, in time order, as WordPress does. Replies to
 * comments that are not shown (held, spam) appear at the top level rather
 * than vanish.
 */
export function threadComments(comments: PublicComment[], maxDepth: number): CommentNode[] {
  const byTime = (a: PublicComment, b: PublicComment) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id);
  const ids = new Set(comments.map((c) => c.id));
  const replies = new Map<number, PublicComment[]>();
  const tops: PublicComment[] = [];
  for (const c of [...comments].sort(byTime)) {
    if (c.parent_id != null && c.parent_id !== c.id && ids.has(c.parent_id)) {
      const list = replies.get(c.parent_id) ?? [];
      list.push(c);
      replies.set(c.parent_id, list);
    } else tops.push(c);
  }
  const roots: CommentNode[] = [];
  const placed = new Set<number>();
  const place = (c: PublicComment, holder: CommentNode | undefined) => {
    if (placed.has(c.id)) return;
    placed.add(c.id);
    const node: CommentNode = { ...c, depth: holder ? holder.depth + 1 : 1, children: [] };
    (holder ? holder.children : roots).push(node);
    const next = node.depth < maxDepth ? node : holder;
    for (const r of replies.get(c.id) ?? []) place(r, next);
  };
  for (const c of tops) place(c, undefined);
  // a loop of parents (possible only in hand-edited or imported data) reaches no top
  for (const c of comments) place(c, undefined);
  const sortTree = (nodes: CommentNode[]) => {
    nodes.sort(byTime);
    for (const n of nodes) sortTree(n.children);
  };
  sortTree(roots);
  return roots;
}

/** A held comment shown back to its own author with the "awaiting moderation" notice. */
export async function findHeldComment(db: Db, id: number, articleId: number): Promise<PublicComment | undefined> {
  return db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'author_url', 'body', 'created_at'])
    .where('id', '=', id)
    .where('article_id', '=', articleId)
    .where('status', 'in', ['pending', 'spam'])
    .executeTakeFirst();
}

export async function isApprovedCommentOn(db: Db, id: number, articleId: number): Promise<boolean> {
  const row = await db.selectFrom('comments').select('id').where('id', '=', id).where('article_id', '=', articleId).where('status', '=', 'approved').executeTakeFirst();
  return row !== undefined;
}

/** Comments of any status since `since` from one IP hash or one email: what the rate limits count. */
export async function countRecent(db: Db, by: { ipHash: string } | { email: string }, since: string): Promise<number> {
  let q = db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('created_at', '>=', since);
  q = 'ipHash' in by ? q.where('ip_hash', '=', by.ipHash) : q.where('author_email', '=', by.email);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether this address already has an approved comment (WordPress's "trusted commenter"). */
export async function hasApprovedComment(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('comments').select('id').where('author_email', '=', email).where('status', '=', 'approved').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The same words from the same address on the same story, unless a moderator binned it. */
export async function isDuplicate(db: Db, articleId: number, email: string, body: string): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('article_id', '=', articleId)
    .where('author_email', '=', email)
    .where('body', '=', body)
    .where('status', '!=', 'trash')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Erases IP hashes (and user agents) of comments posted before `before`; returns how many. */
export async function purgeIpHashes(db: Db, before: string): Promise<number> {
  const result = await db
    .updateTable('comments')
    .set({ ip_hash: null, user_agent: null })
    .where('created_at', '<', before)
    .where((eb) => eb.or([eb('ip_hash', 'is not', null), eb('user_agent', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
