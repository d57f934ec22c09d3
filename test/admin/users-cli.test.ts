import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { usersCommand, UsersUsageError } from '../../src/admin/users.cli.js';

const root = path.resolve(__dirname, '../..');

describe('masthead users, through the real command', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-users-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the first admin from a password on stdin and lists it', () => {
    const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'users.db')}` };
    const run = (args: string[], input?: string) => spawnSync(process.execPath, [path.join(root, 'bin/masthead.js'), ...args], { cwd: root, env, input, encoding: 'utf8', timeout: 60_000 });
    const add = run(['users', 'add', '--email', 'Chief@Example.org', '--name', 'Chief Editor', '--role', 'admin', '--password-stdin'], 'a long enough password\n');
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    expect(add.stdout).toBe('Created admin account for chief@example.org.\n');
    const bad = run(['users', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'king']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('masthead: --role: role must be one of contributor, author, editor, admin\n');
  });
});

describeEachEngine('masthead users', (engine) => {
  const database = useTestDatabase(engine);

  async function run(args: string[], stdin = '') {
    let out = '';
    await usersCommand(args, { withDatabase: (fn) => fn({ db: database.current.db }), publicUrl: () => 'https://news.example.org', out: (t) => void (out += t), readStdin: async () => stdin });
    return out;
  }

  it('adds accounts, lists them, and refuses duplicates, bad roles and short passwords as usage errors', async () => {
    expect(await run(['list'])).toContain('No accounts yet');
    expect(await run(['add', '--email', 'Chief@Example.org', '--name', 'Chief Editor', '--role', 'admin', '--password-stdin'], 'a long enough password')).toBe('Created admin account for chief@example.org.\n');
    expect(await run(['list'])).toBe('chief@example.org\tadmin\tChief Editor\n');
    await expect(run(['add', '--email', 'chief@example.org', '--name', 'X', '--role', 'admin', '--password-stdin'], 'a long enough password')).rejects.toThrow('An account for chief@example.org exists already.');
    await expect(run(['add', '--email', 'y@example.org', '--name', 'Y', '--role', 'author', '--password-stdin'], 'short')).rejects.toThrow(/at least 12 characters/);
    await expect(run(['add', '--email', 'not-an-email', '--name', 'Y', '--role', 'author'])).rejects.toThrow(/--email: enter an email address/);
    await expect(run(['add', '--email', 'z@example.org'])).rejects.toThrow(UsersUsageError);
    await expect(run(['frob'])).rejects.toThrow('unknown users command "frob"');
  });

  it('prints a one-time password when none is given, and a one-time reset link', async () => {
    const add = await run(['add', '--email', 'new@example.org', '--name', 'New Reporter', '--role', 'contributor']);
    expect(add).toMatch(/One-time password \(must be changed at first sign-in\): [A-Za-z0-9]{20}\nSign in at https:\/\/news\.example\.org\/admin\/login\n/);
    expect(await run(['list'])).toContain('new@example.org\tcontributor\tNew Reporter\t(one-time password not yet changed)');
    expect(await run(['reset', 'NEW@example.org'])).toMatch(/https:\/\/news\.example\.org\/admin\/reset\/[A-Za-z0-9_-]{43}\n$/);
    await expect(run(['reset', 'nobody@example.org'])).rejects.toThrow('no account has the email nobody@example.org');
    expect(await run(['--help'])).toContain('masthead users add --email E --name N --role R [--password-stdin]');
  });
});
