import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { loadSettings } from '../content/settings.js';
import { baseUrlFor } from '../site/render.js';
import { sendConditional } from './conditional.js';
import type { PublishingDeps } from './feeds.routes.js';
import { childSitemap, newsSitemap, robotsTxt, sitemapIndex, SITEMAP_TYPES, type SitemapType } from './sitemaps.service.js';

const XML = 'application/xml; charset=utf-8';

export function registerSitemapRoutes(app: FastifyInstance, deps: PublishingDeps): void {
  const { db } = deps;

  app.get('/sitemap.xml', async (request, reply) => {
    const index = await sitemapIndex(db, baseUrlFor(request, deps.config.publicUrl), deps.clock.now());
    return sendConditional(request, reply, index.xml, XML, index.lastModified, ['lists', 'taxonomy']);
  });

  // /sitemap-posts-1.xml, /sitemap-tags-1.xml, …
  app.get<{ Params: { type: string; n: string } }>('/sitemap-:type-:n.xml', async (request, reply) => {
    const { type, n } = request.params;
    if (!(SITEMAP_TYPES as readonly string[]).includes(type) || !/^[1-9]\d{0,5}$/.test(n)) throw new AppError('NOT_FOUND');
    const sitemap = await childSitemap(db, baseUrlFor(request, deps.config.publicUrl), type as SitemapType, Number(n), deps.clock.now());
    if (!sitemap) throw new AppError('NOT_FOUND');
    return sendConditional(request, reply, sitemap.xml, XML, sitemap.lastModified, ['lists', 'taxonomy']);
  });

  app.get('/news-sitemap.xml', async (request, reply) => {
    const settings = await loadSettings(db);
    const news = await newsSitemap(db, baseUrlFor(request, deps.config.publicUrl), settings, deps.clock.now());
    return sendConditional(request, reply, news.xml, XML, news.lastModified);
  });

  app.get('/robots.txt', async (request, reply) => {
    const settings = await loadSettings(db);
    return sendConditional(request, reply, robotsTxt(baseUrlFor(request, deps.config.publicUrl), settings), 'text/plain; charset=utf-8', null, ['settings']);
  });
}
