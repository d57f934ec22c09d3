import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';

export type WxrKind = 'author' | 'category' | 'tag' | 'post' | 'comment' | 'attachment';
export type WxrCountKey = 'authors' | 'categories' | 'tags' | 'posts' | 'pages' | 'comments' | 'attachments' | 'redirects';

/** What one import run counts and reports. */
export interface WxrSummary {
  site: string;
  /** Created by this run. */
  created: Record<WxrCountKey, number>;
  /** Already imported by an earlier run of the same export: left as they are. */
  existing: Record<WxrCountKey, number>;
  /** Items and terms not imported, by reason. */
  skipped: Record<string, number>;
  /** Notes on what was imported differently from WordPress (e.g. private → draft). */
  notes: Record<string, number>;
  /** Attachment files named by the export but absent from --media-dir. */
  missingMedia: string[];
  copiedMedia: number;
}

const zero = (): Record<WxrCountKey, number> => ({ authors: 0, categories: 0, tags: 0, posts: 0, pages: 0, comments: 0, attachments: 0, redirects: 0 });
export const emptySummary = (site: string): WxrSummary => ({ site, created: zero(), existing: zero(), skipped: {}, notes: {}, missingMedia: [], copiedMedia: 0 });

/** The state one import run carries from record to record, inside its transaction. */
export class WxrContext {
  /** Category slug → parent's WordPress slug, linked once every category exists. */
  readonly pendingParents: [number, string][] = [];
  /** Article id → WordPress attachment id of its featured image, linked at the end (attachments may come later). */
  readonly pendingThumbnails: [number, string][] = [];
  /** WordPress attachment id → its URL and where its file sits under the uploads folder. */
  readonly attachments = new Map<string, { url: string; rel: string | null }>();
  private readonly cache = new Map<string, number>();

  constructor(
    readonly trx: Transaction<Database>,
    readonly clock: Clock,
    readonly summary: WxrSummary,
  ) {}

  get site(): string {
    return this.summary.site;
  }

  /** The local id an earlier run (or this one) gave a WordPress thing. */
  async lookup(kind: WxrKind, key: string): Promise<number | undefined> {
    const cacheKey = `${kind}\u0000${key}`;
    if (this.cache.has(cacheKey)) return this.cache.get(cacheKey);
    const row = await this.trx.selectFrom('wxr_imported').select('local_id').where('site', '=', this.site).where('kind', '=', kind).where('wp_key', '=', key.slice(0, 500)).executeTakeFirst();
    if (row && kind !== 'comment') this.cache.set(cacheKey, row.local_id);
    return row?.local_id;
  }

  async remember(kind: WxrKind, key: string, localId: number): Promise<void> {
    await this.trx.insertInto('wxr_imported').values({ site: this.site, kind, wp_key: key.slice(0, 500), local_id: localId, created_at: this.clock.now().toISOString() }).execute();
    if (kind !== 'comment') this.cache.set(`${kind}\u0000${key}`, localId);
  }

  skip(reason: string): void {
    this.summary.skipped[reason] = (this.summary.skipped[reason] ?? 0) + 1;
  }

  note(what: string): void {
    this.summary.notes[what] = (this.summary.notes[what] ?? 0) + 1;
  }
}
