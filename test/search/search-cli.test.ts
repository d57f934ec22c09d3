import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-search-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function masthead(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.join(root, 'bin/masthead.js'), ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
}

describe('masthead search', () => {
  it('rebuilds the index of every article and says how many', () => {
    const env = { DATABASE_URL: `sqlite:${path.join(dir, 'cli.db')}` };
    expect(masthead(['demo'], env).status).toBe(0);
    const res = masthead(['search', 'reindex'], env);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^Reindexed SQLite .*cli\.db: 33 articles, \d+ distinct words, in [\d.]+ s\.\n$/);
  });

  it('explains bad usage with exit code 2, and has help', () => {
    const bad = masthead(['search', 'rebuild']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown search command "rebuild"; try "masthead search reindex"');
    const help = masthead(['search', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: masthead search reindex');
  });
});
