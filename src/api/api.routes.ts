import type { FastifyInstance } from 'fastify';
import { registerGhostRoutes } from './ghost/ghost.routes.js';
import { registerWpRoutes } from './wp/wp.routes.js';
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
  await registerGhostRoutes(app, { db, clock, publicUrl: config.publicUrl });
  await registerWpRoutes(app, { db, clock, publicUrl: config.publicUrl });

  const worker = new WebhookWorker({
    db,
    clock,
    baseUrl: config.publicUrl ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`,
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
