import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { articleTags, type ChangeBus, type ChangeKind } from '../events.js';
import { authorsOf, tagsOf } from '../content/articles.repository.js';

/** Tells the page cache (and webhooks) which pages a comment change touches: its story and the lists showing its count. */
export async function emitCommentChange(db: Kysely<Database>, events: ChangeBus, kind: ChangeKind, articleId: number, commentId: number): Promise<void> {
  const article = await db.selectFrom('articles').select(['id', 'primary_category_id', 'series_id', 'source_id']).where('id', '=', articleId).executeTakeFirst();
  if (!article) return;
  const [authors, tags] = await Promise.all([authorsOf(db, [articleId]), tagsOf(db, articleId)]);
  const authorIds = (authors.get(articleId) ?? []).map((a) => a.id);
  events.emit({ kind, tags: articleTags(article, { authorIds, tagIds: tags.map((t) => t.id) }), articleId, commentId });
}
