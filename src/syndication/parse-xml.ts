import { elements, innerXml, readXmlTree, textOf, type XNode } from './xml-tree.js';
import { parseFeedDate } from './dates.js';
import { textFromHtml } from '../content/html.js';
import { FeedParseError, type ParsedFeed, type ParsedItem, type ParsedMedia } from './feed.types.js';

const NS: Record<string, string> = {
  'http://www.w3.org/2005/Atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/': 'rss',
  'http://my.netscape.com/rdf/simple/0.9/': 'rss',
  'http://backend.userland.com/rss2': 'rss',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dc',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
};

/** The vocabulary an element belongs to, by namespace URI, else by its usual prefix. */
function vocab(n: XNode): string {
  if (n.uri) return NS[n.uri] ?? n.uri;
  return n.prefix || 'rss';
}

const named = (n: XNode | undefined, local: string, ...vocabs: string[]) =>
  elements(n).filter((c) => c.local.toLowerCase() === local.toLowerCase() && (vocabs.length === 0 || vocabs.includes(vocab(c))));
const first = (n: XNode | undefined, local: string, ...vocabs: string[]) => named(n, local, ...vocabs)[0];
const clean = (s: string | null | undefined) => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function absolute(url: string | null | undefined, base: string | null): string | null {
  const u = clean(url);
  if (!u) return null;
  try {
    return new URL(u, base ?? undefined).href;
  } catch {
    return u;
  }
}

/** An RSS description or content:encoded: escaped HTML as text, or naked markup as child elements. */
function rssHtml(n: XNode | undefined): string | null {
  if (!n) return null;
  return clean(elements(n).length ? innerXml(n) : textOf(n));
}

/** An Atom text construct as HTML, whatever its type or mode. */
function atomHtml(n: XNode | undefined): string | null {
  if (!n) return null;
  const type = (n.attrs.type ?? 'text').toLowerCase();
  if (n.attrs.mode === 'base64') return clean(Buffer.from(textOf(n).replace(/\s+/g, ''), 'base64').toString('utf8'));
  if (type === 'xhtml' || type === 'application/xhtml+xml') {
    const kids = elements(n);
    const wrapper = kids.length === 1 && kids[0]!.local === 'div' && !n.children.some((c) => typeof c === 'string' && c.trim()) ? kids[0]! : n;
    return clean(innerXml(wrapper));
  }
  if (type === 'html' || type === 'text/html' || n.attrs.mode === 'escaped') return clean(textOf(n));
  return clean(escapeHtml(textOf(n)));
}

const plain = (html: string | null) => clean(html === null ? null : textFromHtml(html));

function mediaOf(item: XNode, base: string | null): { media: ParsedMedia[]; thumbnail: string | null } {
  const media: ParsedMedia[] = [];
  let thumbnail: string | null = null;
  const visit = (n: XNode) => {
    for (const c of elements(n)) {
      const v = vocab(c);
      if (v === 'media' && c.local === 'group') visit(c);
      else if (v === 'media' && c.local === 'content' && c.attrs.url) {
        media.push({ url: absolute(c.attrs.url, c.base ?? base)!, type: c.attrs.type ?? null, medium: c.attrs.medium ?? null, length: Number(c.attrs.fileSize) || null });
        const t = first(c, 'thumbnail', 'media');
        if (t?.attrs.url && !thumbnail) thumbnail = absolute(t.attrs.url, base);
      } else if (v === 'media' && c.local === 'thumbnail' && c.attrs.url && !thumbnail) thumbnail = absolute(c.attrs.url, c.base ?? base);
      else if (c.local === 'enclosure' && c.attrs.url) media.push({ url: absolute(c.attrs.url, c.base ?? base)!, type: c.attrs.type ?? null, medium: null, length: Number(c.attrs.length) || null });
      else if (v === 'atom' && c.local === 'link' && c.attrs.rel === 'enclosure' && c.attrs.href) media.push({ url: absolute(c.attrs.href, c.base ?? base)!, type: c.attrs.type ?? null, medium: null, length: Number(c.attrs.length) || null });
    }
  };
  visit(item);
  return { media, thumbnail };
}

/** media:description, directly or in a media:group, as HTML. */
function mediaDescription(item: XNode): string | null {
  const d = first(item, 'description', 'media') ?? first(first(item, 'group', 'media'), 'description', 'media');
  if (!d) return null;
  return d.attrs.type === 'html' ? clean(textOf(d)) : clean(escapeHtml(textOf(d)));
}

