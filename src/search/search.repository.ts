import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { teaserColumns, type Page, type TeaserRow } from '../content/articles.repository.js';

/**
 * Plain substring search over title, dek and summary, newest first. A
 * stand-in so the search box works from day one; full-text search with
 * ranking (SQLite FTS5 / PostgreSQL tsvector) replaces it in the search issue.
 * Every word must appear (AND), case-insensitively; LIKE wildcards typed by a
 * reader are matched literally.
 */
export async function searchPublished(db: Kysely<Database>, query: string, page: { limit: number; offset: number }, now: Date): Promise<Page<TeaserRow>> {
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean).slice(0, 8);
  if (words.length === 0) return { items: [], total: 0 };
  const base = () => {
    let q = db
      .selectFrom('articles')
      .where('articles.status', '=', 'published')
      .where('articles.type', '=', 'post')
      .where('articles.published_at', '<=', now.toISOString());
    for (const word of words) {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or(
          (['articles.title', 'articles.dek', 'articles.summary'] as const).map(
            (col) => sql<boolean>`lower(coalesce(${sql.ref(col)}, '')) like ${pattern} escape '\\'`,
          ),
        ),
      );
    }
    return q;
  };
  const [items, count] = await Promise.all([
    base().select(teaserColumns).orderBy('articles.published_at', 'desc').limit(page.limit).offset(page.offset).execute(),
    base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as TeaserRow[], total: Number(count.n) };
}
