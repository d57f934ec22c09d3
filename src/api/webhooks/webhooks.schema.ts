import { z } from 'zod';

/** The events a subscription can ask for. */
export const WEBHOOK_EVENTS = ['article.published', 'article.updated', 'article.unpublished', 'comment.approved'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, 'the URL is longer than 2,000 characters')
  .refine((u) => {
    try {
      const url = new URL(u);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'the URL must be an http:// or https:// address without a user name or password');

export const webhookEventsSchema = z
  .string()
  .trim()
  .min(1, 'name at least one event with --events')
  .transform((s) => [...new Set(s.split(',').map((e) => e.trim()).filter(Boolean))])
  .pipe(z.array(z.enum(WEBHOOK_EVENTS, `events must be among ${WEBHOOK_EVENTS.join(', ')}`)).min(1, 'name at least one event with --events'));

export const newWebhookSchema = z.object({ url: webhookUrlSchema, events: webhookEventsSchema });
