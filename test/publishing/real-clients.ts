/**
 * The outside programs that judge what we publish: Debian's python3-feedparser
 * (what many aggregators are built on) and libxml2's xmllint. Tests skip, by
 * name, when they are missing; .ci/run installs both.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// pyenv and friends may shadow Debian's python, which is the one with python3-feedparser
const PYTHON = ['/usr/bin/python3', 'python3'].find((bin) => spawnSync(bin, ['-c', 'import feedparser'], { stdio: 'ignore' }).status === 0) ?? null;
export const feedparserMissing = PYTHON ? null : 'python3-feedparser is not installed (apt-get install python3-feedparser)';
export const xmllintMissing = spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0 ? null : 'xmllint is not installed (apt-get install libxml2-utils)';

export interface ParsedEntry {
  id: string;
  title: string;
  link: string;
  author: string | null;
  authors: { name?: string; href?: string }[];
  /** Unix seconds, UTC. */
  published: number | null;
  updated: number | null;
  summary: string | null;
  content: { type: string; value: string }[];
  enclosures: { href: string; type?: string; length?: string }[];
  media_content: { url: string; medium?: string }[];
  tags: string[];
}

export interface ParsedFeed {
  bozo: number;
  bozo_exception: string | null;
  version: string;
  feed: { title: string; link: string; subtitle?: string; language?: string; updated?: number | null };
  entries: ParsedEntry[];
}

const SCRIPT = `
import sys, json, feedparser, calendar
def t(s):
    return None if s is None else calendar.timegm(s)
def entry(e):
    return {
        'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'),
        'author': e.get('author'), 'authors': [dict(a) for a in e.get('authors', [])],
        'published': t(e.get('published_parsed')), 'updated': t(e.get('updated_parsed')),
        'summary': e.get('summary'),
        'content': [{'type': c.get('type'), 'value': c.get('value')} for c in e.get('content', [])],
        'enclosures': [dict(x) for x in e.get('enclosures', [])],
        'media_content': [dict(x) for x in e.get('media_content', [])],
        'tags': [x.get('term') for x in e.get('tags', [])],
    }
def one(body):
    d = feedparser.parse(body.encode('utf-8'))
    f = d.feed
    return {
        'bozo': int(d.bozo), 'bozo_exception': str(d.get('bozo_exception')) if d.bozo else None, 'version': d.version,
        'feed': {'title': f.get('title'), 'link': f.get('link'), 'subtitle': f.get('subtitle'), 'language': f.get('language'), 'updated': t(f.get('updated_parsed'))},
        'entries': [entry(e) for e in d.entries],
    }
print(json.dumps([one(b) for b in json.load(sys.stdin)]))
`;

/**
 * Parses feeds with the real feedparser, all in one python process (starting
 * python costs more than parsing). Dates come back as Unix seconds (UTC) so
 * they compare exactly with what we stored.
 */
export function feedparserAll(bodies: string[]): ParsedFeed[] {
  if (!PYTHON) throw new Error(feedparserMissing!);
  const run = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(bodies), maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`feedparser failed: ${run.stderr.toString()}`);
  return JSON.parse(run.stdout.toString()) as ParsedFeed[];
}

export const feedparser = (body: string): ParsedFeed => feedparserAll([body])[0]!;

/** Runs xmllint over a document; ok is false with its complaints when it is not well-formed (or not valid against `xsd`). */
export function xmllint(body: string, opts: { xsd?: 'sitemap' | 'siteindex'; xpath?: string } = {}): { ok: boolean; out: string; err: string } {
  const args = ['--noout', '--nonet'];
  if (opts.xsd) args.push('--schema', path.join(here, 'xsd', `${opts.xsd}.xsd`));
  if (opts.xpath) args.splice(args.indexOf('--noout'), 1, '--xpath', opts.xpath);
  args.push('-');
  const run = spawnSync('xmllint', args, { input: body, maxBuffer: 64 * 1024 * 1024 });
  return { ok: run.status === 0, out: run.stdout.toString(), err: run.stderr.toString() };
}

/** Seconds since the epoch of an ISO time, as feedparser reports dates. */
export const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);

