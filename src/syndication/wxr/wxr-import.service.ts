import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { emptyChannel, readWxr, WxrError, type WxrChannel } from './wxr-reader.js';
import { emptySummary, WxrContext, type WxrSummary } from './wxr-context.js';
import { importTermRecord, linkCategoryParents } from './wxr-terms.js';
import { importItem, linkThumbnails } from './wxr-items.js';

export interface WxrImportOptions {
  /** A copy of the site's wp-content/uploads folder: attachment files are taken from here. */
  mediaDir?: string | null;
  /** Where copied files go (default ./data/media/uploads), keeping their uploads path. */
  mediaOut?: string;
  /**
   * When set, featured images whose file was copied point at `prefix + path`
   * instead of the old site. Unset by default: nothing serves /media/ yet
   * (the media library is its own issue), so links keep the original URLs.
   */
  mediaUrlPrefix?: string | null;
  /** Called as the import advances: records done of the total counted in the first pass. */
  onProgress?: (done: number, total: number, phase: 'checking' | 'importing') => void;
}

/** Reads the whole export once without writing: proves it well-formed and counts its records. */
async function check(file: string, onProgress?: WxrImportOptions['onProgress']): Promise<{ channel: WxrChannel; records: number }> {
  const channel = emptyChannel();
  const size = fs.statSync(file).size || 1;
  let bytes = 0;
  let records = 0;
  for await (const record of readWxr(file, channel, (n) => (bytes += n))) {
    void record;
    records++;
    if (records % 200 === 0) onProgress?.(Math.round((bytes / size) * 100), 100, 'checking');
  }
  return { channel, records };
}

function inside(root: string, rel: string): string | null {
  const full = path.resolve(root, rel);
  return full.startsWith(path.resolve(root) + path.sep) ? full : null;
}

/**
 * Imports a WordPress export (WXR 1.0–1.2). The file is read twice, streaming:
 * first to prove it well-formed (an ill-formed export throws WxrError with the
 * line and nothing is written), then to import everything in ONE transaction,
 * so any failure leaves the database as it was. Every WordPress id brought in
 * is remembered per site, so importing the same export again changes nothing.
 * Attachment files are copied from `mediaDir` after the transaction commits;
 * missing ones are listed, not fatal.
 */
export async function importWxr(db: Kysely<Database>, file: string, clock: Clock, options: WxrImportOptions = {}): Promise<WxrSummary> {
  const { channel, records } = await check(file, options.onProgress);
  const site = (channel.baseBlogUrl || channel.link || channel.baseSiteUrl || channel.title || 'wordpress').trim().replace(/\/+$/, '').slice(0, 500);
  const summary = emptySummary(site);
  const mediaOut = options.mediaOut ?? path.resolve('data/media/uploads');
  const prefix = options.mediaUrlPrefix ?? null;
  const copies: { from: string; to: string }[] = [];
  const localUrl = (rel: string): string | null => {
    if (!options.mediaDir || !prefix) return null;
    const from = inside(options.mediaDir, rel);
    const to = inside(mediaOut, rel);
    if (!from || !to || !fs.existsSync(from)) return null;
    return prefix + rel.split('/').map(encodeURIComponent).join('/');
  };
  await db.transaction().execute(async (trx) => {
    const ctx = new WxrContext(trx, clock, summary);
    let done = 0;
    for await (const record of readWxr(file, emptyChannel())) {
      try {
        if (record.type === 'item') await importItem(ctx, record.node);
        else await importTermRecord(ctx, record.type, record.node);
      } catch (err) {
        if (err instanceof WxrError) throw err;
        throw new WxrError(record.line, 1, `could not import this entry: ${(err as Error).message}`);
      }
      done++;
      if (done % 50 === 0 || done === records) options.onProgress?.(done, records, 'importing');
    }
    await linkCategoryParents(ctx);
    await linkThumbnails(ctx, localUrl);
    if (options.mediaDir) {
      for (const att of ctx.attachments.values()) {
        const from = att.rel ? inside(options.mediaDir, att.rel) : null;
        const to = att.rel ? inside(mediaOut, att.rel) : null;
        if (from && to && fs.existsSync(from)) copies.push({ from, to });
        else summary.missingMedia.push(att.rel ?? att.url);
      }
    }
  });
  for (const c of copies) {
    fs.mkdirSync(path.dirname(c.to), { recursive: true });
    if (!fs.existsSync(c.to)) fs.copyFileSync(c.from, c.to);
    summary.copiedMedia++;
  }
  return summary;
}
