import { PostgresAdapter, type Kysely } from 'kysely';

/*
 * Syndication in: polling state on sources, the items seen in each feed (so
 * nothing is imported twice), and the WordPress ids an import has already
 * brought in (so importing the same export again changes nothing).
 * Same conventions as the first migration: ISO 8601 UTC text times, 0/1
 * flags, identity (PostgreSQL) or autoincrement (SQLite) ids.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (col: any) => (pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());

  const columns: [string, string, ((c: any) => any)?][] = [
    ['poll_interval_minutes', 'integer', (c) => c.notNull().defaultTo(60)],
    ['mode', 'varchar(10)', (c) => c.notNull().defaultTo('draft')],
    ['default_category_id', 'integer'],
    ['default_author_id', 'integer'],
    ['active', 'integer', (c) => c.notNull().defaultTo(1)],
    ['etag', 'varchar(500)'],
    ['last_modified', 'varchar(100)'],
    ['last_fetched_at', 'varchar(32)'],
    ['next_fetch_at', 'varchar(32)'],
    ['status', 'varchar(20)', (c) => c.notNull().defaultTo('new')],
    ['last_error', 'text'],
    ['failure_count', 'integer', (c) => c.notNull().defaultTo(0)],
  ];
  for (const [name, type, build] of columns) {
    await db.schema.alterTable('sources').addColumn(name, type as any, build ?? ((c) => c)).execute();
  }

  await db.schema
    .createTable('syndication_items')
    .addColumn('id', 'integer', id)
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('guid', 'varchar(2000)', (c) => c.notNull())
    .addColumn('link', 'varchar(2000)')
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    // the article's updated_at as we last wrote it: a different value means an editor touched it
    .addColumn('article_written_at', 'varchar(32)')
    // MinHash signature of the story's words, for near-duplicates across outlets
    .addColumn('fingerprint', 'text')
    .addColumn('held_reason', 'varchar(500)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('syndication_items_guid_uq', ['source_id', 'guid'])
    .execute();
  await db.schema.createIndex('syndication_items_link_idx').on('syndication_items').columns(['source_id', 'link']).execute();
  await db.schema.createIndex('syndication_items_created_idx').on('syndication_items').column('created_at').execute();

  await db.schema
    .createTable('wxr_imported')
    .addColumn('site', 'varchar(500)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('wp_key', 'varchar(500)', (c) => c.notNull())
    .addColumn('local_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('wxr_imported_pk', ['site', 'kind', 'wp_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('wxr_imported').ifExists().execute();
  await db.schema.dropTable('syndication_items').ifExists().execute();
  for (const name of ['failure_count', 'last_error', 'status', 'next_fetch_at', 'last_fetched_at', 'last_modified', 'etag', 'active', 'default_author_id', 'default_category_id', 'mode', 'poll_interval_minutes']) {
    await db.schema.alterTable('sources').dropColumn(name).execute();
  }
}
