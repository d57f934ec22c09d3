/**
 * Starts the server: config → database → migrations → demo content → app → listen.
 * Any problem before listening stops the process with one clear line.
 *
 * With MASTHEAD_WORKERS=N the primary process migrates and seeds once, then
 * forks N workers that each serve on the same port (node:cluster) and relays
 * change events between them so every worker's page cache stays current.
 */
import cluster from 'node:cluster';
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig, type Config } from './config.js';
import { connect, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock } from './clock.js';
import net from 'node:net';
import { buildApp, isBypassed } from './app.js';
import { createFastLane } from './cache/fast-lane.js';
import { isEmptySite, seedDemo } from './demo/seed.js';
import { startInstanceSync } from './cache/instance-sync.js';
import { startChangeLogPoller } from './cache/change-log.js';
import { relayBetweenWorkers, syncWorkerBus } from './cache/cluster-sync.js';
import { startFeedPoller } from './syndication/poller.js';
import { startScheduler } from './admin/scheduler.js';

function fail(message: string): never {
  process.stderr.write(`masthead: ${message}\n`);
  process.exit(1);
}

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.problems.join('\nmasthead: '));
    throw err;
  }
}

/** Connects, migrates and (on an empty database) seeds the demo. */
async function prepareDatabase(config: Config): Promise<DatabaseHandle> {
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
  return handle;
}

async function startPrimary(config: Config, started: number): Promise<void> {
  const handle = await prepareDatabase(config);
  await handle.close();
  relayBetweenWorkers();
  let ready = 0;
  for (let i = 0; i < config.workers; i++) cluster.fork({ MASTHEAD_WORKER_INDEX: String(i) });
  cluster.on('message', (_worker, message: unknown) => {
    if ((message as { type?: string })?.type !== 'masthead:ready') return;
    if (++ready === config.workers) {
      process.stdout.write(`masthead: ${config.workers} workers serving http://${config.host}:${config.port}/ (ready in ${Math.round(performance.now() - started)} ms)\n`);
    }
  });
  let stopping = false;
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    process.stderr.write(`masthead: worker ${worker.process.pid} exited (${code}); starting another\n`);
    cluster.fork({ MASTHEAD_WORKER_INDEX: '0' });
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function listen(server: net.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
}

async function startServer(config: Config, started: number): Promise<void> {
  const handle = cluster.isWorker ? await connect(config.database).catch((err: Error) => fail(err.message)) : await prepareDatabase(config);
  const app = await buildApp({
    config,
    db: handle.db,
    engine: handle.engine,
    clock: systemClock,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
  });
  syncWorkerBus(app.deps.events);
  const sync = await startInstanceSync(app, config).catch((err: Error) => fail(`cannot listen for changes from other instances: ${err.message}`));
  // changes made by the masthead command (another process) reach this cache through the change log
  const stopChangeLog = await startChangeLogPoller(handle.db, app.deps.events, { log: app.log });

  let lane: net.Server | null = null;
  try {
    if (config.fastLane && app.pageCache) {
      // the lane listens and hands Fastify's server every connection it does not answer itself
      await app.ready();
      lane = createFastLane({ cache: app.pageCache, server: app.server, bypass: isBypassed, keyOf: app.cacheKey });
      await listen(lane, config.port, config.host);
    } else {
      await app.listen({ port: config.port, host: config.host });
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') fail(`port ${config.port} on ${config.host} is already in use; set PORT to another port`);
    if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') fail(`cannot listen on HOST ${config.host}: no such address on this machine`);
    if (e.code === 'EACCES') fail(`not allowed to listen on port ${config.port}; use a port above 1023`);
    fail(e.message);
  }

  if (cluster.isWorker) process.send?.({ type: 'masthead:ready' });
  else {
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    process.stdout.write(`masthead: serving http://${host}:${config.port}/ from ${handle.description} (ready in ${Math.round(performance.now() - started)} ms)\n`);
  }

  const stopPoller = startFeedPoller({ db: handle.db, engine: handle.engine, clock: systemClock, events: app.deps.events, allowPrivate: config.fetchAllowPrivate, log: (msg, err) => app.log.error({ err }, msg) });
  // scheduled stories go out on time whether or not anyone visits
  const scheduler = startScheduler({ db: handle.db, clock: systemClock, events: app.deps.events, log: app.log });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    if (!cluster.isWorker) process.stdout.write(`masthead: ${signal} received, closing\n`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    stopChangeLog();
    await sync?.close().catch(() => {});
    stopPoller();
    scheduler.stop();
    lane?.close();
    await app.close().catch(() => {});
    await handle.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

async function main(): Promise<void> {
  const started = performance.now();
  const config = readConfig();
  if (config.workers > 1 && cluster.isPrimary) await startPrimary(config, started);
  else await startServer(config, started);
}

main().catch((err: unknown) => fail((err as Error)?.stack ?? String(err)));
