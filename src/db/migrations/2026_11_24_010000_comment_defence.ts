import type { Kysely } from 'kysely';

/*
 * Reader comments: what spam defence and moderation need from the comments table.
 * - rate limits count recent comments per IP hash and per email, so both get
 *   an index led by that column and the time;
 * - "hold first-time commenters" asks whether an address has an approved
 *   comment, and the moderation queue lists by status and time;
 * - an edit by a moderator is dated (ISO 8601 UTC text, like every time here).
 * Emails are stored lower-cased by the application so equality uses the index
 * on both engines.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('updated_at', 'varchar(32)').execute();
  await db.schema.createIndex('comments_ip_idx').on('comments').columns(['ip_hash', 'created_at']).execute();
  await db.schema.createIndex('comments_email_idx').on('comments').columns(['author_email', 'status']).execute();
  await db.schema.createIndex('comments_status_idx').on('comments').columns(['status', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_status_idx').execute();
  await db.schema.dropIndex('comments_email_idx').execute();
  await db.schema.dropIndex('comments_ip_idx').execute();
  await db.schema.alterTable('comments').dropColumn('updated_at').execute();
}
