import type { AdminChrome } from '../../views/layout.js';
import { AdminLayout, Csrf, Field } from '../../views/layout.js';
import type { KeyView } from '../integrations.presenter.js';
import { AddForm, ListTable, ShownOnce } from './parts.js';

export interface ApiKeysPageProps {
  chrome: AdminChrome;
  keys: KeyView[];
  /** A key just made: shown on this one response and never again. */
  fresh?: { id: number; label: string; key: string } | null;
  notice?: string | null;
  errors?: Record<string, string>;
  values?: { label?: string };
}

export function ApiKeysPage({ chrome, keys, fresh, notice, errors = {}, values = {} }: ApiKeysPageProps) {
  return (
    <AdminLayout chrome={chrome} title="Content API keys" notice={notice} error={errors._}>
      {fresh ? <ShownOnce heading={`New key “${fresh.label}”`} advice="Copy it now: only a fingerprint is kept, so this page is the only time it is shown." value={fresh.key} testId="new-key" /> : null}
      <p>
        <a href="/admin/webhooks/">Webhooks</a>
      </p>
      <p class="hint">
        Clients of the Ghost Content API (<code>/ghost/api/content/</code>) send a key as <code>?key=…</code>. The same keys are managed with <code>npx masthead api-keys</code>.
      </p>
      {keys.length === 0 ? (
        <p>No keys yet.</p>
      ) : (
        <ListTable caption="Content API keys" columns={['Label', 'Created', 'Last used', 'Status']}>
          {keys.map((k) => (
            <tr key={k.id} data-key-id={k.id}>
              <td>{k.label}</td>
              <td>{k.created}</td>
              <td>{k.lastUsed || 'never'}</td>
              <td>
                {k.revoked ? (
                  `revoked ${k.revoked}`
                ) : (
                  <form method="post" action={`/admin/api-keys/${k.id}/revoke`} class="inline-form">
                    <Csrf token={chrome.csrf} />
                    active{' '}
                    <button type="submit" class="danger">
                      {`Revoke “${k.label}”`}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      <AddForm heading="Add a key" action="/admin/api-keys/" csrf={chrome.csrf} submit="Make a key">
        <Field name="label" label="Label" value={values.label} required maxLength={100} hint="Who or what uses it, such as “iOS app” or “partner site”." error={errors.label} />
      </AddForm>
    </AdminLayout>
  );
}
