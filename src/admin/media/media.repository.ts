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

const BODY_IMG = /<img src="\/media\/(\d{4}\/\d{2}\/[a-f0-9]{16}\.(?:jpg|png|gif|webp|avif))"(?![^>]*\ssrcset=)/g;

/**
 * Gives images from the library in a story's (sanitized) body their srcset
 * and sizes, so inline photos are responsive too. Only attributes built from
 * stored library paths (hex names, fixed widths) are added, so the result
 * stays as safe as the sanitized input.
 */
export async function withResponsiveImages<T extends string>(db: Db, html: T): Promise<T> {
  const paths = [...new Set([...html.matchAll(BODY_IMG)].map((m) => m[1]!))];
  if (paths.length === 0) return html;
  const rows = await db.selectFrom('media').select(['path', 'variants', 'width']).where('path', 'in', paths).execute();
  const srcsets = new Map(rows.map((r) => [r.path, srcsetOf(r)]));
  return html.replace(BODY_IMG, (tag, p: string) => {
    const srcset = srcsets.get(p);
    return srcset ? `${tag} srcset="${srcset}" sizes="(min-width: 48rem) 46rem, 100vw"` : tag;
  }) as T;
}
