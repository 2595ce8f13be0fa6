import '../app/production-mode-default.js';
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { readCapabilities } from '../app/capabilities.js';
import { createAppDataSource } from '../app/database.js';
import { startHttpServer } from '../app/http-server.js';
import { buildAppSchema } from '../app/schema.js';
import { loadConfig } from '../core/config/config.js';
import { DirectoryIndexService } from '../modules/search/directory-index/directory-index.service.js';
import { SearchResultCache } from '../modules/search/search-result-cache.js';

/** What the search benchmark asks of its server (a worker thread: the client does not share its event loop). */
export interface BenchServerOptions {
  databaseUrl: string;
  resultCache: boolean;
  /** Configuration overrides (the greedy-client bench keeps the real rate limits). */
  env?: Record<string, string>;
}

/** What the server tells the benchmark once it listens. */
export interface BenchServerReady {
  url: string;
  /** The directory index's load. */
  index: { loadMs: number; bytes: number };
}

/** Heap and typed arrays after a collection (the bench runs with --expose-gc). */
function memoryInUse(): number {
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

async function serve(options: BenchServerOptions): Promise<void> {
  // The bench measures searches, not the per-IP rate limit of anonymous calls.
  const config = loadConfig({ ...process.env, RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000', ...options.env });
  const db = createAppDataSource(options.databaseUrl);
  await db.initialize();
  const before = memoryInUse();
  const started = performance.now();
  const directoryIndex = new DirectoryIndexService(db);
  await directoryIndex.load();
  const index = { loadMs: performance.now() - started, bytes: memoryInUse() - before };
  const server = await startHttpServer(
    await buildAppSchema(),
    { db, config, capabilities: await readCapabilities(db), directoryIndex, searchCache: options.resultCache ? new SearchResultCache() : undefined },
    { port: 0, exposeSqlStatistics: true },
  );
  parentPort!.postMessage({ url: server.url, index } satisfies BenchServerReady);
  parentPort!.once('message', () => {
    void (async () => {
      await server.close();
      await directoryIndex.close();
      await db.destroy();
      parentPort!.postMessage('stopped');
    })();
  });
}

void serve(workerData as BenchServerOptions);
