import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connect, parseDatabaseUrl } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { backupDatabase, restoreDatabase, BackupError } from '../../src/ops/backup.js';
import { seedNewsroom } from '../helpers/fixtures.js';
import { PG_URL } from '../helpers/engines.js';

const root = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function masthead(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(root, 'bin/masthead.js'), ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
}

describe('backup and restore on SQLite (the masthead command)', () => {
  it('backs up a live database and restores it after a loss', async () => {
    const file = path.join(dir, 'live.db');
    const url = `sqlite:${file}`;
    const handle = await connect(parseDatabaseUrl(url));
    await migrateToLatest(handle.db);
    await seedNewsroom(handle.db);
    const count = async () => Number((await handle.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();

    // the backup runs while this connection still holds the database open
    const backup = masthead(['backup', path.join(dir, 'copy.db')], { DATABASE_URL: url });
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up to .*copy\.db \(\d+\.\d MB\)\.\n$/);
    const again = masthead(['backup', path.join(dir, 'copy.db')], { DATABASE_URL: url });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');

    await handle.db.deleteFrom('comments').execute();
    await handle.db.deleteFrom('articles').execute();
    expect(await count()).toBe(0);
    await handle.close();

    const refused = masthead(['restore', path.join(dir, 'copy.db')], { DATABASE_URL: url });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--force');
    const restored = masthead(['restore', path.join(dir, 'copy.db'), '--force'], { DATABASE_URL: url });
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);

    const reopened = await connect(parseDatabaseUrl(url));
    const n = Number((await reopened.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const comments = Number((await reopened.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    await reopened.close();
    expect(n).toBe(before);
    expect(comments).toBeGreaterThan(0);
  });

  it('refuses to restore something that is not a Masthead backup, touching nothing', () => {
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'this is not a database');
    const r = masthead(['restore', junk, '--force'], { DATABASE_URL: `sqlite:${path.join(dir, 'other.db')}` });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a (readable SQLite database|usable backup)/);
    expect(fs.existsSync(path.join(dir, 'other.db'))).toBe(false);
  });
});

const describePg = PG_URL ? describe : describe.skip;

describePg('backup and restore on PostgreSQL (pg_dump / pg_restore)', () => {
  it('round-trips a whole database', async () => {
    const name = `masthead_backup_${process.pid}_${Date.now()}`;
    const admin = await connect(parseDatabaseUrl(PG_URL), { poolSize: 1 });
    await sql.raw(`CREATE DATABASE ${name}`).execute(admin.db);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const target = parseDatabaseUrl(url.toString());
    try {
      const handle = await connect(target);
      await migrateToLatest(handle.db);
      await seedNewsroom(handle.db);
      const titles = async () => (await handle.db.selectFrom('articles').select('title').orderBy('id').execute()).map((r) => r.title);
      const before = await titles();
      const file = path.join(dir, 'pg.dump');
      await backupDatabase(target, file);
      await expect(backupDatabase(target, file)).rejects.toBeInstanceOf(BackupError);
      await handle.db.deleteFrom('comments').execute();
      await handle.db.deleteFrom('articles').execute();
      await handle.close();
      await restoreDatabase(target, file);
      const after = await connect(target);
      const restored = (await after.db.selectFrom('articles').select('title').orderBy('id').execute()).map((r) => r.title);
      await after.close();
      expect(restored).toEqual(before);
    } finally {
      await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin.db);
      await admin.close();
    }
  });
});
