import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/syndication/parse.js';
import { FeedParseError, type ParsedFeed } from '../../src/syndication/feed.types.js';
import { corpusFiles, FEEDS } from './feed-server.js';

/*
 * Each feedparser fixture states its expected result in a leading comment
 * ("Expect: not bozo and …"). The "bozo" half is checked for every file: a
 * well-formed feed must parse with no problems, an ill-formed one must report
 * a problem (or fail outright). The value half is checked where it says
 * something our importer uses, in the table below, keyed by file.
 */
const files = corpusFiles(path.join(FEEDS, 'feedparser'));
const first = (f: ParsedFeed) => f.items[0]!;
const VALUES: Record<string, (f: ParsedFeed) => void> = {
  'encoding/demoronize-1.xml': (f) => expect(first(f).summaryHtml).toBe('don\u2019t'),
  'encoding/double-encoded-html.xml': (f) => expect(first(f).summaryHtml).toBe('\u2026'),
  'encoding/euc-kr.xml': (f) => expect(f.title).toBe('\ub144'),
  'encoding/utf-8-bom.xml': (f) => expect(f.encoding).toBe('utf-8'),
  'illformed/rss_item_link_corrupted_ampersands.xml': (f) => expect(first(f).link).toBe('http://link/get?a=1&b=2'),
  'wf-atom10/entry_category_term_non_ascii.xml': (f) => expect(first(f).categories[0]).toBe('Freir\u00e4ume'),
  'wf-atom10/entry_content_escaped_markup.xml': (f) => expect(first(f).contentHtml).toBe('Example <b>Atom</b>'),
  'wf-atom10/entry_content_inline_markup.xml': (f) => expect(first(f).contentHtml).toBe('Example <b>Atom</b>'),
  'wf-atom10/entry_content_src.xml': (f) => expect(first(f).media[0]!.url).toBe('http://example.com/movie.mp4'),
  'wf-atom10/entry_link_rel_enclosure.xml': (f) => expect(first(f).media).toHaveLength(1),
  'wf-atom10/entry_title_type_empty-no-crash.xml': (f) => expect(first(f).title).toBe('evil'),
  'wf-atom/entry_content_mode_base64.xml': (f) => expect(first(f).contentHtml).toBe('Example <b>Atom</b>'),
  'wf-atom/entry_content_mode_escaped.xml': (f) => expect(first(f).contentHtml).toBe('Example <b>Atom</b>'),
  'wf-base/entry_content_xml_base_inherit.xml': (f) => expect(first(f).base).toBe('http://example.com/test/'),
  // the expectation is about the title's own base, which an importer has no use for (titles are plain text)
  'wf-base/relative_xml_base.xml': (f) => expect(first(f).title).toBe('Example test'),
  'wf-base/unsafe_base.xml': (f) => expect(first(f).base).toBe('http://example.com/'),
  'wf-base/rel_uri_with_unicode_character.xml': (f) => expect(first(f).base).toBe('http://any.test/'),
  'wf-media-rss/item_media_category_multiple.xml': (f) => expect(first(f).categories).toEqual(['cat1', 'cat2']),
  'wf-media-rss/media_group.xml': (f) => expect(first(f).summaryHtml).toBe('Test Description'),
  'wf-rss/entity_in_doctype.xml': (f) => expect(first(f).guid).toBe('tag:example.com,2006-05-04:/blog/'),
  'wf-rss/item_content_encoded.xml': (f) => expect(first(f).contentHtml).toBe('<p>Example content</p>'),
  'wf-rss/item_dc_creator.xml': (f) => expect(first(f).authors).toEqual(['Example editor']),
  'wf-rss/item_description_escaped_markup.xml': (f) => expect(first(f).summaryHtml).toBe('<p>Example description</p>'),
  'wf-rss/item_description_naked_markup.xml': (f) => expect(first(f).summaryHtml).toBe('<p>Example description</p>'),
  'wf-rss/item_enclosure_multiple.xml': (f) => expect(first(f).media[1]).toEqual({ url: 'http://example.com/2', length: 200000, type: 'image/gif', medium: null }),
  'wf-rss/item_multiple_dc_creator.xml': (f) => expect(first(f).authors).toEqual(['First Author', 'Second Author']),
  'wf-rdf/rss_version_10.xml': (f) => expect(f.format).toBe('rss10'),
  'wf-rss/rss_version_090.xml': (f) => expect(f.format).toBe('rss090'),
  'wf-rss/rss_version_091_netscape.xml': (f) => expect(f.format).toBe('rss091n'),
  'wf-rss/rss_version_091_userland.xml': (f) => expect(f.format).toBe('rss091u'),
  'wf-rss/rss_version_092.xml': (f) => expect(f.format).toBe('rss092'),
  'wf-rss/rss_version_20.xml': (f) => expect(f.format).toBe('rss20'),
  'wf-rss/rss_version_missing.xml': (f) => expect(f.format).toBe('rss'),
};

