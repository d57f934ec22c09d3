import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { ArticleRow, ArticleStatus } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { loadSettings } from '../../content/settings.js';
import { renderMarkdown } from '../../content/html.js';
import { announce, chromeFor, currentUser, fieldErrors, routeId, sendAdmin, type AdminDeps } from '../admin.context.js';
import { authorize, type ArticleAction } from '../policies/article.policy.js';
import { articleRelations, changeStatus, findArticleById, SaveConflictError, writeArticle } from './article-writer.service.js';
import { readEditorValues, readIntent, toArticleInput, type EditorValues, type Intent } from './editor.schema.js';
import { allowedActions, editorOptions, emptyValues, valuesFromRow } from './editor.data.js';
import { sendPreview } from './preview.js';
import { EditorPage } from './views/editor-page.js';
import { zonedToUtc } from './zoned-time.js';
import { listRevisions } from './revisions.repository.js';
import { registerRevisionRoutes } from './revisions.routes.js';
import { registerArticleListRoutes } from './list.routes.js';

const NOTICES: Record<string, string> = {
  save: 'Saved.',
  submit: 'Submitted for review. An editor will look at it.',
  publish: 'Published.',
  schedule: 'Scheduled: it will be published at the time you chose.',
  unpublish: 'Unpublished: readers no longer see it.',
  trash: 'Moved to the trash.',
  restore: 'The earlier version is back; it was saved as a new revision.',
};

const ACTION_FOR: Record<Exclude<Intent, 'preview'>, ArticleAction> = { save: 'edit', submit: 'submit', publish: 'publish', schedule: 'schedule', unpublish: 'unpublish', trash: 'trash' };

