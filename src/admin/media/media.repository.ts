import type { Kysely, Transaction } from 'kysely';
import type { Database, MediaRow } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface MediaVariant {
  width: number;
  path: string;
}

/** Public URL of a stored file (original or variant). */
export const mediaUrl = (path: string) => `/media/${path}`;

export function variantsOf(row: Pick<MediaRow, 'variants'>): MediaVariant[] {
  try {
    const list = JSON.parse(row.variants) as MediaVariant[];
    return Array.isArray(list) ? list.filter((v) => Number.isInteger(v.width) && typeof v.path === 'string') : [];
  } catch {
    return [];
  }
}

/** The srcset for an image: its variants by width, and the original at its own width. */
export function srcsetOf(row: Pick<MediaRow, 'variants' | 'path' | 'width'>): string | null {
  const parts = variantsOf(row).map((v) => `${mediaUrl(v.path)} ${v.width}w`);
  if (parts.length === 0) return null;
  if (row.width) parts.push(`${mediaUrl(row.path)} ${row.width}w`);
  return parts.join(', ');
}

export async function findMedia(db: Db, id: number): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMediaByUrl(db: Db, url: string): Promise<MediaRow | undefined> {
  if (!url.startsWith('/media/')) return undefined;
  return db.selectFrom('media').selectAll().where('path', '=', url.slice('/media/'.length)).executeTakeFirst();
}

export async function listMedia(db: Db, page: { limit: number; offset: number }): Promise<{ items: MediaRow[]; total: number }> {
  const [items, count] = await Promise.all([
    db.selectFrom('media').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
