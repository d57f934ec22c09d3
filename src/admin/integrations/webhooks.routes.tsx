import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError } from '../../errors.js';
import { deleteWebhook, listDeliveries, listWebhooks } from '../../api/webhooks/webhooks.repository.js';
import { createWebhook } from '../../api/webhooks/webhooks.service.js';
import { chromeFor, currentUser, fieldErrors, routeId, sendAdmin, str, strs, type AdminDeps } from '../admin.context.js';
import { authorize } from '../policies/integrations.policy.js';
import { presentDelivery, presentWebhook } from './integrations.presenter.js';
import { deliveriesQuerySchema, webhookFormSchema } from './integrations.schema.js';
import { DeliveriesPage } from './views/deliveries.js';
import { WebhooksPage, type WebhooksPageProps } from './views/webhooks.js';

/** Deliveries shown per page of the log. */
export const DELIVERIES_PER_PAGE = 25;

/** /admin/webhooks/: list, add (the signing secret shown once), remove, and each one's delivery log. */
export async function registerWebhookAdminRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { db, clock } = deps;

  async function page(request: FastifyRequest, reply: FastifyReply, props: Omit<WebhooksPageProps, 'chrome' | 'hooks'> = {}, status = 200) {
    const hooks = (await listWebhooks(db)).map(presentWebhook);
    return sendAdmin(reply, <WebhooksPage chrome={chromeFor(request, deps)} hooks={hooks} {...props} />, status);
  }

  async function findHook(id: number) {
    const hook = (await listWebhooks(db)).find((h) => h.id === id);
    if (!hook) throw new AppError('NOT_FOUND');
    return hook;
  }


  app.get('/admin/webhooks/', async (request, reply) => {
    authorize(currentUser(request), 'manage-webhooks');
    return page(request, reply);
  });

  app.post('/admin/webhooks/', async (request, reply) => {
    authorize(currentUser(request), 'manage-webhooks');
    const values = { url: str(request.body, 'url'), events: strs(request.body, 'events') };
    const parsed = webhookFormSchema.safeParse(values);
    if (!parsed.success) return page(request, reply, { errors: fieldErrors(parsed.error), values }, 400);
    try {
      const w = await createWebhook(db, { url: parsed.data.url, events: parsed.data.events.join(',') }, clock);
      return page(request, reply, { fresh: { id: w.id, url: parsed.data.url, secret: w.secret }, notice: `Webhook added: ${w.events.join(', ')}.` });
    } catch (err) {
      if (err instanceof ZodError) return page(request, reply, { errors: fieldErrors(err), values }, 400);
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/admin/webhooks/:id/remove', async (request, reply) => {
    authorize(currentUser(request), 'manage-webhooks');
    const hook = await findHook(routeId(request.params.id));
    if (!(await deleteWebhook(db, hook.id))) throw new AppError('NOT_FOUND');
    return page(request, reply, { notice: `Removed the webhook to ${hook.url} and its delivery log.` });
  });

  app.get<{ Params: { id: string } }>('/admin/webhooks/:id/deliveries', async (request, reply) => {
    authorize(currentUser(request), 'manage-webhooks');
    const query = deliveriesQuerySchema.parse(request.query ?? {});
    const hook = await findHook(routeId(request.params.id));
    const pageNo = query.page ?? 1;
    // one more than a page, to know whether an older page exists
    const rows = await listDeliveries(db, { webhookId: hook.id, limit: DELIVERIES_PER_PAGE + 1, offset: (pageNo - 1) * DELIVERIES_PER_PAGE });
    const deliveries = rows.slice(0, DELIVERIES_PER_PAGE).map(presentDelivery);
    return sendAdmin(reply, <DeliveriesPage chrome={chromeFor(request, deps)} hook={presentWebhook(hook)} deliveries={deliveries} page={pageNo} hasNext={rows.length > DELIVERIES_PER_PAGE} />);
  });
}
