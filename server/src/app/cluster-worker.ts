import cluster from 'node:cluster';
import type { Config } from '../core/config/config.js';
import { keepMemoryCountersInPrimary } from '../core/rate-limit/limiter-store.js';
import { databaseFromPrimary, isDrainMessage, READY, type Log, type ReadyMessage } from './cluster.js';

/**
 * A worker of the cluster (app/cluster.ts): loads the server's modules while the primary
 * prepares the database, then opens its pool on it, serves requests on the shared port, and
 * drains when the primary says so, or on SIGINT/SIGTERM (a Ctrl-C reaches the whole process
 * group; a signal sent to this worker alone gets it replaced).
 */
export async function runWorker(config: Config, baseLog: Log): Promise<void> {
  const log: Log = (message) => baseLog(`worker ${cluster.worker!.id}: ${message}`);
  let served: { close(): Promise<void> } | null = null;
  let stopping = false;
  // Asked while starting (served is null): nothing to drain, the process just exits.
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await served?.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('message', (message) => {
    if (isDrainMessage(message)) void stop();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());

  keepMemoryCountersInPrimary();
  // Modules and schema while the primary starts and prepares the database.
  const databaseUrl = databaseFromPrimary();
  const { buildAppSchema, openDatabase, readCapabilities, serveRequests } = await import('./server-modules.js');
  const schema = buildAppSchema();
  const database = await openDatabase({ ...config, databaseUrl: await databaseUrl }, null);
  const requests = await serveRequests(config, database.db, await readCapabilities(database.db), log, schema);
  served = {
    async close() {
      try {
        await requests.close();
      } finally {
        await database.close();
      }
    },
  };
  process.send!({ type: READY, port: requests.port, mail: requests.mailDescription } satisfies ReadyMessage);
}
