/**
 * The error catalogue: a stable code, the HTTP status it maps to, and a
 * message a reader can act on. Handlers throw AppError with a code; the one
 * error handler in app.ts renders it (an HTML page for the site, JSON for APIs)
 * and never shows a database error or a stack trace.
 */
export const errorCatalogue = {
  NOT_FOUND: { status: 404, title: 'Page not found', message: 'We could not find the page you asked for. It may have moved, or the address may be mistyped.' },
  BAD_PATH: { status: 400, title: 'Bad address', message: 'That web address is not valid. Check it for stray characters and try again.' },
  URI_TOO_LONG: { status: 414, title: 'Address too long', message: 'That web address is too long for us to read.' },
  BAD_REQUEST: { status: 400, title: 'Bad request', message: 'We could not understand that request.' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Too much data', message: 'What you sent is larger than we accept.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported form', message: 'We could not read what you sent. Please use the form on the page.' },
  COMMENTS_CLOSED: { status: 403, title: 'Comments are closed', message: 'Comments are closed on this story.' },
  BAD_ENCODING: { status: 400, title: 'Unreadable form', message: 'Part of what you sent was not properly encoded text. Please go back and send the form again.' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Not allowed', message: 'That kind of request is not allowed here.' },
  RATE_LIMITED: { status: 429, title: 'Slow down', message: 'Too many requests in a short time. Please wait a moment and try again.' },
  UNAUTHORIZED: { status: 401, title: 'Please sign in', message: 'Sign in to the newsroom to do that.' },
  FORBIDDEN: { status: 403, title: 'Not allowed', message: 'Your role does not allow that. Ask an editor or an administrator.' },
  CSRF: { status: 403, title: 'Form expired', message: 'This form has expired or did not come from this site. Go back, reload the page and try again.' },
  CONFLICT: { status: 409, title: 'Changed meanwhile', message: 'Someone else changed this while you were editing it.' },
  INTERNAL: { status: 500, title: 'Something went wrong', message: 'Something went wrong on our side. Please try again in a moment.' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    options?: { cause?: unknown },
  ) {
    const entry = errorCatalogue[code];
    super(message ?? entry.message, options);
    this.name = 'AppError';
    this.status = entry.status;
    this.title = entry.title;
  }
}

/** Maps anything thrown to a catalogue entry, without leaking its details. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { statusCode?: number; code?: string };
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status === 413 || e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE', undefined, { cause: err });
  if (status === 415 || e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, { cause: err });
  if (status === 414) return new AppError('URI_TOO_LONG', undefined, { cause: err });
  if (status === 429) return new AppError('RATE_LIMITED', undefined, { cause: err });
  if (status === 404) return new AppError('NOT_FOUND', undefined, { cause: err });
  if (status === 405) return new AppError('METHOD_NOT_ALLOWED', undefined, { cause: err });
  if (status >= 400 && status < 500) return new AppError('BAD_REQUEST', undefined, { cause: err });
  return new AppError('INTERNAL', undefined, { cause: err });
}
