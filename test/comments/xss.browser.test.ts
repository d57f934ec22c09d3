import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'node-html-parser';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { webUrl } from '../../src/comments/comments.schema.js';
import { saveSettings } from '../../src/content/settings.js';
import { commentsCommand } from '../../src/comments/comments.cli.js';
import { commentHarness, formToken, postComment, seedCommentDesk } from './comments.fixtures.js';
import { batches, CORPUS, loadPayloads } from './xss-corpus.js';
import { makeUser, PASSWORD } from '../admin/admin-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const payloads = loadPayloads();
const ready = payloads.length > 0 && fs.existsSync(CHROMIUM);
if (!payloads.length) process.stderr.write(`SKIPPED: XSS corpus not found at ${CORPUS}\n`);
if (!fs.existsSync(CHROMIUM)) process.stderr.write(`SKIPPED: no browser at ${CHROMIUM} (install Debian's chromium)\n`);
const maybe = ready ? describeEachEngine : (title: string) => describe.skip(`${title} (SKIPPED: corpus or chromium missing)`, () => {});

/** Tags the comment parts of a page may contain; anything else there was injected. */
const ALLOWED_IN_COMMENTS = ['li', 'article', 'header', 'span', 'a', 'time', 'div', 'p', 'br', 'ol', 'ul', 'section', 'h2', 'h3', 'small', 'form', 'label', 'textarea', 'input', 'button', 'strong'];

