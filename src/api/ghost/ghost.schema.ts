import { z } from 'zod';
import { ApiError, describeIssues } from '../api-error.js';
import { parseFilter, FilterSyntaxError, type FilterNode } from './nql.js';

/** The most items one request returns; `limit=all` is capped here too. */
export const MAX_LIMIT = 100;
export const MAX_ALL = 1000;

const list = (what: string) =>
  z
    .string()
    .max(1000, `${what} is too long`)
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean));

const querySchema = z.object({
  key: z.string().max(200).optional(),
  filter: z.string().optional(),
  include: list('include').optional(),
  fields: list('fields').optional(),
  formats: list('formats').optional(),
  limit: z
    .string()
    .refine((v) => v === 'all' || (/^\d{1,9}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_LIMIT), `limit must be a number from 1 to ${MAX_LIMIT}, or "all"`)
    .transform((v) => (v === 'all' ? ('all' as const) : Number(v)))
    .optional(),
  page: z.string().regex(/^\d{1,6}$/, 'page must be a whole number from 1').transform(Number).refine((n) => n >= 1, 'page must be a whole number from 1').optional(),
  order: z.string().max(500, 'order is too long').optional(),
});

export interface ResourceSpec {
  name: string;
  includes: readonly string[];
  fields: readonly string[];
  orderFields: readonly string[];
  defaultOrder: { field: string; dir: 'asc' | 'desc' }[];
}

export interface BrowseParams {
  filter?: FilterNode;
  include: Set<string>;
  fields?: string[];
  formats: Set<'html' | 'plaintext'>;
  limit: number | 'all';
  page: number;
  order: { field: string; dir: 'asc' | 'desc' }[];
}

const bad = (message: string) => new ApiError('BAD_REQUEST', message, 'BadRequestError');

/** Reads and checks the query parameters Ghost's Content API takes. */
export function parseBrowseParams(query: unknown, spec: ResourceSpec): BrowseParams {
  const flat = Object.fromEntries(Object.entries((query ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
  const parsed = querySchema.safeParse(flat);
  if (!parsed.success) throw bad(describeIssues(parsed.error.issues));
  const q = parsed.data;
  for (const inc of q.include ?? []) if (!spec.includes.includes(inc)) throw bad(`include "${inc}" is not supported for ${spec.name}. Supported: ${spec.includes.join(', ') || 'none'}.`);
  for (const f of q.fields ?? []) if (!spec.fields.includes(f)) throw bad(`fields "${f}" is not a field of ${spec.name}. Fields: ${spec.fields.join(', ')}.`);
  const formats = new Set<'html' | 'plaintext'>();
  for (const f of q.formats ?? ['html']) {
    if (f !== 'html' && f !== 'plaintext') throw bad(`formats "${f}" is not supported. Supported: html, plaintext.`);
    formats.add(f);
  }
  let filter: FilterNode | undefined;
  if (q.filter !== undefined && q.filter.trim() !== '') {
    try {
      filter = parseFilter(q.filter);
    } catch (err) {
      if (err instanceof FilterSyntaxError) throw bad(err.message);
      throw err;
    }
  }
  return { filter, include: new Set(q.include ?? []), fields: q.fields, formats, limit: q.limit ?? 15, page: q.page ?? 1, order: q.order ? parseOrder(q.order, spec) : spec.defaultOrder };
}

function parseOrder(order: string, spec: ResourceSpec): { field: string; dir: 'asc' | 'desc' }[] {
  const out = order
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^([a-z_]+)(?:\s+(asc|desc))?$/i.exec(part);
      if (!m) throw bad(`order "${part}" is not valid; use a field and asc or desc, e.g. "published_at desc".`);
      const field = m[1]!.toLowerCase();
      if (!spec.orderFields.includes(field)) throw bad(`order by "${field}" is not supported for ${spec.name}. Supported: ${spec.orderFields.join(', ')}.`);
      return { field, dir: (m[2]?.toLowerCase() ?? 'asc') as 'asc' | 'desc' };
    });
  if (out.length === 0 || out.length > 5) throw bad('order takes one to five fields.');
  return out;
}

/** Ghost's meta.pagination. */
export function pagination(page: number, limit: number | 'all', total: number) {
  if (limit === 'all') return { page: 1, limit: 'all' as const, pages: 1, total, next: null, prev: null };
  const pages = Math.max(1, Math.ceil(total / limit));
  return { page, limit, pages, total, next: page < pages ? page + 1 : null, prev: page > 1 ? page - 1 : null };
}
