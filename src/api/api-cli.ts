import { ZodError } from 'zod';
import type { DatabaseHandle } from '../db/connect.js';
import type { Clock } from '../clock.js';

/** What cli.ts lends a feature's subcommands: its database opener, its usage error, stdout. */
export interface CliEnv {
  withDatabase<T>(fn: (handle: DatabaseHandle) => Promise<T>): Promise<T>;
  /** An error cli.ts reports as bad usage (exit code 2). */
  usage(message: string): Error;
  out(text: string): void;
  clock: Clock;
}

/** A positive integer id from the command line, or a usage error. */
export function parseId(env: CliEnv, value: string | undefined, what: string): number {
  if (!value || !/^\d{1,10}$/.test(value) || Number(value) < 1) throw env.usage(`give the ${what} id, a whole number (see the list command)`);
  return Number(value);
}

/** Runs fn, turning a zod validation error into a usage error with its messages. */
export async function validating<T>(env: CliEnv, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ZodError) throw env.usage(err.issues.map((i) => i.message).join('; '));
    throw err;
  }
}

/** Fixed-width columns for list output. */
export function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n') + '\n';
}
