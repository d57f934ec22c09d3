import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, PG_URL, type TestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { makeArticle, seedNewsroom } from '../helpers/fixtures.js';
import { publishDue } from '../../src/admin/scheduler.js';
import { fixedClock } from '../../src/clock.js';
import { connect, parseDatabaseUrl } from '../../src/db/connect.js';
import { startPgBroadcast, type Broadcast } from '../../src/cache/broadcast.js';
import { startPurgeWebhook } from '../../src/cache/purge.js';
import { runJobTick } from '../../src/jobs/lock.js';
import { ChangeBus } from '../../src/events.js';

const describePg = PG_URL ? describe : describe.skip;

describePg('two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let second: Awaited<ReturnType<typeof connect>>;
  let a: FastifyInstance;
  let b: FastifyInstance;
  const broadcasts: Broadcast[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await seedNewsroom(database.db);
    // instance B has its own pool, its own bus and its own page cache
    second = await connect(parseDatabaseUrl(PG_URL), { schema: database.schema!, poolSize: 4 });
    a = await buildTestApp(database, undefined, { caching: true });
    b = await buildTestApp({ ...database, db: second.db }, undefined, { caching: true });
    for (const app of [a, b]) {
      broadcasts.push(
        await startPgBroadcast({ url: PG_URL, channel: `masthead_${database.schema}`, bus: app.deps.events, onMissed: () => app.pageCache?.clear() }),
      );
    }
  });
  afterAll(async () => {
    for (const br of broadcasts) await br.close();
    await a?.close();
    await b?.close();
    await second?.close();
    await database?.close();
  });

  it('a change made through one instance is visible through the other within 1 s', async () => {
    const first = await b.inject({ url: '/tehran-reservoir/' });
    expect((await b.inject({ url: '/tehran-reservoir/' })).headers['x-cache']).toBe('HIT');
    const id = (await database.db.selectFrom('articles').select('id').where('slug', '=', 'tehran-reservoir').executeTakeFirstOrThrow()).id;
    await database.db.updateTable('articles').set({ title: 'Changed through instance A' }).where('id', '=', id).execute();
    const started = Date.now();
    a.deps.events.emit({ kind: 'article.updated', articleId: id, tags: [`article:${id}`, 'lists'] });
    let body = first.body;
    while (Date.now() - started < 1000 && !body.includes('Changed through instance A')) {
      await new Promise((r) => setTimeout(r, 10));
      body = (await b.inject({ url: '/tehran-reservoir/' })).body;
    }
    const elapsed = Date.now() - started;
    expect(body).toContain('Changed through instance A');
    expect(elapsed).toBeLessThan(1000);
    process.stdout.write(`cross-instance invalidation seen after ${elapsed} ms\n`);
  });

  it('relayed events are marked remote and are not sent back', async () => {
    const seen: boolean[] = [];
    const off = b.deps.events.on((e) => void seen.push(Boolean(e.remote)));
    a.deps.events.emit({ kind: 'redirects.changed', tags: ['redirects'] });
    const until = Date.now() + 1000;
    while (seen.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    off();
    expect(seen).toEqual([true]);
  });

  it('runs a background job tick exactly once across instances', async () => {
    await sql`CREATE TABLE job_runs (round integer, by_instance text)`.execute(database.db);
    for (let round = 0; round < 8; round++) {
      const tick = (name: string) => async (trx: Parameters<Parameters<typeof runJobTick>[3]>[0]) => {
        await sql`INSERT INTO job_runs VALUES (${round}, ${name})`.execute(trx);
        await new Promise((r) => setTimeout(r, 30));
        return name;
      };
      const results = await Promise.all([runJobTick(database.db, 'postgres', 'scheduler', tick('a')), runJobTick(second.db, 'postgres', 'scheduler', tick('b'))]);
      expect(results.filter(Boolean).length).toBe(1);
    }
    const { rows } = await sql<{ round: number; n: number }>`SELECT round, count(*)::int AS n FROM job_runs GROUP BY round ORDER BY round`.execute(database.db);
    expect(rows.map((r) => r.n)).toEqual(Array(8).fill(1));
  });
});

describePg('scheduled publishing with two instances', () => {
  it('publishes each due story exactly once, announced by exactly one instance', async () => {
    const database = await createTestDatabase('postgres');
    const second = await connect(parseDatabaseUrl(PG_URL), { schema: database.schema!, poolSize: 4 });
    try {
      const clock = fixedClock('2026-11-20T12:00:00.000Z');
      const ids: number[] = [];
      for (let i = 0; i < 20; i++) ids.push((await makeArticle(database.db, { title: `Embargoed ${i}`, slug: `embargoed-${i}`, status: 'scheduled', publishedAt: new Date(Date.UTC(2026, 10, 20, 11, 59, i)).toISOString() })).id);
      const busA = new ChangeBus();
      const busB = new ChangeBus();
      const announced: number[] = [];
      for (const bus of [busA, busB]) bus.on((e) => void (e.kind === 'article.published' && announced.push(e.articleId!)));
      // two instances' ticks at the same moment, several times over
      const rounds = await Promise.all([publishDue(database.db, clock, busA), publishDue(second.db, clock, busB), publishDue(database.db, clock, busA), publishDue(second.db, clock, busB)]);
      expect(rounds.flat().sort((x, y) => x - y)).toEqual(ids);
      expect(announced.sort((x, y) => x - y)).toEqual(ids);
      const statuses = await database.db.selectFrom('articles').select('status').where('id', 'in', ids).execute();
      expect(statuses.every((r) => r.status === 'published')).toBe(true);
    } finally {
      await second.close();
      await database.close();
    }
  });
});

describe('CDN purge webhook', () => {
  it('posts the changed tags to the configured URL, and not for relayed events', async () => {
    const received: { url: string; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push({ url: req.url ?? '', body });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const bus = new ChangeBus();
    const off = startPurgeWebhook({ bus, url: async () => `http://127.0.0.1:${port}/purge?tags={tags}` });
    bus.emit({ kind: 'article.updated', tags: ['article:7', 'lists'] });
    bus.emit({ kind: 'article.updated', tags: ['article:8'], remote: true });
    const until = Date.now() + 2000;
    while (received.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    off();
    server.close();
    expect(received).toEqual([{ url: '/purge?tags=article%3A7%2Clists', body: '{"tags":["article:7","lists"]}' }]);
  });
});
