import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Settings } from '../content/settings.js';
import type { SiteState } from '../content/site-state.js';
import { cacheable } from '../cache/http-cache.js';
import { categoryPath, categoryUrl, descendantIds, findAuthorBySlug, findCategoryBySlug, findSeriesBySlug, findTagBySlug } from '../content/taxonomy.repository.js';
import { findLeadStory, findPublishedBySlug, listPublished, type ListFilter } from '../content/articles.repository.js';
import { findRedirect, locationHeader } from '../content/redirects.js';
import { formatDateTime } from './dates.js';
import { baseUrlFor, sendPage } from './render.js';
import { articleView, authorUrl, breadcrumbJsonLd, paginationView, seriesUrl, siteView, tagUrl, teaserViews } from './site.service.js';
import type { LinkView, SiteView } from './view-models.js';
import { ArticlePage } from './views/article.js';
import { HomePage, ListPage, type HomeSection } from './views/lists.js';
import type { HeadView } from './views/layout.js';
import type { CommentFormProps, CommentFormValues } from '../comments/views/comment-form.js';
import { commentPageExtras } from '../comments/comments.page.js';
import { sendScopedFeed, splitFeedSuffix } from '../publishing/feeds.routes.js';
import { feedLinks } from '../publishing/feed-links.js';
import { articleJsonLd, articleOpenGraph } from '../publishing/structured-data.js';

export interface SiteDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  cssUrl: string;
  state: SiteState;
}

export interface PageContext {
  settings: Settings;
  site: SiteView;
  baseUrl: string;
  now: Date;
}

/** Settings and site chrome for one request. */
export async function pageContext(deps: SiteDeps, request: FastifyRequest): Promise<PageContext> {
  const settings = await deps.state.settings();
  const baseUrl = baseUrlFor(request, deps.config.publicUrl);
  const path = (request.raw.url ?? '/').split('?')[0]!;
  return { settings, site: siteView(settings, baseUrl, path, deps.cssUrl), baseUrl, now: deps.clock.now() };
}

/** Parses the N of /page/N/; page 1 has no /page/ suffix. */
function pageNumber(raw: string | undefined): number {
  if (raw === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new AppError('NOT_FOUND');
  return Number(raw);
}

function websiteJsonLd(ctx: PageContext) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: ctx.settings.title,
    description: ctx.settings.description,
    url: `${ctx.baseUrl}/`,
    potentialAction: { '@type': 'SearchAction', target: `${ctx.baseUrl}/search/?q={search_term_string}`, 'query-input': 'required name=search_term_string' },
  };
}

