import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createAppDataSource } from '../../app/database.js';
import type { Config } from '../config/config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';

export interface CliConnection {
  db: DataSource;
  close(): Promise<void>;
}

/**
 * The database of a command-line tool: DATABASE_URL; else the embedded PostgreSQL, the one
 * already running on the data folder (the server's: PostgreSQL allows one server per
 * folder, so the tool joins it), or one started for the tool and stopped after.
 */
export async function connectForCli(
  config: Config,
  log: (message: string) => void,
  options: { poolSize?: number } = {},
): Promise<CliConnection> {
  const poolSize = options.poolSize ?? 2;
  if (config.databaseUrl) return open(config.databaseUrl, null, poolSize);
  const running = await runningEmbeddedUrl(config);
  if (running) {
    log(`PostgreSQL embarqué déjà démarré sur ${config.embeddedDataDir} (serveur en cours ?) : connexion à celui-ci.`);
    try {
      return await open(running, null, poolSize);
    } catch {
      // A stale postmaster.pid: start our own below.
    }
  }
  log(`Démarrage du PostgreSQL embarqué (${config.embeddedDataDir})`);
  const embedded = await startEmbeddedPostgres({ dataDir: config.embeddedDataDir, port: config.embeddedPort });
  return open(embedded.url, embedded, poolSize);
}

async function open(url: string, embedded: EmbeddedDatabase | null, poolSize: number): Promise<CliConnection> {
  const db = createAppDataSource(url, { poolSize });
  try {
    await db.initialize();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

/** The URL of a PostgreSQL running on the embedded data folder (port from its postmaster.pid), or null. */
async function runningEmbeddedUrl(config: Config): Promise<string | null> {
  const pidFile = path.join(config.embeddedDataDir, 'postmaster.pid');
  const passwordFile = `${config.embeddedDataDir}.password`;
  if (!existsSync(pidFile) || !existsSync(passwordFile)) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const port = Number(lines[3]);
  if (!Number.isInteger(port) || port <= 0) return null;
  const password = (await readFile(passwordFile, 'utf8')).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/achat_inclusif`;
}
