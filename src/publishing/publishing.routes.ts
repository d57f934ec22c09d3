import type { FastifyInstance } from 'fastify';
import { loadSettings } from '../content/settings.js';
import { sendConditional } from './conditional.js';
import { registerFeedRoutes, type PublishingDeps } from './feeds.routes.js';
import { registerSitemapRoutes } from './sitemaps.routes.js';
import { wordmarkSvg } from './structured-data.js';

/** Feeds, sitemaps, robots.txt and the publisher logo: everything written for machines. */
export async function registerPublishingRoutes(app: FastifyInstance, deps: PublishingDeps): Promise<void> {
  registerFeedRoutes(app, deps);
  registerSitemapRoutes(app, deps);
  app.get('/publisher-logo.svg', async (request, reply) => {
    const settings = await loadSettings(deps.db);
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return sendConditional(request, reply, wordmarkSvg(settings.title), 'image/svg+xml', null);
  });
}
