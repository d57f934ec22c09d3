import type { Kysely } from 'kysely';
import type { Database, SourceRow } from '../db/schema.js';
import type { Clock } from '../clock.js';
import type { ChangeBus } from '../events.js';
import { safeFetch, SafeFetchError, type SafeFetchOptions } from '../net/safe-fetch.js';
import { findSourceById } from '../content/taxonomy.repository.js';
import { parseFeed } from './parse.js';
import { FeedParseError } from './feed.types.js';
import { ingestFeed, type IngestResult } from './ingest.service.js';
import { dueSources, updateSourceState } from './sources.repository.js';

export interface PollDeps {
  db: Kysely<Database>;
  clock: Clock;
  events?: ChangeBus;
  /** MASTHEAD_FETCH_ALLOW_PRIVATE: intranets and tests. */
  allowPrivate: boolean;
  /** Limits for each fetch (timeout, size cap, redirects). */
  fetch?: Pick<SafeFetchOptions, 'timeoutMs' | 'maxBytes' | 'maxRedirects'>;
}

export interface PollOutcome extends IngestResult {
  sourceId: number;
  status: 'ok' | 'not-modified' | 'error';
  /** The reason the source failed, or the problems recovered from; null when all was well. */
  error: string | null;
  format: string | null;
  items: number;
}

const MAX_BACKOFF_MINUTES = 24 * 60;

/** After n failures in a row, wait interval × 2^(n-1), at most a day. */
export function backoffMinutes(intervalMinutes: number, failures: number): number {
  return Math.min(MAX_BACKOFF_MINUTES, intervalMinutes * 2 ** Math.max(0, failures - 1));
}

const empty = (sourceId: number): PollOutcome => ({ sourceId, status: 'ok', error: null, format: null, items: 0, created: 0, updated: 0, unchanged: 0, held: 0, errors: [] });

/**
 * Fetches one source's feed (conditionally), parses it and imports new items,
 * then records the outcome on the source: status, last error, validators for
 * the next conditional GET, and when to try next (backing off after failures).
 * Never throws for a source's own failure; that is the source's status.
 */
export async function pollSource(deps: PollDeps, source: SourceRow): Promise<PollOutcome> {
  const { db, clock } = deps;
  const started = clock.now();
  const out = empty(source.id);
  try {
    if (!source.feed_url) throw new FeedParseError('the source has no feed URL');
    const res = await safeFetch(source.feed_url, { ...deps.fetch, allowPrivate: deps.allowPrivate, etag: source.etag, lastModified: source.last_modified, headers: { accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' } });
    if (res.status === 304) {
      out.status = 'not-modified';
    } else if (res.status < 200 || res.status >= 300) {
      throw new FeedParseError(`the feed answered HTTP ${res.status}`);
    } else {
      const feed = parseFeed(res.body, { url: res.url, contentType: res.headers['content-type'] ?? null });
      out.format = feed.format;
      out.items = feed.items.length;
      Object.assign(out, await ingestFeed(deps, source, feed), { sourceId: source.id, status: 'ok' });
      const problems = [...feed.problems, ...out.errors];
      out.error = problems.length ? problems.slice(0, 5).join('; ').slice(0, 2000) : null;
      await updateSourceState(db, source.id, { etag: header(res.headers.etag), last_modified: header(res.headers['last-modified']) });
    }
    await updateSourceState(db, source.id, {
      status: out.status,
      last_error: out.error,
      failure_count: 0,
      last_fetched_at: started.toISOString(),
      next_fetch_at: new Date(started.getTime() + source.poll_interval_minutes * 60_000).toISOString(),
      updated_at: started.toISOString(),
    });
  } catch (err) {
    if (!(err instanceof SafeFetchError) && !(err instanceof FeedParseError)) throw err;
    const failures = source.failure_count + 1;
    out.status = 'error';
    out.error = err.message.slice(0, 2000);
    await updateSourceState(db, source.id, {
      status: 'error',
      last_error: out.error,
      failure_count: failures,
      last_fetched_at: started.toISOString(),
      next_fetch_at: new Date(started.getTime() + backoffMinutes(source.poll_interval_minutes, failures) * 60_000).toISOString(),
      updated_at: started.toISOString(),
    });
  }
  return out;
}

const header = (v: string | string[] | undefined) => (typeof v === 'string' && v.length <= 500 ? v : null);

/** Polls one source by id (on demand, ignoring its schedule). */
export async function pollSourceById(deps: PollDeps, id: number): Promise<PollOutcome | null> {
  const source = await findSourceById(deps.db, id);
  return source ? pollSource(deps, source) : null;
}

/**
 * Polls every source that is due, one after another. A source that throws
 * something unexpected is recorded as failed; the others still run.
 */
export async function pollDueSources(deps: PollDeps, onError: (source: SourceRow, err: unknown) => void = () => {}): Promise<PollOutcome[]> {
  const outcomes: PollOutcome[] = [];
  for (const source of await dueSources(deps.db, deps.clock.now().toISOString())) {
    try {
      outcomes.push(await pollSource(deps, source));
    } catch (err) {
      onError(source, err);
      const failures = source.failure_count + 1;
      const now = deps.clock.now();
      await updateSourceState(deps.db, source.id, { status: 'error', last_error: 'unexpected failure while importing; see the server log', failure_count: failures, next_fetch_at: new Date(now.getTime() + backoffMinutes(source.poll_interval_minutes, failures) * 60_000).toISOString() }).catch(() => {});
      outcomes.push({ ...empty(source.id), status: 'error', error: 'unexpected failure' });
    }
  }
  return outcomes;
}
