import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../helpers/engines.js';
import { TEST_BASE_URL } from '../helpers/app.js';
import { useNewsroomApp } from './newsroom-app.js';
import { hoursAgo, makeArticle } from '../helpers/fixtures.js';
import { saveSettings } from '../../src/content/settings.js';
import { xmllint, xmllintMissing } from './real-clients.js';

const B = TEST_BASE_URL;
const SM = "*[local-name()='urlset']/*[local-name()='url']";
/** Text of every node an XPath selects, as xmllint prints them. */
const texts = (xml: string, xpath: string) => {
  const run = xmllint(xml, { xpath: `${xpath}/text()` });
  return run.ok ? run.out.split('\n').filter(Boolean) : [];
};
const count = (xml: string, xpath: string) => Number(xmllint(xml, { xpath: `count(${xpath})` }).out.trim());

describeEachEngine('sitemaps and robots.txt', (engine) => {
  const ctx = useNewsroomApp(engine);
  const db = () => ctx.database.db;

  async function xml(url: string) {
    const res = await ctx.app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    return res.body;
  }

  describe.skipIf(xmllintMissing)(`checked by xmllint${xmllintMissing ? ` (SKIPPED: ${xmllintMissing})` : ''}`, () => {
    it('indexes one child sitemap per type that has URLs, each valid and resolving', async () => {
      const index = await xml('/sitemap.xml');
      const lint = xmllint(index, { xsd: 'siteindex' });
      expect(lint.ok, lint.err).toBe(true);
      const locs = texts(index, "/*[local-name()='sitemapindex']/*[local-name()='sitemap']/*[local-name()='loc']");
      expect(locs).toEqual(['posts', 'pages', 'categories', 'tags', 'authors', 'series'].map((t) => `${B}/sitemap-${t}-1.xml`));
      for (const loc of locs) {
        const child = await xml(loc.slice(B.length));
        const valid = xmllint(child, { xsd: 'sitemap' });
        expect(valid.ok, `${loc}: ${valid.err}`).toBe(true);
      }
    });

    it('lists every visible post that is its own canonical, with its last change and image, and never drafts, future stories or pages', async () => {
      const posts = await xml('/sitemap-posts-1.xml');
      const locs = texts(posts, `${SM}/*[local-name()='loc']`);
      // 20 visible posts less the wire story whose canonical is the original's
      expect(locs.length).toBe(19);
      expect(locs).toContain(`${B}/tehran-reservoir/`);
      expect(locs).not.toContain(`${B}/gulf-ports-freight/`);
      // credited to a source whose canonical policy is 'self': ours to list
      expect(locs).toContain(`${B}/quiet-note/`);
      expect(locs).toContain(`${B}/desalination-ar/`);
      for (const hidden of ['secret-draft', 'embargoed-future', 'about']) expect(locs).not.toContain(`${B}/${hidden}/`);
      expect(posts).not.toMatch(/@example\.org|marker-/);
      const lead = `${SM}[*[local-name()='loc']='${B}/tehran-reservoir/']`;
      expect(texts(posts, `${lead}/*[local-name()='lastmod']`)).toEqual([hoursAgo(1).replace('.000Z', 'Z')]);
      expect(texts(posts, `${lead}/*[local-name()='image' and namespace-uri()='http://www.google.com/schemas/sitemap-image/1.1']/*[local-name()='loc']`)).toEqual([`${B}/assets/demo/x.svg`]);
      const pages = await xml('/sitemap-pages-1.xml');
      expect(texts(pages, `${SM}/*[local-name()='loc']`)).toEqual([`${B}/`, `${B}/about/`]);
      // the home page changes when its newest story does
      expect(texts(pages, `${SM}[1]/*[local-name()='lastmod']`)).toEqual([hoursAgo(1).replace('.000Z', 'Z')]);
    });

    it('lists lists that have stories, with the newest change among them (a parent category includes its children)', async () => {
      const cats = await xml('/sitemap-categories-1.xml');
      const locs = texts(cats, `${SM}/*[local-name()='loc']`);
      expect(locs.sort()).toEqual([`${B}/category/middle-east/`, `${B}/category/middle-east/iran/`, `${B}/category/world/`]);
      expect(texts(cats, `${SM}[*[local-name()='loc']='${B}/category/middle-east/']/*[local-name()='lastmod']`)).toEqual([hoursAgo(1).replace('.000Z', 'Z')]);
      expect(texts(cats, `${SM}[*[local-name()='loc']='${B}/category/world/']/*[local-name()='lastmod']`)).toEqual([hoursAgo(6).replace('.000Z', 'Z')]);
      expect(texts(await xml('/sitemap-tags-1.xml'), `${SM}/*[local-name()='loc']`).sort()).toEqual([`${B}/tag/energy/`, `${B}/tag/water/`]);
      expect(texts(await xml('/sitemap-authors-1.xml'), `${SM}/*[local-name()='loc']`).sort()).toEqual([`${B}/author/leila-navabi/`, `${B}/author/sam-ortiz/`]);
      const series = await xml('/sitemap-series-1.xml');
      expect(texts(series, `${SM}/*[local-name()='loc']`)).toEqual([`${B}/series/running-dry/`]);
      expect(texts(series, `${SM}/*[local-name()='lastmod']`)).toEqual([hoursAgo(97).replace('.000Z', 'Z')]);
    });

    it('puts the last 48 hours in the news sitemap with publication name, language, date and title', async () => {
      await makeArticle(db(), { title: 'Two days and more ago', slug: 'old-news', publishedAt: hoursAgo(49) });
      await saveSettings(db(), { newsPublicationName: 'Gazette & Co' });
      const news = await xml('/news-sitemap.xml');
      expect(xmllint(news, { xsd: 'sitemap' }).ok).toBe(true);
      const N = "*[local-name()='news' and namespace-uri()='http://www.google.com/schemas/sitemap-news/0.9']";
      const locs = texts(news, `${SM}/*[local-name()='loc']`);
      expect(locs).toContain(`${B}/tehran-reservoir/`);
      expect(locs).toContain(`${B}/world-brief-12/`); // 31 hours ago
      expect(locs).not.toContain(`${B}/old-news/`);
      expect(locs).not.toContain(`${B}/gulf-ports-freight/`);
      expect(locs).not.toContain(`${B}/running-dry-1/`);
      expect(locs).not.toContain(`${B}/embargoed-future/`);
      expect(locs).not.toContain(`${B}/secret-draft/`);
      expect(count(news, `${SM}/${N}`)).toBe(locs.length);
      for (const field of ["*[local-name()='publication']/*[local-name()='name']", "*[local-name()='publication']/*[local-name()='language']", "*[local-name()='publication_date']", "*[local-name()='title']"]) {
        expect(count(news, `${SM}/${N}/${field}`), field).toBe(locs.length);
      }
      const arabic = `${SM}[*[local-name()='loc']='${B}/desalination-ar/']/${N}`;
      expect(texts(news, `${arabic}/*[local-name()='publication']/*[local-name()='language']`)).toEqual(['ar']);
      expect(texts(news, `${arabic}/*[local-name()='title']`)).toEqual(['محطة تحلية جديدة على الساحل']);
      expect(texts(news, `${arabic}/*[local-name()='publication_date']`)).toEqual([hoursAgo(8).replace('.000Z', 'Z')]);
      expect(news).toContain('<news:name>Gazette &amp; Co</news:name>');
      await saveSettings(db(), { newsPublicationName: null });
    });
  });

  it('404s for a sitemap page past the end or of an unknown type', async () => {
    for (const url of ['/sitemap-posts-2.xml', '/sitemap-widgets-1.xml', '/sitemap-posts-0.xml', '/sitemap-posts-x.xml', '/sitemap-posts-1234567.xml', '/sitemap-posts-01.xml', '/sitemap--1.xml']) {
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });

  it('answers conditional GETs on sitemaps', async () => {
    const first = await ctx.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(first.headers['last-modified']).toBe(new Date(hoursAgo(1)).toUTCString());
    expect((await ctx.app.inject({ method: 'GET', url: '/sitemap.xml', headers: { 'if-none-match': String(first.headers.etag) } })).statusCode).toBe(304);
  });

  it('names the sitemaps in robots.txt, after the lines the site adds in its settings', async () => {
    const plain = await ctx.app.inject({ method: 'GET', url: '/robots.txt' });
    expect(plain.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(plain.body.split('\n')).toEqual(['User-agent: *', 'Disallow: /search/', 'Disallow: /admin/', '', `Sitemap: ${B}/sitemap.xml`, `Sitemap: ${B}/news-sitemap.xml`, '']);
    await saveSettings(db(), { robotsTxtExtra: 'User-agent: GPTBot\r\nDisallow: /\n' });
    const edited = (await ctx.app.inject({ method: 'GET', url: '/robots.txt' })).body.split('\n');
    expect(edited).toEqual(['User-agent: *', 'Disallow: /search/', 'Disallow: /admin/', '', 'User-agent: GPTBot', 'Disallow: /', '', `Sitemap: ${B}/sitemap.xml`, `Sitemap: ${B}/news-sitemap.xml`, '']);
    await expect(saveSettings(db(), { robotsTxtExtra: 'bad\u0000line' })).rejects.toThrow(/control characters/);
  });
});
