import type { Config } from '../core/config/config.js';
import type { EmbeddedDatabase } from '../core/database/embedded-postgres.js';
import type { OpenDatabase } from './bootstrap.js';
import { serveMemoryCountersToWorkers } from '../core/rate-limit/limiter-store.js';
import { WorkerPool, type Log } from './cluster.js';

interface Running {
  /** Stops serving, waits for the requests running, then closes the database (the embedded PostgreSQL last). */
  stop(): Promise<void>;
}

/**
 * The process `node dist/main.js` starts: loads the database (DATABASE_URL, or an embedded
 * PostgreSQL), then serves requests itself (SERVER_WORKERS=1) or through its workers (cluster
 * primary, app/cluster.ts), and stops on SIGINT/SIGTERM.
 */
export async function runServerProcess(config: Config, log: Log): Promise<void> {
  if (!config.databaseUrl) log(`Starting embedded PostgreSQL (data in ${config.embeddedDataDir})`);
  // The embedded PostgreSQL starts while Node loads the rest of the server (each takes a second or so).
  const embedded = config.databaseUrl
    ? Promise.resolve(null)
    : import('../core/database/embedded-postgres.js').then(({ startEmbeddedPostgres }) =>
        startEmbeddedPostgres({ dataDir: config.embeddedDataDir, port: config.embeddedPort }),
      );
  const running = config.serverWorkers > 1 ? await startPrimary(config, embedded, log) : await startSingleProcess(config, embedded, log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, stopping…`);
    await running.stop();
    process.exit(0);
  };
  // embedded-postgres stops its servers on these signals by itself (async-exit-hook), and
  // then exits: requests still draining and the last API usage counts would lose their
  // connections. Here the embedded PostgreSQL stops last (database.close).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
}

async function startSingleProcess(config: Config, embedded: Promise<EmbeddedDatabase | null>, log: Log): Promise<Running> {
  const [embeddedDatabase, { buildAppSchema, openDatabase, prepareDatabase, scheduleAccountCleanup, serveRequests }] = await Promise.all([
    embedded,
    import('./server-modules.js'),
  ]);
  const schema = buildAppSchema();
  schema.catch(() => {});
  const database = await openDatabase(config, embeddedDatabase);
  const capabilities = await prepareDatabase(database.db, config, log);
  const accountCleanup = scheduleAccountCleanup(database.db, log);
  const served = await serveRequests(config, database.db, capabilities, log, schema);
  log(`Mail: ${served.mailDescription}`);
  log(`GraphQL API ready at ${served.url} (one process serves requests: SERVER_WORKERS=1)`);
  if (config.mailOutboxView) log(`Mail outbox at http://localhost:${served.port}/dev/outbox`);
  return {
    async stop() {
      accountCleanup.stop();
      try {
        await served.close();
      } finally {
        await database.close();
      }
    },
  };
}

async function startPrimary(config: Config, embedded: Promise<EmbeddedDatabase | null>, log: Log): Promise<Running> {
  if (config.apiRateLimits.store === 'memory') serveMemoryCountersToWorkers();
  const workers = new WorkerPool({
    count: config.serverWorkers,
    log,
    // Requests end by GRAPHQL_TIMEOUT_MS; then the index's load and the last usage counts.
    drainTimeoutMs: config.graphqlTimeoutMs + 10_000,
  });
  // Forked now: they load the server's modules while the database starts and is prepared.
  const started = workers.start();
  let embeddedDatabase: EmbeddedDatabase | null = null;
  let database: OpenDatabase | null = null;
  let accountCleanup: { stop(): void } | null = null;
  const stop = async () => {
    accountCleanup?.stop();
    try {
      await workers.stop();
    } finally {
      // The pool, then the embedded PostgreSQL (also when the pool never opened).
      await (database ? database.close() : embeddedDatabase?.stop());
    }
  };
  let ready;
  try {
    const [embeddedStarted, { openDatabase, prepareDatabase, scheduleAccountCleanup }] = await Promise.all([embedded, import('./primary-modules.js')]);
    embeddedDatabase = embeddedStarted;
    database = await openDatabase(config, embeddedDatabase);
    await prepareDatabase(database.db, config, log);
    accountCleanup = scheduleAccountCleanup(database.db, log);
    workers.provideDatabase(config.databaseUrl ?? embeddedDatabase!.url);
    ready = await started;
  } catch (error) {
    await stop();
    throw error;
  }
  log(`Mail: ${ready.mail}`);
  log(`GraphQL API ready at http://localhost:${ready.port}/graphql (${config.serverWorkers} worker processes serve requests)`);
  if (config.mailOutboxView) log(`Mail outbox at http://localhost:${ready.port}/dev/outbox`);
  return { stop };
}
