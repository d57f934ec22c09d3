/**
 * Newsroom admin figures: how long a story save takes (render, sanitize,
 * revision, optimistic lock), how late the scheduler publishes a story after
 * its time with the production 1-second tick, and how long an image upload
 * takes to store with its variants. SQLite, in process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/clock.js';
import { ChangeBus } from '../src/events.js';
import { createUser } from '../src/admin/accounts/users.service.js';
import { writeArticle } from '../src/admin/editor/article-writer.service.js';
import { startScheduler } from '../src/admin/scheduler.js';
import { storeUpload } from '../src/admin/media/media.service.js';

export async function runAdminBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-admin-'));
  const handle = await connect({ engine: 'sqlite', file: path.join(dir, 'admin.db') });
  try {
    const db = handle.db;
    await migrateToLatest(db);
    const { id: userId } = await createUser(db, { email: 'bench@example.org', name: 'Bench Editor', role: 'editor', password: 'bench password 123' }, systemClock);
    const actor = { id: userId, authorId: null };
    const body = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} with **bold**, a [link](https://example.org/${i}) and some words to render.`).join('\n\n');
    const extras = { tagNames: ['Bench', 'Saves'], mediaId: null, imageAlt: null, imageCaption: null, imageCredit: null };

    // saves: create once, then update the same story, as an editor working on it
    const first = await writeArticle(db, { existing: null, expectedVersion: null, input: { title: 'Bench story', body }, extras, status: 'draft', publishedAt: null, actor, clock: systemClock });
    const saves: number[] = [];
    let version = first.version;
    for (let i = 0; i < 100; i++) {
      const existing = (await db.selectFrom('articles').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow());
      const t = performance.now();
      const r = await writeArticle(db, { existing, expectedVersion: version, input: { title: 'Bench story', body: `${body}\n\nEdit ${i}.` }, extras, status: 'draft', publishedAt: null, actor, clock: systemClock });
      saves.push(performance.now() - t);
      version = r.version;
    }
    saves.sort((a, b) => a - b);

    // the scheduler, with the production tick, on stories due over the next 3 seconds
    const due: { id: number; at: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const at = Date.now() + 300 + i * 300;
      const r = await writeArticle(db, { existing: null, expectedVersion: null, input: { title: `Scheduled ${i}`, body: 'Soon.' }, extras, status: 'scheduled', publishedAt: new Date(at).toISOString(), actor, clock: systemClock });
      due.push({ id: r.id, at });
    }
    const events = new ChangeBus();
    const seen = new Map<number, number>();
    events.on((e) => void (e.articleId && seen.set(e.articleId, Date.now())));
    const scheduler = startScheduler({ db, clock: systemClock, events }, 1000);
    const deadline = Date.now() + 10_000;
    while (seen.size < due.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    scheduler.stop();
    const lateness = due.map((d) => (seen.get(d.id) ?? Infinity) - d.at).sort((a, b) => a - b);

    // an upload: a 12-megapixel JPEG photo stored with its WebP variants
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#446688' } }).jpeg({ quality: 90 }).toBuffer();
    const t = performance.now();
    await storeUpload(db, path.join(dir, 'media'), { bytes: photo, filename: 'photo.jpg', alt: 'bench', userId }, systemClock);
    const uploadMs = performance.now() - t;

    console.log('\nNewsroom admin');
    console.log(`story save (render + sanitize + revision + lock), 100 saves: p50 ${saves[49]!.toFixed(1)} ms, p99 ${saves[98]!.toFixed(1)} ms`);
    console.log(`scheduled publishing, 10 stories, 1 s tick: published ${Math.round(lateness[0]!)}–${Math.round(lateness[lateness.length - 1]!)} ms after their time (target: under 5000 ms)`);
    console.log(`upload of a 4000×3000 JPEG with 5 WebP variants: ${Math.round(uploadMs)} ms`);
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runAdminBench();
