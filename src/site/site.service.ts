import type { Kysely } from 'kysely';
import type { ArticleRow, CategoryRow, Database } from '../db/schema.js';
import type { Settings } from '../content/settings.js';
import type { SanitizedHtml } from '../content/html.js';
import { truncateWords } from '../content/html.js';
import { authorsOf, seriesParts, tagsOf, type BylineAuthor, type TeaserRow } from '../content/articles.repository.js';
import { relatedStories } from '../search/related.service.js';
import { categoryPath, categoryUrl, findSeriesById, findSourceById } from '../content/taxonomy.repository.js';
import { countApprovedComments, listApprovedComments, threadComments } from '../comments/comments.repository.js';
import { commentsOpen } from '../comments/comments.rules.js';
import { formatDateTime, roman } from './dates.js';
import type { ArticleView, AuthorLinkView, PaginationView, SiteView, TeaserView } from './view-models.js';

const KIND_LABELS: Record<string, string | null> = { news: null, opinion: 'Opinion', review: 'Review', analysis: 'Analysis' };

export const articleUrl = (slug: string) => `/${encodeURIComponent(slug)}/`;
export const tagUrl = (slug: string) => `/tag/${encodeURIComponent(slug)}/`;
export const authorUrl = (slug: string) => `/author/${encodeURIComponent(slug)}/`;
export const seriesUrl = (slug: string) => `/series/${encodeURIComponent(slug)}/`;

export function siteView(settings: Settings, baseUrl: string, currentPath: string, cssUrl: string): SiteView {
  return {
    title: settings.title,
    description: settings.description,
    logoUrl: settings.logoUrl,
    language: settings.language,
    direction: settings.direction,
    timezone: settings.timezone,
    menu: settings.menu,
    baseUrl,
    cssUrl,
    currentPath,
  };
}

function authorLinks(authors: { slug: string; name: string; credentials: string | null }[] | undefined): AuthorLinkView[] {
  return (authors ?? []).map((a) => ({ name: a.name, credentials: a.credentials, url: authorUrl(a.slug) }));
}

/** Turns list rows into teasers, loading their bylines in one query. */
export async function teaserViews(db: Kysely<Database>, rows: TeaserRow[], settings: Settings, categories: CategoryRow[], loaded?: { authors: Map<number, BylineAuthor[]> }): Promise<TeaserView[]> {
  const ids = rows.map((r) => r.id);
  const [authors, commentCounts] = await Promise.all([loaded?.authors ?? authorsOf(db, ids), countApprovedComments(db, ids)]);
  const byId = new Map(categories.map((c) => [c.id, c]));
  return rows.map((r) => {
    const category = r.primary_category_id == null ? undefined : byId.get(r.primary_category_id);
    const lang = r.lang ?? settings.language;
    return {
      id: r.id,
      url: articleUrl(r.slug),
      title: r.title,
      dek: r.dek,
      summary: truncateWords(r.summary, 220),
      kindLabel: KIND_LABELS[r.kind] ?? null,
      seriesLabel: r.series_id != null && r.series_part != null ? `Part ${roman(r.series_part)}` : null,
      publishedAt: r.published_at ?? r.updated_at,
      publishedLabel: formatDateTime(r.published_at ?? r.updated_at, settings.timezone, lang),
      lang: r.lang,
      dir: r.dir,
      image: r.featured_image_url ? { url: r.featured_image_url, srcset: r.featured_image_srcset, alt: r.featured_image_alt ?? '', width: r.featured_image_width, height: r.featured_image_height } : null,
      authors: authorLinks(authors.get(r.id)),
      category: category ? { name: category.name, url: categoryUrl(categories, category.id) } : null,
      deps: [`article:${r.id}`, ...(category ? [`category:${category.id}`] : []), ...(authors.get(r.id) ?? []).map((a) => `author:${a.id}`)],
      commentCount: commentCounts.get(r.id) ?? 0,
    };
  });
}

