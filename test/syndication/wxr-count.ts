import fs from 'node:fs';
import { SaxesParser } from 'saxes';
import { slugify } from '../../src/content/slug.js';

/**
 * Counts a WordPress export straight from its XML, for comparison with what
 * the importer wrote: its own small SAX pass that knows nothing of the
 * importer's code. Elements are matched by namespace URI, as the format
 * requires. Items that are posts or pages (not auto-drafts or revisions'
 * "inherit") count, with their comments; categories, tags and authors count
 * once per distinct slug or login.
 */
export function countWxr(file: string) {
  const wp = (uri: string | undefined) => !!uri && /^https?:\/\/wordpress\.org\/export\/1\.\d+\/$/.test(uri);
  const slug = (s: string) => {
    let d = s.trim();
    try {
      d = decodeURIComponent(d);
    } catch {
      // as written
    }
    return slugify(d);
  };
  const categories = new Set<string>();
  const tags = new Set<string>();
  const authors = new Set<string>();
  let posts = 0;
  let pages = 0;
  let comments = 0;
  const path: { local: string; uri: string; attrs: Record<string, string> }[] = [];
  let text = '';
  let record: Record<string, string> = {};
  let item: { type: string; status: string; comments: number; creators: string[]; cats: string[]; tags: string[]; coauthors: string[] } | null = null;
  const parser = new SaxesParser({ xmlns: true });
  parser.ENTITIES = new Proxy(parser.ENTITIES, { get: (t, n: string) => t[n] ?? ' ' });
  parser.on('error', () => {});
  parser.on('opentag', (t) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(t.attributes)) attrs[k] = typeof a === 'string' ? a : a.value;
    path.push({ local: t.local ?? t.name, uri: t.uri ?? '', attrs });
    text = '';
    if (path.length === 3 && path[1]!.local === 'channel') {
      record = {};
      if (t.local === 'item' && !t.uri) item = { type: 'post', status: '', comments: 0, creators: [], cats: [], tags: [], coauthors: [] };
    }
  });
  const onText = (t: string) => (text += t);
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const el = path.pop()!;
    const depth = path.length;
    if (depth === 3 && path[1]!.local === 'channel') {
      if (item && path[2]!.local === 'item') {
        if (wp(el.uri) && el.local === 'post_type') item.type = text.trim();
        if (wp(el.uri) && el.local === 'status') item.status = text.trim();
        if (wp(el.uri) && el.local === 'comment') item.comments++;
        if (el.uri === 'http://purl.org/dc/elements/1.1/' && el.local === 'creator' && text.trim()) item.creators.push(text.trim().toLowerCase());
        if (!el.uri && el.local === 'category' && el.attrs.domain === 'category') item.cats.push(slug(el.attrs.nicename ?? '') || slug(text));
        if (!el.uri && el.local === 'category' && el.attrs.domain === 'post_tag') item.tags.push(slug(el.attrs.nicename ?? '') || slug(text));
        if (!el.uri && el.local === 'category' && el.attrs.domain === 'author') item.coauthors.push((el.attrs.nicename ?? text).replace(/^cap-/, '').toLowerCase());
      } else if (wp(path[2]!.uri)) record[el.local] = text.trim();
    }
    if (depth === 2 && path[1]!.local === 'channel') {
      if (item && el.local === 'item') {
        if ((item.type === 'post' || item.type === 'page') && item.status !== 'auto-draft' && item.status !== 'inherit') {
          if (item.type === 'post') posts++;
          else pages++;
          comments += item.comments;
          for (const c of item.cats) categories.add(c);
          for (const t of item.tags) tags.add(t);
          for (const a of [...item.creators, ...item.coauthors]) authors.add(a);
        }
        item = null;
      } else if (wp(el.uri)) {
        if (el.local === 'author' && record.author_login) authors.add(record.author_login.toLowerCase());
        if (el.local === 'category') categories.add(slug(record.category_nicename ?? '') || slug(record.cat_name ?? ''));
        if (el.local === 'tag') tags.add(slug(record.tag_slug ?? '') || slug(record.tag_name ?? ''));
        if (el.local === 'term' && record.term_taxonomy === 'category') categories.add(slug(record.term_slug ?? '') || slug(record.term_name ?? ''));
        if (el.local === 'term' && record.term_taxonomy === 'post_tag') tags.add(slug(record.term_slug ?? '') || slug(record.term_name ?? ''));
      }
    }
    text = '';
  });
  parser.write(fs.readFileSync(file, 'utf8')).close();
  categories.delete('');
  tags.delete('');
  return { posts, pages, comments, categories: categories.size, tags: tags.size, authors: authors.size };
}
