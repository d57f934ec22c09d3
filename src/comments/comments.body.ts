import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads an application/x-www-form-urlencoded body strictly: bytes that are
 * not UTF-8, broken %-escapes, or escapes that decode to invalid UTF-8 are a
 * 400 with a readable page, rather than being silently turned into U+FFFD
 * and stored. The first value of a repeated field wins.
 */
export function parseFormStrict(body: Buffer): Record<string, string> {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new AppError('BAD_ENCODING');
  }
  // no prototype: a field named __proto__ or constructor is just a field
  const out: Record<string, string> = Object.create(null);
  if (text === '') return out;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const key = decode(rawKey);
    if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = decode(rawValue);
  }
  return out;
}

function decode(s: string): string {
  if (/%(?![0-9A-Fa-f]{2})/.test(s)) throw new AppError('BAD_ENCODING');
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw new AppError('BAD_ENCODING');
  }
}

/**
 * Makes the strict form parser the only one in this (encapsulated) plugin:
 * the comment form is the only thing these routes read, so JSON or
 * multipart bodies get a 415 rather than being half-understood.
 */
export function useStrictFormParser(app: FastifyInstance, bodyLimit: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseFormStrict(body as Buffer));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}
