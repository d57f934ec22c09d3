import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ArticleRow } from '../../db/schema.js';
import { renderMarkdown } from '../../content/html.js';
import { loadSettings } from '../../content/settings.js';
import { allCategories } from '../../content/taxonomy.repository.js';
import { summaryFor } from '../../content/articles.service.js';
import { baseUrlFor, sendPage } from '../../site/render.js';
import { articleView, siteView } from '../../site/site.service.js';
import { formatDateTime } from '../../site/dates.js';
import { ArticlePage } from '../../site/views/article.js';
import type { AdminDeps } from '../admin.context.js';
import { findMedia, mediaUrl, srcsetOf, withResponsiveImages } from '../media/media.repository.js';
import { toArticleInput, type EditorValues } from './editor.schema.js';

/**
 * The whole public article page for unsaved editor values, built by the same
 * presenter and view readers get, so what the editor sees is what readers
 * will see. Nothing is stored.
 */
export async function sendPreview(deps: AdminDeps, request: FastifyRequest, reply: FastifyReply, values: EditorValues, existing: ArticleRow | null): Promise<FastifyReply> {
  const settings = await loadSettings(deps.db);
  const categories = await allCategories(deps.db);
  const { input, extras } = toArticleInput(values);
  const now = deps.clock.now().toISOString();
  const bodyHtml = await withResponsiveImages(deps.db, renderMarkdown(input.body ?? ''));
  const media = extras.mediaId ? await findMedia(deps.db, extras.mediaId) : undefined;
  const row: ArticleRow = {
    ...(existing ?? ({} as ArticleRow)),
    id: existing?.id ?? 0,
    type: input.type === 'page' ? 'page' : 'post',
    slug: values.slug || 'preview',
    title: values.title || '(no headline yet)',
    dek: input.dek ?? null,
    excerpt: input.excerpt ?? null,
    summary: summaryFor(input.excerpt ?? null, bodyHtml),
    kind: (['news', 'opinion', 'review', 'analysis'].includes(values.kind) ? values.kind : 'news') as ArticleRow['kind'],
    body_format: 'markdown',
    body_source: values.body,
    body_html: bodyHtml,
    status: existing?.status ?? 'draft',
    published_at: existing?.published_at ?? now,
    created_at: existing?.created_at ?? now,
    updated_at: now,
    lang: input.lang ?? null,
    dir: input.dir ?? null,
    primary_category_id: input.categoryId ?? null,
    featured: 0,
    featured_image_url: media ? mediaUrl(media.path) : null,
    featured_image_alt: extras.imageAlt ?? media?.alt ?? null,
    featured_image_caption: extras.imageCaption,
    featured_image_credit: extras.imageCredit,
    featured_image_width: media?.width ?? null,
    featured_image_height: media?.height ?? null,
    featured_image_srcset: media ? srcsetOf(media) : null,
    source_id: input.sourceId ?? null,
    original_url: input.originalUrl ?? null,
    original_author: input.originalAuthor ?? null,
    series_id: null,
    series_part: null,
    // the preview shows no comment form: nothing on it may be posted
    comments_enabled: 0,
    version: existing?.version ?? 0,
    owner_user_id: existing?.owner_user_id ?? null,
  };
  const baseUrl = baseUrlFor(request, deps.config.publicUrl);
  const view = await articleView(deps.db, row, settings, categories, baseUrl, deps.clock.now());
  view.comments = [];
  view.commentCount = 0;
  view.checkAlso = null;
  const site = siteView(settings, baseUrl, '/admin/preview', deps.siteCssUrl);
  return sendPage(
    reply,
    <ArticlePage
      site={site}
      head={{ title: `Preview: ${row.title}`, noindex: true }}
      article={view}
      timeLabel={(iso) => formatDateTime(iso, settings.timezone, view.lang)}
      form={{ action: '#' }}
      notice={
        <p class="notice" role="status">
          This is a preview; it has not been saved. Use your browser's Back button to return to the editor.
        </p>
      }
    />,
  );
}
