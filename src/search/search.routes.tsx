import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import type { ChangeBus } from '../events.js';
import { pageContext, type SiteDeps } from '../site/site.routes.js';
import { sendPage } from '../site/render.js';
import type { HeadView } from '../site/views/layout.js';
import { searchFormSchema } from './search.schema.js';
import { searchPage } from './search.service.js';
import { authorOptions } from './search.repository.js';
import { indexIsEmpty, rebuildSearchIndex, reindexArticle, removeFromIndex } from './search-index.repository.js';
import { relatedCacheFor } from './related.service.js';
import { TokenBuckets } from './rate-limit.js';
import { SearchPage, type SearchFormValues } from './views/search-page.js';

export interface SearchDeps extends SiteDeps {
  events: ChangeBus;
}

/** Per address: a burst of 20 searches, then one every 2 seconds (per instance). */
/** A burst of 20, then MASTHEAD_SEARCH_PER_MINUTE (default 30: one every 2 s). */
const RATE = { capacity: 20 };

function rawValues(query: Record<string, unknown>): SearchFormValues {
  const get = (k: string) => {
    const v = Array.isArray(query[k]) ? (query[k] as unknown[])[0] : query[k];
    return typeof v === 'string' ? v.slice(0, 10_000) : '';
  };
  return { q: get('q'), category: get('category'), author: get('author'), from: get('from'), to: get('to') };
}

function searchUrl(values: SearchFormValues, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) params.set(k, k === 'q' ? v.slice(0, 200) : v);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `/search/?${qs}` : '/search/';
}

/**
 * The search page, and the index and related-story cache kept in step with
 * change events (a safety net: writers also reindex in their own transaction).
 */
export async function registerSearchRoutes(app: FastifyInstance, deps: SearchDeps): Promise<void> {
  const { db, clock } = deps;
  const perMinute = deps.config.searchPerMinute;
  const buckets = perMinute > 0 ? new TokenBuckets(RATE.capacity, Math.round(60_000 / perMinute)) : null;

  deps.events.on(async (event) => {
    if (event.kind.startsWith('article.') || event.kind === 'taxonomy.changed') relatedCacheFor(db).clear();
    // a change relayed from another instance was indexed there, in the shared database
    if (event.remote || event.articleId == null || !event.kind.startsWith('article.')) return;
    const id = event.articleId;
    try {
      await db.transaction().execute(async (trx) => {
        // "deleted" may mean moved to the trash, from where it can come back: index what still exists
        const exists = await trx.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst();
        return exists ? reindexArticle(trx, id, clock.now()) : removeFromIndex(trx, id);
      });
    } catch (err) {
      app.log.error({ err, articleId: id }, 'search index update failed; run "masthead search reindex"');
    }
  });

  // a site that had stories before search existed: index them in the background, once
  if (await indexIsEmpty(db)) {
    app.log.info('search index is empty: indexing existing articles in the background');
    void rebuildSearchIndex(db, { now: clock.now() }).then(
      (r) => app.log.info({ documents: r.documents }, 'search index built'),
      (err) => app.log.error({ err }, 'building the search index failed; run "masthead search reindex"'),
    );
  }

  app.get('/search/', async (request, reply) => {
    const wait = buckets ? buckets.take(request.ip, clock.now().getTime()) : 0;
    if (wait > 0) {
      reply.header('retry-after', String(Math.ceil(wait / 1000)));
      throw new AppError('RATE_LIMITED', 'You have searched a lot in a short time. Please wait a few seconds and try again.');
    }
    const ctx = await pageContext(deps, request);
    const query = request.query as Record<string, unknown>;
    const values = rawValues(query);
    const categories = await deps.state.categories();
    const authors = await authorOptions(db);
    const parsed = searchFormSchema.safeParse(query);
    const head: HeadView = { title: values.q.trim() ? `Search results for “${values.q.trim().slice(0, 200)}”` : 'Search', noindex: true, description: ctx.settings.description };
    reply.header('cache-control', 'no-cache');
    const common = { site: ctx.site, head, title: head.title, values, categories: categories.map((c) => ({ slug: c.slug, name: c.name })), authors };
    if (!parsed.success) {
      const errors = [...new Set(parsed.error.issues.map((i) => i.message))];
      return sendPage(reply, <SearchPage {...common} errors={errors} notices={[]} searched={false} total={0} results={[]} pagination={{ page: 1, totalPages: 1, pageUrls: [searchUrl(values, 1)] }} />, 400);
    }
    const form = parsed.data;
    const result = await searchPage(db, form, ctx.settings, categories, ctx.now);
    const searched = result.query.clauses.length > 0;
    const totalPages = Math.max(1, Math.ceil(result.total / result.perPage));
    if (form.page > totalPages) throw new AppError('NOT_FOUND');
    const pagination = { page: form.page, totalPages, pageUrls: Array.from({ length: totalPages }, (_, i) => searchUrl(values, i + 1)) };
    return sendPage(reply, <SearchPage {...common} errors={[]} notices={result.notices} searched={searched} total={result.total} capped={result.capped} results={result.results} pagination={pagination} />);
  });
}
