import Fastify, { LogController, type FastifyInstance, type FastifyRequest, type FastifyReply, type FastifyServerOptions } from 'fastify';
import formbody from '@fastify/formbody';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import type { Engine } from './db/connect.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { AppError, toAppError } from './errors.js';
import { ChangeBus } from './events.js';
import { SiteState } from './content/site-state.js';
import { PageCache } from './cache/page-cache.js';
import { cacheKeyOf, registerHttpCache, serveFromCache, type CacheKeyOf } from './cache/http-cache.js';
import http from 'node:http';
import { startPurgeWebhook } from './cache/purge.js';
import { findRedirect, locationHeader } from './content/redirects.js';
import { settingsSchema } from './content/settings.js';
import { registerAssets } from './site/assets.js';
import { checkRequestTarget, MAX_URL_LENGTH } from './site/path-guard.js';
import { baseUrlFor, sendPage } from './site/render.js';
import { siteView } from './site/site.service.js';
import { registerSiteRoutes } from './site/site.routes.js';
import { registerCommentRoutes } from './comments/comments.routes.js';
import { registerPublishingRoutes } from './publishing/publishing.routes.js';
import { registerApi, sendApiFrameworkError } from './api/api.routes.js';
import { registerAdminRoutes } from './admin/admin.routes.js';
import { registerSearchRoutes } from './search/search.routes.js';
import { MessagePage } from './site/views/lists.js';

export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  engine: Engine;
  clock: Clock;
  /** Where writes announce what changed (cache invalidation, webhooks). One is made when not given. */
  events?: ChangeBus;
  /**
   * Keep settings, categories and pages in memory (the default). Tests that
   * write to the database behind the app's back turn it off.
   */
  caching?: boolean;
  /** Where uploaded media are kept (default ./data/media) and the largest upload in bytes. */
  media?: { dir?: string; uploadLimit?: number };
  /** Fastify logger options; false in tests. */
  logger?: FastifyServerOptions['logger'];
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps & { events: ChangeBus };
    pageCache: PageCache | null;
    /** How the page cache names a request's page. */
    cacheKey: CacheKeyOf;
  }
}

/** Staff sessions, and readers shown their own held comment, never share pages. */
export const isBypassed = (cookie: string | undefined) => cookie !== undefined && /(?:^|;\s*)masthead_(session|held)=/.test(cookie);

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'SAMEORIGIN',
  'content-security-policy': [
    "default-src 'self'",
    "img-src 'self' https: data:",
    "style-src 'self'",
    "script-src 'self'",
    'frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com',
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; '),
};

