import type { Kysely, Transaction } from 'kysely';
import type { Database, UserRole } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import { inTransaction } from '../../db/transaction.js';
import { createAuthor } from '../../content/taxonomy.service.js';
import { slugify, uniqueSlug } from '../../content/slug.js';
import { generatePassword, hashPassword, newToken, hashToken } from './password.js';
import { newUserSchema, type NewUserInput } from './users.schema.js';
import { findUserByEmail, setPasswordHash } from './users.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

const RESET_LIFETIME_MS = 24 * 3_600_000;

/**
 * Creates an account. Without a password, a one-time password is made and
 * returned, and the person must choose their own at first sign-in. Each
 * account gets a byline (an author row) unless it is given one, so that what
 * they write is credited to them.
 */
export async function createUser(db: Db, input: NewUserInput, clock: Clock): Promise<{ id: number; oneTimePassword: string | null }> {
  const u = newUserSchema.parse(input);
  const oneTimePassword = u.password ? null : generatePassword();
  const hash = await hashPassword(u.password ?? oneTimePassword!);
  const now = clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    if (await findUserByEmail(trx, u.email)) throw new AppError('BAD_REQUEST', `An account for ${u.email} exists already.`);
    let authorId = u.authorId ?? null;
    if (authorId == null) {
      const slug = await uniqueSlug(slugify(u.name) || 'author', async (s) => !!(await trx.selectFrom('authors').select('id').where('slug', '=', s).executeTakeFirst()));
      authorId = await createAuthor(trx, { name: u.name, slug }, clock);
    }
    const { id } = await trx
      .insertInto('users')
      .values({ email: u.email, name: u.name, role: u.role as UserRole, password_hash: hash, must_change_password: oneTimePassword ? 1 : 0, author_id: authorId, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, oneTimePassword };
  });
}

/** Makes a one-time reset token valid for a day; returns the token (shown once, stored hashed). */
export async function createPasswordReset(db: Db, userId: number, clock: Clock): Promise<string> {
  const { token, hash } = newToken();
  await db
    .insertInto('password_resets')
    .values({ token_hash: hash, user_id: userId, expires_at: new Date(clock.now().getTime() + RESET_LIFETIME_MS).toISOString(), used_at: null })
    .execute();
  return token;
}

/** The account a reset token belongs to, if the token is unused and unexpired. */
export async function findValidReset(db: Db, token: string, clock: Clock): Promise<{ userId: number } | undefined> {
  const row = await db
    .selectFrom('password_resets')
    .select(['user_id'])
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', clock.now().toISOString())
    .executeTakeFirst();
  return row ? { userId: row.user_id } : undefined;
}

/**
 * Spends a reset token and sets the new password, in one transaction. Every
 * session of the account is ended, since a reset usually means a lost or
 * stolen password.
 */
export async function resetPassword(db: Kysely<Database>, token: string, password: string, clock: Clock): Promise<boolean> {
  const hash = await hashPassword(password);
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    if (!spent) return false;
    await setPasswordHash(trx, spent.user_id, hash, false, now);
    await trx.deleteFrom('sessions').where('user_id', '=', spent.user_id).execute();
    return true;
  });
}
