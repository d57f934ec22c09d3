import type { CommentStatus } from '../../db/schema.js';
import type { ModerationComment } from '../../comments/comments.moderation.js';
import { articleUrl } from '../../site/site.service.js';
import type { ModerationAction } from '../../comments/comments.moderation.js';

/** What the queue shows of one comment (staff only: the email is included). */
export interface QueueRowView {
  id: number;
  status: CommentStatus;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  storyTitle: string;
  storyUrl: string;
  date: string;
  dateLabel: string;
  body: string;
  isReply: boolean;
  /** The buttons that would change something: never "approve" an approved comment. */
  actions: { action: ModerationAction; label: string }[];
}

const LABELS: Record<ModerationAction, string> = { approve: 'Approve', spam: 'Spam', trash: 'Trash', restore: 'Restore' };
const TARGET: Record<ModerationAction, CommentStatus> = { approve: 'approved', spam: 'spam', trash: 'trash', restore: 'pending' };

export function actionsFor(status: CommentStatus): QueueRowView['actions'] {
  return (Object.keys(LABELS) as ModerationAction[]).filter((a) => TARGET[a] !== status).map((a) => ({ action: a, label: status === 'approved' && a === 'restore' ? 'Unapprove' : LABELS[a] }));
}

export function presentQueueRow(c: ModerationComment): QueueRowView {
  return {
    id: c.id,
    status: c.status,
    authorName: c.authorName,
    authorEmail: c.authorEmail,
    authorUrl: c.authorUrl,
    storyTitle: c.articleTitle,
    storyUrl: articleUrl(c.articleSlug),
    date: c.createdAt,
    dateLabel: `${c.createdAt.slice(0, 10)} ${c.createdAt.slice(11, 16)} UTC`,
    body: c.body,
    isReply: c.parentId !== null,
    actions: actionsFor(c.status),
  };
}

/** The sentence shown after an action succeeded. */
export function doneNotice(action: ModerationAction, n: number): string {
  const what = n === 1 ? '1 comment' : `${n} comments`;
  if (n === 0) return 'Nothing changed: those comments were already there.';
  return { approve: `Approved ${what}.`, spam: `Marked ${what} as spam.`, trash: `Moved ${what} to the trash.`, restore: `Returned ${what} to the queue.` }[action];
}
