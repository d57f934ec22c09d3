import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { hoursAgo, seedNewsroom } from '../helpers/fixtures.js';
import { insertComment } from '../../src/comments/comments.repository.js';
import { startChangeLogPoller } from '../../src/cache/change-log.js';

const root = path.resolve(__dirname, '../..');

// The command runs against a SQLite file here; on PostgreSQL the same change log
// table carries the change (the command cannot reach a per-test schema).
describe('changes made with the masthead command reach a running server’s page cache', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let stop: () => void;
  let commentId: number;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const seed = await seedNewsroom(database.db);
    commentId = await insertComment(database.db, { articleId: seed.articles.lead.id, name: 'First Timer', email: 'first-timer@example.org', body: 'Held until a moderator says yes', status: 'pending', createdAt: hoursAgo(0.5) });
    app = await buildTestApp(database, undefined, { caching: true });
    stop = await startChangeLogPoller(database.db, app.deps.events, { intervalMs: 50 });
  });
  afterAll(async () => {
    stop?.();
    await app?.close();
    await database?.close();
  });

  it('a comment approved from the terminal shows on the cached story within a second', async () => {
    await app.inject({ url: '/tehran-reservoir/' });
    const cached = await app.inject({ url: '/tehran-reservoir/' });
    expect(cached.headers['x-cache']).toBe('HIT');
    expect(cached.body).not.toContain('Held until a moderator says yes');

    const cli = spawnSync(process.execPath, [path.join(root, 'bin/masthead.js'), 'comments', 'approve', String(commentId)], { cwd: root, env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8', timeout: 60_000 });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);

    const started = Date.now();
    let page = cached;
    while (Date.now() - started < 1000 && !page.body.includes('Held until a moderator says yes')) {
      await new Promise((r) => setTimeout(r, 20));
      page = await app.inject({ url: '/tehran-reservoir/' });
    }
    expect(page.body).toContain('Held until a moderator says yes');
    expect(Date.now() - started).toBeLessThan(1000);
    // and only that story was dropped
    expect(app.pageCache!.has('/tehran-reservoir/')).toBe(true);
  });
});
