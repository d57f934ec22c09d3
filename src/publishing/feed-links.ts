import { FEED_TYPES, feedPaths, type FeedFormat } from './feed-model.js';

export interface FeedLink {
  title: string;
  url: string;
  type: string;
}

const LABELS: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** The autodiscovery links of a list page's feeds (`base` "/" is the site's own). */
export function feedLinks(base: string, title: string): FeedLink[] {
  const paths = feedPaths(base);
  return (Object.keys(paths) as FeedFormat[]).map((format) => ({ title: `${title} (${LABELS[format]})`, url: paths[format], type: FEED_TYPES[format] }));
}
