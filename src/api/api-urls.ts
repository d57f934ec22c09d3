import type { CategoryRow } from '../db/schema.js';
import { categoryPath } from '../content/taxonomy.repository.js';
import { articleUrl, authorUrl, tagUrl } from '../site/site.service.js';

/** Absolute public URLs, shared by both APIs and webhook payloads. */
export function siteUrls(baseUrl: string, categories: CategoryRow[]) {
  const origin = baseUrl.replace(/\/+$/, '');
  return {
    home: `${origin}/`,
    article: (slug: string) => origin + articleUrl(slug),
    tag: (slug: string) => origin + tagUrl(slug),
    author: (slug: string) => origin + authorUrl(slug),
    category: (id: number) => `${origin}/category/${categoryPath(categories, id).map((c) => encodeURIComponent(c.slug)).join('/')}/`,
    absolute: (url: string | null) => (url == null ? null : url.startsWith('/') ? origin + url : url),
  };
}

export type SiteUrls = ReturnType<typeof siteUrls>;
