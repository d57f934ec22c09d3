import { expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import { describeEachEngine } from '../helpers/engines.js';
import { TEST_BASE_URL } from '../helpers/app.js';
import { useNewsroomApp } from './newsroom-app.js';
import { hoursAgo, makeArticle } from '../helpers/fixtures.js';
import { saveSettings } from '../../src/content/settings.js';

const B = TEST_BASE_URL;
const jsonLd = (doc: HTMLElement): any[] => doc.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent));
const meta = (doc: HTMLElement, key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;

describeEachEngine('page heads: meta tags and structured data', (engine) => {
  const ctx = useNewsroomApp(engine);
  const db = () => ctx.database.db;

  async function page(url: string) {
    const res = await ctx.app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    return parse(res.body);
  }

  it('describes a news story as NewsArticle with headline, image, dates, authors with URLs and the publisher with a logo', async () => {
    const doc = await page('/tehran-reservoir/');
    const article = jsonLd(doc).find((d) => d['@type'] === 'NewsArticle');
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: 'Tehran opens new reservoir & pipeline',
      description: 'Engineers say the <system> will serve a million homes',
      image: [`${B}/assets/demo/x.svg`],
      datePublished: hoursAgo(2),
      dateModified: hoursAgo(1),
      inLanguage: 'en',
      mainEntityOfPage: { '@id': `${B}/tehran-reservoir/` },
      articleSection: 'Iran',
      author: [
        { '@type': 'Person', name: 'Leila Navabi', url: `${B}/author/leila-navabi/` },
        { '@type': 'Person', name: 'Sam Ortiz', url: `${B}/author/sam-ortiz/` },
      ],
      publisher: { '@type': 'Organization', name: 'The Test Gazette', url: `${B}/`, logo: { '@type': 'ImageObject', url: `${B}/publisher-logo.svg` } },
    });
    expect(article.isBasedOn).toBeUndefined();
    expect(jsonLd(doc).find((d) => d['@type'] === 'BreadcrumbList').itemListElement.length).toBe(4);
    const logo = await ctx.app.inject({ method: 'GET', url: '/publisher-logo.svg' });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/svg+xml');
    expect(logo.body).toContain('>The Test Gazette</text>');
  });

  it('uses the site logo for the publisher once one is set', async () => {
    await saveSettings(db(), { logoUrl: '/assets/demo/qanat.svg' });
    try {
      const doc = await page('/tehran-reservoir/');
      const article = jsonLd(doc).find((d) => d['@type'] === 'NewsArticle');
      expect(article.publisher.logo.url).toBe(`${B}/assets/demo/qanat.svg`);
      // saving one setting leaves the others alone
      expect(article.publisher.name).toBe('The Test Gazette');
    } finally {
      await saveSettings(db(), { logoUrl: null });
    }
  });

  it('picks the schema.org type by kind, and a static page is a WebPage', async () => {
    const typeOf = async (url: string) => jsonLd(await page(url)).filter((d) => d['@type'] !== 'BreadcrumbList').map((d) => d['@type']);
    expect(await typeOf('/running-dry-2/')).toEqual(['OpinionNewsArticle']);
    expect(await typeOf('/river-film-review/')).toEqual(['ReviewNewsArticle']);
    expect(await typeOf('/gulf-ports-freight/')).toEqual(['AnalysisNewsArticle']);
    expect(await typeOf('/running-dry-1/')).toEqual(['NewsArticle']);
    expect(await typeOf('/about/')).toEqual(['WebPage']);
  });

  it('credits a syndicated story to its source and points canonical at the original', async () => {
    const doc = await page('/gulf-ports-freight/');
    const article = jsonLd(doc).find((d) => d['@type'] === 'AnalysisNewsArticle');
    expect(article.isBasedOn).toBe('https://harbor.example.com/2026/ports');
    expect(article.sourceOrganization).toEqual({ '@type': 'Organization', name: 'Harbor Wire', url: 'https://harbor.example.com/' });
    expect(article.mainEntityOfPage['@id']).toBe('https://harbor.example.com/2026/ports');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://harbor.example.com/2026/ports');
  });

  it('gives stories OpenGraph and Twitter card tags, large when there is an image', async () => {
    const doc = await page('/tehran-reservoir/');
    expect(meta(doc, 'og:type')).toBe('article');
    expect(meta(doc, 'og:title')).toBe('Tehran opens new reservoir & pipeline');
    expect(meta(doc, 'og:url')).toBe(`${B}/tehran-reservoir/`);
    expect(meta(doc, 'og:image')).toBe(`${B}/assets/demo/x.svg`);
    expect(meta(doc, 'og:image:alt')).toBe('A reservoir at dusk');
    expect(meta(doc, 'article:published_time')).toBe(hoursAgo(2));
    expect(meta(doc, 'article:modified_time')).toBe(hoursAgo(1));
    expect(doc.querySelectorAll('meta[property="article:tag"]').map((m) => m.getAttribute('content'))).toEqual(['Energy', 'Water']);
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    expect(meta(doc, 'twitter:title')).toBe('Tehran opens new reservoir & pipeline');
    expect(meta(doc, 'twitter:description')).toBe('Engineers say the <system> will serve a million homes');
    expect(meta(doc, 'twitter:image')).toBe(`${B}/assets/demo/x.svg`);
    const plain = await page('/world-brief-1/');
    expect(meta(plain, 'twitter:card')).toBe('summary');
    expect(meta(plain, 'twitter:image')).toBeNull();
  });

  it('gives every public page a title, description and canonical; the home page a WebSite with SearchAction; search noindex', async () => {
    for (const [url, title] of [
      ['/', 'The Test Gazette'],
      ['/category/middle-east/iran/', 'Iran – The Test Gazette'],
      ['/tag/water/', 'Water – The Test Gazette'],
      ['/author/leila-navabi/', 'Leila Navabi, PhD – The Test Gazette'],
      ['/series/running-dry/', 'Running Dry – The Test Gazette'],
      ['/page/2/', 'Latest stories – Page 2 – The Test Gazette'],
    ] as const) {
      const doc = await page(url);
      expect(doc.querySelector('title')?.textContent, url).toBe(title);
      expect(meta(doc, 'description'), url).toBeTruthy();
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), url).toBe(B + url);
      expect(meta(doc, 'og:url')).toBe(B + url);
      expect(meta(doc, 'twitter:card')).toBe('summary');
      expect(meta(doc, 'robots')).toBeNull();
    }
    const home = jsonLd(await page('/')).find((d) => d['@type'] === 'WebSite');
    expect(home.potentialAction).toMatchObject({ '@type': 'SearchAction', target: `${B}/search/?q={search_term_string}` });
    expect(meta(await page('/search/?q=water'), 'robots')).toBe('noindex, follow');
  });

  it('keeps hostile titles inert in JSON-LD and meta tags', async () => {
    await makeArticle(db(), { title: 'Ends </script><script>alert(1)</script> & “quotes” 🚀', slug: 'hostile-title', dek: '"><img src=x onerror=alert(1)>' });
    const res = await ctx.app.inject({ method: 'GET', url: '/hostile-title/' });
    expect(res.body).not.toContain('</script><script>alert(1)');
    expect(res.body).not.toContain('"><img src=x');
    const doc = parse(res.body);
    const article = jsonLd(doc).find((d) => d['@type'] === 'NewsArticle');
    expect(article.headline).toBe('Ends </script><script>alert(1)</script> & “quotes” 🚀');
    expect(meta(doc, 'og:description')).toBe('"><img src=x onerror=alert(1)>');
  });
});
