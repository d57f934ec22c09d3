import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

function load(file: string, type: string): Asset {
  const body = fs.readFileSync(file);
  return { body, type, etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/**
 * Serves the theme's stylesheet and the demo illustrations from memory. The
 * stylesheet's URL carries a hash of its bytes, so browsers may keep it for a
 * year and still see a new version the moment it changes.
 */
export function registerAssets(app: FastifyInstance): { cssUrl: string } {
  const css = load(path.join(here, 'assets', 'site.css'), 'text/css; charset=utf-8');
  const cssName = `site.${css.etag.slice(1, 11)}.css`;
  const files = new Map<string, Asset>([[cssName, css]]);
  const demoDir = path.join(here, '..', 'demo', 'images');
  if (fs.existsSync(demoDir)) {
    for (const name of fs.readdirSync(demoDir)) {
      if (/^[a-z0-9-]+\.svg$/.test(name)) files.set(`demo/${name}`, load(path.join(demoDir, name), 'image/svg+xml'));
    }
  }
  app.get('/assets/*', async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    const asset = files.get(name) ?? (name === 'site.css' ? css : undefined);
    if (!asset) return reply.callNotFound();
    reply.header('etag', asset.etag);
    reply.header('cache-control', name === cssName ? 'public, max-age=31536000, immutable' : 'public, max-age=86400');
    reply.header('x-content-type-options', 'nosniff');
    if (asset.type.startsWith('image/svg')) reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    return reply.type(asset.type).send(asset.body);
  });
  return { cssUrl: `/assets/${cssName}` };
}