export async function registerSiteRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  const { db } = deps;

  async function home(request: FastifyRequest, reply: FastifyReply, page: number) {
    const ctx = await pageContext(deps, request);
    const categories = await deps.state.categories();
    const perPage = ctx.settings.postsPerPage;
    if (page > 1) {
      const list = await listPublished(db, {}, { limit: perPage, offset: (page - 1) * perPage }, ctx.now);
      const pagination = paginationView('/', page, list.total, perPage);
      if (page > pagination.totalPages) throw new AppError('NOT_FOUND');
      const teasers = await teaserViews(db, list.items, ctx.settings, categories);
      cacheable(reply, ['lists', ...teasers.flatMap((t) => t.deps)]);
      const head: HeadView = { title: `Latest stories – Page ${page}`, canonical: `${ctx.baseUrl}/page/${page}/`, description: ctx.settings.description };
      return sendPage(reply, <ListPage site={ctx.site} head={head} breadcrumb={[{ name: 'Home', url: '/' }]} title="Latest stories" teasers={teasers} pagination={pagination} />);
    }
    const lead = await findLeadStory(db, ctx.now);
    // one more than shown tells whether there is a page 2, without counting the archive
    const latestRows = await listPublished(db, { excludeIds: lead ? [lead.id] : [] }, { limit: 7, offset: 0, withTotal: false }, ctx.now);
    const hasMore = latestRows.items.length > 6;
    latestRows.items = latestRows.items.slice(0, 6);
    const shown = new Set([lead?.id, ...latestRows.items.map((r) => r.id)]);
    const sectionRows = await Promise.all(
      categories
        .filter((c) => c.parent_id == null)
        .map(async (c) => ({ category: c, rows: (await listPublished(db, { categoryIds: descendantIds(categories, c.id), excludeIds: [...shown].filter((id): id is number => id !== undefined) }, { limit: 4, offset: 0, withTotal: false }, ctx.now)).items })),
    );
    const [leadViews, latest, ...sectionTeasers] = await Promise.all([
      teaserViews(db, lead ? [lead] : [], ctx.settings, categories),
      teaserViews(db, latestRows.items, ctx.settings, categories),
      ...sectionRows.map((s) => teaserViews(db, s.rows, ctx.settings, categories)),
    ]);
    const sections: HomeSection[] = sectionRows
      .map((s, i) => ({ title: s.category.name, url: categoryUrl(categories, s.category.id), teasers: sectionTeasers[i]! }))
      .filter((s) => s.teasers.length > 0);
    const head: HeadView = { title: ctx.settings.title, description: ctx.settings.description, canonical: `${ctx.baseUrl}/`, jsonLd: [websiteJsonLd(ctx)] };
    const moreUrl = hasMore ? '/page/2/' : null;
    cacheable(reply, ['lists', ...[...leadViews, ...latest!, ...sectionTeasers.flat()].flatMap((t) => t.deps), ...categories.map((c) => `category:${c.id}`)]);
    return sendPage(reply, <HomePage site={ctx.site} head={head} lead={leadViews[0] ?? null} latest={latest!} sections={sections} moreUrl={moreUrl} />);
  }

  app.get('/', async (request, reply) => {
    // WordPress's plain links (/?p=123, /?page_id=7, /?cat=3) arrive here; imports record where they went
    const raw = request.raw.url ?? '/';
    if (raw.includes('?')) {
      const redirect = await findRedirect(db, raw);
      if (redirect && redirect.from_path.includes('?')) return reply.redirect(locationHeader(redirect.to_path), redirect.status_code as 301);
    }
    return home(request, reply, 1);
  });
  app.get<{ Params: { n: string } }>('/page/:n/', async (request, reply) => {
    const n = pageNumber(request.params.n);
    if (n === 1) return reply.redirect('/', 301);
    return home(request, reply, n);
  });

  interface ListSpec {
    base: string;
    title: string;
    eyebrow: string;
    filter: ListFilter;
    /** Cache tags of the list itself (its category, tag, author or series). */
    deps: string[];
    breadcrumb: LinkView[];
    description: string | null;
    intro?: preact.ComponentChildren;
    children?: preact.ComponentChildren;
    empty?: string;
  }

  async function list(request: FastifyRequest, reply: FastifyReply, ctx: PageContext, spec: ListSpec, rawPage: string | undefined) {
    const page = pageNumber(rawPage);
    if (rawPage === '1') return reply.redirect(spec.base, 301);
    const perPage = ctx.settings.postsPerPage;
    const categories = await deps.state.categories();
    const result = await listPublished(db, spec.filter, { limit: perPage, offset: (page - 1) * perPage }, ctx.now);
    const pagination = paginationView(spec.base, page, result.total, perPage);
    if (page > pagination.totalPages) throw new AppError('NOT_FOUND');
    const teasers = await teaserViews(db, result.items, ctx.settings, categories);
    // a scoped list depends on its scope (a story joining or leaving it carries that tag) and on what it shows
    cacheable(reply, [...spec.deps, ...teasers.flatMap((t) => t.deps)]);
    const url = pagination.pageUrls[page - 1]!;
    const head: HeadView = {
      title: page > 1 ? `${spec.title} – Page ${page}` : spec.title,
      description: spec.description ?? ctx.settings.description,
      canonical: ctx.baseUrl + url,
      jsonLd: [breadcrumbJsonLd(ctx.baseUrl, spec.breadcrumb, { name: spec.title, url: spec.base })],
      feeds: feedLinks(spec.base, `${spec.title} – ${ctx.settings.title}`),
    };
    return sendPage(
      reply,
      <ListPage site={ctx.site} head={head} breadcrumb={spec.breadcrumb} title={spec.title} eyebrow={spec.eyebrow} intro={spec.intro} teasers={teasers} pagination={pagination} empty={spec.empty}>
        {spec.children}
      </ListPage>,
    );
  }

  // /category/parent/child/ and /category/parent/child/page/2/
  app.get<{ Params: { '*': string } }>('/category/*', async (request, reply) => {
    const rest = request.params['*'];
    const feed = splitFeedSuffix(rest);
    if (feed) return sendScopedFeed(deps, request, reply, 'category', feed.slugs, feed.format);
    if (!rest.endsWith('/')) return reply.redirect(`/category/${encodePath(rest)}/`, 301);
    const segments = rest.split('/').filter(Boolean);
    let rawPage: string | undefined;
    if (segments.length >= 3 && segments[segments.length - 2] === 'page') {
      rawPage = segments.pop();
      segments.pop();
    }
    const slug = segments[segments.length - 1];
    if (!slug) throw new AppError('NOT_FOUND');
    const category = await findCategoryBySlug(db, slug);
    if (!category) throw new AppError('NOT_FOUND');
    const categories = await deps.state.categories();
    const base = categoryUrl(categories, category.id);
    const requested = `/category/${segments.map(encodeURIComponent).join('/')}/`;
    if (requested !== base) return reply.redirect(rawPage ? `${base}page/${rawPage}/` : base, 301);
    const ctx = await pageContext(deps, request);
    const trail = categoryPath(categories, category.id);
    const children = categories.filter((c) => c.parent_id === category.id);
    return list(request, reply, ctx, {
      base,
      title: category.name,
      eyebrow: 'Category',
      filter: { categoryIds: descendantIds(categories, category.id) },
      deps: [...descendantIds(categories, category.id).map((id) => `list:category:${id}`), ...trail.map((c) => `category:${c.id}`), ...children.map((c) => `category:${c.id}`)],
      breadcrumb: [{ name: 'Home', url: '/' }, ...trail.slice(0, -1).map((c) => ({ name: c.name, url: categoryUrl(categories, c.id) }))],
      description: category.description,
      intro: category.description ? <p class="list-header__intro">{category.description}</p> : null,
      children: children.length ? (
        <nav class="subcategories" aria-label={`Sections of ${category.name}`}>
          <ul>
            {children.map((c) => (
              <li key={c.id}>
                <a href={categoryUrl(categories, c.id)}>{c.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null,
    }, rawPage);
  });

  for (const suffix of ['', 'page/:n/']) {
    app.get<{ Params: { slug: string; n?: string } }>(`/tag/:slug/${suffix}`, async (request, reply) => {
      const tag = await findTagBySlug(db, request.params.slug);
      if (!tag) throw new AppError('NOT_FOUND');
      const ctx = await pageContext(deps, request);
      return list(request, reply, ctx, {
        base: tagUrl(tag.slug),
        title: tag.name,
        eyebrow: 'Tag',
        filter: { tagId: tag.id },
        deps: [`list:tag:${tag.id}`, `tag:${tag.id}`],
        breadcrumb: [{ name: 'Home', url: '/' }],
        description: tag.description,
        intro: tag.description ? <p class="list-header__intro">{tag.description}</p> : null,
      }, request.params.n);
    });

    app.get<{ Params: { slug: string; n?: string } }>(`/author/:slug/${suffix}`, async (request, reply) => {
      const author = await findAuthorBySlug(db, request.params.slug);
      if (!author) throw new AppError('NOT_FOUND');
      const ctx = await pageContext(deps, request);
      const name = author.credentials ? `${author.name}, ${author.credentials}` : author.name;
      return list(request, reply, ctx, {
        base: authorUrl(author.slug),
        title: name,
        eyebrow: 'Author',
        filter: { authorId: author.id },
        deps: [`list:author:${author.id}`, `author:${author.id}`],
        breadcrumb: [{ name: 'Home', url: '/' }],
        description: author.bio,
        intro: author.bio ? <p class="list-header__intro author-bio">{author.bio}</p> : null,
        empty: `${author.name} has not published any stories yet.`,
      }, request.params.n);
    });

    app.get<{ Params: { slug: string; n?: string } }>(`/series/:slug/${suffix}`, async (request, reply) => {
      const series = await findSeriesBySlug(db, request.params.slug);
      if (!series) throw new AppError('NOT_FOUND');
      const ctx = await pageContext(deps, request);
      return list(request, reply, ctx, {
        base: seriesUrl(series.slug),
        title: series.title,
        eyebrow: 'Series',
        filter: { seriesId: series.id },
        deps: [`list:series:${series.id}`, `series:${series.id}`],
        breadcrumb: [{ name: 'Home', url: '/' }],
        description: series.description,
        intro: series.description ? <p class="list-header__intro">{series.description}</p> : null,
      }, request.params.n);
    });
  }

  app.get<{ Params: { slug: string } }>('/:slug/', async (request, reply) => renderArticle(deps, request, reply, request.params.slug));
}

/** A comment form that came back with problems: what the reader typed, and what to fix. */
export interface PostedForm {
  values: Partial<CommentFormValues>;
  errors: CommentFormProps['errors'];
  summary: string[];
  status: number;
}

/**
 * The article page, for GET /:slug/ and for a comment form sent back with
 * errors (`posted`). Pages meant for one reader (their form, their held
 * comment) are marked private and never stored by a cache.
 */
export async function renderArticle(deps: SiteDeps, request: FastifyRequest, reply: FastifyReply, slug: string, posted?: PostedForm) {
  const { db } = deps;
  const ctx = await pageContext(deps, request);
  const row = await findPublishedBySlug(db, slug, ctx.now);
  if (!row) throw new AppError('NOT_FOUND');
  const categories = await deps.state.categories();
  const article = await articleView(db, row, ctx.settings, categories, ctx.baseUrl, ctx.now);
  const replyTo = posted?.values.parentId ?? (typeof (request.query as Record<string, unknown>).replytocom === 'string' ? Number((request.query as Record<string, string>).replytocom) : NaN);
  const replyingTo = typeof replyTo === 'number' && Number.isInteger(replyTo) ? findComment(article.comments, replyTo) : undefined;
  const head: HeadView = {
    title: article.title,
    description: article.dek ?? article.summary,
    canonical: article.canonicalUrl,
    ogType: article.type === 'post' ? 'article' : 'website',
    image: article.image ? absolute(ctx.baseUrl, article.image.url) : null,
    imageAlt: article.image?.alt || null,
    article: articleOpenGraph(article),
    jsonLd: [articleJsonLd(article, ctx.settings, ctx.baseUrl), breadcrumbJsonLd(ctx.baseUrl, article.breadcrumb, { name: article.title, url: article.url })],
    ...(replyingTo || posted ? { noindex: true } : {}),
  };
  const timeLabel = (iso: string) => formatDateTime(iso, ctx.settings.timezone, ctx.settings.language);
  const extras = article.type === 'post' ? await commentPageExtras(db, request, ctx.settings, article.id, ctx.now, timeLabel) : undefined;
  if (posted || extras?.personal) reply.header('cache-control', 'private, no-store');
  // a reply form names the comment replied to, and a returned form is one reader's: neither is shared
  else if (!replyingTo) cacheable(reply, article.deps, article.updatedAt ?? article.publishedAt);
  return sendPage(
    reply,
    <ArticlePage
      site={ctx.site}
      head={head}
      article={article}
      timeLabel={timeLabel}
      notice={extras?.notice}
      form={{
        action: `${article.url}#respond`,
        values: { ...posted?.values, parentId: replyingTo ? replyingTo.id : null },
        errors: posted?.errors,
        summary: posted?.summary,
        hidden: extras?.hidden,
        honeypot: extras?.honeypot,
        limits: extras?.limits,
        replyingTo: replyingTo?.author_name ?? null,
        cancelReplyUrl: `${article.url}#respond`,
      }}
    />,
    posted?.status ?? 200,
  );
}

function findComment(nodes: import('../comments/comments.repository.js').CommentNode[], id: number): import('../comments/comments.repository.js').CommentNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = findComment(n.children, id);
    if (inner) return inner;
  }
  return undefined;
}

function absolute(baseUrl: string, url: string): string {
  return url.startsWith('/') ? baseUrl + url : url;
}

function encodePath(path: string): string {
  return path.split('/').map((s) => encodeURIComponent(s)).join('/');
}
