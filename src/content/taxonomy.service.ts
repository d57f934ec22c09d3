import { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Clock } from '../clock.js';
import { stripControlChars } from './html.js';
import { isSlug, slugify } from './slug.js';

type Db = Kysely<Database> | Transaction<Database>;

const name = (max: number) => z.string().transform(stripControlChars).pipe(z.string().trim().min(1, 'a name is required').max(max));
const optional = (max: number) => z.string().transform(stripControlChars).pipe(z.string().trim().max(max)).nullish().transform((v) => v || null);
const slug = z.string().trim().refine(isSlug, 'a slug may hold only lower-case letters, digits and single hyphens').optional();
const url = z.string().trim().max(2000).regex(/^https?:\/\/\S+$/i, 'must be an http(s) URL').nullish().transform((v) => v || null);

export const authorInput = z.object({ slug, name: name(200), credentials: optional(100), bio: optional(5000), email: z.string().trim().email().max(254).nullish(), website: url });
export const categoryInput = z.object({ slug, name: name(200), description: optional(5000), parentId: z.number().int().positive().nullish(), position: z.number().int().default(0) });
export const tagInput = z.object({ slug, name: name(200), description: optional(5000) });
export const seriesInput = z.object({ slug, title: name(300), description: optional(5000) });
export const sourceInput = z.object({
  slug,
  name: name(200),
  homepageUrl: url,
  feedUrl: url,
  showSourceLine: z.boolean().default(true),
  canonicalPolicy: z.enum(['original', 'self']).default('self'),
});

const slugOf = (given: string | undefined, from: string) => given || slugify(from) || 'item';

export async function createAuthor(db: Db, input: z.input<typeof authorInput>, clock: Clock): Promise<number> {
  const a = authorInput.parse(input);
  const now = clock.now().toISOString();
  const row = await db
    .insertInto('authors')
    .values({ slug: slugOf(a.slug, a.name), name: a.name, credentials: a.credentials, bio: a.bio, email: a.email ?? null, website: a.website, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createCategory(db: Db, input: z.input<typeof categoryInput>, clock: Clock): Promise<number> {
  const c = categoryInput.parse(input);
  const row = await db
    .insertInto('categories')
    .values({ slug: slugOf(c.slug, c.name), name: c.name, description: c.description, parent_id: c.parentId ?? null, position: c.position, created_at: clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createTag(db: Db, input: z.input<typeof tagInput>, clock: Clock): Promise<number> {
  const t = tagInput.parse(input);
  const row = await db
    .insertInto('tags')
    .values({ slug: slugOf(t.slug, t.name), name: t.name, description: t.description, created_at: clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createSeries(db: Db, input: z.input<typeof seriesInput>, clock: Clock): Promise<number> {
  const s = seriesInput.parse(input);
  const row = await db
    .insertInto('series')
    .values({ slug: slugOf(s.slug, s.title), title: s.title, description: s.description, created_at: clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createSource(db: Db, input: z.input<typeof sourceInput>, clock: Clock): Promise<number> {
  const s = sourceInput.parse(input);
  const now = clock.now().toISOString();
  const row = await db
    .insertInto('sources')
    .values({
      slug: slugOf(s.slug, s.name),
      name: s.name,
      homepage_url: s.homepageUrl,
      feed_url: s.feedUrl,
      show_source_line: s.showSourceLine ? 1 : 0,
      canonical_policy: s.canonicalPolicy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
