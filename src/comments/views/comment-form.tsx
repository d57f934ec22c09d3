export interface CommentFormValues {
  name: string;
  email: string;
  url: string;
  comment: string;
  parentId: number | null;
}

export interface CommentFormProps {
  action: string;
  values?: Partial<CommentFormValues>;
  /** Field name → message, for a form that came back with errors. */
  errors?: Partial<Record<keyof CommentFormValues, string>>;
  /** Name of the comment being replied to, when replying. */
  replyingTo?: string | null;
  cancelReplyUrl?: string;
  /** Hidden inputs the spam defence adds (form token). */
  hidden?: Record<string, string>;
  /** Name of the honeypot field: a text box hidden from people, which bots fill in. */
  honeypot?: string;
  /** Problems with the form as sent, listed above the fields. */
  summary?: string[];
  /** Longest value each field takes (from settings), so browsers stop typing there too. */
  limits?: { name: number; email: number; url: number; comment: number };
}

const DEFAULT_LIMITS = { name: 100, email: 254, url: 2000, comment: 10000 };

const FIELD_ORDER: (keyof CommentFormValues)[] = ['comment', 'name', 'email', 'url'];

function Field({ id, label, required, error, children }: { id: string; label: string; required?: boolean; error?: string; children: preact.ComponentChildren }) {
  return (
    <p class={`form-field${error ? ' form-field--error' : ''}`}>
      <label for={id}>
        {label}
        {required ? (
          <>
            {' '}
            <span class="required" aria-hidden="true">
              *
            </span>
          </>
        ) : null}
      </label>
      {children}
      {error ? (
        <span class="form-field__error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </p>
  );
}

/** "Leave a Reply": works without JavaScript; posting is handled by the comments feature. */
export function CommentForm({ action, values = {}, errors = {}, replyingTo, cancelReplyUrl, hidden = {}, honeypot, summary = [], limits = DEFAULT_LIMITS }: CommentFormProps) {
  const invalid = (k: keyof CommentFormValues) => (errors[k] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `comment-${k}-error` } : {});
  return (
    <section class="respond" id="respond" aria-labelledby="reply-title">
      <h2 id="reply-title">
        {replyingTo ? `Leave a Reply to ${replyingTo}` : 'Leave a Reply'}
        {replyingTo && cancelReplyUrl ? (
          <small>
            {' '}
            <a href={cancelReplyUrl}>Cancel reply</a>
          </small>
        ) : null}
      </h2>
      {summary.length ? (
        <div class="form-summary" id="comment-errors" role="alert" tabIndex={-1}>
          <h3>{summary.length === 1 ? 'There is a problem with your comment' : 'There are problems with your comment'}</h3>
          <ul>
            {summary.map((message) => {
              const field = FIELD_ORDER.find((k) => errors[k] === message);
              return <li key={message}>{field ? <a href={`#comment-${field}`}>{message}</a> : message}</li>;
            })}
          </ul>
        </div>
      ) : null}
      <form class="comment-form" method="post" action={action} novalidate>
        <p class="comment-notes">
          <span id="email-notes">Your email address will not be published.</span> Required fields are marked <span class="required">*</span>
        </p>
        <Field id="comment-comment" label="Comment" required error={errors.comment}>
          <textarea id="comment-comment" name="comment" rows={8} maxLength={limits.comment} required {...invalid('comment')}>
            {values.comment ?? ''}
          </textarea>
        </Field>
        <Field id="comment-name" label="Name" required error={errors.name}>
          <input id="comment-name" name="name" type="text" autocomplete="name" maxLength={limits.name} required value={values.name ?? ''} {...invalid('name')} />
        </Field>
        <Field id="comment-email" label="Email" required error={errors.email}>
          <input id="comment-email" name="email" type="email" autocomplete="email" maxLength={limits.email} required value={values.email ?? ''} {...invalid('email')} aria-describedby={errors.email ? 'comment-email-error email-notes' : 'email-notes'} />
        </Field>
        <Field id="comment-url" label="Website" error={errors.url}>
          <input id="comment-url" name="url" type="url" autocomplete="url" maxLength={limits.url} value={values.url ?? ''} {...invalid('url')} />
        </Field>
        {honeypot ? (
          <p class="comment-form__trap" aria-hidden="true">
            <label for={`comment-${honeypot}`}>Leave this field empty</label>
            <input id={`comment-${honeypot}`} name={honeypot} type="text" value="" tabIndex={-1} autocomplete="off" />
          </p>
        ) : null}
        {values.parentId ? <input type="hidden" name="parent_id" value={String(values.parentId)} /> : null}
        {Object.entries(hidden).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <p class="form-submit">
          <button type="submit">Post Comment</button>
        </p>
      </form>
    </section>
  );
}