describe.skipIf(!files.length)('feed parsing against the feedparser corpus', () => {
  if (!files.length) it.skip(`SKIPPED: ${FEEDS} is absent`, () => {});
  it.each(files)('%s', (file) => {
    const bytes = fs.readFileSync(path.join(FEEDS, 'feedparser', file));
    const expectLine = /Expect:\s*(.*)/.exec(bytes.toString('latin1'))?.[1]?.trim() ?? '';
    let feed: ParsedFeed | null = null;
    let failure: unknown = null;
    try {
      feed = parseFeed(bytes, { url: 'http://feeds.test/feed.xml' });
    } catch (err) {
      failure = err;
    }
    if (failure && !(failure instanceof FeedParseError)) throw failure;
    const bozo = failure !== null || feed!.problems.length > 0;
    if (/^not bozo/.test(expectLine)) expect(bozo, feed?.problems.join('; ')).toBe(false);
    else if (/^bozo\b/.test(expectLine)) expect(bozo).toBe(true);
    const check = VALUES[file];
    if (check) check(feed!);
  });

  it('covers every fixture whose expectation names a value we import', () => {
    for (const key of Object.keys(VALUES)) expect(files).toContain(key);
  });
});

describe('feed parsing: other formats and real feeds', () => {
  const read = (p: string) => fs.readFileSync(path.join(FEEDS, p));
  const has = fs.existsSync(FEEDS);
  it.skipIf(!has)('reads declared non-UTF-8 encodings', () => {
    expect(parseFeed(read('rss-parser/encoding.rss')).items[0]!.title).toBe('M\u00e3e de utente \u00e9 a nova presidente da Rar\u00edssimas');
    expect(parseFeed(read('rsparser/kc0011.rss')).items[0]!.title).toContain('\u5efa\u56fd35\u5468\u5e74');
  });
  it.skipIf(!has)('reads JSON Feed 1.0 and 1.1 and rejects broken JSON', () => {
    const df = parseFeed(read('jsonfeed/DaringFireball.json'));
    expect(df.format).toBe('json10');
    expect(df.items[0]!.authors).toEqual(['John Gruber']);
    const ex = parseFeed(read('jsonfeed/feedparser-example.json'));
    expect(ex.items[0]!.categories).toEqual(['test', 'JSON']);
    expect(parseFeed(read('jsonfeed/authors.json')).format).toBe('json11');
    expect(() => parseFeed(read('jsonfeed/allthis-partial.json'))).toThrow(FeedParseError);
  });
  it.skipIf(!has)('rejects an HTML page and an empty document as not feeds', () => {
    expect(() => parseFeed(read('rss-parser/unrecognized.rss'))).toThrow(/not a feed/);
    expect(() => parseFeed(Buffer.from(''))).toThrow(FeedParseError);
  });
  it.skipIf(!has)('reads media, categories with domains, dc:creator and dates from a real news feed', () => {
    const g = parseFeed(read('rss-parser/guardian.rss'));
    expect(g.items).toHaveLength(55);
    const i = g.items[0]!;
    expect(i.authors).toEqual(['David Smith in Washington']);
    expect(i.categories).toContain('Donald Trump');
    expect(i.media.length).toBeGreaterThan(0);
    expect(i.published?.toISOString()).toBe('2018-01-31T07:26:05.000Z');
  });
  it('trusts a byte-order mark, then the HTTP charset, then the XML declaration', () => {
    const latin1 = Buffer.from('<rss version="2.0"><channel><title>S\u00e3o Paulo</title></channel></rss>', 'latin1');
    expect(parseFeed(latin1, { contentType: 'application/rss+xml; charset=ISO-8859-1' })).toMatchObject({ title: 'S\u00e3o Paulo', encoding: 'iso-8859-1', problems: [] });
    // no charset anywhere and not UTF-8: read as windows-1252 and said so
    const guessed = parseFeed(latin1);
    expect(guessed.title).toBe('S\u00e3o Paulo');
    expect(guessed.problems[0]).toMatch(/does not say its character encoding/);
    const declared = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), Buffer.from('</title></channel></rss>')]);
    expect(parseFeed(declared).title).toBe('\u041f\u0440\u0438\u0432\u0435\u0442');
  });

  it('reads RFC 822, RFC 3339 and broken dates', async () => {
    const { parseFeedDate } = await import('../../src/syndication/dates.js');
    const cases: [string, string | null][] = [
      ['Tue, 24 Nov 2026 10:00:00 GMT', '2026-11-24T10:00:00.000Z'],
      ['Tue, 24 Nov 2026 10:00:00 +0330', '2026-11-24T06:30:00.000Z'],
      ['24 Nov 26 10:00 EST', '2026-11-24T15:00:00.000Z'],
      ['Tuesday, 24-Nov-2026 10:00:00 PST', '2026-11-24T18:00:00.000Z'],
      ['2026-11-24T10:00:00Z', '2026-11-24T10:00:00.000Z'],
      ['2026-11-24T10:00:00.123+02:00', '2026-11-24T08:00:00.000Z'],
      ['2026-11-24 10:00:00', '2026-11-24T10:00:00.000Z'],
      ['2026-11-24', '2026-11-24T00:00:00.000Z'],
      ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
      ['Nov 24, 2026 10:00', '2026-11-24T10:00:00.000Z'],
      ['yesterday-ish', null],
      ['', null],
    ];
    for (const [raw, iso] of cases) expect(parseFeedDate(raw)?.toISOString() ?? null, raw).toBe(iso);
  });
});
