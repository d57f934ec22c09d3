import type { Settings } from '../../content/settings.js';
import type { SiteUrls } from '../api-urls.js';
import type { PublicAuthorRow } from '../ghost/tags-authors.repository.js';
import type { TermRow, WpArticleRow, WpCommentRow } from './wp.repository.js';

/** WordPress shows titles and names as HTML: escape the text. */
export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface WpContext {
  urls: SiteUrls;
  /** https://site/wp-json */
  api: string;
  settings: Settings;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-20T13:30:00" in a zone; one formatter per zone, as building one costs more than using it. */
function localTime(iso: string, timeZone: string): string {
  let f = zoneFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    zoneFormats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/** WordPress's pair: `date` in the site's zone, `date_gmt` in UTC, both without an offset. */
const dates = (iso: string, tz: string) => ({ local: localTime(iso, tz), gmt: iso.slice(0, 19) });

const link = (href: string, extra: Record<string, unknown> = {}) => [{ ...extra, href }];

export interface ArticleRelations {
  authorIds: number[];
  tagIds: number[];
}

export function presentWpArticle(row: WpArticleRow, rel: ArticleRelations, ctx: WpContext) {
  const isPost = row.type === 'post';
  const route = `${ctx.api}/wp/v2/${isPost ? 'posts' : 'pages'}`;
  const published = dates(row.published_at!, ctx.settings.timezone);
  const modified = dates(row.updated_at, ctx.settings.timezone);
  const links: Record<string, unknown> = {
    self: link(`${route}/${row.id}`),
    collection: link(route),
    author: rel.authorIds.map((id) => ({ embeddable: true, href: `${ctx.api}/wp/v2/users/${id}` })),
    replies: link(`${ctx.api}/wp/v2/comments?post=${row.id}`, { embeddable: true }),
  };
  if (row.featured_image_url) links['wp:featuredmedia'] = link(`${ctx.api}/wp/v2/media/${row.id}`, { embeddable: true });
  if (isPost) {
    links['wp:term'] = [
      { taxonomy: 'category', embeddable: true, href: `${ctx.api}/wp/v2/categories?post=${row.id}` },
      { taxonomy: 'post_tag', embeddable: true, href: `${ctx.api}/wp/v2/tags?post=${row.id}` },
    ];
  }
  return {
    id: row.id,
    date: published.local,
    date_gmt: published.gmt,
    guid: { rendered: `${ctx.urls.home}?p=${row.id}` },
    modified: modified.local,
    modified_gmt: modified.gmt,
    slug: row.slug,
    status: 'publish',
    type: row.type,
    link: ctx.urls.article(row.slug),
    title: { rendered: escapeHtml(row.title) },
    content: { rendered: row.body_html, protected: false },
    excerpt: { rendered: row.summary ? `<p>${escapeHtml(row.summary)}</p>\n` : '', protected: false },
    author: rel.authorIds[0] ?? 0,
    featured_media: row.featured_image_url ? row.id : 0,
    comment_status: row.comments_enabled === 1 ? 'open' : 'closed',
    ping_status: 'closed',
    template: '',
    meta: [],
    ...(isPost
      ? { sticky: row.featured === 1, format: 'standard', categories: row.primary_category_id == null ? [] : [row.primary_category_id], tags: rel.tagIds }
      : { parent: 0, menu_order: 0 }),
    _links: links,
  };
}

export function presentWpTerm(t: TermRow, taxonomy: 'categories' | 'tags', ctx: WpContext) {
  return {
    id: t.id,
    count: t.count,
    description: t.description ?? '',
    link: taxonomy === 'categories' ? ctx.urls.category(t.id) : ctx.urls.tag(t.slug),
    name: escapeHtml(t.name),
    slug: t.slug,
    taxonomy: taxonomy === 'categories' ? 'category' : 'post_tag',
    ...(taxonomy === 'categories' ? { parent: t.parent_id ?? 0 } : {}),
    meta: [],
    _links: { self: link(`${ctx.api}/wp/v2/${taxonomy}/${t.id}`), collection: link(`${ctx.api}/wp/v2/${taxonomy}`) },
  };
}

export function presentWpUser(a: PublicAuthorRow, ctx: WpContext) {
  return {
    id: a.id,
    name: a.name,
    url: a.website ?? '',
    description: a.bio ?? '',
    link: ctx.urls.author(a.slug),
    slug: a.slug,
    avatar_urls: {},
    meta: [],
    _links: { self: link(`${ctx.api}/wp/v2/users/${a.id}`), collection: link(`${ctx.api}/wp/v2/users`) },
  };
}

/** A comment body is plain text: paragraphs on blank lines, every character escaped. */
function commentHtml(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br />\n')}</p>\n`)
    .join('');
}

export function presentWpComment(c: WpCommentRow, ctx: WpContext) {
  const d = dates(c.created_at, ctx.settings.timezone);
  return {
    id: c.id,
    post: c.article_id,
    parent: c.parent_id ?? 0,
    author: 0,
    author_name: c.author_name,
    author_url: c.author_url ?? '',
    date: d.local,
    date_gmt: d.gmt,
    content: { rendered: commentHtml(c.body) },
    link: `${ctx.urls.article(c.article_slug)}#comment-${c.id}`,
    status: 'approved',
    type: 'comment',
    author_avatar_urls: {},
    meta: [],
    _links: { self: link(`${ctx.api}/wp/v2/comments/${c.id}`), collection: link(`${ctx.api}/wp/v2/comments`), up: link(`${ctx.api}/wp/v2/posts/${c.article_id}`, { embeddable: true, post_type: 'post' }) },
  };
}

const MIME: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml' };

/** An article's featured image as a WordPress attachment; its id is the article's. */
export function presentWpMedia(row: WpArticleRow, rel: ArticleRelations, ctx: WpContext) {
  const d = dates(row.published_at!, ctx.settings.timezone);
  const source = ctx.urls.absolute(row.featured_image_url)!;
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(row.featured_image_url ?? '')?.[1]?.toLowerCase() ?? '';
  return {
    id: row.id,
    date: d.local,
    date_gmt: d.gmt,
    guid: { rendered: source },
    modified: d.local,
    modified_gmt: d.gmt,
    slug: `${row.slug}-image`,
    status: 'inherit',
    type: 'attachment',
    link: ctx.urls.article(row.slug),
    title: { rendered: escapeHtml(row.featured_image_alt ?? row.title) },
    author: rel.authorIds[0] ?? 0,
    caption: { rendered: row.featured_image_caption ? `<p>${escapeHtml(row.featured_image_caption)}</p>\n` : '' },
    alt_text: row.featured_image_alt ?? '',
    media_type: 'image',
    mime_type: MIME[ext] ?? 'image/jpeg',
    media_details: { width: row.featured_image_width ?? 0, height: row.featured_image_height ?? 0, sizes: {} },
    post: row.id,
    source_url: source,
    _links: { self: link(`${ctx.api}/wp/v2/media/${row.id}`), collection: link(`${ctx.api}/wp/v2/media`) },
  };
}
