import type { Kysely } from 'kysely';
import type { ArticleStatus, CategoryRow, Database } from '../db/schema.js';
import type { Settings } from '../content/settings.js';
import { descendantIds, findAuthorBySlug, findCategoryBySlug } from '../content/taxonomy.repository.js';
import { teaserViews } from '../site/site.service.js';
import type { TeaserView } from '../site/view-models.js';
import { highlightTerms, parseQuery, type ParsedQuery } from './query-parser.js';
import { SEARCH_WINDOW, searchArticles, type SearchFilters } from './search.repository.js';
import { makeSnippet, type SnippetPart } from './snippet.js';
import { plainText } from './plain-text.js';
import type { SearchForm } from './search.schema.js';

export interface SearchResultView extends TeaserView {
  snippet: SnippetPart[];
}

async function snippets(db: Kysely<Database>, ids: number[], query: ParsedQuery): Promise<Map<number, SnippetPart[]>> {
  const map = new Map<number, SnippetPart[]>();
  if (ids.length === 0) return map;
  const terms = highlightTerms(query);
  const rows = await db.selectFrom('articles').select(['id', 'dek', 'body_html']).where('id', 'in', ids).execute();
  for (const r of rows) map.set(r.id, makeSnippet([r.dek, plainText(r.body_html)].filter(Boolean).join(' — '), terms));
  return map;
}

/** Day bounds as ISO times: `from` at its start, `to` through its end (UTC). */
function dayRange(form: Pick<SearchForm, 'from' | 'to'>): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  if (form.from) out.from = `${form.from}T00:00:00.000Z`;
  if (form.to) out.to = new Date(Date.parse(`${form.to}T00:00:00.000Z`) + 86_400_000).toISOString();
  return out;
}

/** What the public search page shows for a submitted form. */
export async function searchPage(db: Kysely<Database>, form: SearchForm, settings: Settings, categories: CategoryRow[], now: Date) {
  const query = parseQuery(form.q);
  const notices = [...query.notices];
  const filters: SearchFilters = { scope: 'published', ...dayRange(form) };
  if (form.from && form.to && form.from > form.to) notices.push('The “from” date is after the “to” date, so nothing can match.');
  if (form.category) {
    const category = await findCategoryBySlug(db, form.category);
    if (category) filters.categoryIds = descendantIds(categories, category.id);
    else notices.push('That section does not exist, so the search covers every section.');
  }
  if (form.author) {
    const author = await findAuthorBySlug(db, form.author);
    if (author) filters.authorId = author.id;
    else notices.push('That author does not exist, so the search covers every author.');
  }
  const perPage = settings.postsPerPage;
  const result = await searchArticles(db, query.clauses, filters, { limit: perPage, offset: (form.page - 1) * perPage }, now);
  const [teasers, marks] = await Promise.all([teaserViews(db, result.items, settings, categories), snippets(db, result.items.map((r) => r.id), query)]);
  const results: SearchResultView[] = teasers.map((t) => ({ ...t, snippet: marks.get(t.id) ?? [] }));
  if (result.capped) notices.push(`More than ${SEARCH_WINDOW.toLocaleString('en')} stories match, so these are the best of the newest ${SEARCH_WINDOW.toLocaleString('en')}. Add words or filters to narrow it down.`);
  return { query, notices, results, total: result.total, capped: result.capped, perPage };
}

export interface AdminSearchHit {
  id: number;
  slug: string;
  title: string;
  status: ArticleStatus;
  publishedAt: string | null;
  snippet: SnippetPart[];
}

/**
 * The admin article list's text filter: the same ranked full-text search,
 * over every status (or the ones given), with snippets. Returns the notices
 * to show when the text could not be used as typed.
 */
export async function searchForAdmin(
  db: Kysely<Database>,
  text: string,
  options: { statuses?: ArticleStatus[]; categoryIds?: number[]; authorId?: number; limit: number; offset: number },
  now: Date,
): Promise<{ items: AdminSearchHit[]; total: number; notices: string[] }> {
  const query = parseQuery(text);
  const { statuses, categoryIds, authorId, limit, offset } = options;
  const result = await searchArticles(db, query.clauses, { scope: 'all', statuses, categoryIds, authorId }, { limit, offset }, now);
  const marks = await snippets(db, result.items.map((r) => r.id), query);
  return {
    items: result.items.map((r) => ({ id: r.id, slug: r.slug, title: r.title, status: r.status, publishedAt: r.published_at, snippet: marks.get(r.id) ?? [] })),
    total: result.total,
    notices: query.notices,
  };
}
