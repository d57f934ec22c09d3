import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { baseUrlFor } from '../../site/render.js';
import { ApiError } from '../api-error.js';
import { asJsonApi, getBoth, type ErrorBody } from '../api-scope.js';
import { checkApiKey } from '../api-keys/api-keys.service.js';
import { browseArticlesAction, browseAuthorsAction, browseTagsAction, readArticleAction, settingsAction, type GhostContext } from './ghost.service.js';

const GHOST_TYPES: Record<number, string> = { 400: 'BadRequestError', 401: 'UnauthorizedError', 403: 'NoPermissionError', 404: 'NotFoundError', 405: 'MethodNotAllowedError', 413: 'RequestEntityTooLargeError', 414: 'BadRequestError', 415: 'UnsupportedMediaTypeError', 429: 'TooManyRequestsError', 500: 'InternalServerError' };

/** Ghost's error body: `{ errors: [{ message, type, … }] }`. */
export const ghostErrorBody: ErrorBody = (error) => ({
  errors: [{ message: error.message, context: null, type: error.apiCode ?? GHOST_TYPES[error.status] ?? 'InternalServerError', details: null, property: null, help: null, code: null, id: crypto.randomUUID(), ghostErrorCode: null }],
});

export interface GhostDeps {
  db: Kysely<Database>;
  clock: Clock;
  publicUrl: string | null;
}

/** Ghost's Content API (read-only, Ghost 5 shapes) under /ghost/api/content/. */
export async function registerGhostRoutes(app: FastifyInstance, deps: GhostDeps): Promise<void> {
  await app.register(
    async (scope) => {
      asJsonApi(scope, ghostErrorBody);

      scope.addHook('preHandler', async (request, reply) => {
        if (request.method === 'OPTIONS') return;
        reply.header('content-version', 'v5.0');
        const key = (request.query as Record<string, unknown> | undefined)?.key;
        if (typeof key !== 'string' || key === '') throw new ApiError('FORBIDDEN', 'Authorization failed: a Content API key is needed in the "key" query parameter.', 'NoPermissionError');
        if (!(await checkApiKey(deps.db, key, deps.clock))) throw new ApiError('UNAUTHORIZED', 'Unknown Content API Key', 'UnauthorizedError');
      });

      const ctx = (request: FastifyRequest): GhostContext => ({ db: deps.db, now: deps.clock.now(), baseUrl: baseUrlFor(request, deps.publicUrl) });
      const param = (request: FastifyRequest, name: string) => (request.params as Record<string, string>)[name]!;

      for (const [resource, type] of [['posts', 'post'], ['pages', 'page']] as const) {
        getBoth(scope, `/${resource}/`, async (request) => browseArticlesAction(ctx(request), type, request.query));
        getBoth(scope, `/${resource}/slug/:slug/`, async (request) => readArticleAction(ctx(request), type, { slug: param(request, 'slug') }, request.query));
        getBoth(scope, `/${resource}/:id/`, async (request) => readArticleAction(ctx(request), type, { ghostId: param(request, 'id') }, request.query));
      }
      getBoth(scope, '/tags/', async (request) => browseTagsAction(ctx(request), request.query));
      getBoth(scope, '/tags/slug/:slug/', async (request) => browseTagsAction(ctx(request), request.query, { slug: param(request, 'slug') }));
      getBoth(scope, '/tags/:id/', async (request) => browseTagsAction(ctx(request), request.query, { ghostId: param(request, 'id') }));
      getBoth(scope, '/authors/', async (request) => browseAuthorsAction(ctx(request), request.query));
      getBoth(scope, '/authors/slug/:slug/', async (request) => browseAuthorsAction(ctx(request), request.query, { slug: param(request, 'slug') }));
      getBoth(scope, '/authors/:id/', async (request) => browseAuthorsAction(ctx(request), request.query, { ghostId: param(request, 'id') }));
      getBoth(scope, '/settings/', async (request) => settingsAction(ctx(request)));
    },
    { prefix: '/ghost/api/content' },
  );
}
