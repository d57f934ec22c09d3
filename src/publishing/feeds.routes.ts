import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { loadSettings } from '../content/settings.js';
import { baseUrlFor } from '../site/render.js';
import { sendConditional } from './conditional.js';
import { FEED_TYPES, feedPaths, type FeedFormat } from './feed-model.js';
import { buildFeed, findScope, SITE_SCOPE, type FeedScope, type ScopeKind } from './feeds.service.js';
import { writeAtom } from './feed-atom.js';
import { writeJsonFeed } from './feed-json.js';
import { writeRss } from './feed-rss.js';

export interface PublishingDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
}

const WRITERS = { rss: writeRss, atom: writeAtom, json: writeJsonFeed } as const;
const SUFFIXES: [string, FeedFormat][] = [
  ['feed/', 'rss'],
  ['feed/atom/', 'atom'],
  ['feed.json', 'json'],
];

/** What a feed depends on: its scope's stories (or every story, for the site feed) and taxonomy names. */
function feedTags(scope: FeedScope): string[] {
  const f = scope.filter;
  const tags = ['taxonomy'];
  if (f.categoryIds) tags.push(...f.categoryIds.map((id) => `list:category:${id}`));
  if (f.tagId !== undefined) tags.push(`list:tag:${f.tagId}`);
  if (f.authorId !== undefined) tags.push(`list:author:${f.authorId}`);
  if (f.seriesId !== undefined) tags.push(`list:series:${f.seriesId}`);
  if (tags.length === 1) tags.push('lists');
  return tags;
}

/** Writes one feed of a scope in one format, with conditional GET. */
export async function sendFeed(deps: PublishingDeps, request: FastifyRequest, reply: FastifyReply, scope: FeedScope, format: FeedFormat): Promise<FastifyReply> {
  const settings = await loadSettings(deps.db);
  const baseUrl = baseUrlFor(request, deps.config.publicUrl);
  const feed = await buildFeed(deps.db, scope, settings, baseUrl, deps.clock.now());
  return sendConditional(request, reply, WRITERS[format](feed), `${FEED_TYPES[format]}; charset=utf-8`, feed.lastModified, feedTags(scope));
}

/**
 * Splits a category route's rest ("middle-east/iran/feed/atom/") into the
 * category's slugs and the feed format, or null when it names no feed. The
 * site's /category/* route asks this first, since a wildcard cannot be
 * narrowed by a more specific Fastify route.
 */
export function splitFeedSuffix(rest: string): { slugs: string[]; format: FeedFormat; suffix: string } | null {
  for (const [suffix, format] of SUFFIXES) {
    if (rest.endsWith(`/${suffix}`)) {
      const slugs = rest.slice(0, -suffix.length).split('/').filter(Boolean);
      if (slugs.length > 0) return { slugs, format, suffix };
    }
  }
  return null;
}

/** A category, tag, author or series feed; a category reached by a wrong path is redirected to its own. */
export async function sendScopedFeed(deps: PublishingDeps, request: FastifyRequest, reply: FastifyReply, kind: ScopeKind, slugs: string[], format: FeedFormat): Promise<FastifyReply> {
  const scope = await findScope(deps.db, kind, slugs);
  if (!scope) throw new AppError('NOT_FOUND');
  const wanted = feedPaths(scope.base)[format];
  const requested = feedPaths(`/${kind}/${slugs.map(encodeURIComponent).join('/')}/`)[format];
  if (requested !== wanted) return reply.redirect(wanted, 301);
  return sendFeed(deps, request, reply, scope, format);
}

export function registerFeedRoutes(app: FastifyInstance, deps: PublishingDeps): void {
  for (const [suffix, format] of SUFFIXES) {
    app.get(`/${suffix}`, (request, reply) => sendFeed(deps, request, reply, SITE_SCOPE, format));
    for (const kind of ['tag', 'author', 'series'] as const) {
      app.get<{ Params: { slug: string } }>(`/${kind}/:slug/${suffix}`, (request, reply) => sendScopedFeed(deps, request, reply, kind, [request.params.slug], format));
    }
  }
  // WordPress's other spellings of the main feed, so old subscriptions keep working
  for (const alias of ['/feed/rss2/', '/feed/rss/', '/feed/rdf/']) app.get(alias, (_request, reply) => reply.redirect('/feed/', 301));
}