export async function registerEditorRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { db, clock } = deps;

  async function render(request: FastifyRequest, reply: FastifyReply, o: { row: ArticleRow | null; values: EditorValues; status?: number; error?: string | null; errors?: Record<string, string>; notice?: string | null }) {
    const actor = currentUser(request);
    const settings = await loadSettings(db);
    const subject = o.row ?? { owner_user_id: actor.id, status: 'draft' as ArticleStatus };
    const revisions = o.row ? await listRevisions(db, o.row.id) : [];
    return sendAdmin(
      reply,
      <EditorPage
        chrome={chromeFor(request, deps)}
        title={o.row ? `Edit: ${o.row.title}` : 'New story'}
        action={o.row ? `/admin/articles/${o.row.id}` : '/admin/articles/'}
        values={o.values}
        status={o.row?.status ?? null}
        allowed={o.row ? allowedActions(actor, subject) : { ...allowedActions(actor, subject), unpublish: false, trash: false }}
        options={await editorOptions(db)}
        errors={o.errors}
        error={o.error}
        notice={o.notice}
        articleId={o.row?.id ?? null}
        publicUrl={o.row && o.row.status === 'published' ? `/${encodeURIComponent(o.row.slug)}/` : null}
        revisions={revisions.map((r) => ({ id: r.id, label: `${r.kind === 'autosave' ? 'Autosave' : `Version ${r.version}`} · ${r.created_at.slice(0, 16).replace('T', ' ')} UTC${r.user_name ? ` · ${r.user_name}` : ''}` }))}
        timezone={settings.timezone}
      />,
      o.status ?? 200,
    );
  }

  async function loadArticle(id: string | undefined): Promise<ArticleRow> {
    const row = await findArticleById(db, routeId(id));
    if (!row) throw new AppError('NOT_FOUND', 'There is no story with that number; it may have been deleted.');
    return row;
  }

  app.get('/admin/articles/new', async (request, reply) => {
    const actor = currentUser(request);
    authorize(actor, 'create');
    return render(request, reply, { row: null, values: emptyValues(actor.authorId) });
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/admin/articles/:id', async (request, reply) => {
    const actor = currentUser(request);
    const row = await loadArticle(request.params.id);
    authorize(actor, 'view', row);
    const settings = await loadSettings(db);
    const values = await valuesFromRow(db, row, await articleRelations(db, row.id), settings.timezone);
    const done = typeof request.query.done === 'string' ? NOTICES[request.query.done] : undefined;
    return render(request, reply, { row, values, notice: done ?? null });
  });

  async function save(request: FastifyRequest, reply: FastifyReply, row: ArticleRow | null) {
    const actor = currentUser(request);
    const values = readEditorValues(request.body);
    const intent = readIntent(request.body);
    if (row) authorize(actor, 'view', row);
    if (intent === 'preview') return sendPreview(deps, request, reply, values, row);
    const subject = row ?? { owner_user_id: actor.id, status: 'draft' as ArticleStatus };
    if (!row) authorize(actor, 'create');
    authorize(actor, ACTION_FOR[intent], subject);
    if (row && intent !== 'trash') authorize(actor, 'edit', row);

    const expectedVersion = row ? Number(values.version) || -1 : null;
    try {
      if (row && intent === 'trash') {
        const { event } = await changeStatus(db, row, expectedVersion!, 'trash', clock);
        if (event) announce(deps, request, event);
        return reply.redirect(`/admin/articles/?done=trash`, 303);
      }
      const settings = await loadSettings(db);
      let status: ArticleStatus = row?.status ?? 'draft';
      let publishedAt: string | null = row?.published_at ?? null;
      const now = clock.now().toISOString();
      if (intent === 'submit') status = 'pending';
      if (intent === 'unpublish') status = 'draft';
      if (intent === 'publish') {
        status = 'published';
        if (row?.status !== 'published' || !publishedAt) publishedAt = now;
      }
      if (intent === 'schedule') {
        const at = values.publishAt ? zonedToUtc(values.publishAt, settings.timezone) : null;
        if (!at) return render(request, reply, { row, values, status: 400, errors: { publishAt: 'Choose the date and time to publish.' }, error: 'Choose the date and time to publish.' });
        if (at <= now) return render(request, reply, { row, values, status: 400, errors: { publishAt: 'That time has passed; choose a time in the future, or publish now.' }, error: 'That time has passed; choose a time in the future, or publish now.' });
        status = 'scheduled';
        publishedAt = at;
      }
      if (intent === 'save' && row?.status === 'scheduled' && values.publishAt) {
        publishedAt = zonedToUtc(values.publishAt, settings.timezone) ?? publishedAt;
      }
      if (status !== 'published' && status !== 'scheduled' && intent === 'unpublish') publishedAt = null;
      const { input, extras } = toArticleInput(values);
      const result = await writeArticle(db, { existing: row, expectedVersion, input, extras, status, publishedAt, actor, clock });
      if (result.event) announce(deps, request, result.event);
      return reply.redirect(`/admin/articles/${result.id}?done=${intent}`, 303);
    } catch (err) {
      if (err instanceof SaveConflictError) return render(request, reply, { row, values, status: 409, error: err.message });
      if (err instanceof ZodError) {
        const errors = fieldErrors(err);
        return render(request, reply, { row, values, status: 400, errors, error: `Not saved: ${Object.values(errors)[0]}` });
      }
      if (err instanceof AppError && err.status === 400) return render(request, reply, { row, values, status: 400, error: `Not saved: ${err.message}` });
      throw err;
    }
  }

  app.post('/admin/articles/', async (request, reply) => save(request, reply, null));
  app.post<{ Params: { id: string } }>('/admin/articles/:id', async (request, reply) => save(request, reply, await loadArticle(request.params.id)));

  // the live preview: the body alone, rendered and sanitized as readers will get it
  app.post('/admin/preview', async (request, reply) => {
    currentUser(request);
    const body = (request.body as Record<string, unknown>)?.body;
    const html = renderMarkdown(typeof body === 'string' ? body : '');
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post<{ Params: { id: string } }>('/admin/articles/:id/autosave', async (request, reply) => {
    const actor = currentUser(request);
    const row = await loadArticle(request.params.id);
    authorize(actor, 'edit', row);
    const v = readEditorValues(request.body);
    if (!v.title && !v.body) return reply.code(204).send();
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('article_revisions').where('article_id', '=', row.id).where('kind', '=', 'autosave').where('user_id', '=', actor.id).execute();
      await trx
        .insertInto('article_revisions')
        .values({ article_id: row.id, kind: 'autosave', version: row.version, title: v.title.slice(0, 500) || row.title, dek: v.dek || null, excerpt: v.excerpt || null, body_source: v.body.slice(0, 2_000_000), user_id: actor.id, created_at: now })
        .execute();
    });
    return reply.code(204).send();
  });

  await registerRevisionRoutes(app, deps);
  await registerArticleListRoutes(app, deps);
}
