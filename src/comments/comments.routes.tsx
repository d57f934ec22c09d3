import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { loadSettings } from '../content/settings.js';
import { findPublishedBySlug } from '../content/articles.repository.js';
import { renderArticle, type SiteDeps } from '../site/site.routes.js';
import { articleUrl } from '../site/site.service.js';
import { baseUrlFor } from '../site/render.js';
import { useStrictFormParser } from './comments.body.js';
import { commentFeedXml } from './comments.feed.js';
import { listApprovedComments } from './comments.repository.js';
import { rawCommentForm } from './comments.schema.js';
import { postComment } from './comments.service.js';
import { HELD_COOKIE, HELD_TTL_SECONDS, heldCookieValue } from './comments.token.js';
import { startIpPurge } from './comments.purge.js';

/** Largest comment form we read: 10,000 characters of 4-byte text, %-encoded, plus the other fields, with room. */
const COMMENT_BODY_LIMIT = 256 * 1024;

/**
 * Reader comments: POST /:slug/ (the "Leave a Reply" form) and the comments
 * feed /:slug/feed/. Registered in its own plugin so that its strict form
 * parser applies to these routes only.
 */
export async function registerCommentRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  const events = app.deps.events;
  startIpPurge(app, deps.db, deps.clock);
  await app.register(async (scope) => {
    useStrictFormParser(scope, COMMENT_BODY_LIMIT);

    scope.post<{ Params: { slug: string } }>('/:slug/', async (request, reply) => {
      const body = request.body;
      if (!body || typeof body !== 'object') throw new AppError('BAD_REQUEST', 'Please send your comment with the form on the story page.');
      const now = deps.clock.now();
      const [settings, article] = await Promise.all([loadSettings(deps.db), findPublishedBySlug(deps.db, request.params.slug, now)]);
      if (!article) throw new AppError('NOT_FOUND');
      const fields = body as Record<string, string>;
      const raw = rawCommentForm.parse(fields);
      const outcome = await postComment(deps.db, events, article, settings, raw, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, now, fields });
      if (outcome.kind === 'rejected') {
        const parentId = /^[1-9]\d{0,9}$/.test(raw.parent_id) ? Number(raw.parent_id) : null;
        if (outcome.retryAfterSeconds) reply.header('retry-after', String(outcome.retryAfterSeconds));
        return renderArticle(deps, request, reply, article.slug, {
          values: { name: raw.name, email: raw.email, url: raw.url, comment: raw.comment, parentId },
          errors: outcome.errors,
          summary: outcome.summary,
          status: outcome.status,
        });
      }
      reply.header('cache-control', 'private, no-store');
      const url = articleUrl(article.slug);
      if (outcome.status === 'approved') return reply.redirect(`${url}#comment-${outcome.id}`, 303);
      // held (or quietly marked spam): its author alone sees it, through a signed cookie
      const cookie = await heldCookieValue(deps.db, outcome.id, now);
      reply.header('set-cookie', `${HELD_COOKIE}=${cookie}; Path=${url}; Max-Age=${HELD_TTL_SECONDS}; HttpOnly; SameSite=Lax${request.protocol === 'https' ? '; Secure' : ''}`);
      return reply.redirect(`${url}#comment-held`, 303);
    });

    scope.get<{ Params: { slug: string } }>('/:slug/feed/', async (request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) => {
      const now = deps.clock.now();
      const article = await findPublishedBySlug(deps.db, request.params.slug, now);
      if (!article || article.type !== 'post') throw new AppError('NOT_FOUND');
      const settings = await loadSettings(deps.db);
      const baseUrl = baseUrlFor(request, deps.config.publicUrl);
      const url = baseUrl + articleUrl(article.slug);
      const comments = await listApprovedComments(deps.db, article.id);
      const xml = commentFeedXml({ title: settings.title, baseUrl }, { title: article.title, url, publishedAt: article.published_at ?? article.updated_at }, comments, `${url}feed/`);
      return reply.type('application/rss+xml; charset=utf-8').header('x-content-type-options', 'nosniff').send(xml);
    });
  });
}
