import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { addFeedSource, removeFeedSource, SourceInputError } from './sources.service.js';
import { listFeedSources } from './sources.repository.js';
import { pollDueSources, pollSourceById, type PollOutcome } from './poll.service.js';
import { loggingChangeBus } from '../cache/change-log.js';

export const SOURCES_HELP = `Usage: masthead sources <add|list|poll|remove> [options]

  sources add <feed-url> --name "Arab News" [--category SLUG] [--author SLUG]
              [--mode draft|publish] [--interval MINUTES] [--canonical original|self]
              [--no-source-line]
                         follow a feed; new items become drafts (or published stories)
  sources list           every feed source with its status and last error
  sources poll [--id N]  fetch now: one source, or every source that is due
  sources remove --id N  stop following a source (its stories stay)

Fetches refuse private and loopback addresses unless MASTHEAD_FETCH_ALLOW_PRIVATE=1.
`;

export interface CliContext {
  withDatabase: <T>(fn: (handle: { db: Kysely<Database>; description: string }) => Promise<T>) => Promise<T>;
  usage: (message: string) => Error;
}

const line = (o: PollOutcome) =>
  `source ${o.sourceId}: ${o.status}${o.format ? ` (${o.format}, ${o.items} items)` : ''}; ${o.created} new, ${o.updated} updated, ${o.unchanged} unchanged, ${o.held} held as near-duplicates${o.error ? `\n  problem: ${o.error}` : ''}\n`;

/** `masthead sources …`: exits 1 when any polled source failed. */
export async function sourcesCommand(args: string[], ctx: CliContext): Promise<void> {
  const [action, ...rest] = args;
  if (!action || action === '--help' || action === '-h' || action === 'help') return void process.stdout.write(SOURCES_HELP);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: 'string' },
      category: { type: 'string' },
      author: { type: 'string' },
      mode: { type: 'string' },
      interval: { type: 'string' },
      canonical: { type: 'string' },
      'no-source-line': { type: 'boolean', default: false },
      id: { type: 'string' },
    },
  });
  const id = values.id === undefined ? undefined : Number(values.id);
  if (id !== undefined && (!Number.isInteger(id) || id < 1)) throw ctx.usage('--id must be a source number (see "masthead sources list")');
  const allowPrivate = loadConfig(process.env).fetchAllowPrivate;
  await ctx.withDatabase(async ({ db }) => {
    switch (action) {
      case 'add': {
        if (positionals.length !== 1) throw ctx.usage('give exactly one feed URL: masthead sources add <feed-url> --name "…"');
        try {
          const newId = await addFeedSource(db, { feedUrl: positionals[0]!, name: values.name ?? '', category: values.category, author: values.author, mode: values.mode as 'draft', intervalMinutes: values.interval, canonical: values.canonical as 'original', showSourceLine: !values['no-source-line'] }, systemClock);
          process.stdout.write(`Added source ${newId}. Run "masthead sources poll --id ${newId}" to fetch it now.\n`);
        } catch (err) {
          if (err instanceof ZodError) throw ctx.usage(err.issues.map((i) => i.message).join('; '));
          if (err instanceof SourceInputError) throw ctx.usage(err.message);
          throw err;
        }
        return;
      }
      case 'list': {
        const rows = await listFeedSources(db);
        if (!rows.length) return void process.stdout.write('No feed sources. Add one with "masthead sources add <feed-url> --name NAME".\n');
        for (const s of rows) {
          process.stdout.write(`${s.id}\t${s.name}\t${s.feed_url}\t${s.mode}\tevery ${s.poll_interval_minutes} min\t${s.status}\tlast fetch ${s.last_fetched_at ?? 'never'}${s.last_error ? `\n\tlast error: ${s.last_error}` : ''}\n`);
        }
        return;
      }
      case 'poll': {
        // published stories are announced through the change log, so running servers show them at once
        const changes = loggingChangeBus(db);
        const deps = { db, clock: systemClock, allowPrivate, events: changes.bus };
        const outcomes = id ? [await pollSourceById(deps, id)] : await pollDueSources(deps);
        await changes.flush();
        if (outcomes[0] === null) throw ctx.usage(`no source ${id}`);
        for (const o of outcomes) process.stdout.write(line(o!));
        if (!outcomes.length) process.stdout.write('No source is due.\n');
        if (outcomes.some((o) => o?.status === 'error')) throw new Error('some sources failed; see above');
        return;
      }
      case 'remove': {
        if (!id) throw ctx.usage('give the source to remove: masthead sources remove --id N');
        if (!(await removeFeedSource(db, id))) throw ctx.usage(`no source ${id}`);
        process.stdout.write(`Removed source ${id}; its stories stay.\n`);
        return;
      }
      default:
        throw ctx.usage(`unknown sources action "${action}"; use add, list, poll or remove`);
    }
  });
}
