import { z } from 'zod';
import type { Settings } from '../content/settings.js';

/** Control characters a comment never needs (tabs and newlines are kept in the body). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/gu;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/gu;

const length = (s: string) => Array.from(s).length;

/** What the form sends, as raw strings; anything else in the body is ignored. */
export const rawCommentForm = z.object({
  name: z.string().default(''),
  email: z.string().default(''),
  url: z.string().default(''),
  comment: z.string().default(''),
  parent_id: z.string().default(''),
  _token: z.string().default(''),
});
export type RawCommentForm = z.infer<typeof rawCommentForm>;

/**
 * The comment form's rules, with the limits from settings. Messages name the
 * field and say what to change; they never repeat the input back.
 */
export function commentFormSchema(settings: Settings) {
  return z.object({
    name: z
      .string()
      .transform((s) => s.replace(CONTROL_ALL, ' ').replace(/\s+/gu, ' ').trim())
      .pipe(
        z
          .string()
          .min(1, 'Please enter your name.')
          .refine((s) => length(s) <= settings.commentMaxNameLength, `Your name can be at most ${settings.commentMaxNameLength} characters.`),
      ),
    email: z
      .string()
      .transform((s) => s.trim().toLowerCase())
      .pipe(
        z
          .string()
          .min(1, 'Please enter your email address. It will not be published.')
          .max(settings.commentMaxEmailLength, `The email address can be at most ${settings.commentMaxEmailLength} characters.`)
          .pipe(z.email('Please enter a valid email address, such as name@example.com.')),
      ),
    url: z
      .string()
      .transform((s) => s.trim())
      .pipe(
        z
          .string()
          .max(settings.commentMaxUrlLength, `The website address can be at most ${settings.commentMaxUrlLength} characters.`)
          .transform((s, ctx) => {
            if (s === '') return null;
            const url = webUrl(s);
            if (!url) {
              ctx.addIssue({ code: 'custom', message: 'The website must be a web address starting with http:// or https://.' });
              return z.NEVER;
            }
            if (url.length > settings.commentMaxUrlLength) {
              ctx.addIssue({ code: 'custom', message: `The website address can be at most ${settings.commentMaxUrlLength} characters.` });
              return z.NEVER;
            }
            return url;
          }),
      ),
    comment: z
      .string()
      .transform((s) => s.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim())
      .pipe(
        z
          .string()
          .min(1, 'Please write a comment.')
          .refine((s) => length(s) <= settings.commentMaxLength, `Your comment can be at most ${settings.commentMaxLength.toLocaleString('en')} characters.`),
      ),
    parent_id: z
      .string()
      .transform((s, ctx) => {
        if (s === '') return null;
        if (!/^[1-9]\d{0,9}$/.test(s)) {
          ctx.addIssue({ code: 'custom', message: 'The comment you replied to could not be found.' });
          return z.NEVER;
        }
        return Number(s);
      }),
  });
}
export type CommentInput = z.output<ReturnType<typeof commentFormSchema>>;

/** An http(s) address in its normalised form (special characters percent-encoded), or null. */
export function webUrl(value: string): string | null {
  if (/\s/u.test(value) || !/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}
