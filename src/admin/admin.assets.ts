import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Serves the admin's stylesheet and its one progressive-enhancement script
 * from memory, under names carrying a hash of their bytes (so they can be
 * cached for a year). The script is a file, never inline, to keep the CSP
 * at script-src 'self'.
 */
export function registerAdminAssets(app: FastifyInstance): { cssUrl: string; jsUrl: string } {
  const files = new Map<string, { body: Buffer; type: string }>();
  const add = (file: string, type: string, ext: string) => {
    const body = fs.readFileSync(path.join(here, 'assets', file));
    const name = `admin.${crypto.createHash('sha256').update(body).digest('hex').slice(0, 10)}.${ext}`;
    files.set(name, { body, type });
    return `/admin/assets/${name}`;
  };
  const cssUrl = add('admin.css', 'text/css; charset=utf-8', 'css');
  const jsUrl = add('admin.js', 'text/javascript; charset=utf-8', 'js');
  app.get<{ Params: { name: string } }>('/admin/assets/:name', async (request, reply) => {
    const file = files.get(request.params.name);
    if (!file) return reply.callNotFound();
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    reply.header('x-content-type-options', 'nosniff');
    return reply.type(file.type).send(file.body);
  });
  return { cssUrl, jsUrl };
}
