import { Worker } from 'node:worker_threads';
import type { BenchServerOptions, BenchServerReady } from './search-bench-server.js';

/** The application's server in a worker thread, so that the client does not share its event loop. */
export async function startBenchServer(options: BenchServerOptions): Promise<BenchServerReady & { stop(): Promise<void> }> {
  const worker = new Worker(new URL('./search-bench-server.js', import.meta.url), { workerData: options });
  const ready = await new Promise<BenchServerReady>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    ...ready,
    async stop() {
      const stopped = new Promise((resolve) => worker.once('message', resolve));
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}
