import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/connect.js';
import { systemClock } from '../clock.js';
import { loggingChangeBus } from '../cache/change-log.js';
import { countByStatus, listForModeration, moderate, type ModerationAction } from './comments.moderation.js';
import { purgeOldIpHashes } from './comments.purge.js';

export const COMMENTS_HELP = `Usage: masthead comments <action> [options]

Actions:
  list [--status S] [--limit N]   newest comments first, with counts per status
                                  (S: pending, approved, spam, trash; N: 1-1000, default 50)
  approve <id…>                   publish comments
  spam <id…>                      move comments to the spam folder
  trash <id…>                     move comments to the trash
  restore <id…>                   put comments back in the moderation queue (pending)
  purge-ips                       erase IP hashes older than the retention setting now
                                  (the server also does this hourly)

Emails are shown here, to moderators only; they never appear on the site.
`;

const statusSchema = z.enum(['pending', 'approved', 'spam', 'trash'], { message: '--status must be pending, approved, spam or trash' });
const limitSchema = z.coerce.number({ message: '--limit must be a number' }).int('--limit must be a whole number').min(1, '--limit must be 1 or more').max(1000, '--limit must be 1000 or less');
const idsSchema = z.array(z.string().regex(/^[1-9]\d{0,9}$/, 'comment ids are whole numbers such as 42').transform(Number)).min(1, 'name at least one comment id');

/**
 * Makes text safe to print on a terminal: control characters (which could
 * move the cursor or recolour the screen) and bidirectional overrides (which
 * could reorder what a moderator reads) are shown as visible escapes.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, (ch) => (ch === '\n' ? ' ' : `\\u{${ch.codePointAt(0)!.toString(16)}}`));
}

function parse<T>(schema: z.ZodType<T>, value: unknown, usage: (message: string) => Error): T {
  const result = schema.safeParse(value);
  if (!result.success) throw usage(result.error.issues[0]!.message);
  return result.data;
}

type WithDatabase = <T>(fn: (handle: DatabaseHandle) => Promise<T>) => Promise<T>;

/**
 * `masthead comments …`. Writes go through the moderation service, so they
 * emit the same change events as the admin's moderation queue.
 */
export async function commentsCommand(args: string[], withDatabase: WithDatabase, usage: (message: string) => Error): Promise<void> {
  const [action, ...rest] = args;
  if (!action || action === '--help' || action === '-h' || action === 'help') return void process.stdout.write(COMMENTS_HELP);
  const out = (line: string) => process.stdout.write(`${line}\n`);

  if (action === 'list') {
    const { values } = parseArgs({ args: rest, options: { status: { type: 'string' }, limit: { type: 'string' } }, strict: true });
    const status = values.status === undefined ? undefined : parse(statusSchema, values.status, usage);
    const limit = values.limit === undefined ? 50 : parse(limitSchema, values.limit, usage);
    await withDatabase(async ({ db }) => {
      const counts = await countByStatus(db);
      out(`pending ${counts.pending} · approved ${counts.approved} · spam ${counts.spam} · trash ${counts.trash}`);
      for (const c of await listForModeration(db, { status, limit })) {
        const body = Array.from(c.body).slice(0, 100).join('');
        out(`#${c.id}  ${c.status.padEnd(8)}  ${c.createdAt.slice(0, 16).replace('T', ' ')}  /${printable(c.articleSlug)}/  ${printable(c.authorName)} <${printable(c.authorEmail)}>${c.parentId ? `  (reply to #${c.parentId})` : ''}`);
        out(`    ${printable(body)}${body.length < c.body.length ? '…' : ''}`);
      }
    });
    return;
  }

  if (action === 'purge-ips') {
    parseArgs({ args: rest, options: {}, strict: true });
    await withDatabase(async ({ db }) => out(`Erased the IP hash of ${await purgeOldIpHashes(db, systemClock.now())} comments.`));
    return;
  }

  const actions: Record<string, { act: ModerationAction; done: string }> = {
    approve: { act: 'approve', done: 'Approved' },
    spam: { act: 'spam', done: 'Marked as spam' },
    trash: { act: 'trash', done: 'Trashed' },
    restore: { act: 'restore', done: 'Restored to the queue' },
  };
  const chosen = actions[action];
  if (!chosen) throw usage(`unknown comments action "${action}"; run "masthead comments --help" for the list`);
  const { positionals } = parseArgs({ args: rest, options: {}, allowPositionals: true, strict: true });
  const ids = parse(idsSchema, positionals, usage);
  await withDatabase(async ({ db }) => {
    // the change goes through the change log, so running servers drop the pages it touches
    const changes = loggingChangeBus(db);
    const result = await moderate(db, changes.bus, systemClock, chosen.act, ids);
    await changes.flush();
    const unchanged = ids.filter((id) => !result.changed.includes(id) && !result.missing.includes(id));
    if (result.changed.length) out(`${chosen.done}: ${result.changed.map((id) => `#${id}`).join(', ')}`);
    if (unchanged.length) out(`Already so: ${unchanged.map((id) => `#${id}`).join(', ')}`);
    if (result.missing.length) throw new Error(`no comment with id ${result.missing.join(', ')}`);
  });
}
