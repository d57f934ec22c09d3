import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { VNode } from 'preact';
import { ZodError } from 'zod';
import type { Database } from '../db/schema.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { ChangeBus, ChangeEvent } from '../events.js';
import { AppError } from '../errors.js';
import { sendPage } from '../site/render.js';
import type { SessionUser } from './accounts/sessions.js';
import type { AdminChrome } from './views/layout.js';

/** What every admin route needs, passed in from buildApp. */
export interface AdminDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  events: ChangeBus;
  /** Where uploaded originals and their variants are kept. */
  mediaDir: string;
  /** Largest upload accepted, in bytes. */
  uploadLimit: number;
  /** The public site's stylesheet, for previews. */
  siteCssUrl: string;
  assets: { cssUrl: string; jsUrl: string };
}

declare module 'fastify' {
  interface FastifyRequest {
    adminUser?: SessionUser;
    /** The CSRF token for forms on this page (session-bound or pre-session). */
    adminCsrf?: string;
  }
}

/** The signed-in person; the auth hook guarantees one on every non-public admin route. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.adminUser) throw new AppError('UNAUTHORIZED');
  return request.adminUser;
}

export function chromeFor(request: FastifyRequest, deps: AdminDeps): AdminChrome {
  const u = request.adminUser;
  return {
    user: u ? { id: u.id, name: u.name, role: u.role } : null,
    csrf: request.adminCsrf ?? '',
    cssUrl: deps.assets.cssUrl,
    jsUrl: deps.assets.jsUrl,
    currentPath: (request.raw.url ?? '/admin/').split('?')[0]!,
  };
}

export function sendAdmin(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return sendPage(reply, page, status);
}

/** Field → first message, from a zod error; for showing next to form fields. */
export function fieldErrors(err: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_';
    out[key] ??= issue.message;
  }
  return out;
}

/** One readable line from a zod error or AppError, for the top of a form. */
export function problemText(err: unknown): string | null {
  if (err instanceof ZodError) return err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
  if (err instanceof AppError) return err.message;
  return null;
}

/** Emits a change event, logging (never throwing) when a listener fails. */
export function announce(deps: AdminDeps, request: FastifyRequest, event: ChangeEvent): void {
  deps.events.emit(event, (err) => request.log.error({ err }, 'change listener failed'));
}

/** Reads a form field as a trimmed string ('' when absent or not a string). */
export function str(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0].trim() : '';
  return typeof v === 'string' ? v.trim() : '';
}

/** Reads a repeated form field (checkboxes, multi-selects) as strings. */
export function strs(body: unknown, name: string): string[] {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}

/** A positive integer id from a form or route value, or null. */
export function idOrNull(value: string): number | null {
  return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null;
}

/** A positive integer id from a route parameter; anything else is a 404. */
export function routeId(value: string | undefined): number {
  const id = idOrNull(value ?? '');
  if (id === null) throw new AppError('NOT_FOUND');
  return id;
}
