import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { ArticleRow, CommentStatus, Database } from '../db/schema.js';
import type { Settings } from '../content/settings.js';
import type { ChangeBus } from '../events.js';
import { AppError } from '../errors.js';
import { siteSecret } from '../secrets.js';
import { commentFormSchema, type RawCommentForm } from './comments.schema.js';
import { countRecent, hasApprovedComment, insertComment, isApprovedCommentOn, isDuplicate } from './comments.repository.js';
import { blocklistHit, commentsOpen, countLinks, hashIp } from './comments.rules.js';
import { checkFormToken } from './comments.token.js';
import { emitCommentChange } from './comments.events.js';

/** The hidden field bots fill in; people never see it. */
export const HONEYPOT_FIELD = 'homepage';

export type FieldName = 'name' | 'email' | 'url' | 'comment';
export type FieldErrors = Partial<Record<FieldName, string>>;

export interface PostContext {
  ip: string;
  userAgent: string | null;
  now: Date;
  /** Everything the form sent, for the honeypot. */
  fields: Record<string, string>;
}

export type PostOutcome =
  | { kind: 'stored'; id: number; status: CommentStatus; reason: string }
  /** Not stored: the reader is told why and gets the form back with their input. */
  | { kind: 'rejected'; status: 422 | 429; errors: FieldErrors; summary: string[]; retryAfterSeconds?: number };

const MAX_USER_AGENT = 500;

/**
 * Takes a comment from the public form: validates it, decides whether it is
 * published, held or spam, and stores it. Nothing a reader sent is dropped
 * without a word: it is stored (spam and held comments included, for a
 * moderator to review), or the reader gets the form back saying why not.
 */
export async function postComment(db: Kysely<Database>, events: ChangeBus, article: ArticleRow, settings: Settings, raw: RawCommentForm, ctx: PostContext): Promise<PostOutcome> {
  if (!commentsOpen(article, settings, ctx.now)) throw new AppError('COMMENTS_CLOSED');

  const parsed = commentFormSchema(settings).safeParse(raw);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    const summary: string[] = [];
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'parent_id' ? 'comment' : (issue.path[0] as FieldName);
      if (!errors[field]) errors[field] = issue.message;
      summary.push(issue.message);
    }
    return { kind: 'rejected', status: 422, errors, summary: [...new Set(summary)] };
  }
  const input = parsed.data;
  if (input.parent_id != null && !(await isApprovedCommentOn(db, input.parent_id, article.id))) {
    const message = 'The comment you replied to is not available any more. Your comment can still be posted without the reply.';
    return { kind: 'rejected', status: 422, errors: { comment: message }, summary: [message] };
  }

  const token = await checkFormToken(db, raw._token, article.id, ctx.now, { minFillSeconds: settings.commentMinFillSeconds, ttlMinutes: settings.commentTokenTtlMinutes });
  if (!token.ok && token.reason === 'expired') {
    const message = 'This form was open for a long time, so we need you to send it again. Your comment is still in the box below.';
    return { kind: 'rejected', status: 422, errors: {}, summary: [message] };
  }

  const ipHash = hashIp(await siteSecret(db, 'ip-hash'), ctx.ip);
  const tokenProblem = token.ok ? null : `token-${token.reason}`;
  const honeypotFilled = (ctx.fields[HONEYPOT_FIELD] ?? '') !== '';
  // checks and insert in one transaction, one sender at a time, so a double
  // click or a burst of parallel posts cannot slip past the limits or the duplicate check
  const outcome = await db.transaction().execute(async (trx): Promise<PostOutcome> => {
    await lockSender(trx, ipHash);
    const minutesAgo = (m: number) => new Date(ctx.now.getTime() - m * 60_000).toISOString();
    const byIp = await countRecent(trx, { ipHash }, minutesAgo(settings.commentRateIpWindowMinutes));
    const byEmail = await countRecent(trx, { email: input.email }, minutesAgo(settings.commentRateEmailWindowMinutes));
    if (byIp >= settings.commentRateIpMax || byEmail >= settings.commentRateEmailMax) {
      const window = byIp >= settings.commentRateIpMax ? settings.commentRateIpWindowMinutes : settings.commentRateEmailWindowMinutes;
      const message = `You are posting comments too quickly. Please wait ${window === 1 ? 'a minute' : `${window} minutes`} and send it again; your comment is still in the box below.`;
      return { kind: 'rejected', status: 429, errors: {}, summary: [message], retryAfterSeconds: window * 60 };
    }
    if (await isDuplicate(trx, article.id, input.email, input.comment)) {
      const message = 'You have already posted this comment here. It appears once it is approved.';
      return { kind: 'rejected', status: 422, errors: { comment: message }, summary: [message] };
    }
    const { status, reason } = await decideStatus(trx, settings, input, tokenProblem, honeypotFilled, ctx.ip);
    const id = await insertComment(trx, {
      articleId: article.id,
      parentId: input.parent_id,
      name: input.name,
      email: input.email,
      url: input.url,
      body: input.comment,
      status,
      createdAt: ctx.now.toISOString(),
      ipHash,
      userAgent: ctx.userAgent ? ctx.userAgent.slice(0, MAX_USER_AGENT) : null,
    });
    return { kind: 'stored', id, status, reason };
  });
  if (outcome.kind === 'stored' && outcome.status === 'approved') await emitCommentChange(db, events, 'comment.created', article.id, outcome.id);
  return outcome;
}

/**
 * Serializes posts from one IP until the transaction ends. SQLite needs
 * nothing: a transaction holds its only connection. PostgreSQL takes a
 * transaction-scoped advisory lock on the IP hash (the same address from
 * several IPs is left to the per-address limit's count).
 */
async function lockSender(trx: Transaction<Database>, ipHash: string): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${`comment:${ipHash}`}))`.execute(trx);
}

async function decideStatus(
  db: Kysely<Database> | Transaction<Database>,
  settings: Settings,
  input: { name: string; email: string; url: string | null; comment: string },
  tokenProblem: string | null,
  honeypotFilled: boolean,
  ip: string,
): Promise<{ status: CommentStatus; reason: string }> {
  if (honeypotFilled) return { status: 'spam', reason: 'honeypot' };
  if (tokenProblem) return { status: 'spam', reason: tokenProblem };
  const blocked = blocklistHit(settings, { ...input, body: input.comment, ip });
  if (blocked) return { status: 'spam', reason: `blocklist-${blocked}` };
  if (countLinks(`${input.comment}`) > settings.commentMaxLinks) return { status: 'pending', reason: 'links' };
  if (settings.commentModeration === 'hold_all') return { status: 'pending', reason: 'policy' };
  if (settings.commentModeration === 'hold_first_time' && !(await hasApprovedComment(db, input.email))) return { status: 'pending', reason: 'first-time' };
  return { status: 'approved', reason: 'policy' };
}
