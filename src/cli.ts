/**
 * The `masthead` command for operators. Each subcommand validates its
 * arguments and exits 0 on success, 1 when the work failed, 2 on bad usage.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { BackupError, backupDatabase, restoreDatabase } from './ops/backup.js';
import { ConfigError, loadConfig } from './config.js';
import { connect, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock } from './clock.js';
import { isEmptySite, seedDemo } from './demo/seed.js';
import { COMMENTS_HELP, commentsCommand } from './comments/comments.cli.js';
import { SOURCES_HELP, sourcesCommand } from './syndication/sources.cli.js';
import { IMPORT_HELP, importCommand } from './syndication/wxr/import.cli.js';
import { apiKeysCommand, API_KEYS_HELP } from './api/api-keys/api-keys.cli.js';
import { webhooksCommand, WEBHOOKS_HELP } from './api/webhooks/webhooks.cli.js';
import { usersCommand, UsersUsageError, USERS_HELP } from './admin/users.cli.js';
import { SEARCH_HELP, searchCommand } from './search/search.cli.js';

const HELP = `Usage: masthead <command> [options]

Commands:
  demo [--reset]     seed the demo magazine into an empty database
                     (--reset deletes ALL content and settings first)
  migrate            bring the database schema up to date
  backup <file>      copy the live database to a new file (SQLite online backup, or pg_dump)
  restore <file>     replace the database with a backup (stop the site first)
  comments <action>  list, approve, spam, trash or restore reader comments
  sources ...        follow other outlets' feeds (add, list, poll, remove)
  import wxr FILE    import a WordPress export (--media-dir DIR for its uploads)
  api-keys           content API keys: add --name <label>, list, revoke <id>
  webhooks           webhook subscriptions: add <url> --events <a,b>, list, remove <id>, deliveries
  users              add accounts, print reset links, list accounts
  search reindex     rebuild the full-text search index
  help [command]     show help

The database is DATABASE_URL (default sqlite:./data/masthead.db).
`;

const COMMAND_HELP: Record<string, string> = {
  comments: COMMENTS_HELP,
  sources: SOURCES_HELP,
  import: IMPORT_HELP,
  demo: `Usage: masthead demo [--reset]

Seeds the demo magazine (articles, authors, categories, comments) into the
database named by DATABASE_URL. Refuses when the database already has content,
unless --reset is given, which deletes ALL articles, taxonomy, comments,
redirects and settings first, in one transaction.
`,
  backup: `Usage: masthead backup <file>

Copies the database named by DATABASE_URL to <file> while the site keeps
running. SQLite: the online backup API, then an integrity check of the copy.
PostgreSQL: pg_dump in its custom format (restore with "masthead restore" or
pg_restore). Refuses to overwrite an existing file.
`,
  restore: `Usage: masthead restore <file> [--force]

Replaces the database named by DATABASE_URL with a backup made by
"masthead backup". Stop the site first. Refuses to overwrite an existing
database unless --force is given. The backup is checked before anything is
touched.
`,
  'api-keys': API_KEYS_HELP,
  webhooks: WEBHOOKS_HELP,
  users: USERS_HELP,
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

const CONTENT_TABLES = ['wxr_imported', 'search_terms', 'search_documents', 'comments', 'article_tags', 'article_authors', 'articles', 'redirects', 'series', 'sources', 'tags', 'authors', 'categories', 'settings'] as const;

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

const cliEnv = { withDatabase, usage: (message: string) => new UsageError(message), out: (text: string) => void process.stdout.write(text), clock: systemClock };

function databaseTarget() {
  try {
    return loadConfig(process.env).database;
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.problems.join('\n'));
    throw err;
  }
}

async function backup(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  if (values.help) return void process.stdout.write(COMMAND_HELP.backup!);
  if (positionals.length !== 1) throw new UsageError('backup needs exactly one argument: the file to write');
  const target = databaseTarget();
  try {
    const { bytes } = await backupDatabase(target, positionals[0]!);
    process.stdout.write(`Backed up to ${positionals[0]} (${(bytes / 1024 / 1024).toFixed(1)} MB).\n`);
  } catch (err) {
    if (err instanceof BackupError && /already exists|no database file/.test(err.message)) throw new UsageError(err.message);
    throw err;
  }
}

async function restore(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  if (values.help) return void process.stdout.write(COMMAND_HELP.restore!);
  if (positionals.length !== 1) throw new UsageError('restore needs exactly one argument: the backup file');
  const target = databaseTarget();
  if (target.engine === 'sqlite' && fs.existsSync(target.file) && !values.force) {
    throw new UsageError(`${target.file} exists; stop the site and run "masthead restore ${positionals[0]} --force" to replace it`);
  }
  if (target.engine === 'postgres' && !values.force) throw new UsageError('restoring replaces every table in the PostgreSQL database; stop the site and add --force');
  try {
    await restoreDatabase(target, positionals[0]!);
  } catch (err) {
    if (err instanceof BackupError && /no backup file|not a|integrity/.test(err.message)) throw new UsageError(err.message);
    throw err;
  }
  process.stdout.write(`Restored ${positionals[0]}.\n`);
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  demo,
  migrate,
  backup,
  restore,
  comments: (args) => commentsCommand(args, withDatabase, (m) => new UsageError(m)),
  sources: (args) => sourcesCommand(args, { withDatabase, usage: (m) => new UsageError(m) }),
  import: (args) => importCommand(args, { withDatabase, usage: (m) => new UsageError(m) }),
  'api-keys': (a) => apiKeysCommand(a, cliEnv),
  webhooks: (a) => webhooksCommand(a, cliEnv),
  search: (args) => searchCommand(args, { withDatabase, usageError: (m) => new UsageError(m) }),
  users: (args) =>
    usersCommand(args, {
      withDatabase,
      publicUrl: () => {
        const c = loadConfig(process.env);
        return c.publicUrl ?? `http://${c.host.includes(':') ? `[${c.host}]` : c.host}:${c.port}`;
      },
      out: (text) => void process.stdout.write(text),
    }),
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
    if (err instanceof UsageError || err instanceof UsersUsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`masthead: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`masthead: ${e.message}\n`);
    return 1;
  }
}

process.exitCode = await run(process.argv.slice(2));
