import { WEBHOOK_EVENTS } from '../../../api/webhooks/webhooks.schema.js';
import type { AdminChrome } from '../../views/layout.js';
import { AdminLayout, Csrf, Field } from '../../views/layout.js';
import type { WebhookView } from '../integrations.presenter.js';
import { AddForm, ListTable, ShownOnce } from './parts.js';

const EVENT_WORDS: Record<(typeof WEBHOOK_EVENTS)[number], string> = {
  'article.published': 'a story is published',
  'article.updated': 'a published story is changed',
  'article.unpublished': 'a story is unpublished',
  'comment.approved': 'a comment is approved',
};

export interface WebhooksPageProps {
  chrome: AdminChrome;
  hooks: WebhookView[];
  /** A subscription just made, with its signing secret: shown on this one response. */
  fresh?: { id: number; url: string; secret: string } | null;
  notice?: string | null;
  errors?: Record<string, string>;
  values?: { url?: string; events?: string[] };
}

export function WebhooksPage({ chrome, hooks, fresh, notice, errors = {}, values = {} }: WebhooksPageProps) {
  const ticked = new Set(values.events ?? []);
  return (
    <AdminLayout chrome={chrome} title="Webhooks" notice={notice} error={errors._}>
      {fresh ? <ShownOnce heading={`Signing secret for ${fresh.url}`} advice="Give it to the receiver now, privately: it is not shown again." value={fresh.secret} testId="new-secret" /> : null}
      <p>
        <a href="/admin/api-keys/">Content API keys</a>
      </p>
      <p class="hint">
        Each delivery is a JSON POST signed in the <code>Masthead-Signature</code> header (<code>t=&lt;seconds&gt;,v1=&lt;HMAC-SHA256&gt;</code>); failures are retried with backoff. Also managed with <code>npx masthead webhooks</code>.
      </p>
      {hooks.length === 0 ? (
        <p>No webhooks yet.</p>
      ) : (
        <ListTable caption="Webhooks" columns={['URL', 'Events', 'Active', 'Actions']}>
          {hooks.map((h) => (
            <tr key={h.id} data-webhook-id={h.id}>
              <td class="url">{h.url}</td>
              <td>{h.events.join(', ')}</td>
              <td>{h.active ? 'yes' : 'no'}</td>
              <td>
                <a href={`/admin/webhooks/${h.id}/deliveries`}>Deliveries</a>{' '}
                <form method="post" action={`/admin/webhooks/${h.id}/remove`} class="inline-form">
                  <Csrf token={chrome.csrf} />
                  <button type="submit" class="danger">
                    Remove
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      <AddForm heading="Add a webhook" action="/admin/webhooks/" csrf={chrome.csrf} submit="Add webhook">
        <Field name="url" label="Receiver URL" type="url" value={values.url} required maxLength={2000} hint="An http:// or https:// address." error={errors.url} />
        <fieldset class={errors.events ? 'field field--error' : 'field'} aria-describedby={errors.events ? 'f-events-error' : undefined}>
          <legend>Send when</legend>
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e} class="checkbox">
              <input type="checkbox" name="events" value={e} checked={ticked.has(e)} /> {EVENT_WORDS[e]} (<code>{e}</code>)
            </label>
          ))}
          {errors.events ? (
            <span class="field-error" id="f-events-error">
              {errors.events}
            </span>
          ) : null}
        </fieldset>
      </AddForm>
    </AdminLayout>
  );
}
