import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { loadSettings } from '../../content/settings.js';
import { allCategories } from '../../content/taxonomy.repository.js';
import { baseUrlFor } from '../../site/render.js';
import { ApiError } from '../api-error.js';
import { asJsonApi, getBoth, type ErrorBody } from '../api-scope.js';
import { siteUrls } from '../api-urls.js';
import { checkApiKey } from '../api-keys/api-keys.service.js';
import { listArticlesAction, listCommentsAction, listMediaAction, listTermsAction, listUsersAction, readArticleAction, type WpList, type WpRequest } from './wp.service.js';
import { discovery, namespaceIndex } from './wp-discovery.js';

const WP_CODES: Record<number, string> = { 400: 'rest_invalid_param', 401: 'rest_not_logged_in', 403: 'rest_forbidden', 404: 'rest_no_route', 405: 'rest_no_route', 429: 'rest_too_many_requests', 500: 'rest_internal_error' };

/** WordPress's error body: `{ code, message, data: { status } }`. */
export const wpErrorBody: ErrorBody = (error) => ({ code: error.apiCode ?? WP_CODES[error.status] ?? 'rest_error', message: error.message, data: { status: error.status } });

export interface WpDeps {
  db: Kysely<Database>;
  clock: Clock;
  publicUrl: string | null;
}

/** The key a client sent, if any: `?key=` or `Authorization: Bearer …`. */
function sentKey(request: FastifyRequest): string | undefined {
  const q = (request.query as Record<string, unknown> | undefined)?.key;
  if (typeof q === 'string') return q;
  const auth = request.headers.authorization;
  if (auth) return /^Bearer\s+(\S+)$/i.exec(auth)?.[1] ?? '';
  return undefined;
}

/**
 * The read part of the WordPress REST API under /wp-json/. Reads are public,
 * as on WordPress; a client that sends a key (Bearer or ?key=) must send a
 * live content API key, or is refused with 401.
 */
export async function registerWpRoutes(app: FastifyInstance, deps: WpDeps): Promise<void> {
  await app.register(
    async (scope) => {
      asJsonApi(scope, wpErrorBody, ['X-WP-Total', 'X-WP-TotalPages', 'Link']);

      scope.addHook('preHandler', async (request) => {
        if (request.method === 'OPTIONS') return;
        const key = sentKey(request);
        if (key !== undefined && !(await checkApiKey(deps.db, key, deps.clock))) throw new ApiError('UNAUTHORIZED', 'The API key is not valid.', 'rest_not_logged_in');
      });

      const context = async (request: FastifyRequest): Promise<WpRequest> => {
        const baseUrl = baseUrlFor(request, deps.publicUrl);
        const [settings, categories] = await Promise.all([loadSettings(deps.db), allCategories(deps.db)]);
        const urls = siteUrls(baseUrl, categories);
        return { db: deps.db, now: deps.clock.now(), ctx: { urls, settings, api: `${urls.home}wp-json` } };
      };
      const id = (request: FastifyRequest) => {
        const raw = (request.params as { id: string }).id;
        if (!/^\d{1,10}$/.test(raw)) throw new ApiError('NOT_FOUND', 'No route was found matching the URL and request method.', 'rest_no_route');
        return Number(raw);
      };
      const sendList = (request: FastifyRequest, reply: FastifyReply, list: WpList) => {
        reply.header('x-wp-total', String(list.total)).header('x-wp-totalpages', String(list.pages));
        const url = new URL(request.url, 'http://x');
        const links: string[] = [];
        const pageLink = (n: number) => {
          url.searchParams.set('page', String(n));
          return `${baseUrlFor(request, deps.publicUrl)}${url.pathname}${url.search}`;
        };
        if (list.page > 1) links.push(`<${pageLink(list.page - 1)}>; rel="prev"`);
        if (list.page < list.pages) links.push(`<${pageLink(list.page + 1)}>; rel="next"`);
        if (links.length) reply.header('link', links.join(', '));
        return list.items;
      };

      getBoth(scope, '/', async (request) => discovery(await context(request)));
      getBoth(scope, '/wp/v2/', async (request) => namespaceIndex(await context(request)));
      for (const [resource, type] of [['posts', 'post'], ['pages', 'page']] as const) {
        getBoth(scope, `/wp/v2/${resource}/`, async (request, reply) => sendList(request, reply, await listArticlesAction(await context(request), type, request.query)));
        getBoth(scope, `/wp/v2/${resource}/:id/`, async (request) => readArticleAction(await context(request), type, id(request), request.query));
      }
      for (const taxonomy of ['categories', 'tags'] as const) {
        getBoth(scope, `/wp/v2/${taxonomy}/`, async (request, reply) => sendList(request, reply, (await listTermsAction(await context(request), taxonomy, request.query)) as WpList));
        getBoth(scope, `/wp/v2/${taxonomy}/:id/`, async (request) => listTermsAction(await context(request), taxonomy, request.query, id(request)));
      }
      getBoth(scope, '/wp/v2/users/', async (request, reply) => sendList(request, reply, (await listUsersAction(await context(request), request.query)) as WpList));
      getBoth(scope, '/wp/v2/users/:id/', async (request) => listUsersAction(await context(request), request.query, id(request)));
      getBoth(scope, '/wp/v2/comments/', async (request, reply) => sendList(request, reply, (await listCommentsAction(await context(request), request.query)) as WpList));
      getBoth(scope, '/wp/v2/comments/:id/', async (request) => listCommentsAction(await context(request), request.query, id(request)));
      getBoth(scope, '/wp/v2/media/', async (request, reply) => sendList(request, reply, (await listMediaAction(await context(request), request.query)) as WpList));
      getBoth(scope, '/wp/v2/media/:id/', async (request) => listMediaAction(await context(request), request.query, id(request)));
    },
    { prefix: '/wp-json' },
  );
}
