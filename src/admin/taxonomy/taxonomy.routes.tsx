import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { ZodError } from 'zod';
import { AppError } from '../../errors.js';
import { allCategories, categoryPath, descendantIds } from '../../content/taxonomy.repository.js';
import { announce, chromeFor, currentUser, fieldErrors, routeId, sendAdmin, str, type AdminDeps } from '../admin.context.js';
import { authorize } from '../policies/taxonomy.policy.js';
import { AdminLayout, Csrf, Field, Select, TextArea } from '../views/layout.js';
import { ENTITIES, formValues, type FieldDef } from './taxonomy.entities.js';

type Row = Record<string, unknown> & { id: number; slug: string };

function FormField({ field, value, error, parents }: { field: FieldDef; value: string; error?: string; parents: { value: number; label: string }[] }) {
  const id = `f-${field.name}`;
  switch (field.kind) {
    case 'textarea':
      return <TextArea name={field.name} label={field.label} value={value} error={error} />;
    case 'checkbox':
      return (
        <p class="checkbox">
          <input type="checkbox" id={id} name={field.name} value="1" checked={value === '1'} />
          <label for={id}>{field.label}</label>
        </p>
      );
    case 'parent':
      return <Select name={field.name} label={field.label} value={value} options={parents} empty="(top level)" error={error} />;
    case 'canonical':
      return <Select name={field.name} label={field.label} value={value || 'self'} options={[{ value: 'self', label: 'this site' }, { value: 'original', label: 'the original story' }]} error={error} />;
    default:
      return <Field name={field.name} label={field.label} type={field.kind === 'number' ? 'number' : field.kind} value={value} required={field.required} hint={field.hint} error={error} />;
  }
}

async function slugTakenByOther(db: Kysely<any>, table: string, slug: string, id: number | null): Promise<boolean> {
  const row = await db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst();
  return !!row && row.id !== id;
}

