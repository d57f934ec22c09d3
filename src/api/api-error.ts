import { AppError, type ErrorCode } from '../errors.js';

/**
 * An AppError that also names the code an API client expects (Ghost's
 * `type`, WordPress's `code`), when the catalogue's code is too coarse.
 */
export class ApiError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly apiCode?: string,
  ) {
    super(code, message);
  }
}

/** Turns a zod issue list into one sentence a client developer can act on. */
export function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}
