import type { FastifyReply, FastifyRequest } from 'fastify';
import { cacheable } from '../cache/http-cache.js';

/**
 * Sends a generated document through the page cache (src/cache), which adds
 * the strong ETag, Cache-Control and surrogate keys and answers
 * If-None-Match with 304; this adds Last-Modified and answers
 * If-Modified-Since, so feed readers polling every few minutes cost a few
 * headers. `tags` name what the document lists, for precise invalidation.
 */
export function sendConditional(request: FastifyRequest, reply: FastifyReply, body: string, type: string, lastModified: string | null, tags: string[] = ['lists']): FastifyReply {
  cacheable(reply, tags, lastModified);
  const modified = lastModified ? new Date(lastModified) : null;
  if (modified) reply.header('last-modified', modified.toUTCString());
  if (notModified(request, modified)) return reply.code(304).send();
  return reply.code(200).type(type).send(body);
}

function notModified(request: FastifyRequest, modified: Date | null): boolean {
  // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.2.2); the cache layer answers it
  if (typeof request.headers['if-none-match'] === 'string') return false;
  const ims = request.headers['if-modified-since'];
  if (typeof ims !== 'string' || !modified) return false;
  const since = Date.parse(ims);
  // HTTP dates have whole seconds
  return Number.isFinite(since) && Math.floor(modified.getTime() / 1000) <= Math.floor(since / 1000);
}
