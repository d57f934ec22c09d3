import type { Kysely } from 'kysely';
import type { ArticleRow, Database } from '../db/schema.js';
import type { TeaserRow } from '../content/articles.repository.js';
import { contentWords } from './fold.js';
import { newestWithWord } from './search.repository.js';
import { indexedDocuments, latestInCategory, tagIdsOf, termStats, visibleTeasers } from './related.repository.js';

type Subject = Pick<ArticleRow, 'id' | 'primary_category_id' | 'series_id'>;

/** How many of the story's words pick candidates, and how many of those are weighed. */
const QUERY_TERMS = 12;
const SCORE_TERMS = 30;
const CANDIDATES = 25;
/** How many of the newest stories per word are looked at when gathering candidates. */
const PER_WORD = 100;
/** Words in more than this share of stories (of a large archive) say nothing about a subject. */
const MAX_DF_SHARE = 0.1;
const MIN_DF_CAP = 25;
/** A candidate must share this many weighed words (or a tag) to count as related. */
const MIN_SHARED = 2;
/** Stories sharing more than this share of their words are the same story twice. */
const NEAR_DUPLICATE = 0.8;
const FIELD_WEIGHTS = { title: 3, tags: 3, dek: 2, body: 1 } as const;

type Doc = { title: string; dek: string; body: string; tags: string };

function weightedCounts(doc: Doc): Map<string, number> {
  const counts = new Map<string, number>();
  for (const field of Object.keys(FIELD_WEIGHTS) as (keyof typeof FIELD_WEIGHTS)[]) {
    for (const w of contentWords(doc[field])) counts.set(w, (counts.get(w) ?? 0) + FIELD_WEIGHTS[field]);
  }
  return counts;
}

const saturate = (tf: number) => tf / (tf + 1.2);

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * The stories most like this one by what they say: words rare across the
 * archive that both use (names, places, subjects), TF-IDF weighted, with
 * shared tags as a boost and the same category as a tie-breaker. Leaves out
 * the story itself, unpublished stories, other parts of its series and
 * near-duplicates (the same story filed twice). When fewer than `limit`
 * relate, the category's latest stories fill the rest.
 */
export async function computeRelatedIds(db: Kysely<Database>, article: Subject, limit: number, now: Date): Promise<number[]> {
  const chosen: number[] = [];
  const [self] = await indexedDocuments(db, [article.id]);
  if (self) {
    const counts = weightedCounts(self);
    const { df, documents } = await termStats(db, [...counts.keys()]);
    const idf = (t: string) => Math.log(1 + documents / (df.get(t) ?? documents));
    const weighed = [...counts]
      .filter(([t]) => {
        const n = df.get(t) ?? 0;
        return n >= 2 && n <= Math.max(MIN_DF_CAP, documents * MAX_DF_SHARE);
      })
      .map(([t, tf]) => ({ t, w: saturate(tf) * idf(t) }))
      .sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : 1))
      .slice(0, SCORE_TERMS);
    // candidates: stories sharing the most heavily weighed words, a word at a time
    const votes = new Map<number, number>();
    for (const { t, w } of weighed.slice(0, QUERY_TERMS)) {
      for (const id of await newestWithWord(db, t, PER_WORD)) if (id !== article.id) votes.set(id, (votes.get(id) ?? 0) + w);
    }
    // the best-voted that readers may see and that are not part of this story's series
    const voted = [...votes].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, CANDIDATES * 2).map(([id]) => id);
    const visible = (await visibleTeasers(db, voted, now)).filter((r) => article.series_id == null || r.series_id !== article.series_id).slice(0, CANDIDATES);
    const candidates = visible.map((r) => r.id);
    if (candidates.length) {
      const [docs, tags] = await Promise.all([indexedDocuments(db, candidates), tagIdsOf(db, [article.id, ...candidates])]);
      const categories = new Map(visible.map((r) => [r.id, r]));
      const selfWords = new Set(counts.keys());
      const selfTags = tags.get(article.id) ?? new Set<number>();
      const countsOf = new Map(docs.map((d) => [d.article_id, weightedCounts(d)]));
      const wordsOf = new Map([...countsOf].map(([id, counts]) => [id, new Set(counts.keys())]));
      const scored = docs
        .filter((d) => categories.has(d.article_id))
        .filter((d) => d.title !== self.title && jaccard(selfWords, wordsOf.get(d.article_id)!) < NEAR_DUPLICATE)
        .map((d) => {
          const theirs = countsOf.get(d.article_id)!;
          let content = 0;
          let shared = 0;
          for (const { t, w } of weighed) {
            const tf = theirs.get(t);
            if (tf) {
              content += w * saturate(tf);
              shared++;
            }
          }
          let sharedTags = 0;
          for (const tag of tags.get(d.article_id) ?? []) if (selfTags.has(tag)) sharedTags++;
          const row = categories.get(d.article_id)!;
          const sameCategory = article.primary_category_id != null && row.primary_category_id === article.primary_category_id;
          const related = shared >= MIN_SHARED || sharedTags > 0;
          return { id: d.article_id, score: related ? content * (1 + 0.25 * sharedTags) + (sameCategory ? 0.01 : 0) : 0, published: row.published_at ?? '' };
        })
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score || (a.published < b.published ? 1 : a.published > b.published ? -1 : b.id - a.id));
      // the same story filed twice shows once: the better-scored copy
      for (const s of scored) {
        if (chosen.length === limit) break;
        if (chosen.some((id) => jaccard(wordsOf.get(id)!, wordsOf.get(s.id)!) >= NEAR_DUPLICATE)) continue;
        chosen.push(s.id);
      }
    }
  }
  if (chosen.length < limit && article.primary_category_id != null) {
    chosen.push(...(await latestInCategory(db, article.primary_category_id, [article.id, ...chosen], article.series_id, limit - chosen.length, now)));
  }
  return chosen;
}

/**
 * Related stories kept in memory per article, as the teaser rows the page
 * shows. Any change to a story can change what relates to any other (and a
 * teaser's title, image or byline), so a change event clears it all; entries
 * also expire, so scheduled stories appear when they fall due.
 */
export class RelatedCache {
  private readonly entries = new Map<number, { rows: TeaserRow[]; at: number }>();
  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 5000,
  ) {}

  get(articleId: number, nowMs: number): TeaserRow[] | undefined {
    const hit = this.entries.get(articleId);
    if (!hit) return undefined;
    if (nowMs - hit.at > this.ttlMs || nowMs < hit.at) {
      this.entries.delete(articleId);
      return undefined;
    }
    return hit.rows;
  }

  set(articleId: number, rows: TeaserRow[], nowMs: number): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(articleId, { rows, at: nowMs });
  }

  clear(): void {
    this.entries.clear();
  }
}

// one cache per database handle: each app (and each test's app) has its own
const caches = new WeakMap<object, RelatedCache>();

export function relatedCacheFor(db: Kysely<Database>): RelatedCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new RelatedCache()));
  return cache;
}

export const RELATED_COUNT = 6;

/**
 * The related stories for an article page, best first: the first goes in
 * "Check Also", the rest in the "Related" list. Cached per article.
 */
export async function relatedStories(db: Kysely<Database>, article: Subject, now: Date): Promise<TeaserRow[]> {
  const cache = relatedCacheFor(db);
  let rows = cache.get(article.id, now.getTime());
  if (!rows) {
    rows = await visibleTeasers(db, await computeRelatedIds(db, article, RELATED_COUNT, now), now);
    cache.set(article.id, rows, now.getTime());
  }
  return rows;
}
