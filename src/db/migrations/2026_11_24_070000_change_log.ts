import { PostgresAdapter, type Kysely } from 'kysely';

/*
 * Changes made by other processes on this machine or database — chiefly the
 * `masthead` command (approving a comment, importing stories) — written down
 * so that running servers can drop the cached pages they affect.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('change_log')
    .addColumn('id', 'integer', (c: any) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('origin', 'varchar(40)', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('change_log_created_idx').on('change_log').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('change_log').ifExists().execute();
}
