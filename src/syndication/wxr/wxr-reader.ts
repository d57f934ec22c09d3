import fs from 'node:fs';
import { SaxesParser } from 'saxes';
import { decodeHTML } from 'entities';
import type { XNode } from '../xml-tree.js';

/** Why an export cannot be imported, and where (1-based line and column). */
export class WxrError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'WxrError';
  }
}

export interface WxrChannel {
  version: string | null;
  title: string | null;
  link: string | null;
  baseSiteUrl: string | null;
  baseBlogUrl: string | null;
}

export type WxrRecordType = 'author' | 'category' | 'tag' | 'term' | 'item';
export interface WxrRecord {
  type: WxrRecordType;
  node: XNode;
  line: number;
}

// WordPress.com writes https:// namespace URIs, self-hosted WordPress http://
const WP_URI = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/$/;
const EXCERPT_URI = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/$/;
/** The WordPress export vocabulary, whatever prefix a file binds it to (excerpt has its own). */
export const isWp = (n: Pick<XNode, 'uri'>) => WP_URI.test(n.uri);
export const isExcerpt = (n: Pick<XNode, 'uri'>) => EXCERPT_URI.test(n.uri);
/** Well-formedness slips WordPress itself writes and reads back: kept as text rather than failing the import. */
const TOLERATED = /"]]>" is disallowed in char data/;

const RECORDS: Record<string, WxrRecordType> = { author: 'author', category: 'category', tag: 'tag', term: 'term' };

/**
 * Streams a WXR file: channel facts, then one record per author, term and
 * item, each a small tree, so memory stays flat however large the export.
 * Elements are told apart by namespace URI, never by prefix. Ill-formed XML,
 * a missing <channel> or a missing or bad <wp:wxr_version> throw WxrError
 * with the line. HTML entities (&nbsp; …) outside CDATA are accepted, as
 * WordPress writes them.
 */
export async function* readWxr(file: string, channel: WxrChannel, onBytes?: (n: number) => void): AsyncGenerator<WxrRecord> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.ENTITIES = new Proxy(parser.ENTITIES, {
    get(target, name: string) {
      if (name in target) return target[name];
      const html = decodeHTML(`&${name};`);
      return html !== `&${name};` ? html : undefined;
    },
  });
  const stack: XNode[] = [];
  const queue: WxrRecord[] = [];
  let sawRoot = false;
  let sawChannel = false;
  let recordLine = 0;
  let pendingError: WxrError | null = null;
  const fail = (reason: string): never => {
    throw new WxrError(parser.line, parser.column, reason);
  };
  parser.on('error', (err) => {
    if (TOLERATED.test(err.message)) return;
    if (!pendingError) pendingError = new WxrError(parser.line, parser.column, err.message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''));
  });
  parser.on('opentag', (tag) => {
    const depth = stack.length;
    if (depth === 0) {
      if (sawRoot) return;
      sawRoot = true;
      if (tag.local !== 'rss') fail(`the document is <${tag.name}>, not a WordPress export (<rss>)`);
    }
    if (depth === 1 && tag.local === 'channel') sawChannel = true;
    if (depth === 2) recordLine = parser.line;
    const attrs: Record<string, string> = {};
    for (const [name, a] of Object.entries(tag.attributes)) attrs[name] = typeof a === 'string' ? a : a.value;
    const node: XNode = { uri: tag.uri ?? '', local: tag.local ?? tag.name, prefix: tag.prefix ?? '', attrs, children: [], base: null };
    // keep the tree only below channel's children: the document as a whole is never held
    if (depth >= 3) stack[depth - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    const node = stack.pop()!;
    if (stack.length !== 2 || stack[1]!.local !== 'channel') return;
    const text = node.children.filter((c) => typeof c === 'string').join('').trim() || null;
    if (node.local === 'item' && !node.uri) queue.push({ type: 'item', node, line: recordLine });
    else if (isWp(node) && RECORDS[node.local]) queue.push({ type: RECORDS[node.local]!, node, line: recordLine });
    else if (isWp(node) && node.local === 'wxr_version') channel.version = text;
    else if (isWp(node) && node.local === 'base_site_url') channel.baseSiteUrl = text;
    else if (isWp(node) && node.local === 'base_blog_url') channel.baseBlogUrl = text;
    else if (!node.uri && node.local === 'title') channel.title = text;
    else if (!node.uri && node.local === 'link') channel.link = text;
  });
  const addText = (t: string) => {
    // text directly in channel's children is kept too (version, urls); above that it is whitespace
    if (stack.length >= 3) stack[stack.length - 1]!.children.push(t);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      onBytes?.(Buffer.byteLength(chunk));
      parser.write(chunk);
      if (pendingError) throw pendingError;
      while (queue.length) {
        const record = queue.shift()!;
        if (!channel.version) throw new WxrError(record.line, 1, 'no <wp:wxr_version> before the first entry: not a WordPress export');
        if (!VERSION.test(channel.version)) throw new WxrError(record.line, 1, badVersion(channel.version));
        yield record;
      }
    }
    parser.close();
  } catch (err) {
    if (err instanceof WxrError) throw err;
    throw pendingError ?? new WxrError(parser.line, parser.column, (err as Error).message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''));
  } finally {
    stream.destroy();
  }
  if (pendingError) throw pendingError;
  if (!sawRoot) throw new WxrError(1, 1, 'the file is empty');
  if (!sawChannel) throw new WxrError(parser.line, parser.column, 'no <channel> element: not a WordPress export');
  if (!channel.version) throw new WxrError(parser.line, parser.column, 'no <wp:wxr_version>: not a WordPress export');
  if (!VERSION.test(channel.version)) throw new WxrError(parser.line, parser.column, badVersion(channel.version));
  while (queue.length) yield queue.shift()!;
}

const VERSION = /^1\.[0-2]$/;
const badVersion = (v: string) => `unsupported WXR version "${v.slice(0, 20)}" (1.0, 1.1 and 1.2 are)`;

export const emptyChannel = (): WxrChannel => ({ version: null, title: null, link: null, baseSiteUrl: null, baseBlogUrl: null });

/** The text of a record's child in the WordPress vocabulary (or another, by test). */
export function field(node: XNode, local: string, test: (n: XNode) => boolean = isWp): string {
  for (const c of node.children) {
    if (typeof c !== 'string' && c.local === local && test(c)) return c.children.map((x) => (typeof x === 'string' ? x : '')).join('');
  }
  return '';
}

export const children = (node: XNode, local: string, test: (n: XNode) => boolean = isWp): XNode[] =>
  node.children.filter((c): c is XNode => typeof c !== 'string' && c.local === local && test(c));
