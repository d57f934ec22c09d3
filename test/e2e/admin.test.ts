import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/clock.js';
import { createCategory } from '../../src/content/taxonomy.service.js';
import { startScheduler, type Scheduler } from '../../src/admin/scheduler.js';
import { NOW } from '../helpers/fixtures.js';
import { insertComment } from '../../src/comments/comments.repository.js';
import { makeUser, PASSWORD } from '../admin/admin-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// one browser for both engines' runs: starting chromium is the slow part
let sharedBrowser: Promise<Browser> | undefined;
const launch = () => (sharedBrowser ??= chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] }));
afterAll(async () => {
  if (sharedBrowser) await (await sharedBrowser).close();
});

if (!hasChromium) describe.skip(`newsroom admin in a browser (SKIPPED: ${CHROMIUM} is missing; apt-get install chromium)`, () => {});

/** Runs axe-core in the page; returns the serious and critical violations, described. */
async function axeProblems(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not block it
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function signIn(page: Page, base: string, email: string) {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/admin\/articles\/$/);
}

if (hasChromium)
  describeEachEngine('newsroom admin in a browser', (engine) => {
    const database = useTestDatabase(engine);
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-e2e-media-'));
    const clock = fixedClock(NOW);
    let app: FastifyInstance;
    let browser: Browser;
    let base: string;
    let scheduler: Scheduler;
    let editorEmail: string;
    let contributorEmail: string;
    let adminEmail: string;

    beforeAll(async () => {
      const config = { ...loadConfig({ DATABASE_URL: 'sqlite::memory:' }), publicUrl: null };
      app = await buildApp({ config, db: database.current.db, engine, clock, logger: false, media: { dir: mediaDir } });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      scheduler = startScheduler({ db: database.current.db, clock, events: app.deps.events }, 200);
      await createCategory(database.current.db, { name: 'Coast', slug: 'coast' }, clock);
      editorEmail = (await makeUser(database.current.db, 'editor')).email;
      contributorEmail = (await makeUser(database.current.db, 'contributor')).email;
      adminEmail = (await makeUser(database.current.db, 'admin')).email;
      browser = await launch();
    });

    afterAll(async () => {
      scheduler?.stop();
      await app?.close();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    });

    it('an editor signs in, uploads an image, writes and publishes a story; it appears on the home and category pages with srcset', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, base, editorEmail);

      await page.goto(`${base}/admin/media/`);
      await page.getByLabel('Alt text', { exact: true }).first().fill('A lighthouse above a stormy sea');
      await page.setInputFiles('#f-file', { name: 'lighthouse.jpg', mimeType: 'image/jpeg', buffer: await sharp({ create: { width: 1400, height: 900, channels: 3, background: '#3a6ea5' } }).jpeg().toBuffer() });
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByText('Uploaded.').waitFor();
      await page.getByText('lighthouse.jpg').waitFor();

      await page.goto(`${base}/admin/articles/new`);
      await page.getByLabel('Headline').fill('Storm closes the coast road');
      await page.getByLabel('Text (Markdown)').fill('The road was **closed** at dawn.\n\nCrews expect to reopen it tomorrow.');
      // the live preview is rendered by the server with the public page's code
      await page.locator('#live-preview strong', { hasText: 'closed' }).waitFor();
      await page.getByLabel('Category').selectOption({ label: 'Coast' });
      await page.getByLabel('Image from the library').selectOption({ label: 'A lighthouse above a stormy sea (lighthouse.jpg)' });
      await page.getByLabel('Tags').fill('Weather, Roads');
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByText('Published.').waitFor();

      for (const url of ['/', '/category/coast/']) {
        await page.goto(base + url);
        const link = page.getByRole('link', { name: 'Storm closes the coast road' }).first();
        await link.waitFor();
        const img = page.locator('img[alt="A lighthouse above a stormy sea"]').first();
        expect(await img.getAttribute('srcset')).toMatch(/-320\.webp 320w, .*-640\.webp 640w/);
        expect(await img.getAttribute('sizes')).toBeTruthy();
      }
      await page.goto(`${base}/storm-closes-the-coast-road/`);
      expect(await page.locator('.article__body strong').textContent()).toBe('closed');
      // the browser picked a variant and it loaded
      const loaded = await page.locator('.article__image img').evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0);
      expect(loaded).toBe(true);
      await context.close();
    });

    it('a contributor can write and submit but not publish', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, base, contributorEmail);
      await page.goto(`${base}/admin/articles/new`);
      await page.getByLabel('Headline').fill('Contributor pitch');
      await page.getByLabel('Text (Markdown)').fill('A first draft.');
      expect(await page.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await page.getByText('Submitted for review').waitFor();
      // a forged Publish button is refused by the server
      await page.evaluate(() => {
        const b = document.createElement('button');
        b.name = 'intent';
        b.value = 'publish';
        b.textContent = 'Forged publish';
        document.querySelector('form[data-editor]')!.appendChild(b);
      });
      await page.getByRole('button', { name: 'Forged publish' }).click();
      await page.getByText('Your role does not allow you to').waitFor();
      const res = await page.goto(`${base}/contributor-pitch/`);
      expect(res!.status()).toBe(404);
      await context.close();
    });

    it('a scheduled story appears once its time comes, without anyone visiting', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, base, editorEmail);
      await page.goto(`${base}/admin/articles/new`);
      await page.getByLabel('Headline').fill('Embargoed tide tables');
      await page.getByLabel('Text (Markdown)').fill('High tide at noon.');
      await page.getByLabel(/Publish at/).fill('2026-11-20T12:10');
      await page.getByRole('button', { name: 'Schedule' }).click();
      await page.getByText('Scheduled:').waitFor();
      expect((await page.goto(`${base}/embargoed-tide-tables/`))!.status()).toBe(404);
      clock.advance(11 * 60_000);
      // the scheduler publishes on its own; the test only watches for the result
      const start = Date.now();
      let status = 404;
      while (status !== 200 && Date.now() - start < 5000) {
        const row = await database.current.db.selectFrom('articles').select('status').where('slug', '=', 'embargoed-tide-tables').executeTakeFirstOrThrow();
        if (row.status === 'published') status = 200;
        else await new Promise((r) => setTimeout(r, 50));
      }
      expect(Date.now() - start).toBeLessThan(5000);
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: 'Embargoed tide tables' }).first().waitFor();
      await context.close();
    });

    it('admin pages have no serious or critical accessibility violations (axe-core)', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/admin/login`);
      const problems: string[] = (await axeProblems(page)).map((p) => `login: ${p}`);
      // the check can fail: a field without its label is reported
      const probe = await browser.newPage();
      await probe.goto(`${base}/admin/login`);
      await probe.evaluate(() => document.querySelector('label[for="f-email"]')!.remove());
      expect((await axeProblems(probe)).join('\n')).toMatch(/label/);
      await probe.close();
      await signIn(page, base, adminEmail);
      const id = (await database.current.db.selectFrom('articles').select('id').where('slug', '=', 'storm-closes-the-coast-road').executeTakeFirstOrThrow()).id;
      const comment = await insertComment(database.current.db, { articleId: id, name: 'Axe Reader', email: 'axe-reader@example.org', body: 'A held comment.', status: 'pending', createdAt: NOW.toISOString() });
      for (const url of ['/admin/articles/', '/admin/articles/new', `/admin/articles/${id}`, '/admin/media/', '/admin/categories/', '/admin/sources/', '/admin/users/', '/admin/settings', '/admin/account/password', '/admin/comments/', `/admin/comments/${comment}`]) {
        await page.goto(base + url);
        problems.push(...(await axeProblems(page)).map((p) => `${url}: ${p}`));
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  });
