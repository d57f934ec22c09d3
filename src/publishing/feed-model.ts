/** What every feed format is written from: one list of stories, already absolute. */
export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedPerson {
  name: string;
  url: string | null;
}

export interface FeedImage {
  url: string;
  type: string;
  /** Bytes, when we know them; RSS wants a number, so 0 means "unknown". */
  length: number;
  alt: string;
  width: number | null;
  height: number | null;
  credit: string | null;
}

export interface FeedItem {
  /** Stable across edits and slug changes: built from the id, never the slug. */
  guid: string;
  url: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** Sanitized HTML with absolute links; null when the feed carries excerpts only. */
  contentHtml: string | null;
  published: string;
  updated: string;
  authors: FeedPerson[];
  categories: string[];
  image: FeedImage | null;
  lang: string;
}

export interface FeedModel {
  title: string;
  description: string;
  language: string;
  /** The page this feed mirrors. */
  homeUrl: string;
  urls: Record<FeedFormat, string>;
  /** The newest update among the items (or now, for an empty feed). */
  updated: string;
  /** The newest update among the items, for Last-Modified; null when empty. */
  lastModified: string | null;
  siteTitle: string;
  siteUrl: string;
  logoUrl: string | null;
  items: FeedItem[];
}

/** The three feed addresses of a list page: /category/x/ → /category/x/feed/, …/feed/atom/, …/feed.json. */
export function feedPaths(base: string): Record<FeedFormat, string> {
  return { rss: `${base}feed/`, atom: `${base}feed/atom/`, json: `${base}feed.json` };
}

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};
