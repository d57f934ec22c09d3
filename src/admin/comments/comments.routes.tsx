import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError } from '../../errors.js';
import { countByStatus, editComment, listForModeration, moderate, replyAsModerator } from '../../comments/comments.moderation.js';
import { chromeFor, currentUser, fieldErrors, routeId, sendAdmin, str, strs, type AdminDeps } from '../admin.context.js';
import { authorize } from '../policies/comment.policy.js';
import { doneNotice, presentQueueRow } from './moderation.presenter.js';
import { moderateFormSchema, PAGE_SIZE, queueQuerySchema, type QueueQuery } from './moderation.schema.js';
import { QueuePage } from './views/queue.js';
import { CommentPage, type CommentPageView } from './views/comment.js';

/*
 * The moderation queue under /admin/comments/. The comments feature owns the
 * rules (comments.moderation.ts); these routes validate, authorize, call it
 * and present. The service emits the change events, so approving a comment
 * drops the cached story page.
 */
export async function registerCommentModerationRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  async function queue(request: FastifyRequest, reply: FastifyReply, q: Omit<QueueQuery, 'done' | 'n'>, message: { notice?: string | null; error?: string | null } = {}, status = 200) {
    const counts = await countByStatus(deps.db);
    const pages = Math.max(1, Math.ceil(counts[q.status] / PAGE_SIZE));
    const rows = await listForModeration(deps.db, { status: q.status, limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE });
    return sendAdmin(reply, <QueuePage chrome={chromeFor(request, deps)} view={{ status: q.status, counts, rows: rows.map(presentQueueRow), page: q.page, pages, ...message }} />, rows.length === 0 && q.page > 1 && status === 200 ? 404 : status);
  }

  async function loadComment(rawId: string | undefined) {
    const id = routeId(rawId);
    const [row] = await listForModeration(deps.db, { id, limit: 1 });
    if (!row) throw new AppError('NOT_FOUND', `There is no comment ${id}; it may have been deleted.`);
    return presentQueueRow(row);
  }

  async function commentPage(request: FastifyRequest, reply: FastifyReply, rawId: string | undefined, view: Partial<Omit<CommentPageView, 'row'>> = {}, status = 200) {
    const row = await loadComment(rawId);
    const edit = view.edit ?? { name: row.authorName, email: row.authorEmail, url: row.authorUrl ?? '', comment: row.body };
    return sendAdmin(reply, <CommentPage chrome={chromeFor(request, deps)} view={{ row, edit, editErrors: {}, reply: '', ...view }} />, status);
  }


  app.get('/admin/comments/', async (request, reply) => {
    authorize(currentUser(request), 'moderate');
    const parsed = queueQuerySchema.safeParse(request.query ?? {});
    if (!parsed.success) return queue(request, reply, { status: 'pending', page: 1 }, { error: messages(parsed.error) }, 400);
    const { done, n, ...q } = parsed.data;
    return queue(request, reply, q, { notice: done !== undefined && n !== undefined ? doneNotice(done, n) : null });
  });

  app.post('/admin/comments/moderate', async (request, reply) => {
    authorize(currentUser(request), 'moderate');
    const body = request.body;
    const parsed = moderateFormSchema.safeParse({ action: str(body, 'action'), ids: strs(body, 'ids').map((s) => s.trim()), status: str(body, 'status'), page: str(body, 'page') });
    if (!parsed.success) {
      const back = { status: moderateFormSchema.shape.status.parse(str(body, 'status')), page: moderateFormSchema.shape.page.parse(str(body, 'page')) };
      return queue(request, reply, back, { error: `Nothing changed. ${messages(parsed.error)}` }, 400);
    }
    const { action, ids, status } = parsed.data;
    const result = await moderate(deps.db, deps.events, deps.clock, action, ids);
    // the page may have emptied (everything on the last page approved): land on what is left
    const page = Math.min(parsed.data.page, Math.max(1, Math.ceil((await countByStatus(deps.db))[status] / PAGE_SIZE)));
    if (result.missing.length) {
      const missing = result.missing.map((id) => `${id}`).join(', ');
      const error = `${result.missing.length === 1 ? `There is no comment ${missing}` : `There are no comments ${missing}`}; ${result.missing.length === 1 ? 'it' : 'they'} may have been deleted.`;
      return queue(request, reply, { status, page }, { notice: result.changed.length ? doneNotice(action, result.changed.length) : null, error }, result.changed.length ? 200 : 404);
    }
    return reply.redirect(`/admin/comments/?status=${status}${page > 1 ? `&page=${page}` : ''}&done=${action}&n=${result.changed.length}`, 303);
  });

  app.get<{ Params: { id: string } }>('/admin/comments/:id', async (request, reply) => {
    authorize(currentUser(request), 'moderate');
    return commentPage(request, reply, request.params.id);
  });

  app.post<{ Params: { id: string } }>('/admin/comments/:id/edit', async (request, reply) => {
    authorize(currentUser(request), 'moderate');
    const row = await loadComment(request.params.id);
    const edit = { name: str(request.body, 'name'), email: str(request.body, 'email'), url: str(request.body, 'url'), comment: str(request.body, 'comment') };
    try {
      await editComment(deps.db, deps.events, deps.clock, row.id, edit);
    } catch (err) {
      if (!(err instanceof ZodError)) throw err;
      const editErrors = fieldErrors(err);
      return commentPage(request, reply, request.params.id, { edit, editErrors, error: `Not saved: ${Object.values(editErrors)[0]}` }, 400);
    }
    return commentPage(request, reply, request.params.id, { notice: 'Saved your changes to the comment.' });
  });

  app.post<{ Params: { id: string } }>('/admin/comments/:id/reply', async (request, reply) => {
    const user = currentUser(request);
    authorize(user, 'moderate');
    const row = await loadComment(request.params.id);
    const text = str(request.body, 'reply');
    let id: number;
    try {
      id = await replyAsModerator(deps.db, deps.events, deps.clock, row.id, { name: user.name, email: user.email, comment: text });
    } catch (err) {
      if (!(err instanceof ZodError)) throw err;
      const errors = fieldErrors(err);
      const replyError = errors.comment ?? Object.values(errors)[0];
      return commentPage(request, reply, request.params.id, { reply: text, replyError, error: `Not published: ${replyError}` }, 400);
    }
    return commentPage(request, reply, request.params.id, { notice: `Your reply is published as comment ${id}.` });
  });
}

/** Each distinct problem once, in words (the field names mean nothing to a moderator). */
function messages(err: ZodError): string {
  return [...new Set(err.issues.map((i) => i.message))].join(' ');
}
