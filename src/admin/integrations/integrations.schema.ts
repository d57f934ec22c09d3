import { z } from 'zod';
import { WEBHOOK_EVENTS, webhookUrlSchema } from '../../api/webhooks/webhooks.schema.js';

/** The add-a-key form. */
export const keyFormSchema = z.object({
  label: z.string().trim().min(1, 'Give the key a label, such as the app that will use it.').max(100, 'A label is at most 100 characters.'),
});

/** The add-a-webhook form: a URL and the ticked events. */
export const webhookFormSchema = z.object({
  url: z.string().trim().min(1, 'Give the address that should receive the events.').pipe(webhookUrlSchema),
  events: z.array(z.enum(WEBHOOK_EVENTS, 'Choose among the events listed.')).min(1, 'Tick at least one event.'),
});

/** ?page= on the deliveries view. */
export const deliveriesQuerySchema = z.object({
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'page must be a whole number from 1')
    .transform(Number)
    .optional(),
});
