/**
 * `node --import tsx bench/comments.ts` (also run at the end of `npm run bench`):
 * what the comment form costs and how the rate limits hold, in process, on a
 * fresh SQLite file holding the demo magazine.
 * - posting: comments/s and p50/p99 of POST /:slug/ (validation, spam checks,
 *   rate-limit counts, insert), each from its own IP and address;
 * - a flood: 100 comments from one IP within a minute, and 100 from one
 *   address spread over 100 IPs: how many got in and how many were refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { fixedClock } from '../src/clock.js';
import { seedDemo } from '../src/demo/seed.js';
import { demoContent } from '../src/demo/demo-content.js';
import { saveSettings, settingsSchema } from '../src/content/settings.js';

export async function benchComments(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-comments-'));
  try {
    const file = path.join(dir, 'bench.db');
    const handle = await connect({ engine: 'sqlite', file });
    await migrateToLatest(handle.db);
    const clock = fixedClock(new Date());
    await seedDemo(handle.db, clock, demoContent);
    await saveSettings(handle.db, { commentModeration: 'open' });
    const app = await buildApp({ config: loadConfig({ DATABASE_URL: `sqlite:${file}` }), db: handle.db, engine: handle.engine, clock });
    const slug = demoContent.articles.find((a) => a.comments?.length && a.source === undefined)!.slug;
    const page = await app.inject({ url: `/${slug}/` });
    const token = /name="_token" value="([^"]+)"/.exec(page.body)![1]!;
    clock.advance(10_000);
    const post = (i: number, ip: string, email: string) =>
      app.inject({ method: 'POST', url: `/${slug}/`, remoteAddress: ip, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _token: token, name: `Bench ${i}`, email, comment: `Bench comment ${i}: a sentence or two of reader opinion.` }).toString() });

    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t = performance.now();
      const res = await post(i, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, `bench-${i}@example.net`);
      times.push(performance.now() - t);
      if (res.statusCode !== 303) throw new Error(`post ${i} answered ${res.statusCode}`);
      clock.advance(1000);
    }
    times.sort((a, b) => a - b);
    const total = times.reduce((a, b) => a + b, 0);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2);

    const tally = async (send: (i: number) => ReturnType<typeof post>) => {
      const seen: Record<number, number> = {};
      for (let i = 0; i < 100; i++) {
        const res = await send(i);
        seen[res.statusCode] = (seen[res.statusCode] ?? 0) + 1;
        clock.advance(500);
      }
      return seen;
    };
    clock.advance(3_600_000);
    const oneIp = await tally((i) => post(1000 + i, '192.0.2.1', `flood-${i}@example.net`));
    clock.advance(3_600_000);
    const oneEmail = await tally((i) => post(2000 + i, `198.51.100.${i + 1}`, 'flood@example.net'));
    await app.close();
    await handle.close();

    const d = settingsSchema.parse({});
    console.log('\ncomments (in-process, SQLite, demo magazine)');
    console.log(`  posting: ${Math.round((times.length / total) * 1000)} comments/s, p50 ${pct(50)} ms, p99 ${pct(99)} ms (500 posts)`);
    console.log(`  limits: ${d.commentRateIpMax} per IP per ${d.commentRateIpWindowMinutes} min, ${d.commentRateEmailMax} per address per ${d.commentRateEmailWindowMinutes} min (defaults)`);
    console.log(`  100 posts from one IP in 50 s: ${oneIp[303] ?? 0} accepted, ${oneIp[429] ?? 0} refused with 429`);
    console.log(`  100 posts from one address over 100 IPs in 50 s: ${oneEmail[303] ?? 0} accepted, ${oneEmail[429] ?? 0} refused with 429`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchComments();
