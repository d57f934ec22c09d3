import type { Kysely } from 'kysely';
import type { ArticleRow, Database } from '../../db/schema.js';
import { allCategories, categoryPath } from '../../content/taxonomy.repository.js';
import { can, type ArticleSubject } from '../policies/article.policy.js';
import type { Actor } from '../policies/policy.js';
import { utcToZoned } from './zoned-time.js';
import type { EditorValues } from './editor.schema.js';
import type { Option } from './views/editor-page.js';

/** The choices the editor's drop-downs offer. */
export async function editorOptions(db: Kysely<Database>): Promise<{ categories: Option[]; authors: Option[]; sources: Option[]; series: Option[]; media: Option[] }> {
  const [categories, authors, sources, series, media] = await Promise.all([
    allCategories(db),
    db.selectFrom('authors').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('sources').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('series').select(['id', 'title']).orderBy('title').execute(),
    db.selectFrom('media').select(['id', 'original_name', 'alt']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(300).execute(),
  ]);
  return {
    categories: categories.map((c) => ({ value: c.id, label: categoryPath(categories, c.id).map((p) => p.name).join(' › ') })).sort((a, b) => a.label.localeCompare(b.label)),
    authors: authors.map((a) => ({ value: a.id, label: a.name })),
    sources: sources.map((s) => ({ value: s.id, label: s.name })),
    series: series.map((s) => ({ value: s.id, label: s.title })),
    media: media.map((m) => ({ value: m.id, label: m.alt ? `${m.alt} (${m.original_name})` : m.original_name })),
  };
}

export function emptyValues(authorId: number | null): EditorValues {
  return {
    title: '', dek: '', slug: '', excerpt: '', body: '', kind: 'news', type: 'post', categoryId: '', tags: '',
    authorIds: authorId ? [String(authorId)] : [], sourceId: '', originalUrl: '', originalAuthor: '', seriesId: '', seriesPart: '',
    lang: '', dir: '', featured: false, mediaId: '', imageAlt: '', imageCaption: '', imageCredit: '', commentsEnabled: true, publishAt: '', version: '',
  };
}

/** A stored story as the editor form shows it. */
export async function valuesFromRow(db: Kysely<Database>, row: ArticleRow, rel: { authorIds: number[]; tagNames: string[] }, timezone: string): Promise<EditorValues> {
  const media = row.featured_image_url?.startsWith('/media/') ? await db.selectFrom('media').select('id').where('path', '=', row.featured_image_url.slice(7)).executeTakeFirst() : undefined;
  return {
    title: row.title,
    dek: row.dek ?? '',
    slug: row.slug,
    excerpt: row.excerpt ?? '',
    body: row.body_source,
    kind: row.kind,
    type: row.type,
    categoryId: row.primary_category_id ? String(row.primary_category_id) : '',
    tags: rel.tagNames.join(', '),
    authorIds: rel.authorIds.map(String),
    sourceId: row.source_id ? String(row.source_id) : '',
    originalUrl: row.original_url ?? '',
    originalAuthor: row.original_author ?? '',
    seriesId: row.series_id ? String(row.series_id) : '',
    seriesPart: row.series_part ? String(row.series_part) : '',
    lang: row.lang ?? '',
    dir: row.dir ?? '',
    featured: row.featured === 1,
    mediaId: media ? String(media.id) : '',
    imageAlt: row.featured_image_alt ?? '',
    imageCaption: row.featured_image_caption ?? '',
    imageCredit: row.featured_image_credit ?? '',
    commentsEnabled: row.comments_enabled === 1,
    publishAt: row.published_at ? utcToZoned(row.published_at, timezone) : '',
    version: String(row.version),
  };
}

/** Which workflow buttons to show; the server checks again on submit. */
export function allowedActions(actor: Actor, subject: ArticleSubject) {
  return {
    submit: can(actor, 'submit', subject) && (subject.status === 'draft' || subject.status === 'pending'),
    publish: can(actor, 'publish', subject),
    schedule: can(actor, 'schedule', subject) && subject.status !== 'published',
    unpublish: can(actor, 'unpublish', subject) && (subject.status === 'published' || subject.status === 'scheduled' || subject.status === 'trash'),
    trash: can(actor, 'trash', subject) && subject.status !== 'trash',
  };
}
