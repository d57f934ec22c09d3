import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { NOW, makeArticle } from '../helpers/fixtures.js';
import type { CliEnv } from '../../src/api/api-cli.js';
import { apiKeysCommand } from '../../src/api/api-keys/api-keys.cli.js';
import { webhooksCommand } from '../../src/api/webhooks/webhooks.cli.js';

class Usage extends Error {}

describeEachEngine('api-keys and webhooks commands', (engine) => {
  const database = useTestDatabase(engine);
  const run = async (fn: typeof apiKeysCommand, args: string[]) => {
    let out = '';
    const env: CliEnv = { withDatabase: (f) => f(database.current), usage: (m) => new Usage(m), out: (t) => void (out += t), clock: fixedClock(NOW) };
    await fn(args, env);
    return out;
  };

  it('api-keys add prints a key once that the Ghost API accepts; list never shows it; revoke stops it', async () => {
    const added = await run(apiKeysCommand, ['add', '--name', 'Mobile app']);
    const key = /^([0-9a-f]{26})$/m.exec(added)?.[1];
    expect(key).toBeDefined();
    const id = /key (\d+)/.exec(added)![1]!;
    const stored = await database.current.db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(key!);

    const app = await buildTestApp(database.current);
    try {
      expect((await app.inject(`/ghost/api/content/settings/?key=${key}`)).statusCode).toBe(200);
      const list = await run(apiKeysCommand, ['list']);
      expect(list).toContain('Mobile app');
      expect(list).toContain('active');
      expect(list).not.toContain(key!);
      expect(await run(apiKeysCommand, ['revoke', id])).toContain(`Revoked content API key ${id}`);
      expect((await run(apiKeysCommand, ['list']))).toContain('revoked');
      const refused = await app.inject(`/ghost/api/content/settings/?key=${key}`);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().errors[0]).toMatchObject({ type: 'UnauthorizedError', message: 'Unknown Content API Key' });
    } finally {
      await app.close();
    }
    await expect(run(apiKeysCommand, ['revoke', id])).rejects.toThrow(/no active key/);
    await expect(run(apiKeysCommand, ['add'])).rejects.toThrow(/--name/);
    await expect(run(apiKeysCommand, ['add', '--name', '   '])).rejects.toThrow(Usage);
    await expect(run(apiKeysCommand, ['revoke', 'abc'])).rejects.toThrow(Usage);
    await expect(run(apiKeysCommand, ['frob'])).rejects.toThrow(/unknown api-keys action/);
  });

  it('webhooks add / list / deliveries / remove', async () => {
    const added = await run(webhooksCommand, ['add', 'https://hooks.example.org/in', '--events', 'article.published,comment.approved']);
    const secret = /^(whsec_\S+)$/m.exec(added)?.[1];
    expect(secret).toBeDefined();
    const id = /Webhook (\d+)/.exec(added)![1]!;
    const list = await run(webhooksCommand, ['list']);
    expect(list).toContain('https://hooks.example.org/in');
    expect(list).toContain('article.published,comment.approved');
    expect(list).not.toContain(secret!);

    const { db } = database.current;
    const article = await makeArticle(db, { title: 'Logged delivery' });
    await db.insertInto('webhook_deliveries').values({ webhook_id: Number(id), event: 'article.published', payload: '{}', status: 'failed', attempts: 8, next_attempt_at: null, last_status_code: 502, last_error: 'the receiver answered 502', created_at: NOW.toISOString(), updated_at: NOW.toISOString() }).execute();
    const log = await run(webhooksCommand, ['deliveries', '--webhook', id]);
    expect(log).toMatch(/article\.published\s+failed\s+8\s+502/);
    expect(article.id).toBeGreaterThan(0);

    await expect(run(webhooksCommand, ['add', 'ftp://x.example/', '--events', 'article.published'])).rejects.toThrow(/http:\/\/ or https:\/\//);
    await expect(run(webhooksCommand, ['add', 'https://x.example/', '--events', 'article.deleted'])).rejects.toThrow(/events must be among/);
    await expect(run(webhooksCommand, ['add', 'https://x.example/'])).rejects.toThrow(/--events/);
    await expect(run(webhooksCommand, ['deliveries', '--limit', '0'])).rejects.toThrow(/--limit/);

    expect(await run(webhooksCommand, ['remove', id])).toContain(`Removed webhook ${id}`);
    expect(await db.selectFrom('webhook_deliveries').select('id').where('webhook_id', '=', Number(id)).execute()).toEqual([]);
    await expect(run(webhooksCommand, ['remove', id])).rejects.toThrow(/no webhook/);
  });
});

it('npx masthead api-keys / webhooks are wired into the command (SQLite)', () => {
  const root = path.resolve(__dirname, '../..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-api-cli-'));
  try {
    const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'cli.db')}` };
    const masthead = (args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/masthead.js'), ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    const add = masthead(['api-keys', 'add', '--name', 'Partner site']);
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    expect(add.stdout).toMatch(/^[0-9a-f]{26}$/m);
    const bad = masthead(['webhooks', 'add', 'https://x.example/', '--events', 'nope']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^masthead: events must be among/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
