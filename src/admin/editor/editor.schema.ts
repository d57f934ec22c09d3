import type { ArticleInput } from '../../content/articles.service.js';
import { idOrNull, str, strs } from '../admin.context.js';
import type { EditorExtras } from './article-writer.service.js';

export const INTENTS = ['save', 'submit', 'publish', 'schedule', 'unpublish', 'trash', 'preview'] as const;
export type Intent = (typeof INTENTS)[number];

/** The editor form exactly as typed: what is shown again when a save is refused. */
export interface EditorValues {
  title: string;
  dek: string;
  slug: string;
  excerpt: string;
  body: string;
  kind: string;
  type: string;
  categoryId: string;
  tags: string;
  authorIds: string[];
  sourceId: string;
  originalUrl: string;
  originalAuthor: string;
  seriesId: string;
  seriesPart: string;
  lang: string;
  dir: string;
  featured: boolean;
  mediaId: string;
  imageAlt: string;
  imageCaption: string;
  imageCredit: string;
  commentsEnabled: boolean;
  publishAt: string;
  version: string;
}

export function readEditorValues(body: unknown): EditorValues {
  const raw = (name: string) => {
    const v = (body as Record<string, unknown> | undefined)?.[name];
    // the body keeps its own whitespace; only \r\n is folded
    return typeof v === 'string' ? v.replace(/\r\n/g, '\n') : '';
  };
  return {
    title: str(body, 'title'),
    dek: str(body, 'dek'),
    slug: str(body, 'slug'),
    excerpt: str(body, 'excerpt'),
    body: raw('body'),
    kind: str(body, 'kind') || 'news',
    type: str(body, 'type') || 'post',
    categoryId: str(body, 'categoryId'),
    tags: str(body, 'tags'),
    authorIds: strs(body, 'authorIds'),
    sourceId: str(body, 'sourceId'),
    originalUrl: str(body, 'originalUrl'),
    originalAuthor: str(body, 'originalAuthor'),
    seriesId: str(body, 'seriesId'),
    seriesPart: str(body, 'seriesPart'),
    lang: str(body, 'lang'),
    dir: str(body, 'dir'),
    featured: str(body, 'featured') === '1',
    mediaId: str(body, 'mediaId'),
    imageAlt: str(body, 'imageAlt'),
    imageCaption: str(body, 'imageCaption'),
    imageCredit: str(body, 'imageCredit'),
    commentsEnabled: str(body, 'commentsEnabled') === '1',
    publishAt: str(body, 'publishAt'),
    version: str(body, 'version'),
  };
}

export function readIntent(body: unknown): Intent {
  const intent = str(body, 'intent');
  return (INTENTS as readonly string[]).includes(intent) ? (intent as Intent) : 'save';
}

/** Form strings → the article input schema's shape (which validates them) and the editor's extras. */
export function toArticleInput(v: EditorValues): { input: ArticleInput; extras: EditorExtras } {
  const part = /^\d{1,4}$/.test(v.seriesPart) ? Number(v.seriesPart) : v.seriesPart ? -1 : null;
  return {
    input: {
      type: v.type as ArticleInput['type'],
      slug: v.slug,
      title: v.title,
      dek: v.dek || null,
      excerpt: v.excerpt || null,
      kind: v.kind as ArticleInput['kind'],
      body: v.body,
      lang: v.lang || null,
      dir: (v.dir || null) as ArticleInput['dir'],
      categoryId: idOrNull(v.categoryId),
      featured: v.featured,
      sourceId: idOrNull(v.sourceId),
      originalUrl: v.originalUrl || null,
      originalAuthor: v.originalAuthor || null,
      seriesId: idOrNull(v.seriesId),
      seriesPart: part,
      commentsEnabled: v.commentsEnabled,
      authorIds: v.authorIds.map(idOrNull).filter((x): x is number => x !== null),
    },
    extras: {
      tagNames: v.tags
        .split(',')
        .map((t) => t.trim().slice(0, 200))
        .filter(Boolean)
        .slice(0, 50),
      mediaId: idOrNull(v.mediaId),
      imageAlt: v.imageAlt || null,
      imageCaption: v.imageCaption || null,
      imageCredit: v.imageCredit || null,
    },
  };
}
