import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-users-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { DATABASE_URL: `sqlite:${path.join(dir, 'users.db')}`, MASTHEAD_PUBLIC_URL: 'https://news.example.org' };

function masthead(args: string[], input?: string) {
  return spawnSync(process.execPath, [path.join(root, 'bin/masthead.js'), ...args], { cwd: root, env: { ...process.env, ...env }, input, encoding: 'utf8', timeout: 60_000 });
}

describe('masthead users', () => {
  it('creates the first admin with a password from stdin, lists accounts, and refuses bad usage with exit 2', () => {
    const add = masthead(['users', 'add', '--email', 'Chief@Example.org', '--name', 'Chief Editor', '--role', 'admin', '--password-stdin'], 'a long enough password\n');
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    expect(add.stdout).toContain('Created admin account for chief@example.org.');
    expect(add.stdout).not.toContain('One-time password');
    const list = masthead(['users', 'list']);
    expect(list.stdout).toBe('chief@example.org\tadmin\tChief Editor\n');
    const again = masthead(['users', 'add', '--email', 'chief@example.org', '--name', 'X', '--role', 'admin', '--password-stdin'], 'a long enough password');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('An account for chief@example.org exists already.');
    const role = masthead(['users', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'king']);
    expect(role.status).toBe(2);
    expect(role.stderr).toContain('--role: role must be one of contributor, author, editor, admin');
    const short = masthead(['users', 'add', '--email', 'y@example.org', '--name', 'Y', '--role', 'author', '--password-stdin'], 'short');
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('at least 12 characters');
    expect(masthead(['users', 'frob']).status).toBe(2);
  });

  it('prints a one-time password when none is given, and a one-time reset link', () => {
    const add = masthead(['users', 'add', '--email', 'new@example.org', '--name', 'New Reporter', '--role', 'contributor']);
    expect(add.status).toBe(0);
    expect(add.stdout).toMatch(/One-time password \(must be changed at first sign-in\): [A-Za-z0-9]{20}\n/);
    const reset = masthead(['users', 'reset', 'new@example.org']);
    expect(reset.status).toBe(0);
    expect(reset.stdout).toMatch(/https:\/\/news\.example\.org\/admin\/reset\/[A-Za-z0-9_-]{43}\n/);
    const unknown = masthead(['users', 'reset', 'nobody@example.org']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no account has the email nobody@example.org');
    expect(masthead(['users', '--help']).stdout).toContain('masthead users add --email E --name N --role R [--password-stdin]');
  });
});
