import type { CommentStatus } from '../../../db/schema.js';
import { AdminLayout, Csrf, type AdminChrome } from '../../views/layout.js';
import { ACTIONS, STATUSES } from '../moderation.schema.js';
import type { QueueRowView } from '../moderation.presenter.js';

export interface QueueView {
  status: CommentStatus;
  counts: Record<CommentStatus, number>;
  rows: QueueRowView[];
  page: number;
  pages: number;
  notice?: string | null;
  error?: string | null;
}

const FOLDER: Record<CommentStatus, string> = { pending: 'Pending', approved: 'Approved', spam: 'Spam', trash: 'Trash' };
const queueUrl = (status: CommentStatus, page = 1) => `/admin/comments/?status=${status}${page > 1 ? `&page=${page}` : ''}`;

function Tabs({ status, counts }: { status: CommentStatus; counts: Record<CommentStatus, number> }) {
  return (
    <nav aria-label="Comment folders" class="comment-folders">
      <ul>
        {STATUSES.map((s) => (
          <li key={s}>
            <a href={queueUrl(s)} aria-current={s === status ? 'page' : undefined}>
              {FOLDER[s]} <span class="count">({counts[s]})</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** One row's buttons: a small form of its own, so it never sends the bulk ticks. */
function RowActions({ row, csrf, status, page }: { row: QueueRowView; csrf: string; status: CommentStatus; page: number }) {
  return (
    <form method="post" action="/admin/comments/moderate" class="row-actions">
      <Csrf token={csrf} />
      <input type="hidden" name="ids" value={String(row.id)} />
      <input type="hidden" name="status" value={status} />
      <input type="hidden" name="page" value={String(page)} />
      {row.actions.map((a) => (
        <button key={a.action} type="submit" name="action" value={a.action} class={a.action === 'spam' || a.action === 'trash' ? 'small danger' : 'small'}>
          {a.label}
          <span class="visually-hidden">{` comment ${row.id} by ${row.authorName}`}</span>
        </button>
      ))}{' '}
      <a href={`/admin/comments/${row.id}`}>
        Edit or reply<span class="visually-hidden">{` to comment ${row.id}`}</span>
      </a>
    </form>
  );
}

function Pager({ status, page, pages }: { status: CommentStatus; page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" class="pager">
      {page > 1 ? <a href={queueUrl(status, page - 1)}>Newer</a> : null} <span>{`Page ${page} of ${pages}`}</span> {page < pages ? <a href={queueUrl(status, page + 1)}>Older</a> : null}
    </nav>
  );
}

/** The moderation queue: folders with counts, a page of comments, per-row and bulk actions. */
export function QueuePage({ chrome, view }: { chrome: AdminChrome; view: QueueView }) {
  const { status, rows, page, pages } = view;
  return (
    <AdminLayout chrome={chrome} title="Comments" notice={view.notice} error={view.error}>
      <Tabs status={status} counts={view.counts} />
      {rows.length === 0 ? (
        <p class="empty">{page > 1 ? `There is no page ${page} in this folder.` : `No ${FOLDER[status].toLowerCase()} comments.`}</p>
      ) : (
        <>
          <form method="post" action="/admin/comments/moderate" id="bulk" class="bulk-actions">
            <Csrf token={chrome.csrf} />
            <input type="hidden" name="status" value={status} />
            <input type="hidden" name="page" value={String(page)} />
            <label for="bulk-action">With the ticked comments</label>{' '}
            <select id="bulk-action" name="action">
              {ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {a === 'restore' ? 'restore to the queue' : a}
                </option>
              ))}
            </select>{' '}
            <button type="submit">Apply</button>
          </form>
          <table class="list comments-queue">
            <caption class="visually-hidden">{`${FOLDER[status]} comments, page ${page}`}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">Select</span>
                </th>
                <th scope="col">Author</th>
                <th scope="col">Comment</th>
                <th scope="col">On</th>
                <th scope="col">Date</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} id={`comment-${row.id}`}>
                  <td>
                    <input type="checkbox" name="ids" value={String(row.id)} form="bulk" id={`pick-${row.id}`} aria-label={`Select comment ${row.id} by ${row.authorName}`} />
                  </td>
                  <td>
                    <strong>{row.authorName}</strong>
                    <br />
                    <a href={`mailto:${row.authorEmail}`}>{row.authorEmail}</a>
                    {row.authorUrl ? (
                      <>
                        <br />
                        <span class="url">{row.authorUrl}</span>
                      </>
                    ) : null}
                  </td>
                  <td class="comment-text">
                    {row.isReply ? <p class="hint">(a reply)</p> : null}
                    {row.body.split(/\n{2,}/).map((para, i) => (
                      <p key={i}>{para}</p>
                    ))}
                  </td>
                  <td>
                    <a href={row.storyUrl}>{row.storyTitle}</a>
                  </td>
                  <td>
                    <time datetime={row.date}>{row.dateLabel}</time>
                  </td>
                  <td>
                    <RowActions row={row} csrf={chrome.csrf} status={status} page={page} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager status={status} page={page} pages={pages} />
        </>
      )}
    </AdminLayout>
  );
}
