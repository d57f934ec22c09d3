import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { ZodError } from 'zod';
import type { Database } from '../db/schema.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { ChangeBus } from '../events.js';
import { AppError, toAppError } from '../errors.js';
import { loadSession } from './accounts/sessions.js';
import { anonymousFormToken, checkAnonymousFormToken, tokensMatch } from './accounts/csrf.js';
import { registerAdminAssets } from './admin.assets.js';
import { chromeFor, problemText, sendAdmin, type AdminDeps } from './admin.context.js';
import { AdminLayout } from './views/layout.js';
import { registerAccountRoutes } from './accounts/accounts.routes.js';
import { registerEditorRoutes } from './editor/editor.routes.js';
import { registerTaxonomyRoutes } from './taxonomy/taxonomy.routes.js';
import { registerSettingsRoutes } from './settings/settings.routes.js';
import { registerMediaFiles, registerMediaRoutes } from './media/media.routes.js';
import { registerCommentModerationRoutes } from './comments/comments.routes.js';
import { registerIntegrationRoutes } from './integrations/integrations.routes.js';

/** Paths anyone may open: signing in and resetting a password. */
const PUBLIC = [/^\/admin\/login\/?$/, /^\/admin\/reset\/[A-Za-z0-9_-]+$/];

export interface AdminOptions {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  events: ChangeBus;
  siteCssUrl: string;
  mediaDir?: string;
  uploadLimit?: number;
}

/**
 * The newsroom under /admin/: every page needs a session (except sign-in and
 * reset), every POST a CSRF token, and no response may be cached.
 */
export async function registerAdminRoutes(app: FastifyInstance, options: AdminOptions): Promise<void> {
  const assets = registerAdminAssets(app);
  const deps: AdminDeps = {
    db: options.db,
    clock: options.clock,
    config: options.config,
    events: options.events,
    siteCssUrl: options.siteCssUrl,
    mediaDir: options.mediaDir ?? path.resolve('data/media'),
    uploadLimit: options.uploadLimit ?? 10 * 1024 * 1024,
    assets,
  };

  registerMediaFiles(app, deps.mediaDir);

  await app.register(async (admin) => {
    admin.addHook('onSend', async (request, reply, payload) => {
      if (!request.url.startsWith('/admin/assets/')) reply.header('cache-control', 'private, no-store');
      return payload;
    });

    admin.addHook('preHandler', async (request, reply) => {
      if (request.url.startsWith('/admin/assets/')) return;
      const path = request.url.split('?')[0]!;
      const isPublic = PUBLIC.some((re) => re.test(path));
      const user = await loadSession(deps.db, request, deps.clock);
      if (user) {
        request.adminUser = user;
        request.adminCsrf = user.csrfToken;
      }
      if (request.method === 'POST') await checkCsrf(deps, request, isPublic);
      if (!user) {
        if (isPublic) {
          request.adminCsrf = await anonymousFormToken(deps.db, request, reply);
          return;
        }
        if (request.method === 'GET' || request.method === 'HEAD') return reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`, 303);
        throw new AppError('UNAUTHORIZED');
      }
      if (user.mustChangePassword && !/^\/admin\/(account\/password|logout)$/.test(path)) {
        if (request.method === 'GET') return reply.redirect('/admin/account/password', 303);
        throw new AppError('FORBIDDEN', 'Choose your own password first: your one-time password works only for that.');
      }
    });

    admin.setErrorHandler(async (err, request, reply) => {
      const error = err instanceof ZodError ? new AppError('BAD_REQUEST', problemText(err) ?? undefined) : toAppError(err);
      if (error.status >= 500) request.log.error({ err }, 'admin request failed');
      return renderAdminError(deps, request, reply, error);
    });

    admin.get('/admin', async (_request, reply) => reply.redirect('/admin/', 301));
    admin.get('/admin/', async (_request, reply) => reply.redirect('/admin/articles/', 303));
    await registerAccountRoutes(admin, deps);
    await registerEditorRoutes(admin, deps);
    await registerTaxonomyRoutes(admin, deps);
    await registerSettingsRoutes(admin, deps);
    await registerMediaRoutes(admin, deps);
    await registerCommentModerationRoutes(admin, deps);
    await registerIntegrationRoutes(admin, deps);
  });
}

async function checkCsrf(deps: AdminDeps, request: FastifyRequest, isPublic: boolean): Promise<void> {
  const body = request.body as Record<string, unknown> | undefined;
  const given = (body && typeof body === 'object' ? body._csrf : undefined) ?? (request.query as Record<string, unknown>)._csrf ?? request.headers['x-csrf-token'];
  const user = request.adminUser;
  if (user && tokensMatch(given, user.csrfToken)) return;
  if (isPublic && (await checkAnonymousFormToken(deps.db, request, given))) return;
  throw new AppError('CSRF');
}

function renderAdminError(deps: AdminDeps, request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const chrome = chromeFor(request, deps);
  return sendAdmin(
    reply,
    <AdminLayout chrome={chrome} title={error.title} error={error.message}>
      <p>
        <a href={request.adminUser ? '/admin/' : '/admin/login'}>{request.adminUser ? 'Back to the newsroom' : 'Sign in'}</a>
      </p>
    </AdminLayout>,
    error.status,
  );
}
