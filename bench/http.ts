/**
 * HTTP benchmark: Masthead beside nginx serving the same bytes as static
 * files, measured in the same run with the same load generator (wrk from
 * Debian), loopback only, bounded time. One Masthead process against one
 * nginx worker; the database holds the demo plus N generated articles
 * (BENCH_ARTICLES, default 100,000).
 *
 * Needs: apt-get install wrk nginx-light   (skipped with a message without them)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/clock.js';
import { seedDemo } from '../src/demo/seed.js';
import { demoContent } from '../src/demo/demo-content.js';
import { generateArticles } from './generate.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  slow: number;
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function toMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : n;
}

function wrk(url: string, seconds = SECONDS): WrkResult {
  const r = spawnSync('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', url], { encoding: 'utf8' });
  const out = r.stdout;
  const pct = (p: string) => {
    const m = out.match(new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`));
    return m ? toMs(m[1]!, m[2]!) : NaN;
  };
  const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? NaN);
  // wrk's "timeout" counts responses slower than its 2 s limit; they still arrive and are
  // not failures, so they get a column of their own rather than being called errors
  const errors = [...out.matchAll(/(connect|read|write) (\d+)/g)].reduce((n, m) => n + Number(m[2]), 0);
  const slow = Number(out.match(/timeout (\d+)/)?.[1] ?? 0);
  const non2xx = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
  return { rps, p50: pct('50'), p99: pct('99'), errors, non2xx, slow };
}

async function waitFor(url: string, limitMs = 60_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return performance.now() - started;
    } catch {
      // not up yet
    }
    if (performance.now() - started > limitMs) throw new Error(`${url} did not answer within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024);
}

function startMasthead(dbFile: string, port: number, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: `sqlite:${dbFile}`, MASTHEAD_DEMO: '0', LOG_LEVEL: 'warn', MASTHEAD_SEARCH_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function runHttpBench(): Promise<void> {
  if (!has('wrk') || !has('nginx')) {
    console.log('HTTP benchmark skipped: it needs wrk and nginx (Debian: apt-get install wrk nginx-light).');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-http-bench-'));
  const children: ChildProcess[] = [];
  try {
    const dbFile = path.join(dir, 'bench.db');
    const handle = await connect({ engine: 'sqlite', file: dbFile });
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, systemClock, demoContent);
    await handle.close();
    const genStarted = performance.now();
    generateArticles(dbFile, ARTICLES);
    console.log(`generated ${ARTICLES} articles in ${Math.round(performance.now() - genStarted)} ms (${(fs.statSync(dbFile).size / 1024 / 1024).toFixed(0)} MB database)`);

    const cachedPort = 41000 + Math.floor(Math.random() * 1000);
    const uncachedPort = cachedPort + 1;
    const nginxPort = cachedPort + 2;
    const cached = startMasthead(dbFile, cachedPort);
    children.push(cached);
    const firstResponseMs = await waitFor(`http://127.0.0.1:${cachedPort}/`);
    const uncached = startMasthead(dbFile, uncachedPort, { MASTHEAD_PAGE_CACHE_MB: '0' });
    children.push(uncached);
    await waitFor(`http://127.0.0.1:${uncachedPort}/`);
    // the same cache behind Node's HTTP server alone: what a connection gets once the fast lane has handed it over
    const laneOffPort = cachedPort + 3;
    const laneOff = startMasthead(dbFile, laneOffPort, { MASTHEAD_FAST_LANE: '0' });
    children.push(laneOff);
    await waitFor(`http://127.0.0.1:${laneOffPort}/`);

    const article = `/generated-${ARTICLES - 10}/`;
    const targets: [string, string, number][] = [
      ['article (cached)', article, cachedPort],
      ['article (cached, fast lane off)', article, laneOffPort],
      ['article (cache off)', article, uncachedPort],
      ['home (cached)', '/', cachedPort],
      ['RSS feed (cached)', '/feed/', cachedPort],
      ['search (not cached; rate limit off for the run)', '/search/?q=reservoir', cachedPort],
    ];

    // the same bytes as static files for nginx
    const root = path.join(dir, 'www');
    fs.mkdirSync(root);
    const files = new Map<string, string>();
    for (const [name, url, port] of targets) {
      const res = await fetch(`http://127.0.0.1:${port}${url}`);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) {
        console.log(`note: ${url} answered ${res.status}; its row is measured but compares against that page`);
      }
      const file = `${name.replace(/[^a-z]+/gi, '-')}.html`;
      fs.writeFileSync(path.join(root, file), body);
      files.set(name, file);
    }
    const conf = path.join(dir, 'nginx.conf');
    fs.writeFileSync(
      conf,
      `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  default_type text/html;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  server { listen 127.0.0.1:${nginxPort}; root ${root}; }
}
`,
    );
    fs.mkdirSync(path.join(dir, 'tmp'));
    const nginx = spawn('nginx', ['-c', conf, '-p', dir], { stdio: 'ignore' });
    children.push(nginx);
    await waitFor(`http://127.0.0.1:${nginxPort}/${files.get('home (cached)')}`);

    // warm the page cache, then measure
    for (const [, url, port] of targets) await fetch(`http://127.0.0.1:${port}${url}`).then((r) => r.arrayBuffer());
    const rows: string[][] = [];
    for (const [name, url, port] of targets) {
      // each server gets a short run first, unmeasured: V8 compiles the hot paths and
      // in-memory state (related stories, prepared statements) fills, as on a server that has been up a while
      wrk(`http://127.0.0.1:${port}${url}`, WARMUP_SECONDS);
      const m = wrk(`http://127.0.0.1:${port}${url}`);
      wrk(`http://127.0.0.1:${nginxPort}/${files.get(name)}`, WARMUP_SECONDS);
      const n = wrk(`http://127.0.0.1:${nginxPort}/${files.get(name)}`);
      rows.push([name, m.rps.toFixed(0), m.p50.toFixed(2), m.p99.toFixed(2), String(m.errors + m.non2xx), String(m.slow), n.rps.toFixed(0), n.p50.toFixed(2), n.p99.toFixed(2), `${((m.rps / n.rps) * 100).toFixed(0)} %`]);
    }
    const memory = rssMb(cached.pid!);
    const memoryUncached = rssMb(uncached.pid!);

    const header = ['page', 'Masthead req/s', 'p50 ms', 'p99 ms', 'errors+non-2xx', 'over 2 s', 'nginx static req/s', 'p50 ms', 'p99 ms', 'Masthead / nginx'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    console.log(`\nwrk -t2 -c${CONNECTIONS} -d${SECONDS}s after a ${WARMUP_SECONDS} s warm-up run, loopback, one Masthead process vs one nginx worker, ${ARTICLES} generated articles`);
    console.log(line(header));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const r of rows) console.log(line(r));
    console.log(`\nmemory (RSS) after the run: ${memory} MB with the page cache, ${memoryUncached} MB without`);
    console.log(`time to first response after start with ${ARTICLES} articles: ${Math.round(firstResponseMs)} ms`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runHttpBench();
