import { z } from 'zod';

const list = (max: number) => z.array(z.string().trim().min(1).max(max)).max(2000).default([]);

/**
 * Comment settings, spread into the site's settingsSchema. Kept here so the
 * comments feature owns its own knobs; every one has a default a small
 * newsroom can live with.
 */
export const commentSettings = {
  /** hold_all: every comment waits; hold_first_time: an address with an approved comment is trusted (WordPress's default); open: published at once; closed: no new comments. */
  commentModeration: z.enum(['hold_all', 'hold_first_time', 'open', 'closed']).default('hold_first_time'),
  /** Comments close this many days after publication; 0 keeps them open. */
  commentsCloseAfterDays: z.number().int().min(0).max(36500).default(0),
  commentMaxNameLength: z.number().int().min(1).max(200).default(100),
  commentMaxEmailLength: z.number().int().min(6).max(254).default(254),
  commentMaxUrlLength: z.number().int().min(10).max(2000).default(2000),
  commentMaxLength: z.number().int().min(1).max(60000).default(10000),
  /** Per IP: at most Max comments in WindowMinutes; counted in the database, so it holds across instances. */
  commentRateIpMax: z.number().int().min(1).max(100000).default(5),
  commentRateIpWindowMinutes: z.number().int().min(1).max(10080).default(10),
  commentRateEmailMax: z.number().int().min(1).max(100000).default(5),
  commentRateEmailWindowMinutes: z.number().int().min(1).max(10080).default(10),
  /** A comment with more links than this is held for moderation. */
  commentMaxLinks: z.number().int().min(0).max(1000).default(2),
  /** Words or phrases (case-insensitive) that send a comment to spam. */
  commentBlockedWords: list(200),
  /** Whole addresses (case-insensitive) that send a comment to spam. */
  commentBlockedEmails: list(254),
  /** Domains whose addresses, websites or links send a comment to spam (subdomains included). */
  commentBlockedDomains: list(253),
  /** IP addresses; an entry ending in "." or ":" blocks that prefix. */
  commentBlockedIps: list(45),
  /** Salted IP hashes are erased from comments this many days after posting. */
  commentIpRetentionDays: z.number().int().min(1).max(3650).default(30),
  /** A form sent sooner than this after the page was served is treated as a bot's. */
  commentMinFillSeconds: z.number().int().min(0).max(600).default(3),
  /** A form older than this must be sent again (it comes back with the input kept). */
  commentTokenTtlMinutes: z.number().int().min(1).max(10080).default(1440),
};
