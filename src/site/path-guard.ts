import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export const MAX_URL_LENGTH = 2048;

/**
 * Rejects request targets no page could answer, before any routing or
 * database work: over-long URLs (414), bad percent-encoding or invalid UTF-8,
 * NUL and other control characters, and dot segments (400).
 */
export function checkRequestTarget(request: FastifyRequest): void {
  const raw = request.raw.url ?? '/';
  if (raw.length > MAX_URL_LENGTH) throw new AppError('URI_TOO_LONG');
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw new AppError('BAD_PATH');
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded) || decoded.includes('\\')) throw new AppError('BAD_PATH');
  if (decoded.split('/').some((seg) => seg === '..' || seg === '.')) throw new AppError('BAD_PATH');
  if (q !== -1) {
    try {
      decodeURIComponent(raw.slice(q + 1).replace(/\+/g, ' '));
    } catch {
      throw new AppError('BAD_REQUEST', 'The query string of that address is not valid.');
    }
  }
}
