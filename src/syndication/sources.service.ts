import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Clock } from '../clock.js';
import { createSource } from '../content/taxonomy.service.js';
import { findCategoryBySlug, findAuthorBySlug } from '../content/taxonomy.repository.js';
import { slugify, uniqueSlug } from '../content/slug.js';

/** A feed source as an operator describes it (CLI now, admin later). */
export const feedSourceInput = z.object({
  feedUrl: z.string().trim().max(2000).regex(/^https?:\/\/\S+$/i, 'the feed URL must be an http(s) URL'),
  name: z.string().trim().min(1, 'a name is required').max(200),
  category: z.string().trim().max(200).optional(),
  author: z.string().trim().max(200).optional(),
  mode: z.enum(['draft', 'publish'], { error: 'mode must be draft or publish' }).default('draft'),
  intervalMinutes: z.coerce.number().int('the interval is whole minutes').min(5, 'poll at most every 5 minutes').max(10080, 'poll at least once a week').default(60),
  canonical: z.enum(['original', 'self'], { error: 'canonical must be original or self' }).default('original'),
  showSourceLine: z.boolean().default(true),
});

export class SourceInputError extends Error {}

/** Adds a feed source; the category and author are given by slug and must exist. */
export async function addFeedSource(db: Kysely<Database>, input: z.input<typeof feedSourceInput>, clock: Clock): Promise<number> {
  const s = feedSourceInput.parse(input);
  const category = s.category ? await findCategoryBySlug(db, s.category) : undefined;
  if (s.category && !category) throw new SourceInputError(`no category with the slug "${s.category}"`);
  const author = s.author ? await findAuthorBySlug(db, s.author) : undefined;
  if (s.author && !author) throw new SourceInputError(`no author with the slug "${s.author}"`);
  const duplicate = await db.selectFrom('sources').select('id').where('feed_url', '=', s.feedUrl).executeTakeFirst();
  if (duplicate) throw new SourceInputError(`that feed is already source ${duplicate.id}`);
  return db.transaction().execute(async (trx) => {
    const slug = await uniqueSlug(slugify(s.name) || 'source', async (c) => !!(await trx.selectFrom('sources').select('id').where('slug', '=', c).executeTakeFirst()));
    const id = await createSource(trx, { name: s.name, slug, feedUrl: s.feedUrl, homepageUrl: new URL(s.feedUrl).origin + '/', canonicalPolicy: s.canonical, showSourceLine: s.showSourceLine }, clock);
    await trx.updateTable('sources').set({ mode: s.mode, poll_interval_minutes: s.intervalMinutes, default_category_id: category?.id ?? null, default_author_id: author?.id ?? null }).where('id', '=', id).execute();
    return id;
  });
}

/** Removes a source. Its articles stay (their source becomes empty); its item memory goes. */
export async function removeFeedSource(db: Kysely<Database>, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('syndication_items').where('source_id', '=', id).execute();
    await trx.updateTable('articles').set({ source_id: null }).where('source_id', '=', id).execute();
    const r = await trx.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}
