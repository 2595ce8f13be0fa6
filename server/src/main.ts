import 'reflect-metadata';
import { ConfigError, loadConfig } from './core/config/config.js';
import { startEmbeddedPostgres } from './core/database/embedded-postgres.js';

const log = (message: string) => console.log(`[achat-inclusif] ${message}`);

async function main(): Promise<void> {
  const config = loadConfig();
  // The embedded PostgreSQL starts while Node loads the rest of the server (each takes a second or so).
  if (!config.databaseUrl) log(`Starting embedded PostgreSQL (data in ${config.embeddedDataDir})`);
  const [embedded, { openDatabase, prepareDatabase, startHttpServer, buildAppSchema, scheduleAccountCleanup, createMailer, DirectoryIndexService, SearchResultCache }] =
    await Promise.all([
      config.databaseUrl ? null : startEmbeddedPostgres({ dataDir: config.embeddedDataDir, port: config.embeddedPort }),
      import('./app/server-modules.js'),
    ]);
  const database = await openDatabase(config, embedded);
  const capabilities = await prepareDatabase(database.db, config, log);
  const accountCleanup = scheduleAccountCleanup(database.db, log);
  const schema = await buildAppSchema();
  const searchCache = new SearchResultCache();
  // Loads in the background: searches run in SQL until it is ready.
  const directoryIndex = config.searchEngine === 'index' ? new DirectoryIndexService(database.db, log) : undefined;
  void directoryIndex?.load();
  const mailer = createMailer(config, database.db);
  log(`Mail: ${mailer.description}`);
  const server = await startHttpServer(schema, { db: database.db, config, capabilities, searchCache, directoryIndex, mailer }, { port: config.port });
  log(`GraphQL API ready at ${server.url}`);
  if (config.mailOutboxView) log(`Mail outbox at http://localhost:${server.port}/dev/outbox`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, stopping…`);
    try {
      accountCleanup.stop();
      await server.close();
      await directoryIndex?.close();
    } finally {
      await database.close();
    }
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

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`[achat-inclusif] Configuration error: ${error.message}`);
  } else {
    console.error('[achat-inclusif] Failed to start:', error);
  }
  process.exit(1);
});
