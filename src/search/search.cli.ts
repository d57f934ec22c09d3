import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../db/connect.js';
import { rebuildSearchIndex } from './search-index.repository.js';

export const SEARCH_HELP = `Usage: masthead search reindex

Rebuilds the full-text search index and the word counts related stories use,
from every article in the database named by DATABASE_URL. Safe to run while
the site serves: each batch is its own transaction. Writes keep the index up
to date on their own; run this after restoring a backup or bulk-editing rows
by hand.
`;

export interface CliTools {
  withDatabase: <T>(fn: (handle: DatabaseHandle) => Promise<T>) => Promise<T>;
  usageError: (message: string) => Error;
}

/** `masthead search <subcommand>`. */
export async function searchCommand(args: string[], tools: CliTools): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  if (values.help) return void process.stdout.write(SEARCH_HELP);
  const [sub, ...extra] = positionals;
  if (sub !== 'reindex' || extra.length) throw tools.usageError(sub ? `unknown search command "${[sub, ...extra].join(' ')}"; try "masthead search reindex"` : 'say what to do: "masthead search reindex"');
  await tools.withDatabase(async ({ db, description }) => {
    const started = Date.now();
    let shown = -1;
    const tty = process.stderr.isTTY;
    const result = await rebuildSearchIndex(db, {
      onProgress: (done, total) => {
        const pct = total ? Math.floor((done / total) * 100) : 100;
        if (tty && pct !== shown) process.stderr.write(`\rIndexing ${done}/${total} articles (${pct}%)`);
        shown = pct;
      },
    });
    if (tty) process.stderr.write('\n');
    process.stdout.write(`Reindexed ${description}: ${result.documents} articles, ${result.terms} distinct words, in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  });
}
