import { decodeFeedBytes, repairText } from './decode.js';
import { parseJsonFeed } from './parse-json.js';
import { parseXmlFeed } from './parse-xml.js';
import type { ParsedFeed, ParsedItem } from './feed.types.js';

const fix = (s: string | null) => (s === null ? null : repairText(s));

/**
 * Parses a feed's bytes, whatever its format (RSS 0.9x/1.0/2.0, Atom 0.3/1.0,
 * JSON Feed 1.0/1.1) and encoding. Throws FeedParseError when nothing can be
 * read; recovered problems are listed in `problems`.
 */
export function parseFeed(bytes: Buffer, options: { url?: string | null; contentType?: string | null } = {}): ParsedFeed {
  const decoded = decodeFeedBytes(bytes, options.contentType);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const isJson = /json/i.test(options.contentType ?? '') || /^\s*\{/.test(text);
  const feed = isJson ? parseJsonFeed(text, options.url ?? null) : parseXmlFeed(text, options.url ?? null, decoded.encoding);
  if (decoded.problem) feed.problems.unshift(decoded.problem);
  feed.title = fix(feed.title);
  feed.items = feed.items.map(
    (i): ParsedItem => ({ ...i, title: fix(i.title), contentHtml: fix(i.contentHtml), summaryHtml: fix(i.summaryHtml), authors: i.authors.map(repairText), categories: i.categories.map(repairText) }),
  );
  return feed;
}
