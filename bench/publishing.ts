/**
 * Feeds and sitemaps at scale: a fresh SQLite file (and PostgreSQL when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set) with 100,000 stories in one
 * category, then p50/p99 latency of each feed and sitemap, cold and as a 304.
 * Run alone with `node --import tsx bench/publishing.ts`; `npm run bench` runs it last.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connect, parseDatabaseUrl, type DatabaseHandle } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { fixedClock } from '../src/clock.js';
import { createCategory } from '../src/content/taxonomy.service.js';
import { bulkInsertPosts } from '../test/publishing/bulk.js';

const N = Number(process.env.BENCH_STORIES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const NOW = new Date('2026-11-20T12:00:00.000Z');

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(handle: DatabaseHandle, label: string): Promise<string[][]> {
  const clock = fixedClock(NOW);
  const parent = await createCategory(handle.db, { name: 'Archive', slug: 'archive' }, clock);
  const big = await createCategory(handle.db, { name: 'Wires', slug: 'wires', parentId: parent }, clock);
  const t0 = performance.now();
  await bulkInsertPosts(handle.db, handle.engine, { n: N, categoryId: big, newest: new Date(NOW.getTime() - 3_600_000), slugPrefix: 'bulk-' });
  const insertMs = performance.now() - t0;
  const config = { ...loadConfig({ DATABASE_URL: 'sqlite::memory:' }), publicUrl: 'https://news.example.org' };
  const app = await buildApp({ config, db: handle.db, engine: handle.engine, clock });
  const rows: string[][] = [[`${label}: insert ${N} stories`, '', (insertMs / 1000).toFixed(1) + ' s', '', '']];
  for (const url of ['/feed/', '/feed/atom/', '/feed.json', '/category/archive/wires/feed/', '/category/archive/feed.json', '/sitemap.xml', '/sitemap-posts-1.xml', '/news-sitemap.xml']) {
    const rounds = url.startsWith('/sitemap-posts') ? Math.max(3, Math.floor(ROUNDS / 10)) : ROUNDS;
    const first = await app.inject({ url });
    if (first.statusCode !== 200) throw new Error(`${url} answered ${first.statusCode}`);
    const times: number[] = [];
    const revalidate: number[] = [];
    for (let i = 0; i < rounds; i++) {
      let t = performance.now();
      await app.inject({ url });
      times.push(performance.now() - t);
      t = performance.now();
      const res = await app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
      revalidate.push(performance.now() - t);
      if (res.statusCode !== 304) throw new Error(`${url} did not answer 304`);
    }
    times.sort((a, b) => a - b);
    revalidate.sort((a, b) => a - b);
    rows.push([`${label} ${url}`, `${Math.round(first.body.length / 1024)} KB`, pct(times, 50).toFixed(1), pct(times, 99).toFixed(1), pct(revalidate, 50).toFixed(1)]);
  }
  await app.close();
  return rows;
}

export async function benchPublishing(): Promise<void> {
  const rows: string[][] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-pub-'));
  try {
    const sqlite = await connect({ engine: 'sqlite', file: path.join(dir, 'pub.db') });
    await migrateToLatest(sqlite.db);
    rows.push(...(await measure(sqlite, 'sqlite')));
    await sqlite.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
    const target = parseDatabaseUrl(pgUrl);
    const pg = await connect(target, { schema, poolSize: 4 });
    try {
      await migrateToLatest(pg.db);
      rows.push(...(await measure(pg, 'postgres')));
    } finally {
      await pg.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await pg.close();
    }
  }
  const header = ['feed / sitemap', 'size', 'p50 ms', 'p99 ms', '304 p50 ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\nPublishing: ${N} stories in one category, feeds of 20, ${ROUNDS} rounds each (in-process)`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPublishing();