/**
 * Builds the application from its dependencies. No globals: tests build one
 * per database, and main.ts builds one for the process.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const caching = deps.caching ?? true;
  const pageCache = caching && deps.config.pageCacheMb > 0 ? new PageCache(deps.config.pageCacheMb * 1024 * 1024) : null;
  const cacheKey = cacheKeyOf(deps.config.publicUrl, deps.config.trustProxy);
  const app = Fastify({
    // cached pages are answered from the raw request, before Fastify builds a request at all
    serverFactory: (handler) => http.createServer((req, res) => {
      if (!pageCache || !serveFromCache(pageCache, cacheKey, req, res, isBypassed)) handler(req, res);
    }),
    logger: deps.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: MAX_URL_LENGTH },
    return503OnClosing: true,
    // one line per request costs more than serving a cached page; errors are still logged
    logController: new LogController({ disableRequestLogging: true }),
    frameworkErrors: (error, request, reply) => {
      const appError = error.code === 'FST_ERR_BAD_URL' ? new AppError('BAD_PATH') : toAppError(error);
      if (!sendApiFrameworkError(request, reply, appError)) void renderError(request, reply, appError);
    },
  });
  const events = deps.events ?? new ChangeBus();
  app.decorate('deps', { ...deps, events });

  await app.register(formbody, { bodyLimit: 256 * 1024 });


  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        if (!reply.hasHeader(name)) reply.header(name, value);
      }
    }
    return payload;
  });

  const { cssUrl } = registerAssets(app);

  // Page cache: settings and categories in memory, whole pages in the page
  // cache, both dropped by change events (relayed from other instances too).
  const state = new SiteState(deps.db, events, caching);
  app.decorate('pageCache', pageCache);
  app.decorate('cacheKey', cacheKey);
  events.on((event) => {
    if (event.tags.includes('*')) pageCache?.clear();
    // feeds and sitemaps list every category, tag and author by name: any rename reaches them
    else pageCache?.invalidate(event.kind === 'taxonomy.changed' ? [...event.tags, 'taxonomy'] : event.tags);
  });
  startPurgeWebhook({ bus: events, url: async () => (await state.settings()).cachePurgeUrl, log: app.log });
  registerHttpCache(app, {
    cache: pageCache,
    keyOf: cacheKey,
    bypass: (request) => isBypassed(request.headers.cookie),
    policy: async () => {
      const s = await state.settings();
      return { maxAge: s.httpMaxAge, sMaxAge: s.httpSharedMaxAge, staleWhileRevalidate: s.httpStaleWhileRevalidate };
    },
  });

  async function renderError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
    let settings = settingsSchema.parse({});
    try {
      // error pages are not cached, so they read the in-memory settings rather than the database
      settings = await state.settings();
    } catch {
      // the database is unreachable: the error page still renders, with defaults
    }
    const baseUrl = baseUrlFor(request, deps.config.publicUrl);
    const path = (request.raw.url ?? '/').split('?')[0]!.slice(0, 200);
    const site = siteView(settings, baseUrl, path, cssUrl);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, <MessagePage site={site} head={{ title: error.title, noindex: true }} title={error.title} message={error.message} status={error.status} />, error.status);
  }

  app.setErrorHandler(async (err, request, reply) => {
    const error = toAppError(err);
    if (error.status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: error.code, status: error.status }, error.message);
    // a route that found nothing (an old slug at /:slug/, a renamed tag) may have moved
    if (error.code === 'NOT_FOUND' && (request.method === 'GET' || request.method === 'HEAD')) {
      const raw = request.raw.url ?? '/';
      const redirect = await findRedirect(deps.db, safeDecode(raw.split('?')[0]!) + (raw.includes('?') ? raw.slice(raw.indexOf('?')) : '')).catch(() => undefined);
      if (redirect) return reply.redirect(locationHeader(redirect.to_path), redirect.status_code as 301);
    }
    return renderError(request, reply, error);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const raw = request.raw.url ?? '/';
    const q = raw.indexOf('?');
    const path = q === -1 ? raw : raw.slice(0, q);
    if (request.method === 'GET' || request.method === 'HEAD') {
      const redirect = await findRedirect(deps.db, safeDecode(path) + (q === -1 ? '' : raw.slice(q)));
      if (redirect) return reply.redirect(locationHeader(redirect.to_path), redirect.status_code as 301);
      // /some-story → /some-story/, as WordPress does; files (with a dot) are left alone
      const last = path.slice(path.lastIndexOf('/') + 1);
      if (!path.endsWith('/') && last !== '' && !last.includes('.')) return reply.redirect(`${path}/${q === -1 ? '' : raw.slice(q)}`, 301);
    }
    return renderError(request, reply, new AppError('NOT_FOUND'));
  });

  // after the page cache's lookup: a hit is a URL that passed this check when it was stored
  app.addHook('onRequest', async (request) => {
    checkRequestTarget(request);
  });

  // Feature routes. Each feature registers itself here with one line; the
  // site's catch-all /:slug/ route is matched after more specific ones by the
  // router, whatever the order.
  await registerSiteRoutes(app, { db: deps.db, clock: deps.clock, config: deps.config, cssUrl, state });
  await registerCommentRoutes(app, { db: deps.db, clock: deps.clock, config: deps.config, cssUrl, state });
  await registerPublishingRoutes(app, { db: deps.db, clock: deps.clock, config: deps.config });
  await registerApi(app);
  await registerAdminRoutes(app, { db: deps.db, clock: deps.clock, config: deps.config, events, siteCssUrl: cssUrl, mediaDir: deps.media?.dir, uploadLimit: deps.media?.uploadLimit });
  await registerSearchRoutes(app, { db: deps.db, clock: deps.clock, config: deps.config, cssUrl, events, state });
  return app;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