/** Runs in the page: what an injection would leave behind. */
function findInjection(allowed: string[]): string[] {
  const problems: string[] = [];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) problems.push(`event attribute ${attr.name} on <${el.localName}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(attr.name.toLowerCase()) && /^\s*(javascript|vbscript|data):/i.test(attr.value)) problems.push(`script URL in ${attr.name} on <${el.localName}>`);
    }
    if (['iframe', 'frame', 'object', 'embed', 'base', 'svg', 'math', 'img', 'video', 'audio', 'style', 'link', 'meta', 'applet', 'marquee'].includes(el.localName) && el.closest('body')) problems.push(`<${el.localName}> in the body`);
    if (el.localName === 'script' && (el.getAttribute('type') !== 'application/ld+json' || el.closest('body'))) problems.push('a script element');
  }
  for (const root of Array.from(document.querySelectorAll('.comment-list, #respond, #comment-held'))) {
    for (const el of Array.from(root.querySelectorAll('*'))) if (!allowed.includes(el.localName)) problems.push(`<${el.localName}> inside ${root.id || root.className}`);
  }
  for (const body of Array.from(document.querySelectorAll('.comment__body'))) {
    for (const el of Array.from(body.querySelectorAll('*'))) {
      if (!['p', 'br', 'a'].includes(el.localName)) problems.push(`<${el.localName}> in a comment body`);
      if (el.localName === 'a' && (!/^https?:\/\//.test(el.getAttribute('href') ?? '') || el.getAttribute('rel') !== 'nofollow ugc noopener' || el.attributes.length !== 2)) problems.push(`a link with ${el.outerHTML.slice(0, 80)}`);
    }
  }
  return problems;
}

maybe('the XSS corpus through every comment field and every page that shows comments', (engine) => {
  const database = useTestDatabase(engine);
  let h: Awaited<ReturnType<typeof commentHarness>>;
  let browser: Browser;
  let origin = '';
  const dialogs: string[] = [];
  const offsite: string[] = [];
  let stored = 0;

  beforeAll(async () => {
    await seedCommentDesk(database.current.db, {
      commentModeration: 'open',
      commentRateIpMax: 100_000,
      commentRateEmailMax: 100_000,
      commentMinFillSeconds: 0,
      commentMaxLinks: 1000,
      commentMaxNameLength: 200,
    });
    h = await commentHarness(database.current);
    origin = (await h.app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.app.close();
  });

  async function newPage(): Promise<Page> {
    // CSP would block most injected scripts anyway: switch it off so only escaping stands between a payload and the reader
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()} on ${page.url()}`);
      void d.dismiss();
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      offsite.push(url);
      return route.abort();
    });
    return page;
  }

  async function expectClean(page: Page, what: string) {
    // let any injected timer, animation or lazy load run before judging
    await page.waitForLoadState('load');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    expect(await page.evaluate(findInjection, ALLOWED_IN_COMMENTS), what).toEqual([]);
    expect(dialogs, what).toEqual([]);
    expect(offsite, what).toEqual([]);
  }

  it('notices an injection when there is one (the checks can fail)', async () => {
    const page = await newPage();
    await page.setContent('<ol class="comment-list"><li><div class="comment__body"><p>x<img src="http://evil.test/x.png" onerror="alert(1)"></p></div></li></ol><script>alert(2)</script>');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    const problems = await page.evaluate(findInjection, ALLOWED_IN_COMMENTS);
    expect(problems).toEqual(expect.arrayContaining(['event attribute onerror on <img>', '<img> in the body', 'a script element', '<img> inside comment-list', '<img> in a comment body']));
    expect(dialogs.length).toBeGreaterThanOrEqual(1);
    expect(offsite).toContain('http://evil.test/x.png');
    dialogs.length = 0;
    offsite.length = 0;
    await page.context().close();
  });

  it(`stores ${payloads.length} payloads through the name, website and comment fields`, async () => {
    const token = await formToken(h.app, 'river-bridge');
    const names = batches(payloads, 200, ' ');
    const bodies = batches(payloads, 9000, '\n\n');
    for (const [i, name] of names.entries()) {
      const url = webUrl(`https://example.org/${name.replace(/\s+/g, '')}`.slice(0, 1900)) ?? '';
      const res = await postComment(h.app, 'river-bridge', { name, email: `xss-name-${i}@example.net`, url, comment: `Name batch ${i}: ${name}` }, { token });
      if (res.statusCode === 303) stored++;
      else expect(res.statusCode, `name batch ${i}`).toBe(422);
    }
    for (const [i, comment] of bodies.entries()) {
      const res = await postComment(h.app, 'river-bridge', { name: `Body batch ${i}`, email: `xss-body-${i}@example.net`, comment }, { token });
      expect(res.statusCode, `body batch ${i}`).toBe(303);
      stored++;
    }
    expect(stored).toBeGreaterThan(names.length / 2);
  });

  it('sends every payload through all four fields from a real browser: the returned form shows them inert', async () => {
    const page = await newPage();
    // a story without the stored payloads, so each round trip renders a small page
    for (const [i, chunk] of batches(payloads, 9000, '\n').entries()) {
      await page.goto(`${origin}/market-day/`);
      await page.evaluate((value) => {
        for (const id of ['comment-name', 'comment-email', 'comment-url', 'comment-comment']) (document.getElementById(id) as HTMLInputElement).value = value;
      }, chunk);
      await Promise.all([page.waitForURL(`${origin}/market-day/#respond`), page.click('form.comment-form button[type="submit"]')]);
      // the email can never be valid, so the form comes back (422) holding all four values
      expect(await page.evaluate(() => document.querySelectorAll('[aria-invalid="true"]').length), `batch ${i}`).toBeGreaterThanOrEqual(2);
      expect(await page.inputValue('#comment-comment'), `batch ${i}`).toBe(chunk.replace(/\r\n?/g, '\n'));
      await expectClean(page, `form returned with batch ${i}`);
    }
    // held comments are shown back to their author alone, with the same rendering
    await saveSettings(h.db, { commentModeration: 'hold_all' });
    for (const [i, chunk] of batches(payloads, 9000, '\n').slice(0, 3).entries()) {
      await page.goto(`${origin}/market-day/`);
      await page.evaluate(([name, comment, n]) => {
        (document.getElementById('comment-name') as HTMLInputElement).value = name;
        (document.getElementById('comment-email') as HTMLInputElement).value = `xss-held-${n}@example.net`;
        (document.getElementById('comment-comment') as HTMLTextAreaElement).value = comment;
      }, [Array.from(chunk.replace(/\s+/g, ' ')).slice(0, 200).join(''), chunk, String(i)] as const);
      await Promise.all([page.waitForURL(`${origin}/market-day/#comment-held`), page.click('form.comment-form button[type="submit"]')]);
      expect(await page.locator('#comment-held').textContent(), `held batch ${i}`).toContain('Your comment is awaiting moderation');
      await expectClean(page, `held comment ${i}`);
    }
    await saveSettings(h.db, { commentModeration: 'open' });
    await page.context().close();
  });

  it('shows the stored payloads inert on the story, its comments feed and the home page', async () => {
    const page = await newPage();
    const response = await page.goto(`${origin}/river-bridge/`);
    expect(response!.status()).toBe(200);
    expect(await page.locator('.comment').count()).toBeGreaterThanOrEqual(stored);
    await expectClean(page, 'article page');
    const html = await response!.text();
    const doc = parse(html);
    expect(doc.querySelectorAll('script').every((s) => s.getAttribute('type') === 'application/ld+json')).toBe(true);

    const feed = await page.goto(`${origin}/river-bridge/feed/`);
    expect(feed!.status()).toBe(200);
    const xml = await feed!.text();
    expect(xml.match(/<item>/g)!.length).toBeGreaterThanOrEqual(stored);
    // every CDATA section closes where the feed writer meant it to
    expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toMatch(/<(script|img|svg|iframe)\b/i);
    await expectClean(page, 'comments feed');

    await page.goto(`${origin}/`);
    await expectClean(page, 'home page');
    await page.context().close();
  });

  it('shows the stored payloads inert in the admin moderation queue and on a comment\'s edit page', async () => {
    const page = await newPage();
    const editor = await makeUser(h.db, 'editor');
    await page.goto(`${origin}/admin/login`);
    await page.getByLabel('Email').fill(editor.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin\/articles\/$/);
    // the admin's own script is the one script allowed; a comment's text holds paragraphs only
    const adminProblems = async () =>
      (await page.evaluate(findInjection, ALLOWED_IN_COMMENTS))
        .filter((p) => p !== 'a script element')
        .concat(await page.evaluate(() => Array.from(document.querySelectorAll('script')).filter((s) => !/^\/admin\/assets\//.test(s.getAttribute('src') ?? '') || s.closest('body')).map((s) => `script ${s.outerHTML.slice(0, 80)}`)))
        .concat(await page.evaluate(() => Array.from(document.querySelectorAll('.comment-text *')).filter((el) => el.localName !== 'p').map((el) => `<${el.localName}> in a queued comment`)));
    let seen = 0;
    for (let n = 1; ; n++) {
      const res = await page.goto(`${origin}/admin/comments/?status=approved&page=${n}`);
      if (res!.status() === 404) break;
      expect(res!.status()).toBe(200);
      seen += await page.locator('table.comments-queue tbody tr').count();
      await page.waitForLoadState('load');
      expect(await adminProblems(), `queue page ${n}`).toEqual([]);
    }
    expect(seen).toBeGreaterThanOrEqual(stored);
    const id = (await h.db.selectFrom('comments').select('id').where('author_email', '=', 'xss-body-0@example.net').executeTakeFirstOrThrow()).id;
    await page.goto(`${origin}/admin/comments/${id}`);
    expect(await page.locator('#f-name').inputValue()).toBe('Body batch 0');
    expect((await page.locator('#f-comment').inputValue()).length).toBeGreaterThan(1000);
    expect(await adminProblems(), 'edit page').toEqual([]);
    expect(dialogs).toEqual([]);
    expect(offsite).toEqual([]);
    await page.context().close();
  });

  it('lists the stored payloads for moderators without terminal escapes', async () => {
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    try {
      await commentsCommand(['list', '--limit', '1000'], (fn) => fn(database.current), (m) => new Error(m));
    } finally {
      spy.mockRestore();
    }
    expect(out.split('\n').length).toBeGreaterThan(stored);
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  });
});
