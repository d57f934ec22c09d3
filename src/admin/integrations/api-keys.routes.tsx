import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError } from '../../errors.js';
import { listApiKeys, revokeApiKey } from '../../api/api-keys/api-keys.repository.js';
import { createApiKey } from '../../api/api-keys/api-keys.service.js';
import { announce, chromeFor, currentUser, fieldErrors, routeId, sendAdmin, str, type AdminDeps } from '../admin.context.js';
import { authorize } from '../policies/integrations.policy.js';
import { presentKey } from './integrations.presenter.js';
import { keyFormSchema } from './integrations.schema.js';
import { ApiKeysPage, type ApiKeysPageProps } from './views/api-keys.js';

/** /admin/api-keys/: list, make (the key shown on that one response) and revoke content API keys. */
export async function registerApiKeyAdminRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { db, clock } = deps;

  async function page(request: FastifyRequest, reply: FastifyReply, props: Omit<ApiKeysPageProps, 'chrome' | 'keys'> = {}, status = 200) {
    const keys = (await listApiKeys(db)).map(presentKey);
    return sendAdmin(reply, <ApiKeysPage chrome={chromeFor(request, deps)} keys={keys} {...props} />, status);
  }


  app.get('/admin/api-keys/', async (request, reply) => {
    authorize(currentUser(request), 'manage-api-keys');
    return page(request, reply);
  });

  app.post('/admin/api-keys/', async (request, reply) => {
    authorize(currentUser(request), 'manage-api-keys');
    const values = { label: str(request.body, 'label') };
    const parsed = keyFormSchema.safeParse(values);
    if (!parsed.success) return page(request, reply, { errors: fieldErrors(parsed.error), values }, 400);
    try {
      const { id, key } = await createApiKey(db, parsed.data.label, clock);
      // the key goes into this response only: not into a redirect, a log or the list
      return page(request, reply, { fresh: { id, label: parsed.data.label, key } });
    } catch (err) {
      if (err instanceof ZodError) return page(request, reply, { errors: fieldErrors(err), values }, 400);
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/admin/api-keys/:id/revoke', async (request, reply) => {
    authorize(currentUser(request), 'manage-api-keys');
    const id = routeId(request.params.id);
    const key = (await listApiKeys(db)).find((k) => k.id === id);
    if (!key) throw new AppError('NOT_FOUND');
    if (!(await revokeApiKey(db, id, clock.now().toISOString()))) return page(request, reply, { notice: `“${key.label}” was already revoked.` });
    // cached API answers were served to whoever held a key: drop them all
    announce(deps, request, { kind: 'settings.changed', tags: ['apikeys'] });
    return page(request, reply, { notice: `Revoked “${key.label}”: clients using it now get 401.` });
  });
}
