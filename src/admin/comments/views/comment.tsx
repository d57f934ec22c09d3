import { AdminLayout, Csrf, Field, TextArea, type AdminChrome } from '../../views/layout.js';
import type { QueueRowView } from '../moderation.presenter.js';

export interface CommentPageView {
  row: QueueRowView;
  /** The edit form's values: the comment's own, or what the moderator typed. */
  edit: { name: string; email: string; url: string; comment: string };
  editErrors: Record<string, string>;
  reply: string;
  replyError?: string;
  notice?: string | null;
  error?: string | null;
}

/** One comment: correct it, or answer it in public as the newsroom. */
export function CommentPage({ chrome, view }: { chrome: AdminChrome; view: CommentPageView }) {
  const { row, edit, editErrors } = view;
  return (
    <AdminLayout chrome={chrome} title={`Comment ${row.id}`} notice={view.notice} error={view.error}>
      <p>
        {`By ${row.authorName} on `}
        <a href={row.storyUrl}>{row.storyTitle}</a>
        {`, ${row.dateLabel}. Status: ${row.status}.`} <a href={`/admin/comments/?status=${row.status}`}>Back to the queue</a>
      </p>
      <h2>Edit</h2>
      <form method="post" action={`/admin/comments/${row.id}/edit`} class="narrow-form">
        <Csrf token={chrome.csrf} />
        <Field name="name" label="Name" value={edit.name} required error={editErrors.name} />
        <Field name="email" label="Email" type="email" value={edit.email} required error={editErrors.email} />
        <Field name="url" label="Website" value={edit.url} error={editErrors.url} />
        <TextArea name="comment" label="Comment" value={edit.comment} rows={8} error={editErrors.comment} />
        <p>
          <button type="submit">Save changes</button>
        </p>
      </form>
      <h2>Reply as the newsroom</h2>
      <form method="post" action={`/admin/comments/${row.id}/reply`} class="narrow-form">
        <Csrf token={chrome.csrf} />
        <TextArea name="reply" label="Your reply" value={view.reply} rows={5} hint={`Published at once under your name, ${chrome.user?.name ?? ''}.${row.status === 'approved' ? '' : ' Replying approves this comment too.'}`} error={view.replyError} />
        <p>
          <button type="submit">Publish reply</button>
        </p>
      </form>
    </AdminLayout>
  );
}
