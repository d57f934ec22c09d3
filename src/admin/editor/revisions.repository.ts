import type { Kysely, Transaction } from 'kysely';
import type { Database, RevisionRow } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Newest first, with who saved each; the unsaved autosave is listed too. */
export async function listRevisions(db: Db, articleId: number, limit = 50): Promise<(RevisionRow & { user_name: string | null })[]> {
  return db
    .selectFrom('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.user_id')
    .selectAll('article_revisions')
    .select('users.name as user_name')
    .where('article_revisions.article_id', '=', articleId)
    .orderBy('article_revisions.created_at', 'desc')
    .orderBy('article_revisions.id', 'desc')
    .limit(limit)
    .execute();
}

export async function findRevision(db: Db, articleId: number, id: number): Promise<RevisionRow | undefined> {
  return db.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId).where('id', '=', id).executeTakeFirst();
}
