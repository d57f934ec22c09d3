import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { FairSqliteDialect } from './sqlite-driver.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** What to show an operator: the file, or the server without credentials. */
  description: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string };

/**
 * Reads a DATABASE_URL: `sqlite:relative/or/absolute.db`, `sqlite::memory:`,
 * or `postgres://user@host:port/db` (also `postgresql://`). Throws an Error
 * whose message is fit to show an operator.
 */
export function parseDatabaseUrl(value: string): DatabaseTarget {
  const trimmed = value.trim();
  if (/^sqlite:/i.test(trimmed)) {
    let file = trimmed.slice('sqlite:'.length);
    if (file.startsWith('//')) file = file.slice(2);
    if (file === '') throw new Error('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/masthead.db');
    return { engine: 'sqlite', file };
  }
  if (/^postgres(ql)?:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      if (!url.hostname && !url.searchParams.get('host')) throw new Error('no host');
    } catch {
      throw new Error(`DATABASE_URL is not a valid PostgreSQL URL: ${redactUrl(trimmed)}`);
    }
    return { engine: 'postgres', url: trimmed };
  }
  throw new Error(
    'DATABASE_URL must start with "sqlite:" (e.g. sqlite:./data/masthead.db) or "postgres://" (e.g. postgres://user@127.0.0.1:5432/masthead)',
  );
}

/** A URL with its password replaced, safe to log. */
export function redactUrl(value: string): string {
  return value.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

export interface ConnectOptions {
  /** PostgreSQL only: the schema to use (created if missing). Tests use one each. */
  schema?: string;
  /** PostgreSQL only: pool size. */
  poolSize?: number;
}

export async function connect(target: DatabaseTarget, options: ConnectOptions = {}): Promise<DatabaseHandle> {
  if (target.engine === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(target.file)), { recursive: true });
    let sqlite: SQLite.Database;
    try {
      sqlite = new SQLite(target.file);
    } catch (err) {
      throw new Error(`cannot open SQLite database ${target.file}: ${(err as Error).message}`);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new FairSqliteDialect(sqlite) });
    return {
      db,
      engine: 'sqlite',
      description: `SQLite ${target.file}`,
      close: () => db.destroy(),
    };
  }

  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    // counts come back as int8; they fit a JS number for any site we serve
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID || oid === NUMERIC_OID
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => {
    // an idle client lost its connection; the pool replaces it on next use
  });
  const description = `PostgreSQL ${redactUrl(target.url)}`;
  try {
    const client = await pool.connect();
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(`cannot connect to ${description}: ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', description, close: () => db.destroy() };
}
