/**
 * Starts the server: config → database → migrations → demo content → app → listen.
 * Any problem before listening stops the process with one clear line.
 */
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig, type Config } from './config.js';
import { connect, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock } from './clock.js';
import { buildApp } from './app.js';
import { isEmptySite, seedDemo } from './demo/seed.js';
import { startScheduler } from './admin/scheduler.js';

function fail(message: string): never {
  process.stderr.write(`masthead: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const started = performance.now();
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.problems.join('\nmasthead: '));
    throw err;
  }

  let handle: DatabaseHandle;
  try {
    handle = await connect(config.database);
    await migrateToLatest(handle.db);
  } catch (err) {
    fail((err as Error).message);
  }

  if (config.demo && (await isEmptySite(handle.db))) {
    const { demoContent } = await import('./demo/demo-content.js');
    const summary = await seedDemo(handle.db, systemClock, demoContent);
    process.stdout.write(`masthead: demo content seeded (${summary.articles} articles, ${summary.comments} comments); set MASTHEAD_DEMO=0 to start empty\n`);
  }

  const app = await buildApp({
    config,
    db: handle.db,
    engine: handle.engine,
    clock: systemClock,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
  });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') fail(`port ${config.port} on ${config.host} is already in use; set PORT to another port`);
    if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') fail(`cannot listen on HOST ${config.host}: no such address on this machine`);
    if (e.code === 'EACCES') fail(`not allowed to listen on port ${config.port}; use a port above 1023`);
    fail(e.message);
  }

  // scheduled stories go out on time whether or not anyone visits
  const scheduler = startScheduler({ db: handle.db, clock: systemClock, events: app.deps.events, log: app.log });

  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`masthead: serving http://${host}:${config.port}/ from ${handle.description} (ready in ${ms} ms)\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`masthead: ${signal} received, closing\n`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    scheduler.stop();
    await app.close().catch(() => {});
    await handle.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => fail((err as Error)?.stack ?? String(err)));
