import type { AdminChrome } from '../../views/layout.js';
import { AdminLayout } from '../../views/layout.js';
import type { DeliveryView, WebhookView } from '../integrations.presenter.js';

export interface DeliveriesPageProps {
  chrome: AdminChrome;
  hook: WebhookView;
  deliveries: DeliveryView[];
  page: number;
  hasNext: boolean;
}

export function DeliveriesPage({ chrome, hook, deliveries, page, hasNext }: DeliveriesPageProps) {
  const base = `/admin/webhooks/${hook.id}/deliveries`;
  return (
    <AdminLayout chrome={chrome} title="Webhook deliveries">
      <p>
        To <span class="url">{hook.url}</span> ({hook.events.join(', ')}). <a href="/admin/webhooks/">All webhooks</a>
      </p>
      {deliveries.length === 0 ? (
        <p>{page === 1 ? 'Nothing sent yet.' : 'No deliveries on this page.'}</p>
      ) : (
        <table class="list">
          <caption class="visually-hidden">Deliveries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last response or error</th>
              <th scope="col">Queued</th>
              <th scope="col">Last attempt</th>
              <th scope="col">Next attempt</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id} data-delivery-id={d.id}>
                <td>{d.event}</td>
                <td>
                  <span class="status">{d.status}</span>
                </td>
                <td>{d.attempts}</td>
                <td>{d.outcome}</td>
                <td>{d.created}</td>
                <td>{d.lastAttempt}</td>
                <td>{d.nextAttempt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page > 1 || hasNext ? (
        <nav class="pager" aria-label="Pages of deliveries">
          {page > 1 ? (
            <a href={`${base}?page=${page - 1}`} rel="prev">
              Newer
            </a>
          ) : null}
          {hasNext ? (
            <a href={`${base}?page=${page + 1}`} rel="next">
              Older
            </a>
          ) : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
}
