import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import type { Database } from '../../src/db/schema.js';
import { importWxr } from '../../src/syndication/wxr/wxr-import.service.js';
import { WxrError } from '../../src/syndication/wxr/wxr-reader.js';
import { corpusFiles, WXR } from './feed-server.js';
import { countWxr } from './wxr-count.js';

const files = corpusFiles(WXR);
const INVALID = ['wordpress-importer/malformed.xml', 'wordpress-importer/missing-version-tag.xml'];
const TABLES = ['wxr_imported', 'redirects', 'comments', 'article_tags', 'article_authors', 'articles', 'tags', 'authors', 'categories'] as const;

async function emptyDatabase(db: Kysely<Database>) {
  await db.updateTable('categories').set({ parent_id: null }).execute();
  await db.updateTable('comments').set({ parent_id: null }).execute();
  for (const t of TABLES) await db.deleteFrom(t).execute();
}

async function rowCounts(db: Kysely<Database>) {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return out;
}

async function dbCounts(db: Kysely<Database>) {
  const n = async (table: 'articles' | 'comments' | 'categories' | 'tags' | 'authors', type?: 'post' | 'page') => {
    let q = db.selectFrom(table as 'articles').select((eb) => eb.fn.countAll<number>().as('n'));
    if (type) q = q.where('type', '=', type);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  return { posts: await n('articles', 'post'), pages: await n('articles', 'page'), comments: await n('comments'), categories: await n('categories'), tags: await n('tags'), authors: await n('authors') };
}

describeEachEngine('WordPress import against the WXR corpus', (engine) => {
  const database = useTestDatabase(engine);
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-wxr-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  beforeEach(() => emptyDatabase(database.current.db));

  if (!files.length) it.skip(`SKIPPED: ${WXR} is absent`, () => {});

  it.skipIf(!files.length).each(files.filter((f) => !INVALID.includes(f)))('%s: the database holds what the XML holds, and a second import changes nothing', async (file) => {
    const db = database.current.db;
    const full = path.join(WXR, file);
    const summary = await importWxr(db, full, clock, { mediaOut: path.join(tmp, 'media') });
    expect(await dbCounts(db)).toEqual(countWxr(full));
    const before = await rowCounts(db);
    const again = await importWxr(db, full, clock, { mediaOut: path.join(tmp, 'media') });
    expect(Object.values(again.created).every((n) => n === 0), JSON.stringify(again.created)).toBe(true);
    expect(again.existing.posts + again.existing.pages).toBe(summary.created.posts + summary.created.pages);
    expect(await rowCounts(db)).toEqual(before);
  });

  it.skipIf(!files.length).each(INVALID)('%s: refused with its line, the database left as it was', async (file) => {
    const db = database.current.db;
    await importWxr(db, path.join(WXR, 'wordpress-importer/valid-wxr-1.1.xml'), clock);
    const before = await rowCounts(db);
    const err = await importWxr(db, path.join(WXR, file), clock).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(WxrError);
    expect((err as WxrError).line).toBeGreaterThan(1);
    expect((err as WxrError).reason).toMatch(/close tag|wxr_version|channel/);
    expect(await rowCounts(db)).toEqual(before);
  });

  it.skipIf(!files.length)('an export broken halfway through writes nothing, though its first half is fine', async () => {
    const db = database.current.db;
    const good = fs.readFileSync(path.join(WXR, 'wordpress-importer/small-export.xml'), 'utf8');
    const cut = good.lastIndexOf('<item>');
    const broken = path.join(tmp, 'broken.xml');
    fs.writeFileSync(broken, `${good.slice(0, cut)}<item><title>Broken</title></itme></channel></rss>`);
    const err = await importWxr(db, broken, clock).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(WxrError);
    expect((err as WxrError).line).toBe(good.slice(0, cut).split('\n').length);
    expect(Object.values(await rowCounts(db)).every((n) => n === 0)).toBe(true);
  });

  it.skipIf(!files.length)('maps statuses, threads comments with their states, keeps emails private, and redirects old permalinks', async () => {
    const db = database.current.db;
    const file = path.join(WXR, 'wordpress-importer/theme-unit-test-data.xml');
    const summary = await importWxr(db, file, clock);
    expect(summary.skipped['post type "nav_menu_item"']).toBe(70);
    const statuses = await db.selectFrom('articles').select(['status']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('status').execute();
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]));
    expect(byStatus.scheduled).toBe(1);
    expect(byStatus.draft).toBeGreaterThanOrEqual(2); // the draft and the password-protected post
    const pending = await db.selectFrom('comments').select('id').where('status', '=', 'pending').execute();
    expect(pending.length).toBe(3);
    // threads: at least one reply ten deep
    const rows = await db.selectFrom('comments').select(['id', 'parent_id']).execute();
    const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
    const depth = (id: number) => {
      let d = 0;
      for (let p = parent.get(id); p != null; p = parent.get(p)) d++;
      return d;
    };
    expect(Math.max(...rows.map((r) => depth(r.id)))).toBeGreaterThanOrEqual(9);
    const sticky = await db.selectFrom('articles').select(['slug', 'featured']).where('featured', '=', 1).execute();
    expect(sticky.length).toBe(1);
    const withImage = await db.selectFrom('articles').select('featured_image_url').where('featured_image_url', 'is not', null).execute();
    expect(withImage.length).toBeGreaterThan(0);
    expect(withImage[0]!.featured_image_url).toMatch(/^https:\/\/wpthemetestdata\.files\.wordpress\.com\/\d{4}\/\d{2}\//);

    const app = await buildTestApp(database.current);
    try {
      const post = await db.selectFrom('articles').selectAll().where('slug', '=', 'template-sticky').executeTakeFirstOrThrow();
      const old = await db.selectFrom('redirects').select(['from_path', 'to_path']).where('to_path', '=', `/${post.slug}/`).execute();
      const froms = old.map((r) => r.from_path);
      const day = post.published_at!.slice(0, 10).split('-');
      expect(froms).toEqual(expect.arrayContaining([expect.stringMatching(/^\/\?p=\d+$/), `/${day[0]}/${day[1]}/${day[2]}/template-sticky`, `/${day[0]}/${day[1]}/template-sticky`]));
      for (const from of froms) {
        const res = await app.inject({ url: from.includes('?') ? from : `${from}/` });
        expect(res.statusCode, from).toBe(301);
        expect(res.headers.location).toMatch(/\/template-sticky\/$/);
      }
      const page = await app.inject({ url: `/${post.slug}/` });
      expect(page.statusCode).toBe(200);
      const commented = await db.selectFrom('comments').innerJoin('articles', 'articles.id', 'comments.article_id').select(['articles.slug', 'comments.author_email']).where('comments.status', '=', 'approved').where('comments.author_email', '!=', '').where('articles.status', '=', 'published').executeTakeFirstOrThrow();
      const withComments = await app.inject({ url: `/${commented.slug}/` });
      expect(withComments.statusCode).toBe(200);
      expect(withComments.body).not.toContain(commented.author_email);
      const category = await app.inject({ url: '/category/parent-category/child-category-01/' });
      expect(category.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it.skipIf(!files.length)('copies attachment files from --media-dir and lists the missing ones', async () => {
    const db = database.current.db;
    const uploads = path.join(tmp, 'uploads');
    fs.mkdirSync(path.join(uploads, '2008/06'), { recursive: true });
    fs.writeFileSync(path.join(uploads, '2008/06/canola2.jpg'), 'jpeg bytes');
    const out = path.join(tmp, 'media-out');
    const s = await importWxr(db, path.join(WXR, 'wordpress-importer/theme-unit-test-data.xml'), clock, { mediaDir: uploads, mediaOut: out });
    expect(s.copiedMedia).toBeGreaterThanOrEqual(1);
    expect(fs.readFileSync(path.join(out, '2008/06/canola2.jpg'), 'utf8')).toBe('jpeg bytes');
    expect(s.missingMedia.length).toBe(s.created.attachments - s.copiedMedia);
    expect(s.missingMedia.every((m) => !m.startsWith('/') && !m.includes('..'))).toBe(true);
  });
});
