import { PostgresAdapter, type Kysely } from 'kysely';

/*
 * The newsroom admin: accounts, sessions, login attempts, password resets,
 * article revisions and the media library; and on articles an optimistic-lock
 * version, the owning account and the featured image's srcset.
 * Same conventions as the first migration: ISO 8601 UTC text times, 0/1 flags,
 * identity (PostgreSQL) or autoincrement (SQLite) ids.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = () =>
    ['id', 'integer', (col: any) => (pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement())] as const;

  await db.schema
    .createTable('users')
    .addColumn(...id())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(300)', (c) => c.notNull())
    // a one-time password printed by the CLI must be replaced at first sign-in
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_id', 'integer', (c) => c.references('authors.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    // sha256 of the cookie's token: a stolen database row cannot be replayed as a cookie
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn(...id())
    // "ip:<hash>" or "account:<email>"
    .addColumn('key', 'varchar(300)', (c) => c.notNull())
    .addColumn('attempted_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_key_idx').on('login_attempts').columns(['key', 'attempted_at']).execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .execute();

  await db.schema.alterTable('articles').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('articles').addColumn('owner_user_id', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
  await db.schema.alterTable('articles').addColumn('featured_image_srcset', 'text').execute();

  await db.schema
    .createTable('article_revisions')
    .addColumn(...id())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    // 'save' for every stored version; 'autosave' for the one unsaved draft kept per person
    .addColumn('kind', 'varchar(10)', (c) => c.notNull().defaultTo('save'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('dek', 'text')
    .addColumn('excerpt', 'text')
    .addColumn('body_source', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_revisions_article_idx').on('article_revisions').columns(['article_id', 'created_at']).execute();

  await db.schema
    .createTable('media')
    .addColumn(...id())
    // the stored file's path under the media directory, e.g. 2026/11/a1b2c3d4.jpg
    .addColumn('path', 'varchar(300)', (c) => c.notNull().unique())
    .addColumn('original_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('mime', 'varchar(50)', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('alt', 'text')
    // JSON: [{ "width": 640, "path": "2026/11/a1b2c3d4-640.webp" }, …]
    .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media').ifExists().execute();
  await db.schema.dropTable('article_revisions').ifExists().execute();
  await db.schema.alterTable('articles').dropColumn('featured_image_srcset').execute();
  await db.schema.alterTable('articles').dropColumn('owner_user_id').execute();
  await db.schema.alterTable('articles').dropColumn('version').execute();
  for (const table of ['password_resets', 'login_attempts', 'sessions', 'users']) await db.schema.dropTable(table).ifExists().execute();
}
