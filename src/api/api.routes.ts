import type { FastifyInstance } from 'fastify';
import { registerGhostRoutes } from './ghost/ghost.routes.js';
import { registerWpRoutes } from './wp/wp.routes.js';

/** The content APIs (Ghost, WordPress) and the webhook worker: one line in buildApp. */
export async function registerApi(app: FastifyInstance): Promise<void> {
  const { db, clock, config } = app.deps;
  await registerGhostRoutes(app, { db, clock, publicUrl: config.publicUrl });
  await registerWpRoutes(app, { db, clock, publicUrl: config.publicUrl });
}
