import type { z } from 'zod';
import { authorInput, categoryInput, seriesInput, sourceInput, tagInput } from '../../content/taxonomy.service.js';
import { slugify } from '../../content/slug.js';
import { idOrNull } from '../admin.context.js';

export type FieldKind = 'text' | 'textarea' | 'url' | 'email' | 'checkbox' | 'number' | 'parent' | 'canonical';

export interface FieldDef {
  name: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  required?: boolean;
}

/**
 * One entry per kind of taxonomy the admin manages: its table, its form
 * fields, and how form strings become the content module's own input schema
 * (which validates them) and then columns.
 */
export interface EntityDef {
  path: 'categories' | 'tags' | 'series' | 'sources' | 'authors';
  table: 'categories' | 'tags' | 'series' | 'sources' | 'authors';
  singular: string;
  plural: string;
  /** Column holding the display name. */
  label: 'name' | 'title';
  /** Cache tag prefix for change events. */
  tag: string;
  fields: FieldDef[];
  schema: z.ZodType;
  /** Form strings → the schema's input. */
  input(values: Record<string, string>): unknown;
  /** Parsed input → columns (without timestamps). */
  columns(parsed: any): Record<string, unknown>;
}

const slugField: FieldDef = { name: 'slug', label: 'Slug', kind: 'text', hint: 'Lower-case words joined by hyphens; made from the name when empty.' };
const slugOf = (given: string | undefined, from: string) => given || slugify(from) || 'item';
const orNull = (v: string | undefined) => (v ? v : null);

export const ENTITIES: EntityDef[] = [
  {
    path: 'categories',
    table: 'categories',
    singular: 'category',
    plural: 'Categories',
    label: 'name',
    tag: 'category',
    fields: [{ name: 'name', label: 'Name', kind: 'text', required: true }, slugField, { name: 'parentId', label: 'Parent category', kind: 'parent' }, { name: 'description', label: 'Description', kind: 'textarea' }, { name: 'position', label: 'Position in menus', kind: 'number' }],
    schema: categoryInput,
    input: (v) => ({ name: v.name, slug: v.slug || undefined, description: orNull(v.description), parentId: idOrNull(v.parentId ?? ''), position: /^-?\d{1,6}$/.test(v.position ?? '') ? Number(v.position) : 0 }),
    columns: (c) => ({ name: c.name, slug: slugOf(c.slug, c.name), description: c.description, parent_id: c.parentId ?? null, position: c.position }),
  },
  {
    path: 'tags',
    table: 'tags',
    singular: 'tag',
    plural: 'Tags',
    label: 'name',
    tag: 'tag',
    fields: [{ name: 'name', label: 'Name', kind: 'text', required: true }, slugField, { name: 'description', label: 'Description', kind: 'textarea' }],
    schema: tagInput,
    input: (v) => ({ name: v.name, slug: v.slug || undefined, description: orNull(v.description) }),
    columns: (t) => ({ name: t.name, slug: slugOf(t.slug, t.name), description: t.description }),
  },
  {
    path: 'series',
    table: 'series',
    singular: 'series',
    plural: 'Series',
    label: 'title',
    tag: 'series',
    fields: [{ name: 'title', label: 'Title', kind: 'text', required: true }, slugField, { name: 'description', label: 'Description', kind: 'textarea' }],
    schema: seriesInput,
    input: (v) => ({ title: v.title, slug: v.slug || undefined, description: orNull(v.description) }),
    columns: (s) => ({ title: s.title, slug: slugOf(s.slug, s.title), description: s.description }),
  },
  {
    path: 'sources',
    table: 'sources',
    singular: 'source',
    plural: 'Sources',
    label: 'name',
    tag: 'source',
    fields: [
      { name: 'name', label: 'Name', kind: 'text', required: true },
      slugField,
      { name: 'homepageUrl', label: 'Home page', kind: 'url' },
      { name: 'feedUrl', label: 'Feed URL', kind: 'url' },
      { name: 'showSourceLine', label: 'Show “Source:” line on stories', kind: 'checkbox' },
      { name: 'canonicalPolicy', label: 'Canonical link of its stories', kind: 'canonical' },
    ],
    schema: sourceInput,
    input: (v) => ({ name: v.name, slug: v.slug || undefined, homepageUrl: orNull(v.homepageUrl), feedUrl: orNull(v.feedUrl), showSourceLine: v.showSourceLine === '1', canonicalPolicy: v.canonicalPolicy || 'self' }),
    columns: (s) => ({ name: s.name, slug: slugOf(s.slug, s.name), homepage_url: s.homepageUrl, feed_url: s.feedUrl, show_source_line: s.showSourceLine ? 1 : 0, canonical_policy: s.canonicalPolicy }),
  },
  {
    path: 'authors',
    table: 'authors',
    singular: 'author',
    plural: 'Authors',
    label: 'name',
    tag: 'author',
    fields: [
      { name: 'name', label: 'Name', kind: 'text', required: true },
      slugField,
      { name: 'credentials', label: 'Credentials', kind: 'text', hint: 'Shown after the name, e.g. PhD.' },
      { name: 'bio', label: 'Biography', kind: 'textarea' },
      { name: 'email', label: 'Email (private)', kind: 'email' },
      { name: 'website', label: 'Website', kind: 'url' },
    ],
    schema: authorInput,
    input: (v) => ({ name: v.name, slug: v.slug || undefined, credentials: orNull(v.credentials), bio: orNull(v.bio), email: orNull(v.email), website: orNull(v.website) }),
    columns: (a) => ({ name: a.name, slug: slugOf(a.slug, a.name), credentials: a.credentials, bio: a.bio, email: a.email ?? null, website: a.website }),
  },
];

/** Row columns → form strings, for the edit form. */
export function formValues(def: EntityDef, row: Record<string, unknown>): Record<string, string> {
  const map: Record<string, string> = { parentId: 'parent_id', homepageUrl: 'homepage_url', feedUrl: 'feed_url', showSourceLine: 'show_source_line', canonicalPolicy: 'canonical_policy' };
  const out: Record<string, string> = {};
  for (const f of def.fields) {
    const v = row[map[f.name] ?? f.name];
    out[f.name] = v == null ? '' : String(v);
  }
  return out;
}
