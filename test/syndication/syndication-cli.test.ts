import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFiles, startFeedServer, WXR, FEEDS, type FeedServer } from './feed-server.js';

const root = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-syn-cli-'));
const db = `sqlite:${path.join(dir, 'cli.db')}`;

// each run starts a Node process (about a second on an idle machine), hence the long timeouts below
/** Runs the real `masthead` binary (async, so the test's feed server keeps answering). */
function masthead(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/masthead.js'), ...args], { cwd: root, env: { ...process.env, DATABASE_URL: db, MASTHEAD_DEMO: '0', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const hasCorpus = corpusFiles(FEEDS).length > 0 && corpusFiles(WXR).length > 0;

describe.skipIf(!hasCorpus)('masthead sources and masthead import wxr', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds, lists, polls and removes a source; refuses loopback unless allowed', async () => {
    const feed = `${server.url}/corpus/rss-parser/heise.atom`;
    const add = await masthead(['sources', 'add', feed, '--name', 'Heise', '--mode', 'draft']);
    expect(add.stderr).toBe('');
    expect(add.stdout).toMatch(/^Added source 1\./);
    const bad = await masthead(['sources', 'add', feed, '--name', 'Again', '--mode', 'sometimes']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('mode must be draft or publish');
    const refused = await masthead(['sources', 'poll', '--id', '1']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/source 1: error;.*\n {2}problem: .*internal address/);
    const poll = await masthead(['sources', 'poll', '--id', '1'], { MASTHEAD_FETCH_ALLOW_PRIVATE: '1' });
    expect(poll.stderr).toBe('');
    expect(poll.stdout).toContain('source 1: ok (atom10, 15 items); 15 new');
    const list = await masthead(['sources', 'list']);
    expect(list.stdout).toMatch(/^1\tHeise\t.*heise\.atom\tdraft\tevery 60 min\tok\tlast fetch 20/);
    expect((await masthead(['sources', 'remove', '--id', '1'])).stdout).toContain('Removed source 1');
  }, 120_000);

  it('imports a WordPress export with a summary, and refuses an ill-formed one with its line', async () => {
    const ok = await masthead(['import', 'wxr', path.join(WXR, 'wordpress-importer/small-export.xml')]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/posts\s+6 new/);
    expect(ok.stdout).toMatch(/pages\s+5 new/);
    expect(ok.stdout).toContain('private post imported as a draft');
    const again = await masthead(['import', 'wxr', path.join(WXR, 'wordpress-importer/small-export.xml')]);
    expect(again.stdout).toMatch(/posts\s+0 new, 6 already here/);
    const bad = await masthead(['import', 'wxr', path.join(WXR, 'wordpress-importer/malformed.xml')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/malformed\.xml:90:10: unexpected close tag\.; nothing was imported/);
    const missing = await masthead(['import', 'wxr', path.join(dir, 'nope.xml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
  }, 120_000);
});
