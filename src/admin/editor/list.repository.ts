import type { Kysely } from 'kysely';
import type { ArticleStatus, Database } from '../../db/schema.js';
import { authorsOf } from '../../content/articles.repository.js';

export interface AdminListFilter {
  status: ArticleStatus | null;
  categoryId: number | null;
  authorId: number | null;
  q: string | null;
  /** Only this account's stories (contributors and authors). */
  ownerId: number | null;
}

/** Stories of every status for the admin list, newest change first. */
export async function listForAdmin(db: Kysely<Database>, f: AdminListFilter, page: { limit: number; offset: number }) {
  let q = db.selectFrom('articles');
  // trash is only listed when asked for, as in WordPress
  q = f.status ? q.where('status', '=', f.status) : q.where('status', '!=', 'trash');
  if (f.categoryId) q = q.where('primary_category_id', '=', f.categoryId);
  if (f.authorId) {
    const authorId = f.authorId;
    q = q.where('id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId));
  }
  if (f.q) {
    const pattern = `%${f.q.toLowerCase().replace(/[\\%_]/g, '')}%`; // wildcards are dropped: LIKE escapes differ between the engines
    q = q.where((eb) => eb(eb.fn('lower', ['title']), 'like', eb.val(pattern)));
  }
  if (f.ownerId) q = q.where('owner_user_id', '=', f.ownerId);
  const [rows, count] = await Promise.all([
    q.select(['id', 'title', 'status', 'published_at', 'updated_at', 'slug']).orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const authors = await authorsOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => ({ ...r, authors: (authors.get(r.id) ?? []).map((a) => a.name) })), total: Number(count.n) };
}
