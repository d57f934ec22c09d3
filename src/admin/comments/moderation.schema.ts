import { z } from 'zod';
import type { CommentStatus } from '../../db/schema.js';
import type { ModerationAction } from '../../comments/comments.moderation.js';

export const STATUSES = ['pending', 'approved', 'spam', 'trash'] as const satisfies readonly CommentStatus[];
export const ACTIONS = ['approve', 'spam', 'trash', 'restore'] as const satisfies readonly ModerationAction[];
export const PAGE_SIZE = 25;
/** More ids than one page could show at once is not a form a person sent. */
const MAX_IDS = 200;

const status = z.enum(STATUSES, { error: 'Choose a folder: pending, approved, spam or trash.' });
const page = z.coerce.number({ error: 'The page must be a number.' }).int('The page must be a whole number.').min(1, 'Pages start at 1.').max(1_000_000, 'There is no such page.');
const commentId = z.string().regex(/^[1-9]\d{0,9}$/, 'A comment number must be a positive whole number.').transform(Number);

/** The queue's address: which folder, which page, and what was just done (for the notice). */
export const queueQuerySchema = z.object({
  status: status.default('pending'),
  page: page.default(1),
  done: z.enum(ACTIONS).optional().catch(undefined),
  n: z.coerce.number().int().min(0).max(MAX_IDS).optional().catch(undefined),
});
export type QueueQuery = z.output<typeof queueQuerySchema>;

/** A per-row button or the bulk form: an action and the ticked comments. */
export const moderateFormSchema = z.object({
  action: z.enum(ACTIONS, { error: 'Choose an action: approve, spam, trash or restore.' }),
  ids: z.array(commentId).min(1, 'Tick at least one comment first.').max(MAX_IDS, `At most ${MAX_IDS} comments at a time.`),
  status: status.catch('pending'),
  page: page.catch(1),
});

export const commentIdSchema = commentId;
