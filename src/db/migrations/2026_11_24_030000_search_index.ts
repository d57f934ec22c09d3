import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * Full-text search. `search_documents` holds each article's words already
 * folded by the application (src/search/fold.ts), one row per article of any
 * status, so the admin can search drafts and the site filters to published.
 * - SQLite: an FTS5 index over those columns (external content, so the text
 *   is stored once), kept in step by triggers; porter stemming.
 * - PostgreSQL: a weighted tsvector column ('english' stemming) with a GIN index.
 * `search_terms` counts how many documents hold each folded word: the
 * document frequencies that related-story scoring weighs words by, the same
 * on both engines.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  let table = db.schema
    .createTable('search_documents')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('authors', 'text', (c) => c.notNull())
    .addColumn('indexed_at', 'varchar(32)', (c) => c.notNull());
  if (pg) table = table.addColumn('document', sql`tsvector`, (c) => c.notNull());
  await table.execute();

  if (pg) {
    await sql`CREATE INDEX search_documents_document_idx ON search_documents USING GIN (document)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(title, dek, body, tags, authors, content='search_documents', content_rowid='article_id', tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
    // triggers keep the index in step with every write, cascaded deletes included
    await sql`CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
      INSERT INTO search_fts(rowid, title, dek, body, tags, authors) VALUES (new.article_id, new.title, new.dek, new.body, new.tags, new.authors);
    END`.execute(db);
    await sql`CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
      INSERT INTO search_fts(search_fts, rowid, title, dek, body, tags, authors) VALUES ('delete', old.article_id, old.title, old.dek, old.body, old.tags, old.authors);
    END`.execute(db);
    await sql`CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
      INSERT INTO search_fts(search_fts, rowid, title, dek, body, tags, authors) VALUES ('delete', old.article_id, old.title, old.dek, old.body, old.tags, old.authors);
      INSERT INTO search_fts(rowid, title, dek, body, tags, authors) VALUES (new.article_id, new.title, new.dek, new.body, new.tags, new.authors);
    END`.execute(db);
  }

  await db.schema
    .createTable('search_terms')
    .addColumn('term', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropTable('search_terms').ifExists().execute();
  if (!pg) {
    for (const t of ['search_documents_ai', 'search_documents_ad', 'search_documents_au']) await sql`DROP TRIGGER IF EXISTS ${sql.raw(t)}`.execute(db);
    await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
  }
  await db.schema.dropTable('search_documents').ifExists().execute();
}
