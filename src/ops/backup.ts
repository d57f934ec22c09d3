import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import SQLite from 'better-sqlite3';
import type { DatabaseTarget } from '../db/connect.js';

export class BackupError extends Error {}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(new BackupError(err.code === 'ENOENT' ? `${command} is not installed; install the PostgreSQL client tools (Debian: postgresql-client)` : err.message)),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} failed: ${stderr.trim().split('\n').pop() ?? `exit ${code}`}`))));
  });
}

/** Checks that a file is a readable SQLite database holding a Masthead schema. */
export function verifySqliteBackup(file: string): { articles: number } {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupError(`${file} is not a readable SQLite database: ${(err as Error).message}`);
  }
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${file} failed SQLite's integrity check: ${String(check)}`);
    const hasSchema = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'masthead_migrations'").get();
    if (!hasSchema) throw new BackupError(`${file} is a SQLite database but not a Masthead one (no masthead_migrations table)`);
    const { n } = db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number };
    return { articles: n };
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file} is not a usable backup: ${(err as Error).message}`);
  } finally {
    db.close();
  }
}

/**
 * Copies the live database to `dest` without stopping the site: SQLite's
 * online backup API (readers and writers carry on), or pg_dump's custom
 * format for PostgreSQL. Refuses to overwrite an existing file.
 */
export async function backupDatabase(target: DatabaseTarget, dest: string): Promise<{ bytes: number }> {
  if (fs.existsSync(dest)) throw new BackupError(`${dest} already exists; choose a new file name`);
  fs.mkdirSync(path.dirname(path.resolve(dest)), { recursive: true });
  if (target.engine === 'sqlite') {
    if (target.file === ':memory:' || !fs.existsSync(target.file)) throw new BackupError(`there is no database file at ${target.file}`);
    const source = new SQLite(target.file, { fileMustExist: true });
    try {
      await source.backup(dest);
    } finally {
      source.close();
    }
    verifySqliteBackup(dest);
  } else {
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', dest, '--dbname', target.url]);
  }
  return { bytes: fs.statSync(dest).size };
}

/**
 * Puts a backup in place of the database. Stop the site first: for SQLite the
 * file is overwritten page by page; for PostgreSQL pg_restore drops and
 * recreates every object it holds.
 */
export async function restoreDatabase(target: DatabaseTarget, source: string): Promise<void> {
  if (!fs.existsSync(source)) throw new BackupError(`no backup file at ${source}`);
  if (target.engine === 'sqlite') {
    verifySqliteBackup(source);
    fs.mkdirSync(path.dirname(path.resolve(target.file)), { recursive: true });
    if (fs.existsSync(target.file)) {
      // fold any write-ahead log into the file first, so nothing stale survives beside it
      const live = new SQLite(target.file);
      live.pragma('wal_checkpoint(TRUNCATE)');
      live.close();
    }
    const backup = new SQLite(source, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(target.file);
    } finally {
      backup.close();
    }
    return;
  }
  await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', target.url, source]);
}
