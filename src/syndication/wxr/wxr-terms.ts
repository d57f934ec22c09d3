import { z } from 'zod';
import type { XNode } from '../xml-tree.js';
import { slugify, uniqueSlug } from '../../content/slug.js';
import { createAuthor, createCategory, createTag } from '../../content/taxonomy.service.js';
import { field } from './wxr-reader.js';
import type { WxrContext } from './wxr-context.js';

/** WordPress slugs are often percent-encoded (non-Latin titles); ours are the decoded letters. */
export function wpSlug(raw: string, fallback: string): string {
  let decoded = raw.trim();
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // keep as written
  }
  return slugify(decoded) || slugify(fallback) || 'item';
}

const email = z.string().trim().email().max(254);

/** The local author for a WordPress login, created on first sight (WXR 1.0 names authors only in dc:creator). */
export async function ensureAuthor(ctx: WxrContext, login: string, details: { name?: string; email?: string } = {}): Promise<number> {
  const key = login.trim().toLowerCase();
  const known = await ctx.lookup('author', key);
  if (known !== undefined) return known;
  const trx = ctx.trx;
  const slug = await uniqueSlug(slugify(login) || 'author', async (s) => !!(await trx.selectFrom('authors').select('id').where('slug', '=', s).executeTakeFirst()));
  const mail = email.safeParse(details.email ?? '');
  const id = await createAuthor(trx, { name: (details.name || login).trim().slice(0, 200) || 'Unknown', slug, email: mail.success ? mail.data : null }, ctx.clock);
  await ctx.remember('author', key, id);
  ctx.summary.created.authors++;
  return id;
}

/** A category by its WordPress slug: an existing one of ours with that slug is reused, not duplicated. */
export async function ensureCategory(ctx: WxrContext, rawSlug: string, name: string, description?: string, parentSlug?: string): Promise<number> {
  const slug = wpSlug(rawSlug, name);
  const known = await ctx.lookup('category', slug);
  if (known !== undefined) return known;
  const existing = await ctx.trx.selectFrom('categories').select('id').where('slug', '=', slug).executeTakeFirst();
  const id = existing?.id ?? (await createCategory(ctx.trx, { slug, name: name.trim().slice(0, 200) || slug, description: description || null }, ctx.clock));
  await ctx.remember('category', slug, id);
  if (existing) ctx.summary.existing.categories++;
  else ctx.summary.created.categories++;
  if (parentSlug && !existing) ctx.pendingParents.push([id, wpSlug(parentSlug, parentSlug)]);
  return id;
}

export async function ensureTag(ctx: WxrContext, rawSlug: string, name: string): Promise<number> {
  const slug = wpSlug(rawSlug, name);
  const known = await ctx.lookup('tag', slug);
  if (known !== undefined) return known;
  const existing = await ctx.trx.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
  const id = existing?.id ?? (await createTag(ctx.trx, { slug, name: name.trim().slice(0, 200) || slug }, ctx.clock));
  await ctx.remember('tag', slug, id);
  if (existing) ctx.summary.existing.tags++;
  else ctx.summary.created.tags++;
  return id;
}

/** <wp:author>, <wp:category>, <wp:tag> and <wp:term> records. */
export async function importTermRecord(ctx: WxrContext, type: 'author' | 'category' | 'tag' | 'term', node: XNode): Promise<void> {
  if (type === 'author') {
    const login = field(node, 'author_login').trim();
    if (!login) return ctx.skip('author without a login');
    if ((await ctx.lookup('author', login.toLowerCase())) !== undefined) return void ctx.summary.existing.authors++;
    await ensureAuthor(ctx, login, { name: field(node, 'author_display_name'), email: field(node, 'author_email') });
    return;
  }
  // <wp:category>, <wp:tag> and <wp:term> say the same things under different names
  const f = TERM_FIELDS[type];
  const taxonomy = type === 'term' ? field(node, 'term_taxonomy') : type === 'category' ? 'category' : 'post_tag';
  const slug = field(node, f.slug);
  const name = field(node, f.name);
  if (taxonomy !== 'category' && taxonomy !== 'post_tag') return ctx.skip(`term of the "${taxonomy || 'unknown'}" taxonomy (no such thing here)`);
  const kind = taxonomy === 'category' ? 'category' : 'tag';
  if (!slug && !name) return ctx.skip(`${kind} without a slug or name`);
  if ((await ctx.lookup(kind, wpSlug(slug, name))) !== undefined) return void ctx.summary.existing[kind === 'category' ? 'categories' : 'tags']++;
  if (kind === 'category') await ensureCategory(ctx, slug, name, field(node, f.description), field(node, f.parent));
  else await ensureTag(ctx, slug, name);
}

const TERM_FIELDS = {
  category: { slug: 'category_nicename', name: 'cat_name', description: 'category_description', parent: 'category_parent' },
  tag: { slug: 'tag_slug', name: 'tag_name', description: 'tag_description', parent: 'tag_parent' },
  term: { slug: 'term_slug', name: 'term_name', description: 'term_description', parent: 'term_parent' },
} as const;

/** Links each new category to its parent, once all are known; a missing parent leaves it top-level. */
export async function linkCategoryParents(ctx: WxrContext): Promise<void> {
  for (const [id, parentSlug] of ctx.pendingParents) {
    const parent = await ctx.lookup('category', parentSlug);
    if (parent === undefined || parent === id) {
      ctx.note('category whose parent is not in the export, made top-level');
      continue;
    }
    await ctx.trx.updateTable('categories').set({ parent_id: parent }).where('id', '=', id).execute();
  }
}
