import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Settings } from '../content/settings.js';
import { allCategories, categoryUrl, descendantIds } from '../content/taxonomy.repository.js';
import { articleUrl, authorUrl, seriesUrl, tagUrl } from '../site/site.service.js';
import { absoluteUrl } from './image-info.js';
import { articlePages, listLastmods, newestPostUpdate, listSlugs, recentPosts, visibleArticles, type SitemapArticle } from './sitemaps.repository.js';
import { el, wrap, XML_DECLARATION } from './xml.js';

/** The sitemaps protocol's limit on URLs per file. */
export const SITEMAP_PAGE_SIZE = 50_000;
export const SITEMAP_TYPES = ['posts', 'pages', 'categories', 'tags', 'authors', 'series'] as const;
export type SitemapType = (typeof SITEMAP_TYPES)[number];

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

interface SitemapUrl {
  path: string;
  lastmod: string | null;
  image?: string | null;
}

/** W3C datetime without milliseconds: 2026-11-20T10:00:00Z. */
const w3c = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
const newest = (times: (string | null | undefined)[]) => times.reduce<string | null>((max, t) => (t && (max === null || t > max) ? t : max), null);

export const sitemapPath = (type: SitemapType, page: number) => `/sitemap-${type}-${page}.xml`;

function urlset(baseUrl: string, urls: SitemapUrl[]): string {
  const body = urls
    .map((u) => wrap('url', el('loc', baseUrl + u.path) + (u.lastmod ? el('lastmod', w3c(u.lastmod)) : '') + (u.image ? wrap('image:image', el('image:loc', absoluteUrl(baseUrl, u.image))) : '')))
    .join('\n');
  return `${XML_DECLARATION}${wrap('urlset', `\n${body}\n`, { xmlns: NS, 'xmlns:image': IMAGE_NS })}\n`;
}

const articleEntry = (a: SitemapArticle): SitemapUrl => ({ path: articleUrl(a.slug), lastmod: a.updated_at > (a.published_at ?? '') ? a.updated_at : a.published_at, image: a.featured_image_url });

/** Every URL of a list sitemap (all but posts, which page in the database). */
async function listUrls(db: Kysely<Database>, type: Exclude<SitemapType, 'posts'>, now: Date): Promise<SitemapUrl[]> {
  if (type === 'pages') {
    const pages = await visibleArticles(db, 'page', now, { limit: SITEMAP_PAGE_SIZE, offset: 0 });
    // the home page is always listed, so even an empty site has a valid sitemap
    return [{ path: '/', lastmod: await newestPostUpdate(db, now) }, ...pages.map(articleEntry)];
  }
  if (type === 'categories') {
    const [categories, lastmods] = await Promise.all([allCategories(db), listLastmods(db, 'category', now)]);
    return categories
      .map((c) => ({ path: categoryUrl(categories, c.id), lastmod: newest(descendantIds(categories, c.id).map((id) => lastmods.get(id))) }))
      .filter((u) => u.lastmod !== null);
  }
  const kind = type === 'tags' ? 'tag' : type === 'authors' ? 'author' : 'series';
  const toPath = kind === 'tag' ? tagUrl : kind === 'author' ? authorUrl : seriesUrl;
  const [rows, lastmods] = await Promise.all([listSlugs(db, kind), listLastmods(db, kind, now)]);
  return rows.filter((r) => lastmods.has(r.id)).map((r) => ({ path: toPath(r.slug), lastmod: lastmods.get(r.id)! }));
}

/** The index: every child sitemap with the newest change in it. */
export async function sitemapIndex(db: Kysely<Database>, baseUrl: string, now: Date): Promise<{ xml: string; lastModified: string | null }> {
  const entries: { path: string; lastmod: string | null }[] = [];
  const postPages = await articlePages(db, 'post', now, SITEMAP_PAGE_SIZE);
  postPages.forEach((lastmod, i) => entries.push({ path: sitemapPath('posts', i + 1), lastmod: lastmod || null }));
  for (const type of SITEMAP_TYPES.slice(1) as Exclude<SitemapType, 'posts'>[]) {
    const urls = await listUrls(db, type, now);
    for (let i = 0; i * SITEMAP_PAGE_SIZE < urls.length; i++) {
      entries.push({ path: sitemapPath(type, i + 1), lastmod: newest(urls.slice(i * SITEMAP_PAGE_SIZE, (i + 1) * SITEMAP_PAGE_SIZE).map((u) => u.lastmod)) });
    }
  }
  const body = entries.map((e) => wrap('sitemap', el('loc', baseUrl + e.path) + (e.lastmod ? el('lastmod', w3c(e.lastmod)) : ''))).join('\n');
  return { xml: `${XML_DECLARATION}${wrap('sitemapindex', `\n${body}\n`, { xmlns: NS })}\n`, lastModified: newest(entries.map((e) => e.lastmod)) };
}

/** One child sitemap, or undefined past its last page. */
export async function childSitemap(db: Kysely<Database>, baseUrl: string, type: SitemapType, page: number, now: Date): Promise<{ xml: string; lastModified: string | null } | undefined> {
  let urls: SitemapUrl[];
  if (type === 'posts') {
    urls = (await visibleArticles(db, 'post', now, { limit: SITEMAP_PAGE_SIZE, offset: (page - 1) * SITEMAP_PAGE_SIZE })).map(articleEntry);
  } else {
    urls = (await listUrls(db, type, now)).slice((page - 1) * SITEMAP_PAGE_SIZE, page * SITEMAP_PAGE_SIZE);
  }
  if (urls.length === 0) return undefined;
  return { xml: urlset(baseUrl, urls), lastModified: newest(urls.map((u) => u.lastmod)) };
}

/** Google News wants ISO 639 codes, except zh-cn and zh-tw. */
function newsLanguage(lang: string): string {
  const l = lang.toLowerCase();
  if (l === 'zh-cn' || l === 'zh-tw') return l;
  return l.split('-')[0]!;
}

/** Stories published in the last 48 hours, in Google News's format. */
export async function newsSitemap(db: Kysely<Database>, baseUrl: string, settings: Settings, now: Date): Promise<{ xml: string; lastModified: string | null }> {
  const posts = await recentPosts(db, new Date(now.getTime() - 48 * 3_600_000), now);
  const name = settings.newsPublicationName ?? settings.title;
  const body = posts
    .map((p) =>
      wrap(
        'url',
        el('loc', baseUrl + articleUrl(p.slug)) +
          wrap(
            'news:news',
            wrap('news:publication', el('news:name', name) + el('news:language', newsLanguage(p.lang ?? settings.language))) +
              el('news:publication_date', w3c(p.published_at!)) +
              el('news:title', p.title),
          ),
      ),
    )
    .join('\n');
  return { xml: `${XML_DECLARATION}${wrap('urlset', `\n${body}\n`, { xmlns: NS, 'xmlns:news': NEWS_NS })}\n`, lastModified: newest(posts.map((p) => p.updated_at)) };
}

/** robots.txt: the built-in rules, the site's own lines, then the sitemaps. */
export function robotsTxt(baseUrl: string, settings: Settings): string {
  const extra = settings.robotsTxtExtra.replace(/\r\n?/g, '\n').trim();
  return ['User-agent: *', 'Disallow: /search/', 'Disallow: /admin/', ...(extra ? ['', extra] : []), '', `Sitemap: ${baseUrl}/sitemap.xml`, `Sitemap: ${baseUrl}/news-sitemap.xml`, ''].join('\n');
}
