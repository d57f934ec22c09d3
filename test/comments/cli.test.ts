import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'node-html-parser';
import { createTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { insertComment } from '../../src/comments/comments.repository.js';
import { hoursAgo } from '../helpers/fixtures.js';
import { commentsCommand, printable } from '../../src/comments/comments.cli.js';
import { commentHarness, seedCommentDesk } from './comments.fixtures.js';

const root = path.resolve(__dirname, '../..');

/** Runs `masthead …` as an operator would, in its own process. */
function masthead(args: string[], databaseUrl: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/masthead.js'), ...args], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, MASTHEAD_DEMO: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

// The done-when demo: a SQLite file shared by the running app and the command, as on a fresh install.
describe('comments from the form to the command line [sqlite file]', () => {
  let database: TestDatabase;
  let h: Awaited<ReturnType<typeof commentHarness>>;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedCommentDesk(database.db);
    h = await commentHarness(database);
  });
  afterAll(async () => {
    await h?.app.close();
    await database?.close();
  });

  it('holds a first-time commenter; `masthead comments approve` publishes the comment on the story', async () => {
    const before = h.events.length;
    const posted = await h.post('river-bridge', { name: 'New Reader', email: 'new-reader@example.net', comment: 'First time here; hello newsroom.' });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/river-bridge/#comment-held');
    expect((await h.get('/river-bridge/')).body).not.toContain('First time here');

    const listed = await masthead(['comments', 'list', '--status', 'pending'], database.url);
    expect(listed.stderr).toBe('');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^pending 1 · approved 1 · spam 0 · trash 0$/m);
    const line = listed.stdout.split('\n').find((l) => l.includes('new-reader@example.net'))!;
    const id = Number(/^#(\d+)\s+pending/.exec(line)![1]);
    expect(listed.stdout).toContain('First time here; hello newsroom.');

    const approved = await masthead(['comments', 'approve', String(id)], database.url);
    expect(approved.status).toBe(0);
    expect(approved.stdout.trim()).toBe(`Approved: #${id}`);

    const page = parse((await h.get('/river-bridge/')).body);
    expect(page.querySelector(`#comment-${id} .comment__body`)!.text).toContain('First time here; hello newsroom.');
    expect(page.querySelector(`#comment-${id} .comment__author`)!.text).toBe('New Reader');
    // the address is now trusted: the next comment from it is published at once
    const next = await h.post('river-bridge', { name: 'New Reader', email: 'new-reader@example.net', comment: 'And again.' });
    expect(next.headers.location).toMatch(/^\/river-bridge\/#comment-\d+$/);
    expect(h.events.slice(before).map((e) => e.kind)).toEqual(['comment.created']);
  });

  /** The command in this process (spawning costs seconds each): output captured, the test database passed in. */
  async function inProcess(args: string[]): Promise<string> {
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    try {
      await commentsCommand(args, (fn) => fn(database), (m) => new Error(`usage: ${m}`));
    } finally {
      spy.mockRestore();
    }
    return out;
  }

  it('moves comments between folders and says what it did', async () => {
    const id = await insertComment(database.db, { articleId: 1, name: 'Folder', email: 'folder@example.net', body: 'x', status: 'pending', createdAt: hoursAgo(1) });
    expect((await inProcess(['spam', String(id)])).trim()).toBe(`Marked as spam: #${id}`);
    expect((await inProcess(['trash', String(id), String(id)])).trim()).toBe(`Trashed: #${id}`);
    expect((await inProcess(['trash', String(id)])).trim()).toBe(`Already so: #${id}`);
    expect((await inProcess(['restore', String(id)])).trim()).toBe(`Restored to the queue: #${id}`);
    expect(await inProcess(['list', '--status', 'trash'])).not.toContain(`#${id} `);
    expect(await inProcess(['list', '--status', 'pending'])).toContain(`#${id} `);
  });

  it('rejects bad usage with one clear message', async () => {
    const cases: [string[], string][] = [
      [['approve'], 'usage: name at least one comment id'],
      [['approve', 'abc'], 'usage: comment ids are whole numbers'],
      [['list', '--status', 'weird'], 'usage: --status must be pending, approved, spam or trash'],
      [['list', '--limit', '0'], 'usage: --limit must be 1 or more'],
      [['frobnicate'], 'usage: unknown comments action "frobnicate"'],
      [['approve', '999999'], 'no comment with id 999999'],
    ];
    for (const [args, message] of cases) await expect(inProcess(args), args.join(' ')).rejects.toThrow(message);
    expect(await inProcess(['--help'])).toContain('Usage: masthead comments <action>');
  });

  it('exits 2 on bad usage and 1 on an unknown id, from the real command', async () => {
    const usage = await masthead(['comments', 'approve', 'abc'], database.url);
    expect(usage.status).toBe(2);
    expect(usage.stderr.trim()).toBe('masthead: comment ids are whole numbers such as 42');
    const missing = await masthead(['comments', 'approve', '999999'], database.url);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe('masthead: no comment with id 999999');
  });

  it('shows terminal control characters and direction overrides as visible escapes in the list', async () => {
    await insertComment(database.db, { articleId: 1, name: 'Esc\u001b[2JName', email: 'esc@example.net', body: 'bell\u0007 and \u202Eevil\u202C and\nnewline', status: 'pending', createdAt: hoursAgo(0.1) });
    const out = await inProcess(['list', '--limit', '3']);
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F\u202A-\u202E]/);
    expect(out).toContain('Esc\\u{1b}[2JName');
    expect(out).toContain('bell\\u{7} and \\u{202e}evil\\u{202c} and newline');
    expect(printable('a\u0085b\u2066c')).toBe('a\\u{85}b\\u{2066}c');
  });
});
