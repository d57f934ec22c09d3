import type { AdminChrome } from '../../views/layout.js';
import { AdminLayout, Csrf, Field } from '../../views/layout.js';
import type { KeyView } from '../integrations.presenter.js';

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
      {fresh ? (
        <section class="notice" aria-labelledby="fresh-key">
          <h2 id="fresh-key">{`New key “${fresh.label}”`}</h2>
          <p>Copy it now: only a fingerprint is kept, so this page is the only time it is shown.</p>
          <p>
            <code class="secret" data-testid="new-key">
              {fresh.key}
            </code>
          </p>
        </section>
      ) : null}
      <p>
        <a href="/admin/webhooks/">Webhooks</a>
      </p>
      <p class="hint">
        Clients of the Ghost Content API (<code>/ghost/api/content/</code>) send a key as <code>?key=…</code>. The same keys are managed with <code>npx masthead api-keys</code>.
      </p>
      {keys.length === 0 ? (
        <p>No keys yet.</p>
      ) : (
        <table class="list">
          <caption class="visually-hidden">Content API keys</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      )}
      <h2>Add a key</h2>
      <form method="post" action="/admin/api-keys/" class="narrow-form">
        <Csrf token={chrome.csrf} />
        <Field name="label" label="Label" value={values.label} required maxLength={100} hint="Who or what uses it, such as “iOS app” or “partner site”." error={errors.label} />
        <p>
          <button type="submit">Make a key</button>
        </p>
      </form>
    </AdminLayout>
  );
}
