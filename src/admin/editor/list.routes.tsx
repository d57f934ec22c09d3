import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ArticleStatus } from '../../db/schema.js';
import { allCategories, categoryPath } from '../../content/taxonomy.repository.js';
import { chromeFor, currentUser, idOrNull, sendAdmin, type AdminDeps } from '../admin.context.js';
import { atLeast } from '../policies/policy.js';
import { AdminLayout, Field, Select } from '../views/layout.js';
import { listForAdmin } from './list.repository.js';

const PER_PAGE = 25;
const STATUSES: ArticleStatus[] = ['draft', 'pending', 'scheduled', 'published', 'trash'];

const filterSchema = z.object({
  status: z.enum(STATUSES as [ArticleStatus, ...ArticleStatus[]]).optional().catch(undefined),
  category: z.string().optional().transform((v) => idOrNull(v ?? '')),
  author: z.string().optional().transform((v) => idOrNull(v ?? '')),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.string().optional().transform((v) => (v && /^[1-9]\d{0,5}$/.test(v) ? Number(v) : 1)),
});

const DONE: Record<string, string> = { trash: 'Moved to the trash.' };

export async function registerArticleListRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { db } = deps;
  app.get('/admin/articles/', async (request, reply) => {
    const actor = currentUser(request);
    const query = request.query as Record<string, unknown>;
    const f = filterSchema.parse(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : undefined])));
    // contributors and authors see their own stories; editors see everyone's
    const ownerId = atLeast(actor, 'editor') ? null : actor.id;
    const [result, categories, authors] = await Promise.all([
      listForAdmin(db, { status: f.status ?? null, categoryId: f.category, authorId: f.author, q: f.q || null, ownerId }, { limit: PER_PAGE, offset: (f.page - 1) * PER_PAGE }),
      allCategories(db),
      db.selectFrom('authors').select(['id', 'name']).orderBy('name').execute(),
    ]);
    const pages = Math.max(1, Math.ceil(result.total / PER_PAGE));
    const link = (page: number) => {
      const p = new URLSearchParams();
      if (f.status) p.set('status', f.status);
      if (f.category) p.set('category', String(f.category));
      if (f.author) p.set('author', String(f.author));
      if (f.q) p.set('q', f.q);
      if (page > 1) p.set('page', String(page));
      const s = p.toString();
      return `/admin/articles/${s ? `?${s}` : ''}`;
    };
    const done = typeof query.done === 'string' ? DONE[query.done] : undefined;
    return sendAdmin(
      reply,
      <AdminLayout chrome={chromeFor(request, deps)} title="Stories" notice={done}>
        <p>
          <a href="/admin/articles/new">Write a new story</a>
        </p>
        <form method="get" action="/admin/articles/" class="filters" role="search" aria-label="Filter stories">
          <Select name="status" label="Status" value={f.status ?? ''} empty="(any)" options={STATUSES.map((s) => ({ value: s, label: s }))} />
          <Select name="category" label="Category" value={f.category ?? ''} empty="(any)" options={categories.map((c) => ({ value: c.id, label: categoryPath(categories, c.id).map((p) => p.name).join(' › ') }))} />
          <Select name="author" label="Author" value={f.author ?? ''} empty="(any)" options={authors.map((a) => ({ value: a.id, label: a.name }))} />
          <Field name="q" label="Headline contains" value={f.q ?? ''} type="search" maxLength={200} />
          <p>
            <button type="submit">Filter</button>
          </p>
        </form>
        <p role="status">
          {result.total} {result.total === 1 ? 'story' : 'stories'}
          {pages > 1 ? `, page ${Math.min(f.page, pages)} of ${pages}` : ''}
        </p>
        <table class="list">
          <caption class="visually-hidden">Stories</caption>
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Status</th>
              <th scope="col">Authors</th>
              <th scope="col">Date (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <a href={`/admin/articles/${a.id}`}>{a.title}</a>
                </td>
                <td>
                  <span class="status">{a.status}</span>
                </td>
                <td>{a.authors.join(', ')}</td>
                <td>{(a.published_at ?? a.updated_at).slice(0, 16).replace('T', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <nav class="pager" aria-label="Pages of stories">
          {f.page > 1 ? <a href={link(f.page - 1)}>← Previous page</a> : null}
          {f.page < pages ? <a href={link(f.page + 1)}>Next page →</a> : null}
        </nav>
      </AdminLayout>,
    );
  });
}
