/**
 * The `masthead` command for operators. Each subcommand validates its
 * arguments and exits 0 on success, 1 when the work failed, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { connect, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock } from './clock.js';
import { isEmptySite, seedDemo } from './demo/seed.js';
import { SEARCH_HELP, searchCommand } from './search/search.cli.js';

const HELP = `Usage: masthead <command> [options]

Commands:
  demo [--reset]     seed the demo magazine into an empty database
                     (--reset deletes ALL content and settings first)
  migrate            bring the database schema up to date
  search reindex     rebuild the full-text search index
  help [command]     show help

The database is DATABASE_URL (default sqlite:./data/masthead.db).
`;

const COMMAND_HELP: Record<string, string> = {
  demo: `Usage: masthead demo [--reset]

Seeds the demo magazine (articles, authors, categories, comments) into the
database named by DATABASE_URL. Refuses when the database already has content,
unless --reset is given, which deletes ALL articles, taxonomy, comments,
redirects and settings first, in one transaction.
`,
  migrate: `Usage: masthead migrate

Applies any database migrations not yet applied. The server does this at start too.
`,
  search: SEARCH_HELP,
};

class UsageError extends Error {}

async function withDatabase<T>(fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.problems.join('\n'));
    throw err;
  }
  const handle = await connect(config.database);
  try {
    await migrateToLatest(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

const CONTENT_TABLES = ['search_terms', 'search_documents', 'comments', 'article_tags', 'article_authors', 'articles', 'redirects', 'series', 'sources', 'tags', 'authors', 'categories', 'settings'] as const;

async function demo(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { reset: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) return void process.stdout.write(COMMAND_HELP.demo!);
  await withDatabase(async ({ db, description }) => {
    if (!(await isEmptySite(db))) {
      if (!values.reset) throw new UsageError(`${description} already has content; run "masthead demo --reset" to delete all of it and reseed`);
      await db.transaction().execute(async (trx) => {
        // children before parents, so foreign keys hold at every step
        await trx.updateTable('categories').set({ parent_id: null }).execute();
        await trx.updateTable('comments').set({ parent_id: null }).execute();
        for (const table of CONTENT_TABLES) await trx.deleteFrom(table).execute();
      });
    }
    const { demoContent } = await import('./demo/demo-content.js');
    const s = await seedDemo(db, systemClock, demoContent);
    process.stdout.write(`Seeded ${description}: ${s.articles} articles, ${s.pages} pages, ${s.authors} authors, ${s.categories} categories, ${s.tags} tags, ${s.comments} comments.\n`);
  });
}

async function migrate(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) return void process.stdout.write(COMMAND_HELP.migrate!);
  await withDatabase(async ({ db, description }) => {
    // migrateToLatest already ran in withDatabase; report the state
    const rows = await db.selectFrom('masthead_migrations' as never).select('name' as never).execute();
    process.stdout.write(`${description} is up to date (${rows.length} migrations applied).\n`);
  });
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  demo,
  migrate,
  search: (args) => searchCommand(args, { withDatabase, usageError: (m) => new UsageError(m) }),
};

export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      const topic = rest[0];
      process.stdout.write(topic && COMMAND_HELP[topic] ? COMMAND_HELP[topic] : HELP);
      return 0;
    }
    const fn = COMMANDS[command];
    if (!fn) throw new UsageError(`unknown command "${command}"; run "masthead --help" for the list`);
    await fn(rest);
    return 0;
  } catch (err) {
    const e = err as Error & { code?: string };
    if (err instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`masthead: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`masthead: ${e.message}\n`);
    return 1;
  }
}

process.exitCode = await run(process.argv.slice(2));
