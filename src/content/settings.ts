import { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { commentSettings } from '../comments/comments.settings.js';

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const menuItem = z.object({
  label: z.string().trim().min(1).max(60),
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => u.startsWith('/') ? !u.startsWith('//') : /^https?:\/\//i.test(u), 'menu links must be site paths (/…) or http(s) URLs'),
});

/** Every site setting with its default: what a fresh site starts with. */
export const settingsSchema = z.object({
  title: z.string().trim().min(1).max(120).default('Masthead'),
  description: z.string().trim().max(500).default('News, published with Masthead.'),
  logoUrl: z.string().trim().max(2000).nullable().default(null),
  language: z.string().trim().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'language must be a language tag such as en or ar').default('en'),
  direction: z.enum(['ltr', 'rtl']).default('ltr'),
  timezone: z.string().refine(isTimeZone, 'timezone must be an IANA time zone such as Europe/London').default('UTC'),
  menu: z.array(menuItem).max(20).default([]),
  postsPerPage: z.number().int().min(1).max(100).default(10),
  /** How deep reply threads nest before replies are shown flat. */
  commentThreadDepth: z.number().int().min(1).max(10).default(5),
  /** Cache-Control on public pages: browsers (max-age), CDNs (s-maxage), and serving stale while refetching. */
  httpMaxAge: z.number().int().min(0).max(31_536_000).default(60),
  httpSharedMaxAge: z.number().int().min(0).max(31_536_000).default(300),
  httpStaleWhileRevalidate: z.number().int().min(0).max(31_536_000).default(60),
  /** Called on every change with {tags} replaced by the changed cache tags, to purge a CDN; null for none. */
  cachePurgeUrl: z.string().trim().max(2000).regex(/^https?:\/\/\S+$/i, 'the purge URL must be an http(s) URL').nullable().default(null),
  ...commentSettings,
  /** Stories per feed (RSS, Atom, JSON Feed), site-wide and per list. */
  feedSize: z.number().int().min(1).max(100).default(20),
  /** Whether feeds carry whole stories or only their summaries. */
  feedContent: z.enum(['full', 'excerpt']).default('full'),
  /** Lines added to /robots.txt after the built-in rules, e.g. "User-agent: GPTBot" / "Disallow: /". */
  // eslint-disable-next-line no-control-regex
  robotsTxtExtra: z.string().max(5000).refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s), 'robots.txt lines may not hold control characters').default(''),
  /** The name Google News knows the site by; the site title when unset. */
  newsPublicationName: z.string().trim().min(1).max(120).nullable().default(null),
  /** Word-shingle similarity (0–1) above which a syndicated story is held as a near-duplicate. */
  syndicationDuplicateThreshold: z.number().min(0.1).max(1).default(0.6),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

/**
 * Reads all settings. Stored values that no longer validate (say, edited by
 * hand) fall back to their defaults instead of taking the site down.
 */
export async function loadSettings(db: Kysely<Database>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const raw: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      raw[row.key] = JSON.parse(row.value);
    } catch {
      // unreadable value: the default applies
    }
  }
  const shape = settingsSchema.shape;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as SettingKey[]) {
    const parsed = shape[key].safeParse(raw[key]);
    out[key] = parsed.success ? parsed.data : shape[key].parse(undefined);
  }
  return out as Settings;
}

/** Validates and stores some settings; throws a ZodError listing what is wrong. */
export async function saveSettings(db: Kysely<Database> | Transaction<Database>, values: Partial<Settings>): Promise<void> {
  const parsed: Record<string, unknown> = settingsSchema.partial().parse(values);
  // zod 4 fills defaults even into a partial schema: store only the keys given,
  // or saving one setting would reset every other to its default
  for (const key of Object.keys(values)) {
    const value = parsed[key];
    if (value === undefined) continue;
    const json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
      .execute();
  }
}
