import { PostgresAdapter, type Kysely } from 'kysely';

/*
 * The content API and webhooks: content API keys (stored hashed), webhook
 * subscriptions and their delivery log. Same conventions as the first
 * migration: ISO 8601 UTC text times, 0/1 flags, identity/autoincrement ids.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = () =>
    ['id', 'integer', (col: any) => (pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement())] as const;

  await db.schema
    .createTable('api_keys')
    .addColumn(...id())
    .addColumn('label', 'varchar(100)', (c) => c.notNull())
    // SHA-256 of the key, hex; the key itself is shown once and never stored
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .addColumn('last_used_at', 'varchar(32)')
    .execute();

  await db.schema
    .createTable('webhooks')
    .addColumn(...id())
    .addColumn('url', 'varchar(2000)', (c) => c.notNull())
    // comma-separated event names, e.g. "article.published,comment.approved"
    .addColumn('events', 'varchar(500)', (c) => c.notNull())
    // signs payloads; the receiver holds a copy, so it must be kept readable
    .addColumn('secret', 'varchar(200)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn(...id())
    .addColumn('webhook_id', 'integer', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('event', 'varchar(50)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // pending (waiting for its next attempt), delivered, failed (gave up)
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(32)')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'varchar(500)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due_idx')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('webhook_deliveries_webhook_idx').on('webhook_deliveries').columns(['webhook_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').ifExists().execute();
  await db.schema.dropTable('webhooks').ifExists().execute();
  await db.schema.dropTable('api_keys').ifExists().execute();
}