/** Gathers everything the article page shows. */
export async function articleView(db: Kysely<Database>, row: ArticleRow, settings: Settings, categories: CategoryRow[], baseUrl: string, now: Date): Promise<ArticleView> {
  const lang = row.lang ?? settings.language;
  const dir = row.dir ?? (row.lang ? (/^(ar|fa|he|ur|ps|sd|ug|yi|dv|ckb)(-|$)/i.test(row.lang) ? 'rtl' : 'ltr') : settings.direction);
  // related stories first (usually from memory), so that one query brings every byline on the page
  const relatedRows = row.type === 'post' ? await relatedStories(db, row, now) : [];
  const [authorMap, tags, source, series, comments] = await Promise.all([
    authorsOf(db, [row.id, ...relatedRows.map((r) => r.id)]),
    tagsOf(db, row.id),
    row.source_id != null ? findSourceById(db, row.source_id) : undefined,
    row.series_id != null ? findSeriesById(db, row.series_id) : undefined,
    row.type === 'post' ? listApprovedComments(db, row.id) : Promise.resolve([]),
  ]);
  const path = row.primary_category_id != null ? categoryPath(categories, row.primary_category_id) : [];
  const breadcrumb = [{ name: 'Home', url: '/' }, ...path.map((c) => ({ name: c.name, url: categoryUrl(categories, c.id) }))];
  const url = articleUrl(row.slug);
  const publishedAt = row.published_at ?? row.updated_at;
  // an update is worth showing once it is more than a minute after publication
  const updated = row.updated_at && Date.parse(row.updated_at) - Date.parse(publishedAt) > 60_000 ? row.updated_at : null;

  let seriesNav: ArticleView['series'] = null;
  if (series && row.series_part != null) {
    const parts = await seriesParts(db, series.id, now);
    const index = parts.findIndex((p) => p.id === row.id);
    seriesNav = {
      title: series.title,
      url: seriesUrl(series.slug),
      part: row.series_part,
      total: parts.length,
      parts: parts.map((p) => ({ part: p.series_part ?? 0, title: p.title, url: articleUrl(p.slug), current: p.id === row.id })),
      previous: index > 0 ? { title: parts[index - 1]!.title, url: articleUrl(parts[index - 1]!.slug) } : null,
      next: index >= 0 && index < parts.length - 1 ? { title: parts[index + 1]!.title, url: articleUrl(parts[index + 1]!.slug) } : null,
    };
  }

  // the most related story goes in "Check Also", the next ones in the "Related" list
  const [checkAlso, ...related] = await teaserViews(db, relatedRows, settings, categories, { authors: authorMap });
  if (checkAlso) checkAlso.summary = truncateWords(checkAlso.summary, 160, true);

  const sourceView = source
    ? { name: source.name, url: row.original_url ?? source.homepage_url, homepageUrl: source.homepage_url, showLine: source.show_source_line === 1, canonical: source.canonical_policy }
    : null;
  const canonicalUrl = sourceView?.canonical === 'original' && row.original_url ? row.original_url : baseUrl + url;

  return {
    id: row.id,
    type: row.type,
    url,
    canonicalUrl,
    title: row.title,
    dek: row.dek,
    summary: row.summary,
    kind: row.kind,
    kindLabel: KIND_LABELS[row.kind] ?? null,
    bodyHtml: row.body_html as SanitizedHtml,
    lang,
    dir,
    publishedAt,
    publishedLabel: formatDateTime(publishedAt, settings.timezone, lang),
    updatedAt: updated,
    updatedLabel: updated ? formatDateTime(updated, settings.timezone, lang) : null,
    authors: authorLinks(authorMap.get(row.id)),
    breadcrumb,
    tags: tags.map((t) => ({ name: t.name, url: tagUrl(t.slug) })),
    image: row.featured_image_url
      ? { url: row.featured_image_url, srcset: row.featured_image_srcset, alt: row.featured_image_alt ?? '', width: row.featured_image_width, height: row.featured_image_height, caption: row.featured_image_caption, credit: row.featured_image_credit }
      : null,
    source: sourceView && sourceView.showLine ? { name: sourceView.name, url: sourceView.url, homepageUrl: sourceView.homepageUrl } : null,
    originalAuthor: sourceView?.showLine ? row.original_author : null,
    series: seriesNav,
    checkAlso: checkAlso ?? null,
    related,
    commentsEnabled: commentsOpen(row, settings, now),
    comments: threadComments(comments, settings.commentThreadDepth),
    commentCount: comments.length,
    deps: [
      `article:${row.id}`,
      ...path.map((c) => `category:${c.id}`),
      // static pages show no byline
      ...(row.type === 'post' ? (authorMap.get(row.id) ?? []).map((a) => `author:${a.id}`) : []),
      ...tags.map((t) => `tag:${t.id}`),
      ...(series ? [`series:${series.id}`, `list:series:${series.id}`] : []),
      ...(source ? [`source:${source.id}`] : []),
      ...(checkAlso?.deps ?? []),
    ],
  };
}

/** Page links for a list whose first page is `base` and later ones `base` + page/N/. */
export function paginationView(base: string, page: number, total: number, perPage: number): PaginationView {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    page,
    totalPages,
    pageUrls: Array.from({ length: totalPages }, (_, i) => (i === 0 ? base : `${base}page/${i + 1}/`)),
  };
}

/** BreadcrumbList structured data for a trail of links ending in the current page. */
export function breadcrumbJsonLd(baseUrl: string, trail: { name: string; url: string }[], current: { name: string; url: string }) {
  const items = [...trail, current];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: baseUrl + item.url })),
  };
}
