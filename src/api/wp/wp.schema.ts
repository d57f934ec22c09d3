import { z } from 'zod';
import { ApiError } from '../api-error.js';

export const WP_MAX_PER_PAGE = 100;

/** WordPress's own wording for a bad parameter, so clients that match on it still do. */
export function invalidParam(param: string, message: string): ApiError {
  return new ApiError('BAD_REQUEST', `Invalid parameter(s): ${param} (${message})`, 'rest_invalid_param');
}

const intList = z
  .string()
  .max(2000)
  .regex(/^\s*\d{1,10}(\s*,\s*\d{1,10})*\s*$/, 'must be a list of whole numbers')
  .transform((s) => s.split(',').map((p) => Number(p.trim())))
  .refine((l) => l.length <= 100, 'at most 100 ids');

const fields = {
  page: z.string().regex(/^\d{1,6}$/, 'must be a whole number from 1').transform(Number).refine((n) => n >= 1, 'must be a whole number from 1').optional(),
  per_page: z
    .string()
    .regex(/^\d{1,9}$/, `must be between 1 (inclusive) and ${WP_MAX_PER_PAGE} (inclusive)`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= WP_MAX_PER_PAGE, `must be between 1 (inclusive) and ${WP_MAX_PER_PAGE} (inclusive)`)
    .optional(),
  search: z.string().max(200, 'is longer than 200 characters').optional(),
  categories: intList.optional(),
  tags: intList.optional(),
  include: intList.optional(),
  author: intList.optional(),
  post: intList.optional(),
  parent: intList.optional(),
  slug: z
    .string()
    .max(2000)
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .optional(),
  order: z.enum(['asc', 'desc'], 'must be asc or desc').optional(),
  orderby: z.enum(['date', 'id', 'title', 'slug', 'modified', 'name', 'include'], 'is not one of date, id, title, slug, modified, name').optional(),
  hide_empty: z.enum(['true', 'false', '1', '0']).optional(),
};

type FieldName = keyof typeof fields;
export type WpQuery = { [K in FieldName]?: z.output<(typeof fields)[K]> } & { embed: boolean };

/**
 * Reads WordPress list parameters. Arrays come as `tags=1,2`, `tags[]=1&tags[]=2`
 * or repeated `tags=1&tags=2` (wpapi sends the bracket form); all mean the same.
 * Unknown parameters are ignored, as WordPress does.
 */
export function parseWpQuery(query: unknown, allowed: FieldName[]): WpQuery {
  const raw = (query ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { embed: '_embed' in raw };
  for (const name of allowed) {
    const value = raw[name] ?? raw[`${name}[]`];
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    const parsed = fields[name].safeParse(text);
    if (!parsed.success) throw invalidParam(name, `${name} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
    out[name] = parsed.data;
  }
  return out as WpQuery;
}
