import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Clock } from '../clock.js';
import { slugify } from '../content/slug.js';
import { findTagBySlug } from '../content/taxonomy.repository.js';
import { createTag } from '../content/taxonomy.service.js';

/** The ids of tags with these names, creating the missing ones (by slug, so "Water" and "water" are one tag). */
export async function tagIdsFor(db: Kysely<Database> | Transaction<Database>, names: string[], clock: Clock): Promise<number[]> {
  const ids: number[] = [];
  for (const raw of names.slice(0, 30)) {
    const name = raw.trim().slice(0, 200);
    const slug = slugify(name);
    if (!slug) continue;
    const found = await findTagBySlug(db, slug);
    ids.push(found ? found.id : await createTag(db, { name, slug }, clock));
  }
  return [...new Set(ids)];
}
