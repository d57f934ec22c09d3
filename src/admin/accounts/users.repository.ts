import type { Kysely, Transaction } from 'kysely';
import type { Database, UserRow } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();
}

export async function setPasswordHash(db: Db, userId: number, hash: string, mustChange: boolean, now: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash, must_change_password: mustChange ? 1 : 0, updated_at: now }).where('id', '=', userId).execute();
}
