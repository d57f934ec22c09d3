import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Settings } from '../content/settings.js';
import { findHeldComment } from './comments.repository.js';
import { HONEYPOT_FIELD } from './comments.service.js';
import { issueFormToken, readHeldCookie } from './comments.token.js';
import { HeldNotice } from './views/held-notice.js';

export interface CommentPageExtras {
  hidden: Record<string, string>;
  honeypot: string;
  limits: { name: number; email: number; url: number; comment: number };
  notice: preact.ComponentChildren;
  /** The page shows something meant for this reader alone: it must not be cached or shared. */
  personal: boolean;
}

/**
 * What the comments feature adds to an article page: a fresh form token and
 * the honeypot, and, for the reader whose signed cookie names a held comment
 * on this story, that comment with the "awaiting moderation" notice.
 */
export async function commentPageExtras(db: Kysely<Database>, request: FastifyRequest, settings: Settings, articleId: number, now: Date, timeLabel: (iso: string) => string): Promise<CommentPageExtras> {
  const [token, heldId] = await Promise.all([issueFormToken(db, articleId, now), readHeldCookie(db, request.headers.cookie, now)]);
  const held = heldId != null ? await findHeldComment(db, heldId, articleId) : undefined;
  return {
    hidden: { _token: token },
    honeypot: HONEYPOT_FIELD,
    limits: { name: settings.commentMaxNameLength, email: settings.commentMaxEmailLength, url: settings.commentMaxUrlLength, comment: settings.commentMaxLength },
    notice: held ? <HeldNotice comment={held} timeLabel={timeLabel} /> : null,
    personal: held !== undefined,
  };
}
