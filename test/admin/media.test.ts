import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/clock.js';
import { NOW } from '../helpers/fixtures.js';
import { TEST_BASE_URL } from '../helpers/app.js';
import { detectImageType } from '../../src/admin/media/media.service.js';
import { Client, makeUser, signedIn, upload } from './admin-fixtures.js';

const png = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer();

describe('image type detection', () => {
  it('knows the five formats by their bytes and nothing else', async () => {
    const base = sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } });
    expect(detectImageType(await base.clone().jpeg().toBuffer())?.mime).toBe('image/jpeg');
    expect(detectImageType(await base.clone().png().toBuffer())?.mime).toBe('image/png');
    expect(detectImageType(await base.clone().webp().toBuffer())?.mime).toBe('image/webp');
    expect(detectImageType(await base.clone().gif().toBuffer())?.mime).toBe('image/gif');
    expect(detectImageType(await base.clone().avif().toBuffer())?.mime).toBe('image/avif');
    expect(detectImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
    expect(detectImageType(Buffer.from('GIF8'))).toBeNull();
  });
});

describeEachEngine('the media library', (engine) => {
  const database = useTestDatabase(engine);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-media-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let app: FastifyInstance;
  let author: Client;

  beforeAll(async () => {
    const config = { ...loadConfig({ DATABASE_URL: 'sqlite::memory:' }), publicUrl: TEST_BASE_URL };
    app = await buildApp({ config, db: database.current.db, engine, clock: fixedClock(NOW), logger: false, media: { dir, uploadLimit: 200 * 1024 } });
    author = await signedIn(app, (await makeUser(database.current.db, 'author')).email);
    await author.get('/admin/media/');
  });

  it('stores an upload with responsive WebP variants and serves them with the right type, nosniff and long caching', async () => {
    const res = await upload(author, { name: 'harbour.png', type: 'image/png', bytes: await png(1500, 1000) }, 'Boats in the harbour at dawn');
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(200);
    expect(res.body).toContain('Uploaded.');
    const row = await database.current.db.selectFrom('media').selectAll().where('original_name', '=', 'harbour.png').executeTakeFirstOrThrow();
    expect([row.width, row.height, row.mime, row.alt]).toEqual([1500, 1000, 'image/png', 'Boats in the harbour at dawn']);
    const variants = JSON.parse(row.variants) as { width: number; path: string }[];
    expect(variants.map((v) => v.width)).toEqual([320, 640, 960, 1280]);
    const original = await app.inject({ url: `/media/${row.path}` });
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/png');
    expect(original.headers['x-content-type-options']).toBe('nosniff');
    expect(original.headers['cache-control']).toContain('max-age=31536000');
    const v = await app.inject({ url: `/media/${variants[1]!.path}` });
    expect(v.headers['content-type']).toBe('image/webp');
    expect((await sharp(v.rawPayload).metadata()).width).toBe(640);
    expect(res.body).toContain(`/media/${variants[0]!.path} 320w`);
  });

  it('judges the type by the bytes: a PNG named .jpg is stored as PNG, a text file named .png is refused', async () => {
    const ok = await upload(author, { name: 'photo.jpg', type: 'image/jpeg', bytes: await png(100, 50) });
    expect(ok.statusCode).toBe(200);
    const row = await database.current.db.selectFrom('media').selectAll().where('original_name', '=', 'photo.jpg').executeTakeFirstOrThrow();
    expect(row.mime).toBe('image/png');
    expect(row.path.endsWith('.png')).toBe(true);
    const fake = await upload(author, { name: 'evil.png', type: 'image/png', bytes: Buffer.from('<html><script>alert(1)</script></html>') });
    expect(fake.statusCode).toBe(415);
    expect(fake.body).toContain('not a JPEG, PNG, WebP, AVIF or GIF image');
  });

  it('refuses SVG, damaged images, oversize files and empty forms with a message, storing nothing', async () => {
    const before = (await database.current.db.selectFrom('media').select('id').execute()).length;
    const svg = await upload(author, { name: 'logo.svg', type: 'image/svg+xml', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') });
    expect(svg.statusCode).toBe(415);
    expect(svg.body).toContain('SVG images are not accepted');
    const broken = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    const damaged = await upload(author, { name: 'broken.png', type: 'image/png', bytes: broken });
    expect(damaged.statusCode).toBe(400);
    expect(damaged.body).toContain('could not be read');
    const big = await upload(author, { name: 'big.png', type: 'image/png', bytes: Buffer.concat([await png(10, 10), Buffer.alloc(300 * 1024)]) });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('larger than 0.20 MB');
    const none = await app.inject({ method: 'POST', url: `/admin/media/?_csrf=${author.csrf}`, headers: { cookie: author.cookies, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'alt=x', remoteAddress: author.remoteAddress });
    expect(none.statusCode).toBe(400);
    expect((await database.current.db.selectFrom('media').select('id').execute()).length).toBe(before);
  });

  it('refuses an upload without the CSRF token, and a contributor may browse but not upload', async () => {
    const forged = await app.inject({ method: 'POST', url: '/admin/media/', headers: { cookie: author.cookies, 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n', remoteAddress: author.remoteAddress });
    expect(forged.statusCode).toBe(403);
    const contributor = await signedIn(app, (await makeUser(database.current.db, 'contributor')).email);
    const page = await contributor.get('/admin/media/');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('enctype="multipart/form-data"');
    const res = await upload(contributor, { name: 'x.png', type: 'image/png', bytes: await png(20, 20) });
    expect(res.statusCode).toBe(403);
  });

  it('puts the featured image on public pages with srcset, and requires its alt text to publish', async () => {
    const media = await database.current.db.selectFrom('media').select(['id', 'path']).where('original_name', '=', 'harbour.png').executeTakeFirstOrThrow();
    await database.current.db.updateTable('media').set({ alt: null }).where('id', '=', media.id).execute();
    await author.get('/admin/articles/new');
    const form = { title: 'Dawn in the harbour', body: 'Boats went out.', mediaId: String(media.id), commentsEnabled: '1' };
    const refused = await author.post('/admin/articles/', { ...form, intent: 'publish' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Describe the featured image (alt text) before publishing');
    const ok = await author.post('/admin/articles/', { ...form, imageAlt: 'Fishing boats leaving at dawn', intent: 'publish' });
    expect(ok.statusCode).toBe(303);
    for (const url of ['/dawn-in-the-harbour/', '/']) {
      const page = await app.inject({ url });
      expect(page.body).toMatch(new RegExp(`<img src="/media/${media.path}" srcset="/media/[^"]+-320\\.webp 320w, [^"]+ 640w`));
      expect(page.body).toContain('alt="Fishing boats leaving at dawn"');
      expect(page.body).toMatch(/sizes="[^"]+"/);
    }
    // the same image inside the text gets its srcset too
    await author.get('/admin/articles/new');
    const inline = await author.post('/admin/articles/', { title: 'Inline harbour photo', body: `Look:\n\n![Boats at dawn](/media/${media.path})`, intent: 'publish' });
    expect(inline.statusCode).toBe(303);
    const page = await app.inject({ url: '/inline-harbour-photo/' });
    expect(page.body).toMatch(new RegExp(`<img src="/media/${media.path}" srcset="/media/[^"]+-320\\.webp 320w[^"]*" sizes="[^"]+" alt="Boats at dawn"`));
    const del = await author.post(`/admin/media/${media.id}/delete`, {});
    expect(del.statusCode).toBe(409);
    expect(del.body).toContain('uses this image');
  });
});