/** Categories, tags, series, sources and author profiles: list, add, edit, delete. Editors and admins only. */
export async function registerTaxonomyRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const db = deps.db as unknown as Kysely<any>;

  for (const def of ENTITIES) {
    const base = `/admin/${def.path}/`;

    async function parentOptions(exclude: number | null) {
      if (def.path !== 'categories') return [];
      const cats = await allCategories(deps.db);
      // a category cannot be moved under itself or one of its own children
      const banned = new Set(exclude ? descendantIds(cats, exclude) : []);
      return cats.filter((c) => !banned.has(c.id)).map((c) => ({ value: c.id, label: categoryPath(cats, c.id).map((p) => p.name).join(' › ') }));
    }

    async function listPage(request: FastifyRequest, reply: FastifyReply, o: { values?: Record<string, string>; errors?: Record<string, string>; notice?: string | null; status?: number } = {}) {
      const rows = (await db.selectFrom(def.table).selectAll().orderBy(def.label).execute()) as Row[];
      const chrome = chromeFor(request, deps);
      const values = o.values ?? { showSourceLine: '1' };
      const errors = o.errors ?? {};
      const parents = await parentOptions(null);
      return sendAdmin(
        reply,
        <AdminLayout chrome={chrome} title={def.plural} notice={o.notice} error={errors._}>
          <table class="list">
            <caption class="visually-hidden">{def.plural}</caption>
            <thead>
              <tr>
                <th scope="col">{def.label === 'title' ? 'Title' : 'Name'}</th>
                <th scope="col">Slug</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`${base}${r.id}`}>{String(r[def.label])}</a>
                  </td>
                  <td>{r.slug}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{`Add a ${def.singular}`}</h2>
          <form method="post" action={base} class="narrow-form">
            <Csrf token={chrome.csrf} />
            {def.fields.map((f) => (
              <FormField key={f.name} field={f} value={values[f.name] ?? ''} error={errors[f.name]} parents={parents} />
            ))}
            <p>
              <button type="submit">{`Add ${def.singular}`}</button>
            </p>
          </form>
        </AdminLayout>,
        o.status ?? 200,
      );
    }

    async function editPage(request: FastifyRequest, reply: FastifyReply, row: Row, o: { values?: Record<string, string>; errors?: Record<string, string>; notice?: string | null; status?: number } = {}) {
      const chrome = chromeFor(request, deps);
      const values = o.values ?? formValues(def, row);
      const errors = o.errors ?? {};
      const parents = await parentOptions(row.id);
      return sendAdmin(
        reply,
        <AdminLayout chrome={chrome} title={`Edit ${def.singular}: ${String(row[def.label])}`} notice={o.notice} error={errors._}>
          <form method="post" action={`${base}${row.id}`} class="narrow-form">
            <Csrf token={chrome.csrf} />
            {def.fields.map((f) => (
              <FormField key={f.name} field={f} value={values[f.name] ?? ''} error={errors[f.name]} parents={parents} />
            ))}
            <p>
              <button type="submit">Save</button>
            </p>
          </form>
          <form method="post" action={`${base}${row.id}/delete`}>
            <Csrf token={chrome.csrf} />
            <p>
              <button type="submit" class="danger">{`Delete this ${def.singular}`}</button> <a href={base}>{`Back to ${def.plural.toLowerCase()}`}</a>
            </p>
          </form>
        </AdminLayout>,
        o.status ?? 200,
      );
    }

    function read(body: unknown): Record<string, string> {
      return Object.fromEntries(def.fields.map((f) => [f.name, str(body, f.name)]));
    }

    /** Validates with the content module's schema; null plus errors when refused. */
    async function validate(values: Record<string, string>, id: number | null): Promise<{ columns: Record<string, unknown> | null; errors: Record<string, string> }> {
      try {
        const columns = def.columns((def.schema as any).parse(def.input(values)));
        if (await slugTakenByOther(db, def.table, columns.slug as string, id)) return { columns: null, errors: { slug: `Another ${def.singular} already uses the slug “${String(columns.slug)}”.` } };
        return { columns, errors: {} };
      } catch (err) {
        if (err instanceof ZodError) return { columns: null, errors: fieldErrors(err) };
        throw err;
      }
    }

    function changed(request: FastifyRequest, id: number) {
      announce(deps, request, { kind: 'taxonomy.changed', tags: [`${def.tag}:${id}`, 'lists'] });
    }

    async function load(rawId: string | undefined): Promise<Row> {
      const row = (await db.selectFrom(def.table).selectAll().where('id', '=', routeId(rawId)).executeTakeFirst()) as Row | undefined;
      if (!row) throw new AppError('NOT_FOUND', `That ${def.singular} does not exist; it may have been deleted.`);
      return row;
    }

    app.get(base, async (request, reply) => {
      authorize(currentUser(request), 'manage');
      return listPage(request, reply);
    });

    app.post(base, async (request, reply) => {
      authorize(currentUser(request), 'manage');
      const values = read(request.body);
      const { columns, errors } = await validate(values, null);
      if (!columns) return listPage(request, reply, { values, errors: { ...errors, _: `Not added: ${Object.values(errors)[0]}` }, status: 400 });
      const now = deps.clock.now().toISOString();
      const stamps = def.table === 'authors' || def.table === 'sources' ? { created_at: now, updated_at: now } : { created_at: now };
      const { id } = await db.insertInto(def.table).values({ ...columns, ...stamps }).returning('id').executeTakeFirstOrThrow();
      changed(request, id);
      return listPage(request, reply, { notice: `Added ${def.singular} “${String(columns[def.label])}”.` });
    });

    app.get<{ Params: { id: string } }>(`${base}:id`, async (request, reply) => {
      authorize(currentUser(request), 'manage');
      return editPage(request, reply, await load(request.params.id));
    });

    app.post<{ Params: { id: string } }>(`${base}:id`, async (request, reply) => {
      authorize(currentUser(request), 'manage');
      const row = await load(request.params.id);
      const values = read(request.body);
      const { columns, errors } = await validate(values, row.id);
      if (!columns) return editPage(request, reply, row, { values, errors: { ...errors, _: `Not saved: ${Object.values(errors)[0]}` }, status: 400 });
      if (def.table === 'categories' && columns.parent_id != null) {
        const banned = descendantIds(await allCategories(deps.db), row.id);
        if (banned.includes(columns.parent_id as number)) return editPage(request, reply, row, { values, errors: { parentId: 'A category cannot sit under itself or one of its children.', _: 'Not saved: a category cannot sit under itself or one of its children.' }, status: 400 });
      }
      const stamps = def.table === 'authors' || def.table === 'sources' ? { updated_at: deps.clock.now().toISOString() } : {};
      await db.updateTable(def.table).set({ ...columns, ...stamps }).where('id', '=', row.id).execute();
      changed(request, row.id);
      return editPage(request, reply, { ...row, ...columns } as Row, { notice: 'Saved.' });
    });

    app.post<{ Params: { id: string } }>(`${base}:id/delete`, async (request, reply) => {
      authorize(currentUser(request), 'manage');
      const row = await load(request.params.id);
      await db.transaction().execute(async (trx) => {
        // accounts keep working without their byline
        if (def.table === 'authors') await trx.updateTable('users').set({ author_id: null }).where('author_id', '=', row.id).execute();
        await trx.deleteFrom(def.table).where('id', '=', row.id).execute();
      });
      changed(request, row.id);
      return listPage(request, reply, { notice: `Deleted ${def.singular} “${String(row[def.label])}”. Stories that used it remain.` });
    });
  }
}

