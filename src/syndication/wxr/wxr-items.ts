import type { XNode } from '../xml-tree.js';
import { createArticle } from '../../content/articles.service.js';
import { createRedirect, normalizeRedirectPath } from '../../content/redirects.js';
import { insertComment } from '../../comments/comments.repository.js';
import { stripControlChars, textFromHtml, truncateWords } from '../../content/html.js';
import type { ArticleStatus, CommentStatus } from '../../db/schema.js';
import { parseFeedDate } from '../dates.js';
import { children, field, isExcerpt } from './wxr-reader.js';
import { ensureAuthor, ensureCategory, ensureTag, wpSlug } from './wxr-terms.js';
import type { WxrContext } from './wxr-context.js';

const CONTENT = (n: XNode) => n.uri === 'http://purl.org/rss/1.0/modules/content/';
const DC = (n: XNode) => n.uri === 'http://purl.org/dc/elements/1.1/';
const PLAIN = (n: XNode) => n.uri === '';

const STATUS: Record<string, ArticleStatus> = { publish: 'published', future: 'scheduled', draft: 'draft', pending: 'pending', private: 'draft', trash: 'trash' };
const COMMENT_STATUS: Record<string, CommentStatus> = { '1': 'approved', '0': 'pending', spam: 'spam', trash: 'trash', 'post-trashed': 'trash' };

/** "2026-11-20 10:00:00" (UTC, WordPress's *_gmt fields) → ISO; null for WordPress's zero date. */
function gmt(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || m[1] === '0000') return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * WordPress stores bodies with bare line breaks and adds paragraphs when it
 * shows them (wpautop); without that, a classic-editor post would render as
 * one run-on paragraph. Blocks already in HTML are left alone.
 */
