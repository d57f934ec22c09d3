import type { CommentNode } from '../comments.repository.js';

/** Two initials drawn locally: no avatar service ever learns who commented. */
export function initials(name: string): string {
  // the first letter or digit of the first and last words that have one: punctuation never makes an avatar
  const firsts = name
    .split(/\s+/u)
    .map((w) => /[\p{L}\p{N}]/u.exec(w)?.[0])
    .filter((c): c is string => c !== undefined);
  const letters = firsts.length > 1 ? [firsts[0]!, firsts[firsts.length - 1]!] : firsts;
  return letters.map((c) => c.toLocaleUpperCase()).join('') || '?';
}

/** A small, stable colour per name, so avatars differ without any lookup. */
/** One of twelve colours per name; a class, since the site's CSP forbids inline styles. */
function hueClass(name: string): string {
  return `avatar--h${Math.floor(hue(name) / 30)}`;
}

function hue(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return h;
}

const URL_RE = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]}]/giu;

/**
 * A comment body as paragraphs of plain text: blank lines split paragraphs,
 * single newlines become <br>, and http(s) links become links marked
 * nofollow ugc. Everything is escaped by Preact; no HTML from a commenter
 * is ever printed.
 */
export function CommentBody({ body }: { body: string }) {
  const paragraphs = body.replace(/\r\n?/g, '\n').split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  return (
    <div class="comment__body">
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.split('\n').map((line, j) => (
            <>
              {j > 0 ? <br /> : null}
              {linkify(line)}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}

function linkify(line: string) {
  const out: (string | preact.JSX.Element)[] = [];
  let last = 0;
  for (const m of line.matchAll(URL_RE)) {
    const start = m.index ?? 0;
    if (start > last) out.push(line.slice(last, start));
    out.push(
      <a href={m[0]} rel="nofollow ugc noopener">
        {m[0]}
      </a>,
    );
    last = start + m[0].length;
  }
  if (last < line.length) out.push(line.slice(last));
  return out;
}

export function CommentItem({ comment, timeLabel, replyBase }: { comment: CommentNode; timeLabel: (iso: string) => string; replyBase: string | null }) {
  const safeUrl = comment.author_url && /^https?:\/\//i.test(comment.author_url) ? comment.author_url : null;
  return (
    <li class={`comment comment--depth-${comment.depth}`} id={`comment-${comment.id}`}>
      <article class="comment__inner" aria-label={`Comment by ${comment.author_name}`}>
        <header class="comment__meta">
          <span class={`avatar ${hueClass(comment.author_name)}`} aria-hidden="true">
            {initials(comment.author_name)}
          </span>
          <span class="comment__author">
            {safeUrl ? (
              <a href={safeUrl} rel="nofollow ugc noopener">
                {comment.author_name}
              </a>
            ) : (
              comment.author_name
            )}
          </span>
          <a class="comment__permalink" href={`#comment-${comment.id}`}>
            <time dateTime={comment.created_at}>{timeLabel(comment.created_at)}</time>
          </a>
        </header>
        <CommentBody body={comment.body} />
        {replyBase ? (
          <p class="comment__reply">
            <a href={`${replyBase}?replytocom=${comment.id}#respond`} rel="nofollow" aria-label={`Reply to ${comment.author_name}`}>
              Reply
            </a>
          </p>
        ) : null}
      </article>
      {comment.children.length ? (
        <ol class="comment-list comment-list--children">
          {comment.children.map((child) => (
            <CommentItem key={child.id} comment={child} timeLabel={timeLabel} replyBase={replyBase} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export function CommentList({ comments, count, timeLabel, replyBase }: { comments: CommentNode[]; count: number; timeLabel: (iso: string) => string; replyBase: string | null }) {
  return (
    <section class="comments" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{count === 1 ? '1 Comment' : `${count} Comments`}</h2>
      <ol class="comment-list">
        {comments.map((c) => (
          <CommentItem key={c.id} comment={c} timeLabel={timeLabel} replyBase={replyBase} />
        ))}
      </ol>
    </section>
  );
}
