import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Sends a generated document with an ETag (a hash of its bytes) and, when
 * known, Last-Modified; answers 304 when the client already holds it, so
 * feed readers polling every few minutes cost a hash and a few headers.
 */
export function sendConditional(request: FastifyRequest, reply: FastifyReply, body: string, type: string, lastModified: string | null): FastifyReply {
  const etag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag);
  reply.header('cache-control', 'public, max-age=300');
  reply.header('vary', 'accept-encoding');
  const modified = lastModified ? new Date(lastModified) : null;
  if (modified) reply.header('last-modified', modified.toUTCString());
  if (notModified(request, etag, modified)) return reply.code(304).send();
  return reply.code(200).type(type).send(body);
}

function notModified(request: FastifyRequest, etag: string, modified: Date | null): boolean {
  const inm = request.headers['if-none-match'];
  // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.2.2)
  if (typeof inm === 'string') {
    return inm.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t.replace(/^W\//, '') === etag;
    });
  }
  const ims = request.headers['if-modified-since'];
  if (typeof ims !== 'string' || !modified) return false;
  const since = Date.parse(ims);
  // HTTP dates have whole seconds
  return Number.isFinite(since) && Math.floor(modified.getTime() / 1000) <= Math.floor(since / 1000);
}