function rssItem(item: XNode): ParsedItem {
  const base = item.base;
  const guidNode = first(item, 'guid');
  const guid = clean(textOf(guidNode));
  const permalink = guidNode && guidNode.attrs.isPermaLink !== 'false' && guid && /^https?:\/\//i.test(guid) ? guid : null;
  const link = absolute(textOf(first(item, 'link', 'rss')) || item.attrs['rdf:about'] || permalink, base);
  const authors = [...named(item, 'creator', 'dc'), ...named(item, 'author', 'rss', 'itunes')].map((a) => clean(textOf(a))).filter((a): a is string => !!a);
  const categories = [...named(item, 'category', 'rss', 'media'), ...named(item, 'subject', 'dc')].map((c) => clean(textOf(c))).filter((c): c is string => !!c);
  const { media, thumbnail } = mediaOf(item, base);
  return {
    guid,
    link,
    title: clean(textOf(first(item, 'title', 'rss', 'dc'))),
    contentHtml: rssHtml(first(item, 'encoded', 'content')),
    summaryHtml: rssHtml(first(item, 'description', 'rss', 'dc')) ?? mediaDescription(item),
    base,
    published: parseFeedDate(textOf(first(item, 'pubDate') ?? first(item, 'date', 'dc') ?? first(item, 'issued', 'dc'))),
    updated: parseFeedDate(textOf(first(item, 'updated', 'atom') ?? first(item, 'modified', 'dc'))),
    authors: [...new Set(authors)],
    categories: [...new Set(categories.flatMap((c) => c.split(/\s*[,;]\s*(?=\S)/)).map((c) => c.trim()).filter(Boolean))],
    media,
    thumbnail,
  };
}

function atomItem(entry: XNode): ParsedItem {
  const base = entry.base;
  const links = named(entry, 'link', 'atom');
  const alternate = links.find((l) => !l.attrs.rel || l.attrs.rel === 'alternate') ?? null;
  const content = first(entry, 'content', 'atom');
  const { media, thumbnail } = mediaOf(entry, base);
  if (content?.attrs.src) media.push({ url: absolute(content.attrs.src, content.base)!, type: content.attrs.type ?? null, medium: null, length: null });
  const authors = named(entry, 'author', 'atom').map((a) => clean(textOf(first(a, 'name', 'atom'))) ?? clean(textOf(a))).filter((a): a is string => !!a);
  return {
    guid: clean(textOf(first(entry, 'id', 'atom'))),
    link: alternate ? absolute(alternate.attrs.href, alternate.base) : null,
    title: plain(atomHtml(first(entry, 'title', 'atom'))),
    contentHtml: content?.attrs.src ? null : atomHtml(content),
    summaryHtml: atomHtml(first(entry, 'summary', 'atom')) ?? mediaDescription(entry),
    base: content?.base ?? base,
    published: parseFeedDate(textOf(first(entry, 'published', 'atom') ?? first(entry, 'issued', 'atom') ?? first(entry, 'created', 'atom'))),
    updated: parseFeedDate(textOf(first(entry, 'updated', 'atom') ?? first(entry, 'modified', 'atom'))),
    authors: [...new Set([...authors, ...named(entry, 'creator', 'dc').map((a) => textOf(a).trim()).filter(Boolean)])],
    categories: [...new Set([...named(entry, 'category', 'atom').map((c) => clean(c.attrs.term) ?? clean(c.attrs.label) ?? clean(textOf(c))), ...named(entry, 'category', 'media').map((c) => clean(textOf(c)))].filter((c): c is string => !!c))],
    media,
    thumbnail,
  };
}

function rssVersion(root: XNode, doctype: string): string {
  const v = (root.attrs.version ?? '').trim();
  if (v === '2.0' || v === '2.00' || v === '2') return 'rss20';
  if (v === '0.91') return /netscape/i.test(doctype) ? 'rss091n' : 'rss091u';
  if (v === '0.92') return 'rss092';
  if (v === '0.93') return 'rss093';
  if (v === '0.94') return 'rss094';
  return 'rss';
}

/** Parses RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 text, recovering from ill-formed XML where it can. */
export function parseXmlFeed(text: string, baseUrl: string | null, encoding: string): ParsedFeed {
  const { root, problems, doctype } = readXmlTree(text, baseUrl);
  if (!root) throw new FeedParseError(problems.length ? `not a feed: ${problems[0]}` : 'the document is empty');
  const name = root.local.toLowerCase();
  if (name === 'rss') {
    const channel = first(root, 'channel') ?? root;
    return { format: rssVersion(root, doctype), title: clean(textOf(first(channel, 'title'))), link: absolute(textOf(first(channel, 'link')), channel.base), items: named(channel, 'item').map(rssItem), problems, encoding };
  }
  if (name === 'rdf') {
    const channel = first(root, 'channel');
    const format = channel?.uri === 'http://my.netscape.com/rdf/simple/0.9/' || root.children.some((c) => typeof c !== 'string' && c.uri === 'http://my.netscape.com/rdf/simple/0.9/') || /netscape\.com\/rdf\/simple\/0\.9/.test(text.slice(0, 2000)) ? 'rss090' : 'rss10';
    const items = [...named(root, 'item'), ...named(channel, 'item')];
    return { format, title: clean(textOf(first(channel, 'title'))), link: absolute(textOf(first(channel, 'link')), root.base), items: items.map(rssItem), problems, encoding };
  }
  if (name === 'feed') {
    const format = root.uri === 'http://purl.org/atom/ns#' || root.attrs.version === '0.3' ? 'atom03' : 'atom10';
    const alt = named(root, 'link', 'atom').find((l) => !l.attrs.rel || l.attrs.rel === 'alternate');
    return { format, title: plain(atomHtml(first(root, 'title', 'atom'))), link: alt ? absolute(alt.attrs.href, alt.base) : null, items: named(root, 'entry', 'atom').map(atomItem), problems, encoding };
  }
  throw new FeedParseError(`not a feed: the document is <${root.local}>, not RSS or Atom`);
}
