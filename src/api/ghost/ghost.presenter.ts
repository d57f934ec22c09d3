import type { CategoryRow } from '../../db/schema.js';
import type { Settings } from '../../content/settings.js';
import { textFromHtml } from '../../content/html.js';
import type { SiteUrls } from '../api-urls.js';
import { toGhostId, ghostUuid } from './ghost-id.js';
import type { ApiArticleRow } from './posts.repository.js';
import { CATEGORY, type PublicAuthorRow, type TagUnionRow } from './tags-authors.repository.js';

/** Ghost writes times as "2026-11-20T12:00:00.000+00:00". */
export const ghostTime = (iso: string | null) => (iso == null ? null : iso.replace(/Z$/, '+00:00'));

const SEO_NULLS = { og_image: null, og_title: null, og_description: null, twitter_image: null, twitter_title: null, twitter_description: null, meta_title: null, meta_description: null };

export function presentTag(t: TagUnionRow, urls: SiteUrls, postCount?: number) {
  const isCategory = t.kind === CATEGORY;
  return {
    id: toGhostId(isCategory ? 'category' : 'tag', t.id),
    name: t.name,
    slug: t.slug,
    description: t.description,
    feature_image: null,
    visibility: 'public',
    ...SEO_NULLS,
    codeinjection_head: null,
    codeinjection_foot: null,
    canonical_url: null,
    accent_color: null,
    url: isCategory ? urls.category(t.id) : urls.tag(t.slug),
    ...(postCount === undefined ? {} : { count: { posts: postCount } }),
  };
}

export const TAG_FIELDS = Object.keys(presentTag({ kind: 2, id: 1, slug: '', name: '', description: null }, { tag: () => '', category: () => '' } as unknown as SiteUrls)).concat('count');

export function presentAuthor(a: PublicAuthorRow, urls: SiteUrls, postCount?: number) {
  return {
    id: toGhostId('author', a.id),
    name: a.name,
    slug: a.slug,
    profile_image: null,
    cover_image: null,
    bio: a.bio,
    website: a.website,
    location: null,
    facebook: null,
    twitter: null,
    meta_title: null,
    meta_description: null,
    url: urls.author(a.slug),
    ...(postCount === undefined ? {} : { count: { posts: postCount } }),
  };
}

export const AUTHOR_FIELDS = ['id', 'name', 'slug', 'profile_image', 'cover_image', 'bio', 'website', 'location', 'facebook', 'twitter', 'meta_title', 'meta_description', 'url', 'count'];

export interface PostRelations {
  tags?: ReturnType<typeof presentTag>[];
  authors?: ReturnType<typeof presentAuthor>[];
}

/** A post or page in Ghost 5's shape; relations only when asked for with include. */
export function presentPost(row: ApiArticleRow & { canonical_policy: string | null }, urls: SiteUrls, formats: Set<'html' | 'plaintext'>, rel: PostRelations) {
  const plaintext = formats.has('plaintext') ? textFromHtml(row.body_html) : undefined;
  // a word count needs no sanitizer: dropping tags is enough, and far cheaper
  const words = (plaintext ?? row.body_html.replace(/<[^>]*>/g, ' ')).split(/\s+/).filter(Boolean).length;
  const id = toGhostId('article', row.id);
  return {
    id,
    uuid: ghostUuid(row.id),
    title: row.title,
    slug: row.slug,
    ...(formats.has('html') ? { html: row.body_html } : {}),
    ...(plaintext !== undefined ? { plaintext } : {}),
    comment_id: String(row.id),
    feature_image: urls.absolute(row.featured_image_url),
    feature_image_alt: row.featured_image_url ? row.featured_image_alt : null,
    feature_image_caption: row.featured_image_url ? row.featured_image_caption : null,
    featured: row.featured === 1,
    visibility: 'public',
    created_at: ghostTime(row.created_at),
    updated_at: ghostTime(row.updated_at),
    published_at: ghostTime(row.published_at),
    custom_excerpt: row.excerpt ?? row.dek,
    codeinjection_head: null,
    codeinjection_foot: null,
    custom_template: null,
    canonical_url: row.canonical_policy === 'original' && row.original_url ? row.original_url : null,
    ...(rel.tags ? { tags: rel.tags, primary_tag: rel.tags[0] ?? null } : {}),
    ...(rel.authors ? { authors: rel.authors, primary_author: rel.authors[0] ?? null } : {}),
    url: urls.article(row.slug),
    excerpt: row.summary,
    reading_time: Math.max(0, Math.round(words / 275)),
    access: true,
    comments: row.comments_enabled === 1,
    ...SEO_NULLS,
    email_subject: null,
    frontmatter: null,
  };
}

export const POST_FIELDS = ['id', 'uuid', 'title', 'slug', 'html', 'plaintext', 'comment_id', 'feature_image', 'feature_image_alt', 'feature_image_caption', 'featured', 'visibility', 'created_at', 'updated_at', 'published_at', 'custom_excerpt', 'codeinjection_head', 'codeinjection_foot', 'custom_template', 'canonical_url', 'tags', 'primary_tag', 'authors', 'primary_author', 'url', 'excerpt', 'reading_time', 'access', 'comments', ...Object.keys(SEO_NULLS), 'email_subject', 'frontmatter'];

/** The tags of one post: its primary category, then its tags. */
export function postTags(row: { primary_category_id: number | null }, categories: CategoryRow[], tags: { id: number; slug: string; name: string; description: string | null }[], urls: SiteUrls) {
  const out: ReturnType<typeof presentTag>[] = [];
  const cat = row.primary_category_id == null ? undefined : categories.find((c) => c.id === row.primary_category_id);
  if (cat) out.push(presentTag({ kind: CATEGORY, id: cat.id, slug: cat.slug, name: cat.name, description: cat.description }, urls));
  for (const t of tags) out.push(presentTag({ kind: 2, ...t }, urls));
  return out;
}

/** Keeps only the fields asked for (Ghost's `fields`); relations asked for with include stay. */
export function pickFields<T extends Record<string, unknown>>(obj: T, fields: string[] | undefined, keep: string[] = []): Partial<T> {
  if (!fields) return obj;
  const out: Record<string, unknown> = {};
  for (const f of [...fields, ...keep]) if (f in obj) out[f] = obj[f];
  return out as Partial<T>;
}

/** Ghost's settings resource, from ours. */
export function presentSettings(s: Settings, urls: SiteUrls) {
  return {
    title: s.title,
    description: s.description,
    logo: urls.absolute(s.logoUrl),
    icon: null,
    accent_color: null,
    cover_image: null,
    facebook: null,
    twitter: null,
    lang: s.language,
    locale: s.language,
    timezone: s.timezone,
    codeinjection_head: null,
    codeinjection_foot: null,
    navigation: s.menu.map((m) => ({ label: m.label, url: m.url })),
    secondary_navigation: [],
    ...SEO_NULLS,
    members_support_address: null,
    url: urls.home,
  };
}
