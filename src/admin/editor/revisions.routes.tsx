import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import { loadSettings } from '../../content/settings.js';
import { announce, chromeFor, currentUser, routeId, sendAdmin, str, type AdminDeps } from '../admin.context.js';
import { authorize } from '../policies/article.policy.js';
import { AdminLayout, Csrf } from '../views/layout.js';
import { articleRelations, findArticleById, SaveConflictError, writeArticle } from './article-writer.service.js';
import { diffLines } from './diff.js';
import { toArticleInput } from './editor.schema.js';
import { valuesFromRow } from './editor.data.js';
import { findRevision } from './revisions.repository.js';

export async function registerRevisionRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { db, clock } = deps;

  async function load(params: { id: string; rid: string }) {
    const row = await findArticleById(db, routeId(params.id));
    const rev = row ? await findRevision(db, row.id, routeId(params.rid)) : undefined;
    if (!row || !rev) throw new AppError('NOT_FOUND', 'That revision does not exist.');
    return { row, rev };
  }

  app.get<{ Params: { id: string; rid: string } }>('/admin/articles/:id/revisions/:rid', async (request, reply) => {
    const actor = currentUser(request);
    const { row, rev } = await load(request.params);
    authorize(actor, 'view', row);
    const before = [`# ${rev.title}`, rev.dek ?? '', '', rev.body_source].join('\n');
    const after = [`# ${row.title}`, row.dek ?? '', '', row.body_source].join('\n');
    const lines = diffLines(before, after);
    const changed = lines.some((l) => l.op !== 'same');
    const chrome = chromeFor(request, deps);
    return sendAdmin(
      reply,
      <AdminLayout chrome={chrome} title={`${rev.kind === 'autosave' ? 'Autosave' : `Version ${rev.version}`} of “${row.title}”`}>
        <p>
          Saved {rev.created_at.slice(0, 16).replace('T', ' ')} UTC. Lines marked <del>removed</del> are in this revision but not in the current story; lines marked <ins>added</ins> are in the current story only.
        </p>
        {changed ? (
          <div class="diff" role="region" aria-label="Differences">
            {lines.map((l, i) =>
              l.op === 'same' ? (
                <div key={i}>{l.text || ' '}</div>
              ) : l.op === 'add' ? (
                <ins key={i}>
                  <span class="visually-hidden">added: </span>+ {l.text}
                </ins>
              ) : (
                <del key={i}>
                  <span class="visually-hidden">removed: </span>- {l.text}
                </del>
              ),
            )}
          </div>
        ) : (
          <p>This revision is the same as the current story.</p>
        )}
        <form method="post" action={`/admin/articles/${row.id}/revisions/${rev.id}/restore`}>
          <Csrf token={chrome.csrf} />
          <input type="hidden" name="version" value={String(row.version)} />
          <p class="actions">
            <button type="submit">Restore this version</button> <a href={`/admin/articles/${row.id}`}>Back to the editor</a>
          </p>
        </form>
      </AdminLayout>,
    );
  });

  app.post<{ Params: { id: string; rid: string } }>('/admin/articles/:id/revisions/:rid/restore', async (request, reply) => {
    const actor = currentUser(request);
    const { row, rev } = await load(request.params);
    authorize(actor, 'restore', row);
    authorize(actor, 'edit', row);
    const settings = await loadSettings(db);
    const values = { ...(await valuesFromRow(db, row, await articleRelations(db, row.id), settings.timezone)), title: rev.title, dek: rev.dek ?? '', excerpt: rev.excerpt ?? '', body: rev.body_source };
    const { input, extras } = toArticleInput(values);
    try {
      const result = await writeArticle(db, { existing: row, expectedVersion: Number(str(request.body, 'version')) || -1, input, extras, status: row.status, publishedAt: row.published_at, actor, clock });
      if (result.event) announce(deps, request, result.event);
    } catch (err) {
      if (err instanceof SaveConflictError) throw new AppError('CONFLICT', 'The story was saved by someone else since you opened this revision. Open it again and retry.');
      throw err;
    }
    return reply.redirect(`/admin/articles/${row.id}?done=restore`, 303);
  });
}
