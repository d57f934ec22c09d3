import { PostgresAdapter, type Kysely } from 'kysely';

/*
 * The first schema. Frozen once on main: change the schema with a new file.
 *
 * Both engines get the same columns and the same value shapes:
 * - times are ISO 8601 UTC text ("2026-11-23T21:11:10.000Z"). They sort and
 *   compare correctly as text in both engines, and a row reads back as the
 *   same string from either driver (pg would otherwise hand back Date objects
 *   and SQLite strings, and every caller would have to know which).
 * - flags are 0/1 integers, since SQLite has no boolean type.
 * - ids are SQLite INTEGER PRIMARY KEY AUTOINCREMENT or PostgreSQL identity
 *   columns: the one place the engines differ here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (name = 'id') =>
    [
      name,
      'integer',
      (col: any) =>
        pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
    ] as const;

  await db.schema
    .createTable('settings')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('authors')
    .addColumn(...id())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('credentials', 'varchar(100)')
    .addColumn('bio', 'text')
    .addColumn('email', 'varchar(254)')
    .addColumn('website', 'varchar(2000)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('categories')
    .addColumn(...id())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('parent_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn(...id())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('series')
    .addColumn(...id())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sources')
    .addColumn(...id())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('homepage_url', 'varchar(2000)')
    .addColumn('feed_url', 'varchar(2000)')
    .addColumn('show_source_line', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('canonical_policy', 'varchar(20)', (c) => c.notNull().defaultTo('self'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn(...id())
    .addColumn('type', 'varchar(10)', (c) => c.notNull().defaultTo('post'))
    .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('dek', 'text')
    .addColumn('excerpt', 'text')
    // plain-text teaser: the excerpt when there is one, else the body's opening words
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull().defaultTo('news'))
    .addColumn('body_format', 'varchar(10)', (c) => c.notNull().defaultTo('markdown'))
    .addColumn('body_source', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('draft'))
    .addColumn('published_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('lang', 'varchar(35)')
    .addColumn('dir', 'varchar(3)')
    .addColumn('primary_category_id', 'integer', (c) =>
      c.references('categories.id').onDelete('set null'),
    )
    .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('featured_image_url', 'varchar(2000)')
    .addColumn('featured_image_alt', 'text')
    .addColumn('featured_image_caption', 'text')
    .addColumn('featured_image_credit', 'varchar(500)')
    .addColumn('featured_image_width', 'integer')
    .addColumn('featured_image_height', 'integer')
    .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('set null'))
    .addColumn('original_url', 'varchar(2000)')
    .addColumn('original_author', 'varchar(300)')
    .addColumn('series_id', 'integer', (c) => c.references('series.id').onDelete('set null'))
    .addColumn('series_part', 'integer')
    .addColumn('comments_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('articles_status_published_idx')
    .on('articles')
    .columns(['status', 'type', 'published_at'])
    .execute();
  // covers both listing and counting a category's stories without touching the rows
  await db.schema
    .createIndex('articles_category_idx')
    .on('articles')
    .columns(['status', 'type', 'primary_category_id', 'published_at'])
    .execute();
  await db.schema.createIndex('articles_series_idx').on('articles').column('series_id').execute();
  await db.schema.createIndex('articles_source_idx').on('articles').column('source_id').execute();

  await db.schema
    .createTable('article_authors')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'integer', (c) =>
      c.notNull().references('authors.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
    .execute();
  await db.schema
    .createIndex('article_authors_author_idx')
    .on('article_authors')
    .column('author_id')
    .execute();

  await db.schema
    .createTable('article_tags')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('article_tags_tag_idx').on('article_tags').column('tag_id').execute();

  await db.schema
    .createTable('comments')
    .addColumn(...id())
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('set null'))
    .addColumn('author_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('author_email', 'varchar(254)', (c) => c.notNull())
    .addColumn('author_url', 'varchar(2000)')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ip_hash', 'varchar(128)')
    .addColumn('user_agent', 'varchar(500)')
    .execute();
  await db.schema
    .createIndex('comments_article_idx')
    .on('comments')
    .columns(['article_id', 'status', 'created_at'])
    .execute();

  // keys the application makes for itself (form tokens, IP hashing); never shown or logged
  await db.schema
    .createTable('secrets')
    .addColumn('name', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('redirects')
    .addColumn(...id())
    .addColumn('from_path', 'varchar(2000)', (c) => c.notNull().unique())
    .addColumn('to_path', 'varchar(2000)', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull().defaultTo(301))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'redirects',
    'secrets',
    'comments',
    'article_tags',
    'article_authors',
    'articles',
    'sources',
    'series',
    'tags',
    'categories',
    'authors',
    'settings',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
