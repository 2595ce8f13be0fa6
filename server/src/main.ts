import './app/production-mode-default.js';
import 'reflect-metadata';
import { isServerWorker } from './app/cluster.js';
import { ConfigError, loadConfig } from './core/config/config.js';

const log = (message: string) => console.log(`[achat-inclusif] ${message}`);

async function main(): Promise<void> {
  const config = loadConfig();
  // SERVER_WORKERS=1: this process does everything. More: this process (the primary) prepares
  // the database and forks the workers that serve requests, each running this file again.
  if (isServerWorker()) await (await import('./app/cluster-worker.js')).runWorker(config, log);
  else await (await import('./app/server-process.js')).runServerProcess(config, log);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`[achat-inclusif] Configuration error: ${error.message}`);
  } else {
    console.error('[achat-inclusif] Failed to start:', error);
  }
  process.exit(1);
});
