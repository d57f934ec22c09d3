import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function masthead(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.join(root, 'bin/masthead.js'), ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
}

function freePort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}

describe('the masthead command', () => {
  it('prints help and exits 0', () => {
    const r = masthead(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: masthead <command>');
  });

  it('rejects an unknown command or option with exit code 2 and one clear line', () => {
    const r = masthead(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('masthead: unknown command "frobnicate"; run "masthead --help" for the list');
    const o = masthead(['demo', '--bogus']);
    expect(o.status).toBe(2);
    expect(o.stderr).toContain("Unknown option '--bogus'");
  });

  it('seeds the demo, refuses to overwrite content, and reseeds with --reset', () => {
    const db = `sqlite:${path.join(dir, 'demo.db')}`;
    const first = masthead(['demo'], { DATABASE_URL: db });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Seeded .* \d+ articles/);
    const again = masthead(['demo'], { DATABASE_URL: db });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already has content');
    const reset = masthead(['demo', '--reset'], { DATABASE_URL: db });
    expect(reset.status).toBe(0);
    expect(reset.stdout).toMatch(/Seeded/);
  });

  it('reports a bad DATABASE_URL with exit code 2', () => {
    const r = masthead(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('DATABASE_URL must start with');
  });
});

describe('npm start (src/main.ts)', () => {
  function start(env: Record<string, string>) {
    return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  it('serves the demo home page within 10 seconds on a fresh SQLite file', async () => {
    const port = freePort();
    const started = Date.now();
    const child = start({ PORT: String(port), DATABASE_URL: `sqlite:${path.join(dir, 'fresh', 'site.db')}` });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      let status = 0;
      let body = '';
      while (Date.now() - started < 10_000) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/`);
          status = res.status;
          body = await res.text();
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      expect(status, output).toBe(200);
      expect(body).toContain('class="home-lead"');
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(output).toContain('demo content seeded');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it.each([
    [{ PORT: 'eighty' }, 'masthead: invalid configuration: PORT must be a whole number from 1 to 65535 (got "eighty")'],
    [{ DATABASE_URL: 'oracle://x' }, 'masthead: invalid configuration: DATABASE_URL must start with "sqlite:"'],
    [{ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, 'masthead: cannot connect to PostgreSQL postgres://nobody@127.0.0.1:1/none'],
  ])('stops with one clear line for %o', async (env, line) => {
    const child = start({ PORT: String(freePort()), ...env });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines.length).toBe(1);
    expect(lines[0]).toContain(line);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
