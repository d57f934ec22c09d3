import { cacheable } from '../cache/http-cache.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, toAppError } from '../errors.js';
import { FilterSyntaxError } from './ghost/nql.js';

/** How one API writes an error: its own JSON shape for a status and message. */
export type ErrorBody = (error: AppError & { apiCode?: string }, request: FastifyRequest) => unknown;

/**
 * Makes an encapsulated scope answer like a public read API: JSON errors in
 * the API's own shape (the site's handler renders HTML pages), open CORS for
 * reads, and GET/HEAD/OPTIONS only.
 */
export function asJsonApi(scope: FastifyInstance, errorBody: ErrorBody, exposeHeaders: string[] = []): void {
  const send = (reply: FastifyReply, request: FastifyRequest, error: AppError) => sendJsonError(reply, request, error, errorBody);

  scope.setErrorHandler(async (err, request, reply) => {
    const error = err instanceof FilterSyntaxError ? new AppError('BAD_REQUEST', err.message) : toAppError(err);
    if (error.status >= 500) request.log.error({ err }, 'API request failed');
    return send(reply, request, error);
  });
  scope.setNotFoundHandler(async (request, reply) => send(reply, request, new AppError('NOT_FOUND', 'Resource not found.')));

  // API reads go through the page cache; a key's answers go when any key is revoked
  scope.addHook('preHandler', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') cacheable(reply, ['lists', 'taxonomy', 'apikeys']);
  });
  scope.addHook('onSend', async (_request, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    if (exposeHeaders.length) reply.header('access-control-expose-headers', exposeHeaders.join(', '));
    return payload;
  });
  scope.options('/*', async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-headers', 'Accept-Version, Content-Type, Authorization, X-WP-Nonce')
      .header('access-control-max-age', '86400')
      .send(),
  );
}

/** Sends an error as an API's JSON body, with CORS so browser clients can read it. */
export function sendJsonError(reply: FastifyReply, request: FastifyRequest, error: AppError, errorBody: ErrorBody): FastifyReply {
  return reply.code(error.status).header('cache-control', 'no-store').header('access-control-allow-origin', '*').type('application/json; charset=utf-8').send(errorBody(error, request));
}

/** Registers a GET route both with and without its trailing slash (clients differ). */
export function getBoth(scope: FastifyInstance, path: string, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>): void {
  const bare = path.replace(/\/+$/, '');
  scope.get(`${bare}/`, handler);
  if (bare !== '') scope.get(bare, handler);
}
