import { parseArgs } from 'node:util';
import { parseId, table, validating, type CliEnv } from '../api-cli.js';
import { deleteWebhook, listDeliveries, listWebhooks } from './webhooks.repository.js';
import { WEBHOOK_EVENTS } from './webhooks.schema.js';
import { createWebhook } from './webhooks.service.js';

export const WEBHOOKS_HELP = `Usage: masthead webhooks <command>

  add <url> --events <a,b>     subscribe a URL; prints its signing secret once
                               events: ${WEBHOOK_EVENTS.join(', ')}
  list                         the subscriptions (secrets are never shown again)
  remove <id>                  delete a subscription and its delivery log
  deliveries [--webhook <id>] [--limit <n>]
                               the delivery log, newest first

Each delivery is a JSON POST with headers Masthead-Event, Masthead-Delivery and
Masthead-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>.
Failed deliveries are retried with exponential backoff (30 s, 1 min, 2 min, …; 8 attempts).
`;

/** `masthead webhooks …` */
export async function webhooksCommand(args: string[], env: CliEnv): Promise<void> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { events: { type: 'string' }, webhook: { type: 'string' }, limit: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (!action || action === 'help' || action === '--help' || action === '-h' || values.help) return env.out(WEBHOOKS_HELP);
  if (action === 'add') {
    const url = positionals[0];
    if (!url || positionals.length > 1) throw env.usage('use: masthead webhooks add <url> --events article.published,comment.approved');
    if (values.events === undefined) throw env.usage(`name the events with --events, among ${WEBHOOK_EVENTS.join(', ')}`);
    const events = values.events;
    await env.withDatabase(async ({ db }) => {
      const w = await validating(env, () => createWebhook(db, { url, events }, env.clock));
      env.out(`Webhook ${w.id} sends ${w.events.join(', ')} to ${url.trim()}\nSigning secret (shown once; give it to the receiver):\n${w.secret}\n`);
    });
    return;
  }
  if (action === 'list') {
    await env.withDatabase(async ({ db }) => {
      const hooks = await listWebhooks(db);
      if (hooks.length === 0) return env.out('No webhooks. Add one with: masthead webhooks add <url> --events <a,b>\n');
      env.out(table([['ID', 'EVENTS', 'CREATED', 'URL'], ...hooks.map((h) => [String(h.id), h.events.join(','), h.created_at, h.url])]));
    });
    return;
  }
  if (action === 'remove') {
    const id = parseId(env, positionals[0], 'webhook');
    await env.withDatabase(async ({ db }) => {
      if (!(await deleteWebhook(db, id))) throw env.usage(`there is no webhook ${id}; see masthead webhooks list`);
      env.out(`Removed webhook ${id} and its delivery log.\n`);
    });
    return;
  }
  if (action === 'deliveries') {
    const webhookId = values.webhook === undefined ? undefined : parseId(env, values.webhook, 'webhook');
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw env.usage('--limit must be a whole number from 1 to 1000');
    await env.withDatabase(async ({ db }) => {
      const rows = await listDeliveries(db, { webhookId, limit });
      if (rows.length === 0) return env.out('No deliveries yet.\n');
      env.out(
        table([
          ['ID', 'WEBHOOK', 'EVENT', 'STATUS', 'ATTEMPTS', 'HTTP', 'NEXT ATTEMPT', 'CREATED', 'LAST ERROR'],
          ...rows.map((d) => [String(d.id), String(d.webhook_id), d.event, d.status, String(d.attempts), d.last_status_code == null ? '-' : String(d.last_status_code), d.next_attempt_at ?? '-', d.created_at, d.last_error ?? '']),
        ]),
      );
    });
    return;
  }
  throw env.usage(`unknown webhooks action "${action}"; use add, list, remove or deliveries`);
}
