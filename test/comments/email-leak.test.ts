import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { saveSettings } from '../../src/content/settings.js';
import { seedNewsroom } from '../helpers/fixtures.js';
import { commentHarness, lastComment } from './comments.fixtures.js';

/** Local parts that must never appear in a public response: ours, and the ones the shared fixture stores. */
const MARKERS = ['leak-marker-7f3a', 'marker-one', 'marker-two', 'marker-held', 'marker-spam', 'leila-private'];

describeEachEngine('commenters’ email addresses on public pages', (engine) => {
  const database = useTestDatabase(engine);
  let h: Awaited<ReturnType<typeof commentHarness>>;
  let held = 0;
  beforeAll(async () => {
    await seedNewsroom(database.current.db);
    h = await commentHarness(database.current);
    const email = 'Leak-Marker-7f3a@Example.COM';
    // held (first time), then approved, a reply, spam (honeypot), each through the form
    await h.post('tehran-reservoir', { name: 'Leak Tester', email, url: 'https://leak.example.net/', comment: 'Held words from the leak tester.' });
    held = (await lastComment(h.db)).id;
    await saveSettings(h.db, { commentModeration: 'open' });
    await h.post('tehran-reservoir', { name: 'Leak Tester', email, comment: 'Published words from the leak tester.' });
    const published = (await lastComment(h.db)).id;
    await h.post('tehran-reservoir', { name: 'Leak Tester', email, comment: 'A reply from the leak tester.', parent_id: String(published) });
    await h.post('gulf-ports-freight', { name: 'Leak Tester', email, comment: 'Spam from the leak tester.', homepage: 'x' });
    expect((await lastComment(h.db)).status).toBe('spam');
  });
  afterAll(async () => {
    await h?.app.close();
  });

  it('appears nowhere: every page reachable from the home page, feeds, search, errors', async () => {
    const seeds = [
      '/',
      '/search/?q=leak',
      // a search that would match the address if comments were searched by it (the query itself is echoed, so it must not hold the marker)
      '/search/?q=example.com',
      '/search/?q=marker',
      '/feed/',
      '/feed/atom/',
      '/feed.json',
      '/sitemap.xml',
      '/news-sitemap.xml',
      '/robots.txt',
      '/no-such-story/',
      '/%ZZ/',
      '/tehran-reservoir',
      `/tehran-reservoir/?replytocom=${held}`,
    ];
    const queue = [...seeds];
    const seen = new Set<string>();
    const leaks: string[] = [];
    let pages = 0;
    while (queue.length && seen.size < 600) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await h.app.inject({ method: 'GET', url });
      pages++;
      const text = `${JSON.stringify(res.headers)}\n${res.body}`.toLowerCase();
      for (const m of MARKERS) if (text.includes(m)) leaks.push(`${m} in ${url}`);
      if (!String(res.headers['content-type'] ?? '').includes('html')) continue;
      const doc = parse(res.body);
      for (const el of doc.querySelectorAll('[href], [src], [action]')) {
        const link = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '';
        const local = link.startsWith('http://masthead.test/') ? link.slice('http://masthead.test'.length) : link;
        if (!local.startsWith('/') || local.startsWith('//')) continue;
        const clean = local.split('#')[0]!;
        if (!seen.has(clean)) queue.push(clean);
        // every story's comments feed too
        const story = /^\/[^/?]+\/$/.exec(clean);
        if (story && !clean.startsWith('/page/')) queue.push(`${clean}feed/`);
      }
    }
    // error pages reached by posting
    const errors = [
      await h.app.inject({ method: 'POST', url: '/tehran-reservoir/', payload: `comment=${'a'.repeat(300_000)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      await h.app.inject({ method: 'POST', url: '/tehran-reservoir/', payload: 'comment=%ZZ', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      await h.app.inject({ method: 'POST', url: '/river-film-review/', payload: 'comment=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    ];
    expect(errors.map((r) => r.statusCode)).toEqual([413, 400, 403]);
    for (const r of errors) for (const m of MARKERS) if (r.body.toLowerCase().includes(m)) leaks.push(`${m} in an error page`);

    console.info(`email-leak scan [${engine}]: ${pages} public responses and ${errors.length} error pages, no address found`);
    expect(pages).toBeGreaterThan(40);
    expect([...seen]).toEqual(expect.arrayContaining(['/tehran-reservoir/', '/tehran-reservoir/feed/', '/category/middle-east/iran/']));
    expect(leaks).toEqual([]);
  });

  it('is really there to be found: the crawl would see the comments themselves', async () => {
    const page = (await h.get('/tehran-reservoir/')).body;
    expect(page).toContain('Published words from the leak tester.');
    expect(page).toContain('A reply from the leak tester.');
    expect((await h.get('/tehran-reservoir/feed/')).body).toContain('Published words from the leak tester.');
    const stored = await h.db.selectFrom('comments').select('author_email').where('author_name', '=', 'Leak Tester').execute();
    expect(stored.map((r) => r.author_email)).toEqual(Array(4).fill('leak-marker-7f3a@example.com'));
  });
});
