import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { loadSettings, saveSettings, type Settings } from '../../content/settings.js';
import { announce, chromeFor, currentUser, fieldErrors, sendAdmin, str, type AdminDeps } from '../admin.context.js';
import { authorize } from '../policies/settings.policy.js';
import { AdminLayout, Csrf, Field, Select, TextArea } from '../views/layout.js';

type Values = Record<string, string>;

function toValues(s: Settings): Values {
  return {
    title: s.title,
    description: s.description,
    logoUrl: s.logoUrl ?? '',
    language: s.language,
    direction: s.direction,
    timezone: s.timezone,
    menu: s.menu.map((m) => `${m.label} | ${m.url}`).join('\n'),
    postsPerPage: String(s.postsPerPage),
    commentThreadDepth: String(s.commentThreadDepth),
    commentModeration: s.commentModeration,
  };
}

/** Form strings → settings input; the settings schema then says what is wrong. */
function fromValues(v: Values): Record<string, unknown> {
  const int = (x: string) => (/^\d{1,4}$/.test(x) ? Number(x) : NaN);
  return {
    title: v.title,
    description: v.description,
    logoUrl: v.logoUrl || null,
    language: v.language,
    direction: v.direction,
    timezone: v.timezone,
    menu: (v.menu ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const bar = line.lastIndexOf('|');
        return bar === -1 ? { label: line, url: '' } : { label: line.slice(0, bar).trim(), url: line.slice(bar + 1).trim() };
      }),
    postsPerPage: int(v.postsPerPage ?? ''),
    commentThreadDepth: int(v.commentThreadDepth ?? ''),
    commentModeration: v.commentModeration,
  };
}

const FIELDS = ['title', 'description', 'logoUrl', 'language', 'direction', 'timezone', 'menu', 'postsPerPage', 'commentThreadDepth', 'commentModeration'];

export async function registerSettingsRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  async function page(request: FastifyRequest, reply: FastifyReply, o: { values: Values; errors?: Record<string, string>; notice?: string | null; status?: number }) {
    const chrome = chromeFor(request, deps);
    const v = o.values;
    const e = o.errors ?? {};
    return sendAdmin(
      reply,
      <AdminLayout chrome={chrome} title="Site settings" notice={o.notice} error={e._}>
        <form method="post" action="/admin/settings" class="narrow-form">
          <Csrf token={chrome.csrf} />
          <Field name="title" label="Site title" value={v.title} required maxLength={120} error={e.title} />
          <Field name="description" label="Description" value={v.description} maxLength={500} error={e.description} />
          <Field name="logoUrl" label="Logo URL" value={v.logoUrl} hint="A /media/… path from the media library, or an https:// address; empty for the title in text." error={e.logoUrl} maxLength={2000} />
          <Field name="language" label="Language" value={v.language} hint="A language tag such as en, ar, fa." error={e.language} maxLength={35} />
          <Select name="direction" label="Direction" value={v.direction} options={[{ value: 'ltr', label: 'left to right' }, { value: 'rtl', label: 'right to left' }]} error={e.direction} />
          <Field name="timezone" label="Time zone" value={v.timezone} hint="An IANA time zone such as Europe/London or Asia/Tehran." error={e.timezone} maxLength={64} />
          <TextArea name="menu" label="Menu" value={v.menu!} rows={6} hint="One link per line: Label | /path/ or Label | https://…" error={e.menu} />
          <Field name="postsPerPage" label="Stories per page" type="number" value={v.postsPerPage} error={e.postsPerPage} />
          <Field name="commentThreadDepth" label="Reply nesting depth" type="number" value={v.commentThreadDepth} error={e.commentThreadDepth} />
          <Select name="commentModeration" label="New comments" value={v.commentModeration} options={[{ value: 'hold_first_time', label: 'held from first-time commenters only' }, { value: 'hold_all', label: 'all held for moderation' }, { value: 'open', label: 'published at once' }, { value: 'closed', label: 'not accepted' }]} error={e.commentModeration} />
          <p>
            <button type="submit">Save settings</button>
          </p>
        </form>
      </AdminLayout>,
      o.status ?? 200,
    );
  }

  app.get('/admin/settings', async (request, reply) => {
    authorize(currentUser(request), 'view');
    return page(request, reply, { values: toValues(await loadSettings(deps.db)) });
  });

  app.post('/admin/settings', async (request, reply) => {
    authorize(currentUser(request), 'update');
    const values = Object.fromEntries(FIELDS.map((f) => [f, f === 'menu' ? String((request.body as Record<string, unknown>)?.menu ?? '').slice(0, 20_000) : str(request.body, f)]));
    try {
      await deps.db.transaction().execute((trx) => saveSettings(trx, fromValues(values) as Partial<Settings>));
    } catch (err) {
      if (err instanceof ZodError) {
        const errors = fieldErrors(err);
        return page(request, reply, { values, errors: { ...errors, _: `Not saved: ${Object.values(errors)[0]}` }, status: 400 });
      }
      throw err;
    }
    announce(deps, request, { kind: 'settings.changed', tags: ['settings', 'lists'] });
    return page(request, reply, { values: toValues(await loadSettings(deps.db)), notice: 'Settings saved.' });
  });
}
