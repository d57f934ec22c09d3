import { expect } from 'vitest';
import type { ParsedFeed } from './real-clients.js';

/**
 * The rules of JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) that a
 * reader relies on, checked field by field: the version URL, a title, string
 * URLs, and items that each have a unique string id and content_html or
 * content_text, with RFC 3339 dates and authors as objects.
 */
export function checkJsonFeed(feed: any): void {
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(typeof feed.title).toBe('string');
  expect(feed.title.length).toBeGreaterThan(0);
  for (const key of ['home_page_url', 'feed_url', 'icon']) if (key in feed) expect(feed[key]).toMatch(/^https?:\/\//);
  // 1.1 uses "authors" (an array); the old singular "author" is deprecated
  expect(feed.author).toBeUndefined();
  expect(Array.isArray(feed.items)).toBe(true);
  const ids = new Set<string>();
  for (const item of feed.items) {
    expect(typeof item.id).toBe('string');
    expect(ids.has(item.id)).toBe(false);
    ids.add(item.id);
    expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
    if ('url' in item) expect(item.url).toMatch(/^https?:\/\//);
    if ('image' in item) expect(item.image).toMatch(/^https?:\/\//);
    for (const key of ['date_published', 'date_modified']) {
      if (key in item) expect(item[key]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    }
    expect(item.author).toBeUndefined();
    for (const a of item.authors ?? []) {
      expect(typeof a.name).toBe('string');
      if (a.url) expect(a.url).toMatch(/^https?:\/\//);
    }
    for (const att of item.attachments ?? []) {
      expect(att.url).toMatch(/^https?:\/\//);
      expect(typeof att.mime_type).toBe('string');
    }
  }
}

/**
 * Checks a JSON Feed against the rules above and reads it into feedparser's
 * shape, so one test compares it with the RSS and Atom of the same list.
 * (Debian's feedparser 6.0 does not read JSON Feed itself.)
 */
export function readJsonFeed(body: string): ParsedFeed {
  const feed = JSON.parse(body);
  checkJsonFeed(feed);
  const epochOf = (t: string | undefined) => (t ? Math.floor(Date.parse(t) / 1000) : null);
  return {
    bozo: 0,
    bozo_exception: null,
    version: 'json11',
    feed: { title: feed.title, link: feed.home_page_url, subtitle: feed.description, language: feed.language },
    entries: feed.items.map((item: any) => ({
      id: item.id,
      title: item.title,
      link: item.url,
      author: item.authors?.[0]?.name ?? null,
      authors: (item.authors ?? []).map((a: any) => ({ name: a.name, href: a.url })),
      published: epochOf(item.date_published),
      updated: epochOf(item.date_modified),
      summary: item.summary ?? null,
      content: item.content_html !== undefined ? [{ type: 'text/html', value: item.content_html }] : [],
      enclosures: (item.attachments ?? []).map((a: any) => ({ href: a.url, type: a.mime_type, length: a.size_in_bytes === undefined ? undefined : String(a.size_in_bytes) })),
      media_content: [],
      tags: item.tags ?? [],
    })),
  };
}
