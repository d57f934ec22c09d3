/**
 * `npm run bench`: first page rendering in process (no network, no page
 * cache: the cost of building each page type from the database), then the
 * HTTP benchmark against nginx (bench/http.ts). Each prints its own table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/clock.js';
import { seedDemo } from '../src/demo/seed.js';
import { demoContent } from '../src/demo/demo-content.js';
import { benchComments } from './comments.js';
import { benchApi } from './api.js';
import { measure, percentile } from './measure.js';
import { runAdminBench } from './admin.js';

const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);

async function timeToFirstResponse(dir: string): Promise<number> {
  const port = 30000 + Math.floor(Math.random() * 20000);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'silent', DATABASE_URL: `sqlite:${path.join(dir, 'start.db')}` },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        await res.arrayBuffer();
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 30_000) throw new Error('no response within 30 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-'));
  try {
    const handle = await connect({ engine: 'sqlite', file: path.join(dir, 'bench.db') });
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, systemClock, demoContent);
    const app = await buildApp({ config: { ...loadConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}` }), pageCacheMb: 0 }, db: handle.db, engine: handle.engine, clock: systemClock });
    const article = demoContent.articles.find((a) => a.comments?.length && a.source === undefined)!;
    const category = demoContent.categories.find((c) => !c.parent)!;
    const pages: [string, string][] = [
      ['home', '/'],
      ['article (with comments)', `/${article.slug}/`],
      ['category', `/category/${category.slug}/`],
      ['search', '/search/?q=water'],
      ['404', '/no-such-page/'],
    ];
    const rows: string[][] = [];
    for (const [name, url] of pages) {
      let client = 0;
      // a different address per request: the search page limits each address's rate
      const remoteAddress = () => `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client++ & 255}`;
      const times = await measure(app, url, DURATION_MS, remoteAddress);
      const total = times.reduce((a, b) => a + b, 0);
      rows.push([name, url, String(Math.round((times.length / total) * 1000)), percentile(times, 50).toFixed(2), percentile(times, 99).toFixed(2)]);
    }
    await app.close();
    await handle.close();
    const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
    const ttfr = await timeToFirstResponse(dir);

    const header = ['page', 'url', 'req/s (1 conn, in-process)', 'p50 ms', 'p99 ms'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    console.log(line(header));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const r of rows) console.log(line(r));
    console.log(`\nmemory (RSS) after the run: ${rss} MB`);
    console.log(`time to first response of a fresh start (demo seeding included): ${Math.round(ttfr)} ms`);
    console.log(`machine: ${os.cpus().length} cores, Node ${process.version}, SQLite, ${DURATION_MS} ms per page`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();

const { runHttpBench } = await import('./http.js');
await runHttpBench();
await benchComments();
// feeds and sitemaps over 100,000 stories (bench/publishing.ts)
await (await import('./publishing.js')).benchPublishing();
await benchApi();
await runAdminBench();
// the search benchmark (100,000 articles; BENCH_SEARCH=0 skips it), in its own process so its memory figure is its own
if (process.env.BENCH_SEARCH !== '0') {
  const code = await new Promise<number>((resolve) => {
    spawn(process.execPath, ['--import', 'tsx', 'bench/search.ts'], { stdio: 'inherit' }).on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) process.exitCode = code;
}
