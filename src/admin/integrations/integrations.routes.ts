import type { FastifyInstance } from 'fastify';
import type { AdminDeps } from '../admin.context.js';
import { registerApiKeyAdminRoutes } from './api-keys.routes.js';
import { registerWebhookAdminRoutes } from './webhooks.routes.js';

/** Content API keys and webhooks in the admin (admins only). */
export async function registerIntegrationRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  await registerApiKeyAdminRoutes(app, deps);
  await registerWebhookAdminRoutes(app, deps);
}
