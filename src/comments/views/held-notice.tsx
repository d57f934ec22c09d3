import type { PublicComment } from '../comments.repository.js';
import { CommentBody } from './comment-list.js';

/** Shown only to the author of a held comment (their signed cookie names it). */
export function HeldNotice({ comment, timeLabel }: { comment: PublicComment; timeLabel: (iso: string) => string }) {
  return (
    <div class="notice comment-held" id="comment-held" role="status">
      <p>
        <strong>Your comment is awaiting moderation.</strong> Only you can see it for now; it will appear for everyone once a moderator approves it.
      </p>
      <p class="comment__meta">
        <span class="comment__author">{comment.author_name}</span> · <time dateTime={comment.created_at}>{timeLabel(comment.created_at)}</time>
      </p>
      <CommentBody body={comment.body} />
    </div>
  );
}
