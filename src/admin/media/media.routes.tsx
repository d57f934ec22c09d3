import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { AppError } from '../../errors.js';
import { stripControlChars } from '../../content/html.js';
import { chromeFor, currentUser, routeId, sendAdmin, str, type AdminDeps } from '../admin.context.js';
import { authorize, can } from '../policies/media.policy.js';
import { AdminLayout, Csrf } from '../views/layout.js';
import { findMedia, listMedia, mediaUrl, srcsetOf } from './media.repository.js';
import { deleteMedia, storeUpload } from './media.service.js';

const PER_PAGE = 48;
const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' };
const MEDIA_PATH = /^(\d{4}\/\d{2}\/[a-f0-9]{16}(?:-\d{2,4})?)\.(jpg|png|gif|webp|avif)$/;

/** Public: serves stored originals and variants with their real type, nosniff and a year's caching (names never change). */
export function registerMediaFiles(app: FastifyInstance, mediaDir: string): void {
  app.get('/media/*', async (request, reply) => {
    const rel = (request.params as { '*': string })['*'];
    const m = MEDIA_PATH.exec(rel);
    if (!m) return reply.callNotFound();
    const file = path.join(mediaDir, rel);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      return reply.callNotFound();
    }
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-security-policy', "default-src 'none'");
    reply.header('content-length', stat.size);
    return reply.type(TYPES[m[2]!]!).send(fs.createReadStream(file));
  });
}

