import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { contentWords, indexText } from './fold.js';
import { plainText } from './plain-text.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Longer bodies are indexed up to here: PostgreSQL caps a tsvector at 1 MB, and both engines must index the same words. */
export const MAX_INDEXED_CHARS = 200_000;
const MAX_TERM_CHARS = 100;

export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The folded text of one article, as stored in search_documents. */
export interface IndexedFields {
  title: string;
  dek: string;
  body: string;
  tags: string;
  authors: string;
}

/** Reads and folds what the index holds for several articles at once. */
async function loadFields(db: Db, ids: number[]): Promise<Map<number, IndexedFields>> {
  const out = new Map<number, IndexedFields>();
  if (ids.length === 0) return out;
  const [rows, tags, authors] = await Promise.all([
    db.selectFrom('articles').select(['id', 'title', 'dek', 'excerpt', 'body_html', 'original_author']).where('id', 'in', ids).execute(),
    db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select(['article_tags.article_id', 'tags.name']).where('article_tags.article_id', 'in', ids).execute(),
    db.selectFrom('article_authors').innerJoin('authors', 'authors.id', 'article_authors.author_id').select(['article_authors.article_id', 'authors.name']).where('article_authors.article_id', 'in', ids).execute(),
  ]);
  const names = (list: { article_id: number; name: string }[], id: number) => list.filter((r) => r.article_id === id).map((r) => r.name).join(' ');
  for (const r of rows) {
    out.set(r.id, {
      title: indexText(r.title),
      dek: indexText([r.dek, r.excerpt].filter(Boolean).join(' ')),
      body: indexText(plainText(r.body_html).slice(0, MAX_INDEXED_CHARS)),
      tags: indexText(names(tags, r.id)),
      authors: indexText([names(authors, r.id), r.original_author].filter(Boolean).join(' ')),
    });
  }
  return out;
}

/** The distinct words of a document that count towards document frequencies. */
export function termsOf(f: IndexedFields): Set<string> {
  return new Set(contentWords(`${f.title} ${f.dek} ${f.tags} ${f.authors} ${f.body}`).filter((w) => w.length <= MAX_TERM_CHARS));
}

function tsvector(f: IndexedFields) {
  // weights: A title, B tags and authors, C dek, D body; to_tsvector only ever sees folded plain text
  return sql`setweight(to_tsvector('english', ${f.title}), 'A') || setweight(to_tsvector('english', ${`${f.tags} ${f.authors}`}), 'B') || setweight(to_tsvector('english', ${f.dek}), 'C') || setweight(to_tsvector('english', ${f.body}), 'D')`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function adjustTermCounts(db: Db, added: string[], removed: string[]): Promise<void> {
  for (const part of chunks(added.sort(), 500)) {
    await db
      .insertInto('search_terms')
      .values(part.map((term) => ({ term, df: 1 })))
      .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql`search_terms.df + 1` }))
      .execute();
  }
  for (const part of chunks(removed.sort(), 500)) {
    await db.updateTable('search_terms').set({ df: sql`df - 1` }).where('term', 'in', part).execute();
    await db.deleteFrom('search_terms').where('term', 'in', part).where('df', '<=', 0).execute();
  }
}

/**
 * Brings one article's search document up to date with the article: call it
 * in the same transaction as any write to the article, its tags or authors.
 * An article that no longer exists is taken out of the index.
 */
export async function reindexArticle(db: Db, articleId: number, now: Date = new Date()): Promise<void> {
  const fields = (await loadFields(db, [articleId])).get(articleId);
  if (!fields) return removeFromIndex(db, articleId);
  const old = await db.selectFrom('search_documents').select(['title', 'dek', 'body', 'tags', 'authors']).where('article_id', '=', articleId).executeTakeFirst();
  const row = { ...fields, indexed_at: now.toISOString() };
  const pg = isPostgres(db);
  if (old) {
    await db
      .updateTable('search_documents')
      .set(pg ? { ...row, document: tsvector(fields) } as typeof row : row)
      .where('article_id', '=', articleId)
      .execute();
  } else {
    await db
      .insertInto('search_documents')
      .values(pg ? { article_id: articleId, ...row, document: tsvector(fields) } as typeof row & { article_id: number } : { article_id: articleId, ...row })
      .execute();
  }
  const before = old ? termsOf(old) : new Set<string>();
  const after = termsOf(fields);
  await adjustTermCounts(db, [...after].filter((t) => !before.has(t)), [...before].filter((t) => !after.has(t)));
}

/** Takes a deleted article out of the index; call it before or after deleting the article. */
export async function removeFromIndex(db: Db, articleId: number): Promise<void> {
  const old = await db.selectFrom('search_documents').select(['title', 'dek', 'body', 'tags', 'authors']).where('article_id', '=', articleId).executeTakeFirst();
  if (!old) return;
  await db.deleteFrom('search_documents').where('article_id', '=', articleId).execute();
  await adjustTermCounts(db, [], [...termsOf(old)]);
}

/** True when there are articles but no search documents: a site upgraded to a version with search. */
export async function indexIsEmpty(db: Kysely<Database>): Promise<boolean> {
  const [doc, article] = await Promise.all([
    db.selectFrom('search_documents').select('article_id').limit(1).executeTakeFirst(),
    db.selectFrom('articles').select('id').limit(1).executeTakeFirst(),
  ]);
  return doc === undefined && article !== undefined;
}

/**
 * Rebuilds the whole index from the articles, in batches (memory stays flat
 * however many articles there are), then rewrites the word counts. Each
 * batch is its own transaction, so readers keep searching meanwhile.
 */
export async function rebuildSearchIndex(db: Kysely<Database>, options: { batchSize?: number; now?: Date; onProgress?: (done: number, total: number) => void } = {}): Promise<{ documents: number; terms: number }> {
  const batchSize = options.batchSize ?? 250;
  const now = (options.now ?? new Date()).toISOString();
  const pg = isPostgres(db);
  const { n: total } = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await db.deleteFrom('search_documents').execute();
  const df = new Map<string, number>();
  let lastId = 0;
  let done = 0;
  for (;;) {
    const ids = (await db.selectFrom('articles').select('id').where('id', '>', lastId).orderBy('id').limit(batchSize).execute()).map((r) => r.id);
    if (ids.length === 0) break;
    lastId = ids[ids.length - 1]!;
    const fields = await loadFields(db, ids);
    await db.transaction().execute(async (trx) => {
      // a writer may have indexed some of these meanwhile: replace, never collide
      await trx.deleteFrom('search_documents').where('article_id', 'in', ids).execute();
      const rows = [...fields].map(([id, f]) => ({ article_id: id, ...f, indexed_at: now, ...(pg ? { document: tsvector(f) } : {}) }));
      for (const part of chunks(rows, 100)) await trx.insertInto('search_documents').values(part).execute();
    });
    for (const f of fields.values()) for (const t of termsOf(f)) df.set(t, (df.get(t) ?? 0) + 1);
    done += ids.length;
    options.onProgress?.(done, Number(total));
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('search_terms').execute();
    for (const part of chunks([...df], 1000)) await trx.insertInto('search_terms').values(part.map(([term, n]) => ({ term, df: n }))).execute();
  });
  if (!pg) await sql`INSERT INTO search_fts(search_fts) VALUES ('optimize')`.execute(db);
  return { documents: done, terms: df.size };
}
