import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import { stripControlChars } from '../../content/html.js';
import type { MediaVariant } from './media.repository.js';

export type ImageType = { mime: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/avif'; ext: 'jpg' | 'png' | 'gif' | 'webp' | 'avif' };

/** Widths of the responsive variants; only those narrower than the original are made. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920];
// a decompression bomb (a tiny file claiming a gigantic canvas) is refused before decoding
const MAX_PIXELS = 60_000_000;

/**
 * The image type from the file's first bytes — never from its name or the
 * browser's claim. SVG (and anything else) is refused: it can carry script.
 */
export function detectImageType(bytes: Buffer): ImageType | null {
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' };
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mime: 'image/png', ext: 'png' };
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return { mime: 'image/gif', ext: 'gif' };
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { mime: 'image/webp', ext: 'webp' };
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp') {
    const brands = ascii(8, Math.min(bytes.length, 64));
    if (/avif|avis/.test(brands)) return { mime: 'image/avif', ext: 'avif' };
  }
  return null;
}

/**
 * Stores an uploaded image: checks its type from its bytes, reads its size,
 * writes the original and WebP variants for srcset under `mediaDir`, and
 * records it in the library. Nothing is recorded when any step fails, and
 * files already written are removed.
 */
export async function storeUpload(db: Kysely<Database>, mediaDir: string, upload: { bytes: Buffer; filename: string; alt: string | null; userId: number }, clock: Clock): Promise<number> {
  const type = detectImageType(upload.bytes);
  if (!type) {
    const looksSvg = /<svg[\s>]/i.test(upload.bytes.subarray(0, 2048).toString('utf8'));
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', looksSvg ? 'SVG images are not accepted: they can carry scripts. Upload a PNG, JPEG, WebP, AVIF or GIF instead.' : 'That file is not a JPEG, PNG, WebP, AVIF or GIF image (judging by its contents, not its name).');
  }
  let meta: sharp.Metadata;
  try {
    meta = await sharp(upload.bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new AppError('BAD_REQUEST', 'That image could not be read; it may be damaged or too large in pixels. Try saving it again, or a smaller version.');
  }
  if (!meta.width || !meta.height) throw new AppError('BAD_REQUEST', 'That image has no size we can read.');
  // EXIF orientation 5–8 swaps the displayed width and height
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = rotated ? meta.height : meta.width;
  const height = rotated ? meta.width : meta.height;

  const now = clock.now();
  const folder = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const stem = crypto.randomBytes(8).toString('hex');
  const dir = path.join(mediaDir, folder);
  await fs.mkdir(dir, { recursive: true });
  const written: string[] = [];
  try {
    const original = path.join(dir, `${stem}.${type.ext}`);
    await fs.writeFile(original, upload.bytes, { flag: 'wx' });
    written.push(original);
    const variants: MediaVariant[] = [];
    for (const w of VARIANT_WIDTHS.filter((w) => w < width)) {
      const file = `${stem}-${w}.webp`;
      await sharp(upload.bytes, { limitInputPixels: MAX_PIXELS }).rotate().resize({ width: w }).webp({ quality: 78 }).toFile(path.join(dir, file));
      written.push(path.join(dir, file));
      variants.push({ width: w, path: `${folder}/${file}` });
    }
    const name = stripControlChars(path.basename(upload.filename || 'image')).slice(0, 300) || 'image';
    const { id } = await db
      .insertInto('media')
      .values({ path: `${folder}/${stem}.${type.ext}`, original_name: name, mime: type.mime, bytes: upload.bytes.length, width, height, alt: upload.alt, variants: JSON.stringify(variants), uploaded_by: upload.userId, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (err) {
    await Promise.all(written.map((f) => fs.rm(f, { force: true })));
    throw err;
  }
}

/** Removes a library entry and its files. */
export async function deleteMedia(db: Kysely<Database>, mediaDir: string, row: { id: number; path: string; variants: string }): Promise<void> {
  await db.deleteFrom('media').where('id', '=', row.id).execute();
  const files = [row.path, ...(JSON.parse(row.variants) as MediaVariant[]).map((v) => v.path)];
  await Promise.all(files.map((f) => fs.rm(path.join(mediaDir, f), { force: true })));
}
