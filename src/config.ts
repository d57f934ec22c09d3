import { z } from 'zod';
import { parseDatabaseUrl, type DatabaseTarget } from './db/connect.js';

/** Typed configuration, read once from the environment at start. */
export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  databaseUrl: string;
  /** Seed demo content into an empty database. */
  demo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Honour X-Forwarded-* headers (set when behind a reverse proxy). */
  trustProxy: boolean;
  /** Public base URL used in absolute links (canonical, feeds); derived from the request when unset. */
  publicUrl: string | null;
  /** Memory for the page cache in MB; 0 turns the cache off. */
  pageCacheMb: number;
  /** Worker processes (node:cluster); 1 runs in this process. */
  workers: number;
  /** Searches one address may make per minute, after a burst of 20; 0 turns the limit off (load tests). */
  searchPerMinute: number;
  /** Let outbound fetches reach private and loopback addresses (intranets, tests). */
  fetchAllowPrivate: boolean;
  /** Answer cached pages straight from the socket (src/cache/fast-lane.ts); off = Node's HTTP server alone. */
  fastLane: boolean;
}

const flag = (name: string, fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (/^(1|true|yes|on)$/i.test(v)) return true;
      if (/^(0|false|no|off)$/i.test(v)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be 0 or 1 (got "${v}")` });
      return z.NEVER;
    });

/** A whole number in a range; `label` completes "must be a whole number …" for the message. */
const wholeNumber = (name: string, fallback: number, min: number, max: number, label = `from ${min} to ${max}`) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number ${label} (got "${v}")` });
        return z.NEVER;
      }
      return n;
    });

const envSchema = z.object({
  PORT: wholeNumber('PORT', 3000, 1, 65535),
  HOST: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return '127.0.0.1';
      if (!/^[A-Za-z0-9.:\-[\]]+$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: `HOST must be a host name or IP address (got "${v}")` });
        return z.NEVER;
      }
      return v;
    }),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const url = v === undefined || v === '' ? 'sqlite:./data/masthead.db' : v;
      try {
        return { url, target: parseDatabaseUrl(url) };
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  MASTHEAD_DEMO: flag('MASTHEAD_DEMO', true),
  MASTHEAD_TRUST_PROXY: flag('MASTHEAD_TRUST_PROXY', false),
  MASTHEAD_FAST_LANE: flag('MASTHEAD_FAST_LANE', true),
  MASTHEAD_FETCH_ALLOW_PRIVATE: flag('MASTHEAD_FETCH_ALLOW_PRIVATE', false),
  MASTHEAD_PUBLIC_URL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return null;
      try {
        const u = new URL(v);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
        return u.origin + u.pathname.replace(/\/+$/, '');
      } catch {
        ctx.addIssue({ code: 'custom', message: `MASTHEAD_PUBLIC_URL must be an http(s) URL (got "${v}")` });
        return z.NEVER;
      }
    }),
  MASTHEAD_PAGE_CACHE_MB: wholeNumber('MASTHEAD_PAGE_CACHE_MB', 64, 0, 16384, 'of megabytes from 0 (off) to 16384'),
  MASTHEAD_WORKERS: wholeNumber('MASTHEAD_WORKERS', 1, 1, 64),
  MASTHEAD_SEARCH_PER_MINUTE: wholeNumber('MASTHEAD_SEARCH_PER_MINUTE', 30, 0, 100_000, 'from 0 (no limit) to 100000'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: (issue) => `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${String(issue.input)}")`,
    })
    .optional()
    .default('info'),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws ConfigError with one line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `invalid configuration: ${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL.target,
    databaseUrl: e.DATABASE_URL.url,
    demo: e.MASTHEAD_DEMO,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.MASTHEAD_TRUST_PROXY,
    publicUrl: e.MASTHEAD_PUBLIC_URL,
    pageCacheMb: e.MASTHEAD_PAGE_CACHE_MB,
    workers: e.MASTHEAD_WORKERS,
    searchPerMinute: e.MASTHEAD_SEARCH_PER_MINUTE,
    fetchAllowPrivate: e.MASTHEAD_FETCH_ALLOW_PRIVATE,
    fastLane: e.MASTHEAD_FAST_LANE,
  };
}
