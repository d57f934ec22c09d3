import type { FeedModel } from './feed-model.js';
import { el, empty, wrap, XML_DECLARATION } from './xml.js';

const rfc822 = (iso: string) => new Date(iso).toUTCString();

/** RSS 2.0 with content:encoded for full text, dc:creator per author and the image as enclosure and media:content. */
export function writeRss(feed: FeedModel): string {
  const items = feed.items.map((item) => {
    const image = item.image;
    return wrap(
      'item',
      el('title', item.title) +
        el('link', item.url) +
        el('guid', item.guid, { isPermaLink: 'false' }) +
        el('pubDate', rfc822(item.published)) +
        el('atom:updated', new Date(item.updated).toISOString()) +
        item.authors.map((a) => el('dc:creator', a.name)).join('') +
        item.categories.map((c) => el('category', c)).join('') +
        el('description', item.summary) +
        (item.contentHtml !== null ? el('content:encoded', item.contentHtml) : '') +
        (image
          ? empty('enclosure', { url: image.url, length: image.length, type: image.type }) +
            wrap('media:content', (image.alt ? el('media:description', image.alt) : '') + (image.credit ? el('media:credit', image.credit) : ''), {
              url: image.url,
              medium: 'image',
              type: image.type,
              width: image.width,
              height: image.height,
              fileSize: image.length || null,
            })
          : ''),
    );
  });
  const channel =
    el('title', feed.title) +
    el('link', feed.homeUrl) +
    el('description', feed.description) +
    el('language', feed.language) +
    el('lastBuildDate', rfc822(feed.updated)) +
    empty('atom:link', { href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' }) +
    el('generator', 'Masthead') +
    (feed.logoUrl ? wrap('image', el('url', feed.logoUrl) + el('title', feed.title) + el('link', feed.homeUrl)) : '') +
    items.join('');
  return (
    XML_DECLARATION +
    wrap('rss', wrap('channel', channel), {
      version: '2.0',
      'xmlns:atom': 'http://www.w3.org/2005/Atom',
      'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:media': 'http://search.yahoo.com/mrss/',
    }) +
    '\n'
  );
}
