import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Settings } from '../content/settings.js';
import type { ListFilter } from '../content/articles.repository.js';
import { authorsOf } from '../content/articles.repository.js';
import { allCategories, categoryUrl, descendantIds, findAuthorBySlug, findCategoryBySlug, findSeriesBySlug, findTagBySlug } from '../content/taxonomy.repository.js';
import { articleUrl, authorUrl, seriesUrl, tagUrl } from '../site/site.service.js';
import { feedPaths, type FeedItem, type FeedModel } from './feed-model.js';
import { latestForFeed, tagNamesOf, type FeedRow } from './feeds.repository.js';
import { absoluteUrl, absolutizeHtml, imageLength, imageType } from './image-info.js';

/** Which stories a feed lists and what it is called. */
export interface FeedScope {
  /** The list page the feed mirrors, e.g. /category/middle-east/iran/ ("/" for the site). */
  base: string;
  /** Null for the site feed; else the list's name, shown after the site's. */
  name: string | null;
  description: string | null;
  filter: ListFilter;
}

export type ScopeKind = 'category' | 'tag' | 'author' | 'series';

export const SITE_SCOPE: FeedScope = { base: '/', name: null, description: null, filter: {} };

/**
 * The scope of /category/a/b/feed/ and the like. Category paths are given as
 * their slug segments; a category reached by a wrong path answers with the
 * right base so the caller can redirect. Undefined when nothing matches.
 */
export async function findScope(db: Kysely<Database>, kind: ScopeKind, slugs: string[]): Promise<FeedScope | undefined> {
  const slug = slugs[slugs.length - 1];
  if (!slug) return undefined;
  if (kind === 'category') {
    const category = await findCategoryBySlug(db, slug);
    if (!category) return undefined;
    const categories = await allCategories(db);
    return { base: categoryUrl(categories, category.id), name: category.name, description: category.description, filter: { categoryIds: descendantIds(categories, category.id) } };
  }
  if (slugs.length !== 1) return undefined;
  if (kind === 'tag') {
    const tag = await findTagBySlug(db, slug);
    return tag && { base: tagUrl(tag.slug), name: tag.name, description: tag.description, filter: { tagId: tag.id } };
  }
  if (kind === 'author') {
    const author = await findAuthorBySlug(db, slug);
    return author && { base: authorUrl(author.slug), name: author.name, description: author.bio, filter: { authorId: author.id } };
  }
  const series = await findSeriesBySlug(db, slug);
  return series && { base: seriesUrl(series.slug), name: series.title, description: series.description, filter: { seriesId: series.id } };
}

/** Loads a scope's newest stories and shapes them into the model every format is written from. */
export async function buildFeed(db: Kysely<Database>, scope: FeedScope, settings: Settings, baseUrl: string, now: Date): Promise<FeedModel> {
  const rows = await latestForFeed(db, scope.filter, settings.feedSize, now);
  const ids = rows.map((r) => r.id);
  const [authors, tags] = await Promise.all([authorsOf(db, ids), tagNamesOf(db, ids)]);
  const items = rows.map((row) => feedItem(row, settings, baseUrl, authors.get(row.id) ?? [], tags.get(row.id) ?? []));
  const newest = items.reduce<string | null>((max, i) => (max === null || i.updated > max ? i.updated : max), null);
  const paths = feedPaths(scope.base);
  return {
    title: scope.name ? `${scope.name} – ${settings.title}` : settings.title,
    description: scope.description || settings.description,
    language: settings.language,
    homeUrl: baseUrl + scope.base,
    urls: { rss: baseUrl + paths.rss, atom: baseUrl + paths.atom, json: baseUrl + paths.json },
    updated: newest ?? now.toISOString(),
    lastModified: newest,
    siteTitle: settings.title,
    siteUrl: `${baseUrl}/`,
    logoUrl: settings.logoUrl ? absoluteUrl(baseUrl, settings.logoUrl) : null,
    items,
  };
}

/** The id-based GUID, WordPress's shape: it survives edits, slug changes and moves between categories. */
export function articleGuid(baseUrl: string, id: number): string {
  return `${baseUrl}/?p=${id}`;
}

function feedItem(row: FeedRow, settings: Settings, baseUrl: string, authors: { name: string; slug: string }[], tags: string[]): FeedItem {
  const published = row.published_at ?? row.updated_at;
  // an edit never moves a story's update time before its publication
  const updated = row.updated_at > published ? row.updated_at : published;
  const image = row.featured_image_url
    ? {
        url: absoluteUrl(baseUrl, row.featured_image_url),
        type: imageType(row.featured_image_url),
        length: imageLength(row.featured_image_url),
        alt: row.featured_image_alt ?? '',
        width: row.featured_image_width,
        height: row.featured_image_height,
        credit: row.featured_image_credit,
      }
    : null;
  return {
    guid: articleGuid(baseUrl, row.id),
    url: baseUrl + articleUrl(row.slug),
    title: row.title,
    summary: row.summary,
    contentHtml: settings.feedContent === 'full' ? absolutizeHtml(baseUrl, row.body_html) : null,
    published,
    updated,
    authors: authors.length ? authors.map((a) => ({ name: a.name, url: baseUrl + authorUrl(a.slug) })) : row.original_author ? [{ name: row.original_author, url: null }] : [],
    categories: tags,
    image,
    lang: row.lang ?? settings.language,
  };
}
