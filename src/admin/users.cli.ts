/**
 * `masthead users …`: create the first admin, make reset links, list accounts.
 * The only account work that needs a terminal; the rest is in /admin/.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { systemClock } from '../clock.js';
import { AppError } from '../errors.js';
import { createPasswordReset, createUser } from './accounts/users.service.js';
import { findUserByEmail, listUsers } from './accounts/users.repository.js';
import { passwordSchema } from './accounts/users.schema.js';

export const USERS_HELP = `Usage:
  masthead users add --email E --name N --role R [--password-stdin]
  masthead users reset E
  masthead users list

add     creates an account. R is contributor, author, editor or admin.
        With --password-stdin the password is read from standard input
        (at least 12 characters); otherwise a one-time password is printed,
        which must be changed at first sign-in.
reset   prints a one-time link (valid 24 hours) to choose a new password.
list    lists accounts: email, role, name.

Links use MASTHEAD_PUBLIC_URL (default http://127.0.0.1:PORT).
`;

/** Thrown for bad usage (exit code 2); cli.ts maps it. */
export class UsersUsageError extends Error {}

interface CliContext {
  withDatabase: <T>(fn: (handle: { db: Kysely<Database> }) => Promise<T>) => Promise<T>;
  publicUrl: () => string;
  out: (text: string) => void;
  /** Standard input, whole (for --password-stdin). */
  readStdin?: () => Promise<string>;
}

/** Reads all of standard input, without its final newline. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export async function usersCommand(args: string[], ctx: CliContext): Promise<void> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') return ctx.out(USERS_HELP);
  if (sub === 'add') {
    const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } }, strict: true });
    if (!values.email || !values.name || !values.role) throw new UsersUsageError('users add needs --email, --name and --role');
    let password: string | undefined;
    if (values['password-stdin']) {
      const checked = passwordSchema.safeParse(await (ctx.readStdin ?? readStdin)());
      if (!checked.success) throw new UsersUsageError(`password from stdin: ${checked.error.issues[0]!.message}`);
      password = checked.data;
    }
    await ctx.withDatabase(async ({ db }) => {
      try {
        const { oneTimePassword } = await createUser(db, { email: values.email!, name: values.name!, role: values.role as never, password }, systemClock);
        ctx.out(`Created ${values.role} account for ${values.email!.trim().toLowerCase()}.\n`);
        if (oneTimePassword) ctx.out(`One-time password (must be changed at first sign-in): ${oneTimePassword}\nSign in at ${ctx.publicUrl()}/admin/login\n`);
      } catch (err) {
        if (err instanceof z.ZodError) throw new UsersUsageError(err.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '));
        if (err instanceof AppError) throw new UsersUsageError(err.message);
        throw err;
      }
    });
    return;
  }
  if (sub === 'reset') {
    const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new UsersUsageError('users reset needs exactly one email address');
    await ctx.withDatabase(async ({ db }) => {
      const user = await findUserByEmail(db, positionals[0]!);
      if (!user) throw new UsersUsageError(`no account has the email ${positionals[0]!.trim().toLowerCase()}; "masthead users list" shows them`);
      const token = await createPasswordReset(db, user.id, systemClock);
      ctx.out(`One-time reset link for ${user.email} (valid 24 hours):\n${ctx.publicUrl()}/admin/reset/${token}\n`);
    });
    return;
  }
  if (sub === 'list') {
    parseArgs({ args: rest, options: {}, strict: true });
    await ctx.withDatabase(async ({ db }) => {
      const users = await listUsers(db);
      if (users.length === 0) return ctx.out('No accounts yet. Create the first with: masthead users add --email E --name N --role admin\n');
      for (const u of users) ctx.out(`${u.email}\t${u.role}\t${u.name}${u.must_change_password ? '\t(one-time password not yet changed)' : ''}\n`);
    });
    return;
  }
  throw new UsersUsageError(`unknown users command "${sub}"; run "masthead users --help"`);
}
