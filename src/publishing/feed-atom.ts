import type { FeedModel, FeedPerson } from './feed-model.js';
import { el, empty, wrap, XML_DECLARATION } from './xml.js';

const iso = (t: string) => new Date(t).toISOString();
const person = (p: FeedPerson) => wrap('author', el('name', p.name) + el('uri', p.url));

/** Atom 1.0 (RFC 4287). */
export function writeAtom(feed: FeedModel): string {
  const entries = feed.items.map((item) =>
    wrap(
      'entry',
      el('id', item.guid) +
        el('title', item.title, { type: 'text' }) +
        empty('link', { rel: 'alternate', type: 'text/html', href: item.url }) +
        el('published', iso(item.published)) +
        el('updated', iso(item.updated)) +
        // an entry without authors borrows the feed's, as RFC 4287 allows
        item.authors.map(person).join('') +
        item.categories.map((c) => empty('category', { term: c })).join('') +
        el('summary', item.summary, { type: 'text' }) +
        (item.contentHtml !== null ? el('content', item.contentHtml, { type: 'html' }) : '') +
        (item.image ? empty('link', { rel: 'enclosure', href: item.image.url, type: item.image.type, length: item.image.length || null }) : ''),
      { 'xml:lang': item.lang },
    ),
  );
  const head =
    el('id', feed.urls.atom) +
    el('title', feed.title, { type: 'text' }) +
    el('subtitle', feed.description, { type: 'text' }) +
    el('updated', iso(feed.updated)) +
    empty('link', { rel: 'self', type: 'application/atom+xml', href: feed.urls.atom }) +
    empty('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl }) +
    person({ name: feed.siteTitle, url: feed.siteUrl }) +
    el('generator', 'Masthead') +
    (feed.logoUrl ? el('logo', feed.logoUrl) : '');
  return XML_DECLARATION + wrap('feed', head + entries.join(''), { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feed.language }) + '\n';
}
