import type { ChangeBus } from '../events.js';

export interface PurgeOptions {
  bus: ChangeBus;
  /** The purge URL template from settings, or null for none; read on every change so edits apply at once. */
  url: () => Promise<string | null>;
  fetch?: typeof fetch;
  log?: { warn(obj: object, msg: string): void };
}

/**
 * Tells a CDN what to purge: on every local change, POSTs `{"tags": [...]}`
 * to the configured URL, with `{tags}` in the URL replaced by the
 * comma-separated tags (for CDNs that take them in the query). Runs after the
 * write, never slows it down, and only on the instance that made the change.
 */
export function startPurgeWebhook(options: PurgeOptions): () => void {
  const doFetch = options.fetch ?? fetch;
  return options.bus.on(async (event) => {
    if (event.remote || event.tags.length === 0) return;
    const template = await options.url();
    if (!template) return;
    const url = template.replace('{tags}', encodeURIComponent(event.tags.join(',')));
    try {
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Masthead cache purge' },
        body: JSON.stringify({ tags: event.tags }),
        signal: AbortSignal.timeout(5000),
        redirect: 'error',
      });
      await res.arrayBuffer();
      if (!res.ok) options.log?.warn({ status: res.status }, 'cache purge webhook answered with an error');
    } catch (err) {
      options.log?.warn({ err: (err as Error).message }, 'cache purge webhook failed');
    }
  });
}
