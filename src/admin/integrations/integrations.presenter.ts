import type { ApiKeyListing } from '../../api/api-keys/api-keys.repository.js';
import type { WebhookListing } from '../../api/webhooks/webhooks.repository.js';
import type { WebhookDeliveryStatus } from '../../db/schema.js';

/** An ISO time as a short UTC reading ("2026-11-20 12:00 UTC"); '' for none. */
export function shortTime(iso: string | null): string {
  if (!iso) return '';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export interface KeyView {
  id: number;
  label: string;
  created: string;
  lastUsed: string;
  revoked: string;
}

/** A key as the admin lists it: label and times, never the key or its hash. */
export function presentKey(k: ApiKeyListing): KeyView {
  return { id: k.id, label: k.label, created: shortTime(k.created_at), lastUsed: shortTime(k.last_used_at), revoked: shortTime(k.revoked_at) };
}

export interface WebhookView {
  id: number;
  url: string;
  events: string[];
  active: boolean;
  created: string;
}

/** A subscription as the admin lists it: never its signing secret. */
export function presentWebhook(w: WebhookListing): WebhookView {
  return { id: w.id, url: w.url, events: w.events, active: w.active, created: shortTime(w.created_at) };
}

export interface DeliveryRow {
  id: number;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeliveryView {
  id: number;
  event: string;
  status: string;
  attempts: number;
  outcome: string;
  created: string;
  lastAttempt: string;
  nextAttempt: string;
}

/** A delivery log line: what happened and when, never the payload. */
export function presentDelivery(d: DeliveryRow): DeliveryView {
  const outcome = [d.last_status_code == null ? '' : `HTTP ${d.last_status_code}`, d.last_error ?? ''].filter(Boolean).join(': ');
  return {
    id: d.id,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    outcome,
    created: shortTime(d.created_at),
    lastAttempt: d.attempts > 0 ? shortTime(d.updated_at) : '',
    nextAttempt: d.status === 'pending' ? shortTime(d.next_attempt_at) : '',
  };
}
