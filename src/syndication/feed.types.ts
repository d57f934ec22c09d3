/** A feed as the importer needs it, whatever format it came in. */
export interface ParsedFeed {
  /** rss090, rss091, rss092, rss20, rss (no version), rss10, atom03, atom10, json10, json11 */
  format: string;
  title: string | null;
  link: string | null;
  items: ParsedItem[];
  /** What was wrong with the document but recovered from (an ill-formed feed still yields its items). */
  problems: string[];
  encoding: string;
}

export interface ParsedMedia {
  url: string;
  type: string | null;
  medium: string | null;
  length: number | null;
}

export interface ParsedItem {
  guid: string | null;
  link: string | null;
  title: string | null;
  /** Full body HTML (content:encoded, Atom content, content_html), unsanitized. */
  contentHtml: string | null;
  /** Summary or description HTML, unsanitized. */
  summaryHtml: string | null;
  /** The base URL relative links in this item resolve against. */
  base: string | null;
  published: Date | null;
  updated: Date | null;
  authors: string[];
  categories: string[];
  media: ParsedMedia[];
  thumbnail: string | null;
}

export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedParseError';
  }
}
