import { z } from 'zod';
import { parseFeedDate } from './dates.js';
import { FeedParseError, type ParsedFeed, type ParsedItem } from './feed.types.js';

const str = z.string().nullish().catch(null);
const author = z.object({ name: str }).passthrough().nullish().catch(null);
const jsonFeedSchema = z.object({
  version: z.string().regex(/jsonfeed\.org\/version\//, 'not a JSON Feed version URL'),
  title: str,
  home_page_url: str,
  feed_url: str,
  author,
  authors: z.array(author).nullish().catch(null),
  items: z.array(z.unknown()).default([]),
});
const itemSchema = z.object({
  id: z.union([z.string(), z.number()]).nullish().catch(null),
  url: str,
  external_url: str,
  title: str,
  content_html: str,
  content_text: str,
  summary: str,
  image: str,
  banner_image: str,
  date_published: str,
  date_modified: str,
  author,
  authors: z.array(author).nullish().catch(null),
  tags: z.array(z.string()).nullish().catch(null),
  attachments: z.array(z.object({ url: z.string(), mime_type: str, size_in_bytes: z.number().nullish().catch(null) }).passthrough()).nullish().catch(null),
});

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Parses JSON Feed 1.0 and 1.1; an item that is not an object is skipped and reported. */
export function parseJsonFeed(text: string, baseUrl: string | null): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new FeedParseError(`not valid JSON: ${(err as Error).message}`);
  }
  const parsed = jsonFeedSchema.safeParse(data);
  if (!parsed.success) throw new FeedParseError('not a JSON Feed: it lacks a jsonfeed.org version');
  const feed = parsed.data;
  const problems: string[] = [];
  const base = feed.home_page_url ?? feed.feed_url ?? baseUrl;
  const abs = (u: string | null | undefined) => {
    if (!u) return null;
    try {
      return new URL(u, base ?? undefined).href;
    } catch {
      return null;
    }
  };
  const feedAuthors = [...(feed.authors ?? []), feed.author].map((a) => a?.name).filter((n): n is string => !!n);
  const items: ParsedItem[] = [];
  feed.items.forEach((raw, i) => {
    const r = itemSchema.safeParse(raw);
    if (!r.success || typeof raw !== 'object') return void problems.push(`item ${i + 1} is not an object`);
    const it = r.data;
    const authors = [...(it.authors ?? []), it.author].map((a) => a?.name).filter((n): n is string => !!n);
    items.push({
      guid: it.id == null ? null : String(it.id),
      link: abs(it.url ?? it.external_url),
      title: it.title ?? null,
      contentHtml: it.content_html ?? (it.content_text ? escapeHtml(it.content_text).split(/\n{2,}/).map((p) => `<p>${p}</p>`).join('') : null),
      summaryHtml: it.summary ? escapeHtml(it.summary) : null,
      base,
      published: parseFeedDate(it.date_published),
      updated: parseFeedDate(it.date_modified),
      authors: authors.length ? authors : feedAuthors,
      categories: it.tags ?? [],
      media: (it.attachments ?? []).map((a) => ({ url: abs(a.url) ?? a.url, type: a.mime_type ?? null, medium: null, length: a.size_in_bytes ?? null })),
      thumbnail: abs(it.image ?? it.banner_image),
    });
  });
  return { format: /1\.1/.test(feed.version) ? 'json11' : 'json10', title: feed.title ?? null, link: feed.home_page_url ?? null, items, problems, encoding: 'utf-8' };
}
