import { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { Database, RedirectRow } from '../db/schema.js';
import type { Clock } from '../clock.js';

type Db = Kysely<Database> | Transaction<Database>;

const sitePath = z
  .string()
  .trim()
  .max(2000)
  // eslint-disable-next-line no-control-regex
  .refine((p) => p.startsWith('/') && !p.startsWith('//') && !/[\s\u0000-\u001f]/.test(p), 'must be a path on this site, starting with a single /');

export const redirectInput = z.object({
  from: sitePath,
  to: z.union([sitePath, z.string().trim().max(2000).regex(/^https?:\/\/\S+$/i, 'must be a site path or an http(s) URL')]),
  status: z.union([z.literal(301), z.literal(302), z.literal(307), z.literal(308)]).default(301),
});

/**
 * Redirects match with or without a trailing slash, so an old link keeps
 * working however it was typed. A query string is part of the key only when
 * the redirect names one (WordPress's /?p=123 links).
 */
export function normalizeRedirectPath(path: string): string {
  const [rawPath = '/', query] = path.split('#')[0]!.split('?', 2);
  const p = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : rawPath;
  return query ? `${p}?${query}` : p;
}

export async function createRedirect(db: Db, input: z.input<typeof redirectInput>, clock: Clock): Promise<number> {
  const r = redirectInput.parse(input);
  const from = normalizeRedirectPath(r.from);
  const row = await db
    .insertInto('redirects')
    .values({ from_path: from, to_path: r.to, status_code: r.status, created_at: clock.now().toISOString() })
    .onConflict((oc) => oc.column('from_path').doUpdateSet({ to_path: r.to, status_code: r.status }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The redirect for a request path (and query): an exact match first, then the path alone. */
export async function findRedirect(db: Db, pathAndQuery: string): Promise<RedirectRow | undefined> {
  const exact = normalizeRedirectPath(pathAndQuery);
  const pathOnly = normalizeRedirectPath(pathAndQuery.split('?')[0]!);
  const rows = await db.selectFrom('redirects').selectAll().where('from_path', 'in', exact === pathOnly ? [exact] : [exact, pathOnly]).execute();
  return rows.find((r) => r.from_path === exact) ?? rows[0];
}

/**
 * A redirect target fit for the Location header: characters outside
 * printable ASCII (an Arabic slug, a space) percent-encoded, the rest kept.
 */
export function locationHeader(to: string): string {
  return to.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}