export async function registerMediaRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  await app.register(multipart, { limits: { fileSize: deps.uploadLimit, files: 1, fields: 5, fieldSize: 4000, parts: 8 } });
  const limitMb = (deps.uploadLimit / 1024 / 1024).toFixed(deps.uploadLimit < 1024 * 1024 ? 2 : 0);

  async function library(request: FastifyRequest, reply: FastifyReply, o: { notice?: string | null; error?: string | null; status?: number } = {}) {
    const actor = currentUser(request);
    const q = request.query as Record<string, string>;
    const page = /^[1-9]\d{0,5}$/.test(q.page ?? '') ? Number(q.page) : 1;
    const { items, total } = await listMedia(deps.db, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    const chrome = chromeFor(request, deps);
    return sendAdmin(
      reply,
      <AdminLayout chrome={chrome} title="Media library" notice={o.notice} error={o.error}>
        {can(actor, 'upload') ? (
          <form method="post" action={`/admin/media/?_csrf=${encodeURIComponent(chrome.csrf)}`} enctype="multipart/form-data" class="narrow-form">
            <p class="field">
              <label for="f-alt">Alt text</label>
              <span class="hint" id="f-alt-hint">
                What the image shows, for readers who cannot see it.
              </span>
              <input id="f-alt" name="alt" type="text" maxLength={1000} aria-describedby="f-alt-hint" />
            </p>
            <p class="field">
              <label for="f-file">Image</label>
              <span class="hint" id="f-file-hint">{`JPEG, PNG, WebP, AVIF or GIF, up to ${limitMb} MB.`}</span>
              <input id="f-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" required aria-describedby="f-file-hint" />
            </p>
            <p>
              <button type="submit">Upload</button>
            </p>
          </form>
        ) : (
          <p>Your role can use images already in the library; ask an author or editor to upload new ones.</p>
        )}
        <p role="status">{total === 1 ? '1 image' : `${total} images`}</p>
        <ul class="media-grid">
          {items.map((m) => (
            <li key={m.id}>
              <img src={mediaUrl(m.path)} srcset={srcsetOf(m) ?? undefined} sizes="12rem" alt={m.alt ?? ''} width={m.width ?? undefined} height={m.height ?? undefined} loading="lazy" />
              <p>
                {m.original_name}
                <br />
                {m.width}×{m.height} · {Math.round(m.bytes / 1024)} KB
                <br />
                <code>{mediaUrl(m.path)}</code>
              </p>
              {can(actor, 'describe', m) ? (
                <form method="post" action={`/admin/media/${m.id}`}>
                  <Csrf token={chrome.csrf} />
                  <p class="field">
                    <label for={`alt-${m.id}`}>Alt text</label>
                    <input id={`alt-${m.id}`} name="alt" type="text" value={m.alt ?? ''} maxLength={1000} />
                  </p>
                  <p class="actions">
                    <button type="submit">Save alt text</button>
                    {can(actor, 'delete', m) ? (
                      <button type="submit" formaction={`/admin/media/${m.id}/delete`} class="danger">
                        Delete
                      </button>
                    ) : null}
                  </p>
                </form>
              ) : (
                <p>{m.alt ? `Alt: ${m.alt}` : 'No alt text yet.'}</p>
              )}
            </li>
          ))}
        </ul>
        <nav class="pager" aria-label="Pages of images">
          {page > 1 ? <a href={`/admin/media/?page=${page - 1}`}>← Newer</a> : null}
          {page * PER_PAGE < total ? <a href={`/admin/media/?page=${page + 1}`}>Older →</a> : null}
        </nav>
      </AdminLayout>,
      o.status ?? 200,
    );
  }

  /** The image named in the route, once the signed-in person may `action` it. */
  async function loadFor(request: FastifyRequest, action: 'describe' | 'delete') {
    const m = await findMedia(deps.db, routeId((request.params as { id?: string }).id));
    if (!m) throw new AppError('NOT_FOUND', 'That image is no longer in the library.');
    authorize(currentUser(request), action, m);
    return m;
  }

  app.get('/admin/media/', async (request, reply) => {
    authorize(currentUser(request), 'browse');
    return library(request, reply);
  });

  app.post('/admin/media/', async (request, reply) => {
    const actor = currentUser(request);
    authorize(actor, 'upload');
    if (!request.isMultipart()) return library(request, reply, { error: 'Choose an image file to upload.', status: 400 });
    let file;
    try {
      file = await request.file();
      if (!file) return library(request, reply, { error: 'Choose an image file to upload.', status: 400 });
      const bytes = await file.toBuffer();
      if (bytes.length === 0) return library(request, reply, { error: 'That file is empty.', status: 400 });
      const altField = file.fields.alt as { value?: unknown } | undefined;
      const alt = typeof altField?.value === 'string' ? stripControlChars(altField.value).trim().slice(0, 1000) || null : null;
      await storeUpload(deps.db, deps.mediaDir, { bytes, filename: file.filename, alt, userId: actor.id }, deps.clock);
    } catch (err) {
      const e = err as { code?: string; statusCode?: number };
      if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413) return library(request, reply, { error: `That file is larger than ${limitMb} MB; make it smaller and try again.`, status: 413 });
      if (err instanceof AppError && err.status < 500) return library(request, reply, { error: err.message, status: err.status });
      throw err;
    }
    return library(request, reply, { notice: 'Uploaded. Its responsive sizes are ready for stories.' });
  });

  app.post<{ Params: { id: string } }>('/admin/media/:id', async (request, reply) => {
    const m = await loadFor(request, 'describe');
    const alt = stripControlChars(str(request.body, 'alt')).slice(0, 1000) || null;
    await deps.db.updateTable('media').set({ alt }).where('id', '=', m.id).execute();
    return library(request, reply, { notice: 'Alt text saved.' });
  });

  app.post<{ Params: { id: string } }>('/admin/media/:id/delete', async (request, reply) => {
    const m = await loadFor(request, 'delete');
    const url = mediaUrl(m.path);
    const used = await deps.db.selectFrom('articles').select('title').where((eb) => eb.or([eb('featured_image_url', '=', url), eb('body_source', 'like', `%${url}%`)])).executeTakeFirst();
    if (used) return library(request, reply, { error: `Not deleted: the story “${used.title}” uses this image.`, status: 409 });
    await deleteMedia(deps.db, deps.mediaDir, m);
    return library(request, reply, { notice: 'Image deleted.' });
  });
}
