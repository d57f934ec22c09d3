import type { FeedModel } from './feed-model.js';
import { xmlSafe } from './xml.js';

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function writeJsonFeed(feed: FeedModel): string {
  const out = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    language: feed.language,
    ...(feed.logoUrl ? { icon: feed.logoUrl } : {}),
    authors: [{ name: feed.siteTitle, url: feed.siteUrl }],
    items: feed.items.map((item) => ({
      id: item.guid,
      url: item.url,
      title: item.title,
      ...(item.contentHtml !== null ? { content_html: item.contentHtml } : { content_text: item.summary }),
      summary: item.summary,
      ...(item.image ? { image: item.image.url, attachments: [{ url: item.image.url, mime_type: item.image.type, ...(item.image.length ? { size_in_bytes: item.image.length } : {}) }] } : {}),
      date_published: new Date(item.published).toISOString(),
      date_modified: new Date(item.updated).toISOString(),
      authors: item.authors.map((a) => (a.url ? { name: a.name, url: a.url } : { name: a.name })),
      ...(item.categories.length ? { tags: item.categories } : {}),
      language: item.lang,
    })),
  };
  // control characters are legal in JSON, but the same story must read alike in every format
  return JSON.stringify(out, (_key, value: unknown) => (typeof value === 'string' ? xmlSafe(value) : value));
}
