import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the server package, wherever the code runs from (src/ or dist/). */
const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const repositoryRoot = path.resolve(serverRoot, '..');

export class ConfigError extends Error {}

export interface Config {
  port: number;
  /** Set: use this PostgreSQL and start no embedded one. */
  databaseUrl: string | null;
  /** Data folder of the embedded PostgreSQL (kept between restarts). */
  embeddedDataDir: string;
  embeddedPort: number;
  /** Path of the commune centres file; radius search is unavailable without it. */
  communeCentresPath: string;
  /** Number of demo suppliers loaded on first start (0: none). */
  demoSupplierCount: number;
  demoSeed: number;
  /** Built client served at / (ignored when absent). */
  clientDistDir: string;
  logSql: boolean;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

/** Reads and checks the whole configuration once, failing fast on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl: env.DATABASE_URL || null,
    embeddedDataDir: path.resolve(env.EMBEDDED_PG_DATA_DIR || path.join(repositoryRoot, '.data/postgres')),
    embeddedPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1, 65535),
    communeCentresPath: path.resolve(
      env.COMMUNE_CENTRES_PATH || path.join(repositoryRoot, '../shared/geo/commune-centres.json'),
    ),
    demoSupplierCount: integer(env, 'DEMO_SUPPLIERS', 8000, 0, 1_000_000),
    demoSeed: integer(env, 'DEMO_SEED', 2026, 0, 2 ** 31),
    clientDistDir: path.resolve(env.CLIENT_DIST_DIR || path.join(repositoryRoot, 'client/dist')),
    logSql: env.LOG_SQL === '1',
  };
}
