import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../errors.js';
import { sendJsonError } from './api-scope.js';
import { baseUrlFor } from '../site/render.js';
import { ghostErrorBody, registerGhostRoutes } from './ghost/ghost.routes.js';
import { registerWpRoutes, wpErrorBody } from './wp/wp.routes.js';
import { safeWebhookFetch } from './webhooks/webhooks.sender.js';
import { WebhookWorker } from './webhooks/webhooks.worker.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends webhook deliveries; tests drive it with tick() and settled(). */
    webhooks: WebhookWorker;
  }
}

/** The content APIs (Ghost, WordPress) and the webhook worker: one line in buildApp. */
export async function registerApi(app: FastifyInstance): Promise<void> {
  const { db, clock, config, events } = app.deps;
  // WordPress clients find the API from any page of the site (WPAPI.discover, as on WordPress)
  app.addHook('onSend', async (request, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html') && !reply.hasHeader('link')) {
      reply.header('link', `<${baseUrlFor(request, config.publicUrl)}/wp-json/>; rel="https://api.w.org/"`);
    }
    return payload;
  });
  await registerGhostRoutes(app, { db, clock, publicUrl: config.publicUrl });
  await registerWpRoutes(app, { db, clock, publicUrl: config.publicUrl });

  const worker = new WebhookWorker({
    db,
    clock,
    baseUrl: config.publicUrl ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`,
    fetch: safeWebhookFetch(config.fetchAllowPrivate),
    onError: (err) => app.log.error({ err }, 'webhook delivery failed'),
  });
  app.decorate('webhooks', worker);
  const unsubscribe = worker.listen(events);
  worker.start();
  app.addHook('onClose', async () => {
    unsubscribe();
    await worker.stop();
  });
}

/**
 * Errors Fastify raises before routing (an undecodable address) for an API
 * path: answered in that API's JSON shape rather than as an HTML page.
 * Returns false for other paths.
 */
export function sendApiFrameworkError(request: FastifyRequest, reply: FastifyReply, error: AppError): boolean {
  const url = request.raw.url ?? '';
  const body = url.startsWith('/ghost/api/') ? ghostErrorBody : url === '/wp-json' || url.startsWith('/wp-json/') || url.startsWith('/wp-json?') ? wpErrorBody : undefined;
  if (!body) return false;
  void sendJsonError(reply, request, error, body);
  return true;
}
