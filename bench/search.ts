/**
 * Search benchmark (`npm run bench` runs it after the page benchmark, or on
 * its own: `node --import tsx bench/search.ts`). It generates ARTICLES
 * synthetic stories of about 600 words into a fresh SQLite file (bulk
 * inserts in transactions; a Zipf-distributed vocabulary of invented words,
 * topic words and names, so terms range from everywhere to nearly unique),
 * builds the search index, then reports: index time, search p50/p95 over a
 * fixed query set (the search page's work: ranked query, count, snippets),
 * related-story time per article (uncached), and the process's memory.
 * BENCH_SEARCH_ARTICLES=10000 makes a quicker run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { rebuildSearchIndex } from '../src/search/search-index.repository.js';
import { searchPage } from '../src/search/search.service.js';
import { searchFormSchema } from '../src/search/search.schema.js';
import { computeRelatedIds } from '../src/search/related.service.js';
import { loadSettings } from '../src/content/settings.js';
import { STOP_WORDS } from '../src/search/fold.js';
import { allCategories } from '../src/content/taxonomy.repository.js';

const ARTICLES = Number(process.env.BENCH_SEARCH_ARTICLES ?? 100_000);
const WORDS_PER_ARTICLE = 600;
const NOW = new Date('2026-11-20T12:00:00.000Z');

// a seeded generator, so every run indexes the same archive
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(42);
const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;

const SYLLABLES = 'ka lo mi ra ten sur vel dor an is ub ter pra gol fen zi har mon qu el rat bri sto nal cor dem vi tas pol'.split(' ');
function inventWord(): string {
  const n = 2 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(SYLLABLES);
  return w;
}
const uniq = (n: number, make: () => string) => {
  const set = new Set<string>();
  while (set.size < n) set.add(make());
  return [...set];
};
// English's function words lead the distribution, as they do in real text (and the
// index drops them as it would there); invented content words follow
const FUNCTION_WORDS = [...STOP_WORDS];
const CONTENT = uniq(30_000, inventWord);
const GENERAL = [...FUNCTION_WORDS, ...CONTENT];
const NAMES = uniq(3_000, () => { const w = inventWord(); return w[0]!.toUpperCase() + w.slice(1); });
const TOPICS = Array.from({ length: 1_000 }, () => Array.from({ length: 25 }, () => pick(CONTENT)));
// Zipf over the general vocabulary: a few words everywhere, most rare
const zipfCdf = (() => {
  const weights = GENERAL.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w) => (acc += w / total));
})();
function zipfWord(): string {
  const r = rand();
  let lo = 0;
  let hi = zipfCdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (zipfCdf[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return GENERAL[lo]!;
}

function article(i: number) {
  const topic = TOPICS[i % TOPICS.length]!;
  const names = [pick(NAMES), pick(NAMES)];
  const word = () => {
    const r = rand();
    return r < 0.2 ? pick(topic) : r < 0.25 ? pick(names) : zipfWord();
  };
  const paragraphs: string[] = [];
  for (let p = 0; p < 8; p++) paragraphs.push(`<p>${Array.from({ length: WORDS_PER_ARTICLE / 8 }, word).join(' ')}.</p>`);
  const title = `${names[0]} ${Array.from({ length: 6 }, () => pick(topic)).join(' ')}`;
  const published = new Date(NOW.getTime() - (ARTICLES - i) * 600_000).toISOString();
  return { title, dek: Array.from({ length: 15 }, word).join(' '), html: paragraphs.join('\n'), published, topic: i % TOPICS.length };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// better-sqlite3 answers synchronously, so a timer would never get to sample: ask the OS for the peak
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

async function main() {
  // BENCH_SEARCH_KEEP=dir keeps the generated database there and reuses it on the next run
  const keep = process.env.BENCH_SEARCH_KEEP;
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-search-bench-'));
  if (keep) fs.mkdirSync(keep, { recursive: true });
  const file = path.join(dir, `search-${ARTICLES}.db`);
  const reuse = keep !== undefined && fs.existsSync(file);
  const handle = await connect({ engine: 'sqlite', file });
  try {
    const { db } = handle;
    await migrateToLatest(db);
    const now = NOW.toISOString();
    let insertMs = 0;
    let indexMs = 0;
    let built = { documents: 0, terms: 0 };
    if (!reuse) {
    const categoryIds: number[] = [];
    for (let c = 0; c < 10; c++) categoryIds.push((await db.insertInto('categories').values({ slug: `section-${c}`, name: `Section ${c}`, created_at: now }).returning('id').executeTakeFirstOrThrow()).id);
    const authorIds: number[] = [];
    for (let a = 0; a < 50; a++) authorIds.push((await db.insertInto('authors').values({ slug: `author-${a}`, name: `${pick(NAMES)} ${pick(NAMES)}`, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id);
    const tagIds: number[] = [];
    for (let t = 0; t < 300; t++) tagIds.push((await db.insertInto('tags').values({ slug: `tag-${t}`, name: pick(GENERAL), created_at: now }).returning('id').executeTakeFirstOrThrow()).id);

    const t0 = performance.now();
    const BATCH = 1_000;
    for (let start = 0; start < ARTICLES; start += BATCH) {
      await db.transaction().execute(async (trx) => {
        const rows = Array.from({ length: Math.min(BATCH, ARTICLES - start) }, (_, k) => {
          const i = start + k;
          const a = article(i);
          return {
            row: { type: 'post' as const, kind: 'news' as const, slug: `story-${i}`, title: a.title, dek: a.dek, summary: '', body_source: a.html, body_format: 'html' as const, body_html: a.html, status: 'published' as const, published_at: a.published, created_at: a.published, updated_at: a.published, primary_category_id: categoryIds[a.topic % categoryIds.length]! },
            topic: a.topic,
          };
        });
        for (let k = 0; k < rows.length; k += 100) {
          const part = rows.slice(k, k + 100);
          const ids = await trx.insertInto('articles').values(part.map((r) => r.row)).returning('id').execute();
          await trx.insertInto('article_authors').values(ids.map((r, j) => ({ article_id: r.id, author_id: authorIds[(start + k + j) % authorIds.length]!, position: 0 }))).execute();
          await trx.insertInto('article_tags').values(ids.map((r, j) => ({ article_id: r.id, tag_id: tagIds[part[j]!.topic % tagIds.length]! }))).execute();
        }
      });
    }
    insertMs = performance.now() - t0;

    const t1 = performance.now();
    built = await rebuildSearchIndex(db, { batchSize: 500, now: NOW });
    indexMs = performance.now() - t1;
    }

    // the fixed query set: common and rare words, names, two and three words, phrases, prefixes, misses
    // CONTENT[0] is the most common content word: in about a third of all stories
    const queries = [
      CONTENT[0]!, CONTENT[3]!, CONTENT[20]!, CONTENT[200]!, CONTENT[2_000]!, CONTENT[20_000]!,
      NAMES[1]!, NAMES[500]!, `${NAMES[7]} ${TOPICS[7]![0]}`,
      `${CONTENT[1]} ${CONTENT[2]}`, `${CONTENT[50]} ${CONTENT[500]} ${CONTENT[5_000]}`,
      `${TOPICS[3]![1]} ${TOPICS[3]![2]}`, `"${TOPICS[9]![0]} ${TOPICS[9]![1]}"`, `"${CONTENT[0]} ${CONTENT[1]}"`, `"the ${CONTENT[5]} of the"`,
      `${CONTENT[0]!.slice(0, 4)}*`, `${CONTENT[700]!.slice(0, 5)}*`, `${NAMES[42]!.slice(0, 4)}*`, 'ka*',
      'nothingmatchesthis', '"unbalanced quote', 'AND OR NOT *', `${CONTENT[10]} -${CONTENT[11]}`,
    ];
    const settings = { ...(await loadSettings(db)), postsPerPage: 10 };
    const categories = await allCategories(db);
    const form = (q: string, page = 1) => searchFormSchema.parse({ q, page: String(page) });
    if (process.env.BENCH_VERBOSE) console.log(`inserted in ${(insertMs / 1000).toFixed(1)} s, indexed in ${(indexMs / 1000).toFixed(1)} s`);
    for (const q of queries) {
      const t = performance.now();
      await searchPage(db, form(q), settings, categories, NOW); // warm up
      if (process.env.BENCH_VERBOSE) console.log(`warm-up ${(performance.now() - t).toFixed(1)} ms ${q}`);
    }
    const times: number[] = [];
    const perQuery: [string, number, number][] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of queries) {
        const t = performance.now();
        const result = await searchPage(db, form(q, round === 4 ? 3 : 1), settings, categories, NOW);
        const ms = performance.now() - t;
        times.push(ms);
        if (round === 0) perQuery.push([q, result.total, ms]);
      }
    }
    times.sort((a, b) => a - b);

    const relatedTimes: number[] = [];
    let relatedFound = 0;
    for (let k = 0; k < 200; k++) {
      const id = 1 + Math.floor(rand() * ARTICLES);
      const row = await db.selectFrom('articles').select(['id', 'primary_category_id', 'series_id']).where('id', '=', id).executeTakeFirstOrThrow();
      const t = performance.now();
      const ids = await computeRelatedIds(db, row, 6, NOW);
      relatedTimes.push(performance.now() - t);
      relatedFound += ids.length;
    }
    relatedTimes.sort((a, b) => a - b);
    const size = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);

    console.log(`\nSearch benchmark: ${ARTICLES.toLocaleString('en')} articles of ~${WORDS_PER_ARTICLE} words, SQLite FTS5, ${os.cpus().length} cores, Node ${process.version}`);
    console.log(`| measure | value | target |`);
    console.log(`|---|---|---|`);
    console.log(`| bulk insert of the articles | ${(insertMs / 1000).toFixed(1)} s | |`);
    console.log(`| index build (${built.documents.toLocaleString('en')} documents, ${built.terms.toLocaleString('en')} distinct words) | ${(indexMs / 1000).toFixed(1)} s | |`);
    console.log(`| search p50 (${times.length} searches, ${queries.length} queries) | ${percentile(times, 50).toFixed(1)} ms | |`);
    console.log(`| search p95 | ${percentile(times, 95).toFixed(1)} ms | < 30 ms |`);
    console.log(`| search max | ${times[times.length - 1]!.toFixed(1)} ms | |`);
    console.log(`| related stories per article, p50 / p95 / mean (200 articles, uncached) | ${percentile(relatedTimes, 50).toFixed(1)} / ${percentile(relatedTimes, 95).toFixed(1)} / ${(relatedTimes.reduce((a, b) => a + b, 0) / relatedTimes.length).toFixed(1)} ms | < 20 ms |`);
    console.log(`| related stories found per article (of 6) | ${(relatedFound / relatedTimes.length).toFixed(1)} | |`);
    console.log(`| process memory (RSS): peak / at end | ${mb(peakRss())} / ${mb(process.memoryUsage().rss)} | < 300 MB |`);
    console.log(`| database file | ${mb(size)} | |`);
    if (process.env.BENCH_VERBOSE) for (const [q, n, ms] of perQuery) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${String(n).padStart(6)} hits  ${q}`);
  } finally {
    await handle.close();
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
