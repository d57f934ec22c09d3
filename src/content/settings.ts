import { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

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
  /** New comments: held for moderation, published at once, or not accepted. */
  commentPolicy: z.enum(['moderated', 'open', 'closed']).default('moderated'),
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
  const parsed = settingsSchema.partial().parse(values);
  for (const [key, value] of Object.entries(parsed)) {
    if (value === undefined) continue;
    const json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
      .execute();
  }
}
