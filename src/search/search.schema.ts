import { z } from 'zod';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const text = (max: number) => z.preprocess(first, z.string().max(100_000).optional()).transform((v) => (v ?? '').slice(0, max));
const day = z.preprocess(
  first,
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates must look like 2026-11-23.')
        .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'That date does not exist.')
        .optional(),
    ),
);

/** The search page's GET form. Text is cut, not refused: a long paste still searches. */
export const searchFormSchema = z.object({
  // kept whole enough to tell the reader it was cut; the parser uses the first 200 characters
  q: text(10_000),
  category: text(200),
  author: text(200),
  from: day,
  to: day,
  page: z.preprocess(first, z.string().optional()).pipe(z.string().regex(/^[1-9]\d{0,5}$/, 'The page number must be a whole number from 1.').optional()).transform((v) => Number(v ?? 1)),
});

export type SearchForm = z.infer<typeof searchFormSchema>;
