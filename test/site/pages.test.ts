import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/app.js';
import { seedNewsroom } from '../helpers/fixtures.js';
import { createRedirect } from '../../src/content/redirects.js';
import { fixedClock } from '../../src/clock.js';

function jsonLd(doc: HTMLElement): any[] {
  return doc.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent));
}
const text = (el: HTMLElement | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describeEachEngine('public pages', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;

  beforeAll(async () => {
    await seedNewsroom(database.current.db);
    app = await buildTestApp(database.current);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function page(url: string, status = 200) {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url} → ${res.statusCode}`).toBe(status);
    return { res, doc: parse(res.body) };
  }

  describe('home', () => {
    it('leads with the featured story, then latest and sections per category', async () => {
      const { res, doc } = await page('/');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(text(doc.querySelector('title'))).toBe('The Test Gazette');
      expect(text(doc.querySelector('.home-lead .teaser__title'))).toBe('Tehran opens new reservoir & pipeline');
      const latest = doc.querySelectorAll('.home-latest .teaser__title').map(text);
      expect(latest[0]).toBe('Gulf ports report record freight');
      expect(latest).not.toContain('Tehran opens new reservoir & pipeline');
      const sections = doc.querySelectorAll('.home-section .section-title').map(text);
      expect(sections).toEqual(expect.arrayContaining(['Middle East', 'World']));
      expect(sections).not.toContain('Empty Desk');
      expect(res.body).not.toContain('Secret draft headline');
      expect(res.body).not.toContain('Embargoed future story');
      const website = jsonLd(doc).find((d) => d['@type'] === 'WebSite');
      expect(website.potentialAction.target).toBe(`${TEST_BASE_URL}/search/?q={search_term_string}`);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${TEST_BASE_URL}/`);
      expect(doc.querySelector('.site-nav a[href="/category/middle-east/iran/"]')).not.toBeNull();
    });

    it('pages through older stories at /page/N/ and 404s past the end', async () => {
      const { doc } = await page('/page/2/');
      expect(doc.querySelectorAll('.teaser').length).toBe(5);
      expect(doc.querySelector('.pagination a[rel="prev"]')?.getAttribute('href')).toBe('/');
      expect(doc.querySelector('.pagination a[rel="next"]')?.getAttribute('href')).toBe('/page/3/');
      await page('/page/4/');
      await page('/page/5/', 404);
      const first = await page('/page/1/', 301);
      expect(first.res.headers.location).toBe('/');
      await page('/page/0/', 404);
      await page('/page/abc/', 404);
    });
  });

  describe('article', () => {
    it('shows breadcrumb, headline, dek, bylines with credentials, dates in the site time zone, image and body', async () => {
      const { doc, res } = await page('/tehran-reservoir/');
      expect(doc.querySelectorAll('.breadcrumb li').map(text)).toEqual(['Home', 'Middle East', 'Iran', 'Tehran opens new reservoir & pipeline']);
      expect(doc.querySelector('.breadcrumb a[href="/category/middle-east/iran/"]')).not.toBeNull();
      expect(text(doc.querySelector('h1'))).toBe('Tehran opens new reservoir & pipeline');
      // escaped, never markup
      expect(text(doc.querySelector('.article__dek'))).toBe('Engineers say the <system> will serve a million homes');
      expect(res.body).toContain('the &lt;system> will');
      expect(text(doc.querySelector('.article__meta .byline'))).toBe('By Leila Navabi, PhD and Sam Ortiz');
      expect(doc.querySelectorAll('.article__meta .byline a').map((a) => a.getAttribute('href'))).toEqual(['/author/leila-navabi/', '/author/sam-ortiz/']);
      // published 10:00 UTC = 13:30 in Tehran
      const times = doc.querySelectorAll('.article__dates time');
      expect(times.length).toBe(2);
      expect(times[0]!.getAttribute('datetime')).toBe('2026-11-20T10:00:00.000Z');
      expect(text(times[0]!)).toMatch(/20 November 2026|November 20, 2026/);
      expect(text(times[0]!)).toMatch(/1:30\sPM|13:30/);
      const img = doc.querySelector('.article__image img')!;
      expect(img.getAttribute('width')).toBe('1200');
      expect(img.getAttribute('height')).toBe('675');
      expect(img.getAttribute('alt')).toBe('A reservoir at dusk');
      expect(text(doc.querySelector('.article__image figcaption'))).toBe('The new dam. Photo: Test');
      const body = doc.querySelector('.article__body')!;
      expect(body.querySelector('strong')?.textContent).toBe('Monday');
      expect(body.querySelector('h2')?.textContent).toBe('What changes');
      expect(body.innerHTML).not.toMatch(/<script|onerror/i);
      expect(doc.querySelectorAll('.tags a').map(text)).toEqual(['Energy', 'Water']);
      const crumbs = jsonLd(doc).find((d) => d['@type'] === 'BreadcrumbList');
      expect(crumbs.itemListElement.map((i: any) => i.name)).toEqual(['Home', 'Middle East', 'Iran', 'Tehran opens new reservoir & pipeline']);
      expect(crumbs.itemListElement[3].item).toBe(`${TEST_BASE_URL}/tehran-reservoir/`);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${TEST_BASE_URL}/tehran-reservoir/`);
    });

    it('shows approved comments threaded, never emails, held or spam comments', async () => {
      const { doc, res } = await page('/tehran-reservoir/');
      expect(text(doc.querySelector('#comments-title'))).toBe('3 Comments');
      const top = doc.querySelectorAll('#comments > .comment-list > .comment');
      expect(top.length).toBe(1);
      const reply = top[0]!.querySelector('.comment-list--children > .comment')!;
      expect(text(reply.querySelector('.comment__author'))).toBe('Reader Two');
      expect(text(reply.querySelector('.comment-list--children .comment__author'))).toBe('Reader Three');
      expect(reply.querySelector('.comment__body')!.innerHTML).toContain('&lt;b>bold&lt;/b>');
      const link = top[0]!.querySelector('.comment__body a')!;
      expect(link.getAttribute('href')).toBe('https://example.org/link');
      expect(link.getAttribute('rel')).toBe('nofollow ugc noopener');
      expect(top[0]!.querySelector('.comment__body')!.querySelectorAll('p').length).toBe(2);
      expect(res.body).not.toMatch(/marker-[a-z]+@example\.org/);
      expect(res.body).not.toContain('Held comment text');
      expect(res.body).not.toContain('Buy pills');
      expect(res.body).not.toContain('leila-private@example.org');
    });

    it('has a Leave a Reply form with the required-fields note', async () => {
      const { doc } = await page('/tehran-reservoir/');
      const form = doc.querySelector('#respond form')!;
      expect(text(doc.querySelector('#reply-title'))).toBe('Leave a Reply');
      expect(form.getAttribute('method')).toBe('post');
      expect(text(form.querySelector('.comment-notes'))).toBe('Your email address will not be published. Required fields are marked *');
      for (const name of ['comment', 'name', 'email']) expect(form.querySelector(`[name="${name}"]`)?.hasAttribute('required')).toBe(true);
      expect(form.querySelector('[name="url"]')?.hasAttribute('required')).toBe(false);
      expect(doc.querySelectorAll('script:not([type="application/ld+json"])').length).toBe(0);
    });

    it('shows "Comments are closed" when an article has comments off', async () => {
      const { doc } = await page('/river-film-review/');
      expect(doc.querySelector('#respond')).toBeNull();
      expect(text(doc.querySelector('.comments-closed'))).toBe('Comments are closed.');
      expect(text(doc.querySelector('.kicker'))).toBe('Review');
    });

    it('attributes syndicated stories with a linked Source line and points canonical at the original', async () => {
      const { doc } = await page('/gulf-ports-freight/');
      expect(text(doc.querySelector('.source-line'))).toBe('Source: Harbor Wire (Wire Staff)');
      expect(doc.querySelector('.source-line a')?.getAttribute('href')).toBe('https://harbor.example.com/2026/ports');
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://harbor.example.com/2026/ports');
      expect(text(doc.querySelector('.kicker'))).toBe('Analysis');
      const quiet = await page('/quiet-note/');
      expect(quiet.doc.querySelector('.source-line')).toBeNull();
      expect(quiet.doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${TEST_BASE_URL}/quiet-note/`);
    });

    it('navigates a series: part N of M, previous and next parts', async () => {
      const { doc } = await page('/running-dry-2/');
      expect(text(doc.querySelector('.series-nav__title'))).toBe('Part 2 of 3 in the series Running Dry');
      expect(doc.querySelector('.series-nav a[rel="prev"]')?.getAttribute('href')).toBe('/running-dry-1/');
      expect(doc.querySelector('.series-nav a[rel="next"]')?.getAttribute('href')).toBe('/running-dry-3/');
      expect(text(doc.querySelector('.kicker'))).toContain('Part II');
      expect(text(doc.querySelector('.kicker'))).toContain('Opinion');
      const first = await page('/running-dry-1/');
      expect(first.doc.querySelector('.series-nav a[rel="prev"]')).toBeNull();
      const last = await page('/running-dry-3/');
      expect(last.doc.querySelector('.series-nav a[rel="next"]')).toBeNull();
    });

    it('fills Check Also and Related with stories on the same subject, never itself or its own series', async () => {
      const { doc } = await page('/tehran-reservoir/');
      const box = doc.querySelector('.check-also')!;
      expect(text(box.querySelector('h2'))).toBe('Check Also');
      // the lead is tagged Water: the Water stories relate to it, not the newer untagged filler
      expect(text(box.querySelector('.teaser__title'))).toMatch(/^Running Dry part \d$/);
      expect(text(box.querySelector('.byline'))).toBe('By Leila Navabi, PhD');
      expect(text(box.querySelector('.teaser__summary'))).toMatch(/…$/);
      const related = doc.querySelectorAll('.related .teaser__title').map(text);
      expect(related.length).toBeGreaterThanOrEqual(3);
      expect(related.length).toBeLessThanOrEqual(5);
      expect(related).not.toContain('Tehran opens new reservoir & pipeline');
      expect(related).not.toContain('Secret draft headline');
      expect(related).not.toContain('Embargoed future story');
      const part = await page('/running-dry-1/');
      const teased = [text(part.doc.querySelector('.check-also .teaser__title')), ...part.doc.querySelectorAll('.related .teaser__title').map(text)];
      expect(teased.join('|')).not.toMatch(/Running Dry/);
      expect(teased[0]).toBe('Tehran opens new reservoir & pipeline');
    });

    it('renders an Arabic article right to left', async () => {
      const { doc } = await page('/desalination-ar/');
      const article = doc.querySelector('article.article')!;
      expect(article.getAttribute('lang')).toBe('ar');
      expect(article.getAttribute('dir')).toBe('rtl');
      expect(text(doc.querySelector('h1'))).toBe('محطة تحلية جديدة على الساحل');
      const encoded = await page(`/${encodeURIComponent('desalination-ar')}/`);
      expect(encoded.res.statusCode).toBe(200);
    });

    it('serves static pages without byline, comments or Check Also', async () => {
      const { doc } = await page('/about/');
      expect(text(doc.querySelector('h1'))).toBe('About the Gazette');
      expect(doc.querySelector('.byline')).toBeNull();
      expect(doc.querySelector('#respond')).toBeNull();
      expect(doc.querySelector('.check-also')).toBeNull();
    });

    it('hides drafts and stories scheduled for later', async () => {
      await page('/secret-draft/', 404);
      await page('/embargoed-future/', 404);
    });
  });

  describe('lists', () => {
    it('category pages include child categories, list children and paginate', async () => {
      const { doc } = await page('/category/middle-east/');
      expect(text(doc.querySelector('h1'))).toBe('Middle East');
      const titles = doc.querySelectorAll('.teaser__title').map(text);
      expect(titles).toContain('Tehran opens new reservoir & pipeline'); // in the child category Iran
      expect(titles).toContain('محطة تحلية جديدة على الساحل');
      expect(doc.querySelector('.subcategories a[href="/category/middle-east/iran/"]')).not.toBeNull();
      const child = await page('/category/middle-east/iran/');
      expect(child.doc.querySelectorAll('.breadcrumb li').map(text)).toEqual(['Home', 'Middle East', 'Iran']);
      expect(child.doc.querySelectorAll('.teaser__title').map(text)).not.toContain('محطة تحلية جديدة على الساحل');
      const short = await page('/category/iran/', 301);
      expect(short.res.headers.location).toBe('/category/middle-east/iran/');
      const world2 = await page('/category/world/page/2/');
      expect(world2.doc.querySelectorAll('.teaser').length).toBe(5);
      expect(world2.doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${TEST_BASE_URL}/category/world/page/2/`);
      await page('/category/world/page/3/');
      await page('/category/world/page/4/', 404);
      const empty = await page('/category/empty-desk/');
      expect(text(empty.doc.querySelector('.empty'))).toBe('Nothing has been published here yet.');
      await page('/category/no-such-desk/', 404);
    });

    it('tag, author and series pages list their stories', async () => {
      const tag = await page('/tag/water/');
      expect(text(tag.doc.querySelector('h1'))).toBe('Water');
      expect(tag.doc.querySelectorAll('.teaser').length).toBe(4);
      const author = await page('/author/leila-navabi/');
      expect(text(author.doc.querySelector('h1'))).toBe('Leila Navabi, PhD');
      expect(text(author.doc.querySelector('.author-bio'))).toBe('Writes on water.');
      expect(author.res.body).not.toContain('leila-private@example.org');
      const series = await page('/series/running-dry/');
      expect(series.doc.querySelectorAll('.teaser__title').map(text)).toEqual(['Running Dry part 1', 'Running Dry part 2', 'Running Dry part 3']);
      const reporter = await page('/author/sam-ortiz/page/2/');
      expect(reporter.doc.querySelectorAll('.teaser').length).toBe(5);
      await page('/tag/nope/', 404);
      await page('/author/nobody/', 404);
      await page('/series/nothing/', 404);
    });

    it('search finds published stories by words in the title, and never drafts', async () => {
      const { doc } = await page('/search/?q=reservoir');
      expect(doc.querySelectorAll('.teaser__title').map(text)).toEqual(['Tehran opens new reservoir & pipeline']);
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
      const none = await page('/search/?q=secret+draft');
      expect(none.doc.querySelectorAll('.teaser').length).toBe(0);
      const wild = await page('/search/?q=%25%25_');
      expect(wild.doc.querySelectorAll('.teaser').length).toBe(0);
      await page('/search/?q=x&page=zero', 400);
    });
  });

  describe('not found and redirects', () => {
    it('answers unknown slugs with the 404 page and a search box', async () => {
      const { doc, res } = await page('/no-such-story/', 404);
      expect(text(doc.querySelector('h1'))).toBe('Page not found');
      expect(doc.querySelector('form[role="search"] input[name="q"]')).not.toBeNull();
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('301s old links from the redirects table, with or without a slash', async () => {
      const a = await page('/2019/05/old-reservoir-story/', 301);
      expect(a.res.headers.location).toBe('/tehran-reservoir/');
      const b = await page('/2019/05/old-reservoir-story', 301);
      expect(b.res.headers.location).toBe('/tehran-reservoir/');
      const c = await page('/?p=42', 301);
      expect(c.res.headers.location).toBe('/gulf-ports-freight/');
      await page('/?utm_source=x', 200);
      await createRedirect(database.current.db, { from: '/old-arabic/', to: '/محطة-تحلية/' }, fixedClock('2026-11-20T12:00:00Z'));
      const d = await page('/old-arabic/', 301);
      expect(d.res.headers.location).toBe(`/${encodeURIComponent('محطة-تحلية')}/`);
    });

    it('adds the trailing slash WordPress links have', async () => {
      const { res } = await page('/tehran-reservoir', 301);
      expect(res.headers.location).toBe('/tehran-reservoir/');
      // the same one rule serves the admin's screens, query kept
      const admin = await page('/admin/comments?status=spam', 301);
      expect(admin.res.headers.location).toBe('/admin/comments/?status=spam');
      expect((await page('/admin/api-keys', 301)).res.headers.location).toBe('/admin/api-keys/');
    });
  });

  it('sets security headers on every page', async () => {
    const { res } = await page('/tehran-reservoir/');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('serves the stylesheet with a content hash and long caching', async () => {
    const { doc } = await page('/');
    const href = doc.querySelector('link[rel="stylesheet"]')!.getAttribute('href')!;
    expect(href).toMatch(/^\/assets\/site\.[A-Za-z0-9_-]{10}\.css$/);
    const css = await app.inject({ url: href });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['cache-control']).toContain('immutable');
    const again = await app.inject({ url: href, headers: { 'if-none-match': String(css.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });
});
