import type { AdminChrome } from '../../views/layout.js';
import { AdminLayout } from '../../views/layout.js';
import type { DeliveryView, WebhookView } from '../integrations.presenter.js';
import { ListTable } from './parts.js';

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
        <ListTable caption="Deliveries, newest first" columns={['Event', 'Status', 'Attempts', 'Last response or error', 'Queued', 'Last attempt', 'Next attempt']}>
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
        </ListTable>
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
