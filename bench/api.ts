/**
 * Content API and webhook figures, in process on a fresh SQLite file with the
 * demo magazine: requests per second and p50/p99 per endpoint, and what
 * emitting a change costs the writer when a webhook receiver never answers.
 * Run alone with `node --import tsx bench/api.ts`; `npm run bench` runs it too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/clock.js';
import { seedDemo } from '../src/demo/seed.js';
import { demoContent } from '../src/demo/demo-content.js';
import { createApiKey } from '../src/api/api-keys/api-keys.service.js';
import { createWebhook } from '../src/api/webhooks/webhooks.service.js';
import { measure, percentile } from './measure.js';

const DURATION_MS = Number(process.env.BENCH_MS ?? 2000);


export async function benchApi(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-api-'));
  const hanging = http.createServer(() => {
    // never answers: the worst receiver
  });
  try {
    const file = path.join(dir, 'bench.db');
    const handle = await connect({ engine: 'sqlite', file });
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, systemClock, demoContent);
    const { key } = await createApiKey(handle.db, 'bench', systemClock);
    const app = await buildApp({ config: loadConfig({ DATABASE_URL: `sqlite:${file}` }), db: handle.db, engine: handle.engine, clock: systemClock });
    const article = demoContent.articles[0]!;
    const endpoints: [string, string][] = [
      ['ghost posts.browse (filter, include, limit 15)', `/ghost/api/content/posts/?key=${key}&include=tags,authors&filter=featured:false%2Bvisibility:public`],
      ['ghost posts.read by slug', `/ghost/api/content/posts/slug/${article.slug}/?key=${key}&include=tags,authors`],
      ['ghost tags.browse (count.posts)', `/ghost/api/content/tags/?key=${key}&include=count.posts&limit=all`],
      ['wp posts?_embed (10)', '/wp-json/wp/v2/posts?_embed'],
      ['wp posts?search', '/wp-json/wp/v2/posts?search=water'],
      ['wp comments', '/wp-json/wp/v2/comments?per_page=50'],
    ];
    const rows: string[][] = [];
    for (const [name, url] of endpoints) {
      const times = await measure(app, url, DURATION_MS, undefined, 30, 300);
      const total = times.reduce((a, b) => a + b, 0);
      rows.push([name, String(Math.round((times.length / total) * 1000)), percentile(times, 50).toFixed(2), percentile(times, 99).toFixed(2)]);
    }

    // the cost of a change to the writer, with 5 subscriptions to a receiver that never answers
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const address = hanging.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    for (let i = 0; i < 5; i++) await createWebhook(handle.db, { url, events: 'article.updated' }, systemClock);
    const emits: number[] = [];
    const articleId = (await handle.db.selectFrom('articles').select('id').where('status', '=', 'published').executeTakeFirstOrThrow()).id;
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      app.deps.events.emit({ kind: 'article.updated', tags: [`article:${articleId}`], articleId });
      emits.push(performance.now() - t);
    }
    emits.sort((a, b) => a - b);
    await app.close().catch(() => {});
    hanging.closeAllConnections();
    await handle.close();

    const header = ['endpoint', 'req/s (1 conn, in-process)', 'p50 ms', 'p99 ms'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    console.log(`\n${line(header)}`);
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const r of rows) console.log(line(r));
    console.log(`\nChangeBus.emit with 5 webhook subscriptions to a receiver that never answers: p50 ${(percentile(emits, 50) * 1000).toFixed(0)} µs, p99 ${(percentile(emits, 99) * 1000).toFixed(0)} µs per write (delivery runs later, off the writer's path)`);
  } finally {
    hanging.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchApi();
