import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Clock } from '../clock.js';
import { createArticle } from '../content/articles.service.js';
import { createAuthor, createCategory, createSeries, createSource, createTag } from '../content/taxonomy.service.js';
import { saveSettings } from '../content/settings.js';
import { insertComment } from '../comments/comments.repository.js';
import type { DemoComment, DemoContent } from './demo-types.js';

const HOUR = 3_600_000;

/** True when the database holds no content and no settings: a fresh install. */
export async function isEmptySite(db: Kysely<Database>): Promise<boolean> {
  const [articles, settings] = await Promise.all([
    db.selectFrom('articles').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('settings').select('key').limit(1).executeTakeFirst(),
  ]);
  return !articles && !settings;
}

export interface SeedSummary {
  articles: number;
  pages: number;
  comments: number;
  authors: number;
  categories: number;
  tags: number;
}

/**
 * Writes the demo magazine into an empty database, in one transaction:
 * either all of it lands or none. Publication times are relative to the
 * clock, so the demo always looks current.
 */
export async function seedDemo(db: Kysely<Database>, clock: Clock, content: DemoContent): Promise<SeedSummary> {
  const now = clock.now().getTime();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
  const summary: SeedSummary = { articles: 0, pages: 0, comments: 0, authors: 0, categories: 0, tags: 0 };

  await db.transaction().execute(async (trx) => {
    await saveSettings(trx, {
      title: content.site.title,
      description: content.site.description,
      timezone: content.site.timezone,
      language: content.site.language,
      menu: content.site.menu,
    });
    const authors = new Map<string, number>();
    for (const a of content.authors) {
      authors.set(a.slug, await createAuthor(trx, { slug: a.slug, name: a.name, credentials: a.credentials ?? null, bio: a.bio }, clock));
      summary.authors++;
    }
    const categories = new Map<string, number>();
    for (const [position, c] of content.categories.entries()) {
      const parentId = c.parent ? categories.get(c.parent) : null;
      if (c.parent && parentId === undefined) throw new Error(`demo category ${c.slug}: parent ${c.parent} must come first`);
      categories.set(c.slug, await createCategory(trx, { slug: c.slug, name: c.name, description: c.description, parentId, position }, clock));
      summary.categories++;
    }
    const tags = new Map<string, number>();
    for (const t of content.tags) {
      tags.set(t.slug, await createTag(trx, { slug: t.slug, name: t.name }, clock));
      summary.tags++;
    }
    const series = new Map<string, number>();
    for (const s of content.series) series.set(s.slug, await createSeries(trx, { slug: s.slug, title: s.title, description: s.description }, clock));
    const sources = new Map<string, number>();
    for (const s of content.sources) {
      sources.set(s.slug, await createSource(trx, { slug: s.slug, name: s.name, homepageUrl: s.homepageUrl, showSourceLine: s.showSourceLine, canonicalPolicy: s.canonical }, clock));
    }

    const need = (map: Map<string, number>, slug: string, what: string, article: string) => {
      const id = map.get(slug);
      if (id === undefined) throw new Error(`demo article ${article}: unknown ${what} ${slug}`);
      return id;
    };

    // oldest first, so ids grow with publication time as they would on a real site
    const ordered = [...content.articles].sort((a, b) => b.hoursAgo - a.hoursAgo);
    for (const a of ordered) {
      const { id } = await createArticle(
        trx,
        {
          type: a.type ?? 'post',
          slug: a.slug,
          title: a.title,
          dek: a.dek ?? null,
          excerpt: a.excerpt ?? null,
          kind: a.kind,
          body: a.body,
          status: 'published',
          publishedAt: at(a.hoursAgo),
          updatedAt: a.updatedHoursAgo !== undefined ? at(a.updatedHoursAgo) : null,
          lang: a.lang ?? null,
          dir: a.dir ?? null,
          categoryId: a.category ? need(categories, a.category, 'category', a.slug) : null,
          featured: a.featured ?? false,
          image: a.image ? { url: `/assets/demo/${a.image.file}`, alt: a.image.alt, caption: a.image.caption ?? null, credit: a.image.credit ?? null, width: 1200, height: 675 } : null,
          sourceId: a.source ? need(sources, a.source.slug, 'source', a.slug) : null,
          originalUrl: a.source?.originalUrl ?? null,
          originalAuthor: a.source?.originalAuthor ?? null,
          seriesId: a.series ? need(series, a.series.slug, 'series', a.slug) : null,
          seriesPart: a.series?.part ?? null,
          commentsEnabled: a.commentsEnabled ?? true,
          authorIds: a.authors.map((s) => need(authors, s, 'author', a.slug)),
          tagIds: (a.tags ?? []).map((s) => need(tags, s, 'tag', a.slug)),
        },
        { now: () => new Date(at(a.hoursAgo)) },
      );
      if ((a.type ?? 'post') === 'page') summary.pages++;
      else summary.articles++;

      const published = now - a.hoursAgo * HOUR;
      const insertThread = async (comments: DemoComment[], parentId: number | null) => {
        for (const c of comments) {
          const createdAt = new Date(Math.min(published + c.hoursAfter * HOUR, now - 60_000)).toISOString();
          const commentId = await insertComment(trx, { articleId: id, parentId, name: c.name, email: c.email, url: c.url ?? null, body: c.body, status: c.status ?? 'approved', createdAt });
          summary.comments++;
          if (c.replies?.length) await insertThread(c.replies, commentId);
        }
      };
      await insertThread(a.comments ?? [], null);
    }
  });
  return summary;
}
