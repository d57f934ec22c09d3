import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { UserRow } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { baseUrlFor } from '../../site/render.js';
import { chromeFor, currentUser, fieldErrors, routeId, sendAdmin, str, type AdminDeps } from '../admin.context.js';
import { authorize } from '../policies/user.policy.js';
import { AdminLayout, Csrf, Field, Select } from '../views/layout.js';
import { ROLES } from './users.schema.js';
import { findUserById, listUsers } from './users.repository.js';
import { createPasswordReset, createUser } from './users.service.js';

/** What the accounts page shows of an account: never its password hash. */
function present(u: UserRow) {
  return { id: u.id, name: u.name, email: u.email, role: u.role, pending: u.must_change_password === 1, disabled: u.disabled === 1 };
}

const roleOptions = ROLES.map((r) => ({ value: r, label: r }));

export async function registerUserAdminRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { db, clock } = deps;

  async function page(request: FastifyRequest, opts: { notice?: string | null; errors?: Record<string, string>; values?: Record<string, string> } = {}) {
    const users = (await listUsers(db)).map(present);
    const chrome = chromeFor(request, deps);
    const v = opts.values ?? {};
    const errors = opts.errors ?? {};
    return (
      <AdminLayout chrome={chrome} title="Accounts" notice={opts.notice} error={errors._}>
        <table class="list">
          <caption class="visually-hidden">Accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.name}
                  {u.pending ? ' (has not chosen a password yet)' : ''}
                  {u.disabled ? ' (disabled: cannot sign in)' : ''}
                </td>
                <td>{u.email}</td>
                <td>
                  <form method="post" action={`/admin/users/${u.id}/role`} class="inline-form">
                    <Csrf token={chrome.csrf} />
                    <label class="visually-hidden" for={`role-${u.id}`}>{`Role of ${u.name}`}</label>
                    <select id={`role-${u.id}`} name="role">
                      {ROLES.map((r) => (
                        <option key={r} value={r} selected={r === u.role}>
                          {r}
                        </option>
                      ))}
                    </select>
                    <button type="submit">Change role</button>
                  </form>
                </td>
                <td>
                  <form method="post" action={`/admin/users/${u.id}/reset`} class="inline-form">
                    <Csrf token={chrome.csrf} />
                    <button type="submit">Make a reset link</button>
                  </form>{' '}
                  <form method="post" action={`/admin/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`} class="inline-form">
                    <Csrf token={chrome.csrf} />
                    <button type="submit" class={u.disabled ? 'secondary' : 'danger'}>
                      {u.disabled ? `Enable ${u.name}` : `Disable ${u.name}`}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>Add an account</h2>
        <form method="post" action="/admin/users/" class="narrow-form">
          <Csrf token={chrome.csrf} />
          <Field name="name" label="Name" value={v.name} required error={errors.name} maxLength={200} />
          <Field name="email" label="Email" type="email" value={v.email} required error={errors.email} maxLength={254} />
          <Select name="role" label="Role" value={v.role ?? 'contributor'} options={roleOptions} error={errors.role} />
          <p>
            <button type="submit">Add account</button>
          </p>
        </form>
      </AdminLayout>
    );
  }

  app.get('/admin/users/', async (request, reply) => {
    authorize(currentUser(request), 'list');
    return sendAdmin(reply, await page(request));
  });

  app.post('/admin/users/', async (request, reply) => {
    authorize(currentUser(request), 'create');
    const values = { name: str(request.body, 'name'), email: str(request.body, 'email'), role: str(request.body, 'role') };
    try {
      const { oneTimePassword } = await createUser(db, values as never, clock);
      return sendAdmin(reply, await page(request, { notice: `Account created. Give ${values.name} this one-time password privately; they must change it when they first sign in: ${oneTimePassword}` }));
    } catch (err) {
      if (err instanceof ZodError) return sendAdmin(reply, await page(request, { errors: fieldErrors(err), values }), 400);
      if (err instanceof AppError && err.status === 400) return sendAdmin(reply, await page(request, { errors: { _: err.message }, values }), 400);
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/role', async (request, reply) => {
    const me = currentUser(request);
    authorize(me, 'change-role');
    const id = routeId(request.params.id);
    const role = str(request.body, 'role');
    if (!(ROLES as readonly string[]).includes(role)) return sendAdmin(reply, await page(request, { errors: { _: `Role must be one of ${ROLES.join(', ')}.` } }), 400);
    if (!(await findUserById(db, id))) throw new AppError('NOT_FOUND');
    if (id === me.id && role !== 'admin') return sendAdmin(reply, await page(request, { errors: { _: 'You cannot take away your own admin role; ask another admin.' } }), 400);
    await db.updateTable('users').set({ role: role as UserRow['role'], updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    return sendAdmin(reply, await page(request, { notice: 'Role changed.' }));
  });

  // a disabled account cannot sign in and its sessions end at once; its stories stay
  for (const [path, disabled] of [['disable', 1], ['enable', 0]] as const) {
    app.post<{ Params: { id: string } }>(`/admin/users/:id/${path}`, async (request, reply) => {
      const me = currentUser(request);
      authorize(me, 'disable');
      const id = routeId(request.params.id);
      const user = await findUserById(db, id);
      if (!user) throw new AppError('NOT_FOUND');
      if (id === me.id) return sendAdmin(reply, await page(request, { errors: { _: 'You cannot disable your own account; ask another admin.' } }), 400);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ disabled, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
        if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      });
      return sendAdmin(reply, await page(request, { notice: disabled ? `${user.name} can no longer sign in.` : `${user.name} can sign in again.` }));
    });
  }

  app.post<{ Params: { id: string } }>('/admin/users/:id/reset', async (request, reply) => {
    authorize(currentUser(request), 'reset-password');
    const user = await findUserById(db, routeId(request.params.id));
    if (!user) throw new AppError('NOT_FOUND');
    const token = await createPasswordReset(db, user.id, clock);
    const link = `${baseUrlFor(request, deps.config.publicUrl)}/admin/reset/${token}`;
    return sendAdmin(reply, await page(request, { notice: `Send ${user.name} this link privately; it works once, for 24 hours: ${link}` }));
  });
}