export function autop(html: string): string {
  const text = html.replace(/\r\n?/g, '\n').trim();
  if (!text) return '';
  if (/<(p|div|h[1-6]|ul|ol|table|blockquote|figure|pre)[\s>]/i.test(text) && !/\n\s*\n/.test(text)) return text;
  return text
    .split(/\n\s*\n/)
    .map((block) => (/^\s*<(p|div|h[1-6]|ul|ol|table|blockquote|figure|pre|!--)/i.test(block) ? block : `<p>${block.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}

function metaValue(item: XNode, key: string): string | null {
  for (const m of children(item, 'postmeta')) if (field(m, 'meta_key').trim() === key) return field(m, 'meta_value').trim();
  return null;
}

/** Where an attachment's file sits below the uploads folder ("2026/11/photo.jpg"). */
function uploadsPath(url: string): string | null {
  const clean = url.split(/[?#]/)[0]!;
  // self-hosted: …/wp-content/uploads/2026/11/x.jpg; WordPress.com: files.wordpress.com/2026/11/x.jpg
  const m = /\/uploads\/(.+)$/.exec(clean) ?? /\/(\d{4}\/\d{2}\/[^/]+)$/.exec(clean);
  const rel = m ? m[1]! : clean.split('/').pop() ?? '';
  try {
    return decodeURIComponent(rel) || null;
  } catch {
    return rel || null;
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

async function redirectsFor(ctx: WxrContext, item: XNode, type: string, wpId: string, slug: string, date: string | null): Promise<void> {
  // encoded: the target goes into a Location header, which must be ASCII
  const target = `/${encodeURIComponent(slug)}/`;
  const from = new Set<string>();
  if (/^\d+$/.test(wpId)) from.add(type === 'page' ? `/?page_id=${wpId}` : `/?p=${wpId}`);
  if (/^\d+$/.test(wpId) && type === 'page') from.add(`/?p=${wpId}`);
  const link = field(item, 'link', PLAIN).trim();
  try {
    const u = new URL(link);
    if (u.pathname !== '/' || u.search) from.add(u.pathname + u.search);
  } catch {
    // no usable old link
  }
  const name = field(item, 'post_name').trim();
  if (type === 'post' && date && name) {
    const [y, mo, d] = date.slice(0, 10).split('-');
    from.add(`/${y}/${mo}/${d}/${name}/`);
    from.add(`/${y}/${mo}/${name}/`);
  }
  for (const raw of from) {
    // the site looks redirects up by the decoded path, so store them decoded
    const path = safeDecode(raw);
    if (!path.startsWith('/') || path.startsWith('//') || normalizeRedirectPath(path) === normalizeRedirectPath(target) || path.length > 2000) continue;
    const before = await ctx.trx.selectFrom('redirects').select(['to_path']).where('from_path', '=', normalizeRedirectPath(path)).executeTakeFirst();
    if (before?.to_path === target) continue;
    try {
      await createRedirect(ctx.trx, { from: path, to: target }, ctx.clock);
      ctx.summary.created.redirects++;
    } catch {
      ctx.note('old link that is not a valid path; no redirect');
    }
  }
}

async function importComments(ctx: WxrContext, item: XNode, postKey: string, articleId: number): Promise<void> {
  const localIds = new Map<string, number>();
  const parents: [number, string][] = [];
  for (const c of children(item, 'comment')) {
    const wpId = field(c, 'comment_id').trim();
    const key = `${postKey}#${wpId || field(c, 'comment_date_gmt') + field(c, 'comment_author')}`;
    const known = await ctx.lookup('comment', key);
    if (known !== undefined) {
      localIds.set(wpId, known);
      ctx.summary.existing.comments++;
      continue;
    }
    const url = field(c, 'comment_author_url').trim();
    const id = await insertComment(ctx.trx, {
      articleId,
      name: stripControlChars(field(c, 'comment_author')).trim().slice(0, 200) || 'Anonymous',
      // kept private, as every commenter email is: never shown or exported
      email: stripControlChars(field(c, 'comment_author_email')).trim().slice(0, 254),
      url: /^https?:\/\/\S+$/i.test(url) && url.length <= 2000 ? url : null,
      body: stripControlChars(field(c, 'comment_content')),
      status: COMMENT_STATUS[field(c, 'comment_approved').trim()] ?? 'pending',
      createdAt: gmt(field(c, 'comment_date_gmt')) ?? gmt(field(c, 'comment_date')) ?? ctx.clock.now().toISOString(),
    });
    await ctx.remember('comment', key, id);
    localIds.set(wpId, id);
    ctx.summary.created.comments++;
    const parent = field(c, 'comment_parent').trim();
    if (parent && parent !== '0') parents.push([id, parent]);
  }
  // replies can come before the comment they answer: link them once all are in
  for (const [id, parent] of parents) {
    const parentId = localIds.get(parent);
    if (parentId && parentId !== id) await ctx.trx.updateTable('comments').set({ parent_id: parentId }).where('id', '=', id).execute();
    else ctx.note('reply whose parent comment is not in the export, shown top-level');
  }
}

/** One <item>: a post or page becomes an article with its comments and redirects; an attachment is remembered. */
export async function importItem(ctx: WxrContext, item: XNode): Promise<void> {
  const type = field(item, 'post_type').trim() || 'post';
  const wpId = field(item, 'post_id').trim();
  const status = field(item, 'status').trim();
  if (type === 'attachment') {
    const url = field(item, 'attachment_url').trim() || field(item, 'guid', PLAIN).trim();
    if (wpId && url) ctx.attachments.set(wpId, { url, rel: uploadsPath(url) });
    const key = `${wpId}|${url}`;
    if ((await ctx.lookup('attachment', key)) !== undefined) return void ctx.summary.existing.attachments++;
    await ctx.remember('attachment', key, 0);
    ctx.summary.created.attachments++;
    return;
  }
  if (type !== 'post' && type !== 'page') return ctx.skip(`post type "${type.slice(0, 40)}"`);
  if (status === 'auto-draft' || status === 'inherit') return ctx.skip(`${type} with status "${status}"`);
  if (!STATUS[status]) ctx.note(`${type} with status "${status.slice(0, 40) || 'none'}" imported as a draft`);
  const title = stripControlChars(field(item, 'title', PLAIN)).trim();
  // id and guid together: two exports from sites at the same address (say, localhost) must not collide
  const postKey = `${wpId}|${field(item, 'guid', PLAIN).trim() || `title:${title}`}`;
  const count = type === 'page' ? 'pages' : 'posts';
  const known = await ctx.lookup('post', postKey);
  if (known !== undefined) {
    ctx.summary.existing[count]++;
    await importComments(ctx, item, postKey, known);
    return;
  }

  const date = gmt(field(item, 'post_date_gmt')) ?? parseFeedDate(field(item, 'pubDate', PLAIN))?.toISOString() ?? gmt(field(item, 'post_date'));
  let ourStatus = STATUS[status] ?? 'draft';
  if (status === 'private') ctx.note('private post imported as a draft');
  if (field(item, 'post_password').trim() && (ourStatus === 'published' || ourStatus === 'scheduled')) {
    ourStatus = 'draft';
    ctx.note('password-protected post imported as a draft');
  }
  const authorIds: number[] = [];
  const creator = field(item, 'creator', DC).trim();
  if (creator) authorIds.push(await ensureAuthor(ctx, creator));
  const categoryIds: number[] = [];
  const tagIds: number[] = [];
  for (const c of children(item, 'category', PLAIN)) {
    const name = c.children.filter((x) => typeof x === 'string').join('');
    const nicename = c.attrs.nicename ?? '';
    if (c.attrs.domain === 'category') categoryIds.push(await ensureCategory(ctx, nicename, name));
    else if (c.attrs.domain === 'post_tag') tagIds.push(await ensureTag(ctx, nicename, name));
    // Co-Authors Plus keeps bylines as "author" terms named by login
    else if (c.attrs.domain === 'author') authorIds.push(await ensureAuthor(ctx, nicename.replace(/^cap-/, '') || name, { name }));
  }
  if (categoryIds.length > 1) ctx.note('post in several categories: the first is its category here');
  const sticky = field(item, 'is_sticky').trim() === '1';
  const slug = wpSlug(field(item, 'post_name'), title || `${type}-${wpId}`);
  let article: { id: number; slug: string };
  try {
    article = await createArticle(
      ctx.trx,
      {
        type: type as 'post' | 'page',
        slug,
        title: (title.length > 490 ? truncateWords(title, 490) : title) || `Untitled ${type} ${wpId}`.trim(),
        bodyFormat: 'html',
        body: autop(field(item, 'encoded', CONTENT)),
        excerpt: textFromHtml(field(item, 'encoded', isExcerpt)).slice(0, 2000) || null,
        status: ourStatus,
        publishedAt: ourStatus === 'published' || ourStatus === 'scheduled' ? date : null,
        updatedAt: gmt(field(item, 'post_modified_gmt')),
        categoryId: categoryIds[0] ?? null,
        featured: sticky,
        commentsEnabled: field(item, 'comment_status').trim() !== 'closed',
        authorIds: [...new Set(authorIds)],
        tagIds: [...new Set(tagIds)],
      },
      ctx.clock,
    );
  } catch (err) {
    const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    if (!issues) throw err;
    return ctx.skip(`${type} that does not validate (${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  }
  await ctx.remember('post', postKey, article.id);
  ctx.summary.created[count]++;
  const thumb = metaValue(item, '_thumbnail_id');
  if (thumb) ctx.pendingThumbnails.push([article.id, thumb]);
  await redirectsFor(ctx, item, type, wpId, article.slug, date);
  await importComments(ctx, item, postKey, article.id);
}

/** Featured images: the attachment each post names, once every attachment has been read. */
export async function linkThumbnails(ctx: WxrContext, localUrl: (rel: string) => string | null): Promise<void> {
  for (const [articleId, attachmentId] of ctx.pendingThumbnails) {
    const att = ctx.attachments.get(attachmentId);
    if (!att) {
      ctx.note('featured image whose attachment is not in the export');
      continue;
    }
    const url = (att.rel && localUrl(att.rel)) || att.url;
    if (!/^https?:\/\/\S+$/i.test(url) && !(url.startsWith('/') && !url.startsWith('//'))) continue;
    const title = await ctx.trx.selectFrom('articles').select('title').where('id', '=', articleId).executeTakeFirstOrThrow();
    await ctx.trx.updateTable('articles').set({ featured_image_url: url.slice(0, 2000), featured_image_alt: title.title }).where('id', '=', articleId).execute();
  }
}
