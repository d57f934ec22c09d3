import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Sends a page rendered from JSX. Preact escapes every string it prints. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(`<!doctype html>\n${renderToString(page)}`);
}

const HOST_RE = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The site's origin for absolute links. MASTHEAD_PUBLIC_URL wins; otherwise
 * the request's own host, if it looks like one (a forged Host header cannot
 * inject markup into canonical links).
 */
export function baseUrlFor(request: FastifyRequest, publicUrl: string | null): string {
  if (publicUrl) return publicUrl;
  const host = request.host;
  const safeHost = host && HOST_RE.test(host) ? host : 'localhost';
  return `${request.protocol === 'https' ? 'https' : 'http'}://${safeHost}`;
}
