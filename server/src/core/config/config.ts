import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the server package, wherever the code runs from (src/ or dist/). */
const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const repositoryRoot = path.resolve(serverRoot, '..');

export class ConfigError extends Error {}

export interface Config {
  port: number;
  /**
   * SERVER_WORKERS: processes that serve requests. `auto` (default): the cores Node may use
   * (`os.availableParallelism()`), at most MAX_AUTO_WORKERS; a number: that many; `1`: one
   * process, no cluster. See app/cluster.ts.
   */
  serverWorkers: number;
  /** Set: use this PostgreSQL and start no embedded one. */
  databaseUrl: string | null;
  /** Data folder of the embedded PostgreSQL (kept between restarts). */
  embeddedDataDir: string;
  embeddedPort: number;
  /** Commune centres file (default: the one shipped in server/data); radius search is unavailable without it. */
  communeCentresPath: string;
  /** Number of demo suppliers loaded on first start (0: none). */
  demoSupplierCount: number;
  demoSeed: number;
  /** Built client served at / (ignored when absent). */
  clientDistDir: string;
  logSql: boolean;
  /** Public address of the application, for links in emails (no trailing slash). */
  publicUrl: string;
  /** Set: mail goes out through this SMTP server; else it is kept in the mail_outbox table. */
  smtpUrl: string | null;
  /** Sender of outgoing mail. */
  mailFrom: string;
  /** Serve GET /dev/outbox, the stored mail (development only: it shows reset links). */
  mailOutboxView: boolean;
  /** Express "trust proxy" setting: which proxies may tell the client IP and protocol. */
  trustProxy: boolean | number | string;
  /** Lifetime of a session without activity, in days (sliding). */
  sessionTtlDays: number;
  /** Rate limits of /graphql and where their counters live (modules/api-keys/README.md). */
  apiRateLimits: ApiRateLimits;
  /** Seconds between two writes of the API keys' usage counters. */
  apiUsageFlushSeconds: number;
  /**
   * GRAPHQL_TIMEOUT_MS: time limit of one /graphql request, answered 503 TIMEOUT past it
   * (default 10 000); also PostgreSQL's `statement_timeout` on the server's connections, so
   * that no statement outlives the request it serves.
   */
  graphqlTimeoutMs: number;
  /**
   * DATABASE_CONNECT_TIMEOUT_MS: longest wait of a request for a database connection (from
   * the pool or new) before it is answered 503 SERVICE_UNAVAILABLE (default 2 000).
   */
  databaseConnectTimeoutMs: number;
  /** SEARCH_ENGINE: `index` (default: supplier searches in the in-memory directory index) or `sql` (every search in PostgreSQL). */
  searchEngine: 'index' | 'sql';
  /** IMPORT_DOWNLOADS_DIR: where `pnpm run import <url>` keeps the files it downloads (default .data/downloads). */
  downloadsDir: string;
}

export interface ApiRateLimits {
  /** RATE_LIMIT_ANONYMOUS_PER_MINUTE: requests per minute and IP without an API key (default 300). */
  anonymousPerMinute: number;
  /** RATE_LIMIT_API_KEY_PER_MINUTE: requests per minute and API key (default 1 200). */
  apiKeyPerMinute: number;
  /** RATE_LIMIT_STORE: `memory` (default, this process only) or `postgres` (shared by every instance on the database). */
  store: 'memory' | 'postgres';
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

/** A URL of one of the given protocols, or null when unset. */
function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL (${protocols.join(' or ')}), got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ConfigError(`${name} must be a ${protocols.join(' or ')} URL, got "${raw}"`);
  }
  return raw;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new ConfigError(`${name} must be 0 or 1, got "${raw}"`);
}

/**
 * TRUST_PROXY as Express reads it: unset (trust no proxy: the client is the TCP peer), a
 * number of proxy hops, `true`, or a list of addresses/subnets/names (`loopback`, `10.0.0.0/8`).
 */
function trustProxy(env: NodeJS.ProcessEnv): boolean | number | string {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (!/^[\w.:/,\s-]+$/.test(raw)) {
    throw new ConfigError(`TRUST_PROXY must be a number of hops, true, or a list of addresses, got "${raw}"`);
  }
  return raw;
}

function apiRateLimits(env: NodeJS.ProcessEnv): ApiRateLimits {
  const store = env.RATE_LIMIT_STORE || 'memory';
  if (store !== 'memory' && store !== 'postgres') throw new ConfigError(`RATE_LIMIT_STORE must be memory or postgres, got "${store}"`);
  return {
    anonymousPerMinute: integer(env, 'RATE_LIMIT_ANONYMOUS_PER_MINUTE', 300, 1, 1_000_000_000),
    apiKeyPerMinute: integer(env, 'RATE_LIMIT_API_KEY_PER_MINUTE', 3000, 1, 1_000_000_000),
    store,
  };
}

/** `SERVER_WORKERS=auto` takes the cores, up to this many: each worker holds its own directory index and database pool. */
export const MAX_AUTO_WORKERS = 4;

function serverWorkers(env: NodeJS.ProcessEnv): number {
  const raw = (env.SERVER_WORKERS ?? '').trim();
  if (raw === '' || raw === 'auto') return Math.min(availableParallelism(), MAX_AUTO_WORKERS);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new ConfigError(`SERVER_WORKERS must be auto or an integer between 1 and 64, got "${raw}"`);
  return value;
}

function searchEngine(env: NodeJS.ProcessEnv): Config['searchEngine'] {
  const engine = env.SEARCH_ENGINE || 'index';
  if (engine !== 'index' && engine !== 'sql') throw new ConfigError(`SEARCH_ENGINE must be index or sql, got "${engine}"`);
  return engine;
}

/** Reads and checks the whole configuration once, failing fast on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    serverWorkers: serverWorkers(env),
    databaseUrl: env.DATABASE_URL || null,
    embeddedDataDir: path.resolve(env.EMBEDDED_PG_DATA_DIR || path.join(repositoryRoot, '.data/postgres')),
    embeddedPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1, 65535),
    communeCentresPath: path.resolve(env.COMMUNE_CENTRES_PATH || path.join(serverRoot, 'data/commune-centres.csv')),
    demoSupplierCount: integer(env, 'DEMO_SUPPLIERS', 8000, 0, 1_000_000),
    demoSeed: integer(env, 'DEMO_SEED', 2026, 0, 2 ** 31),
    clientDistDir: path.resolve(env.CLIENT_DIST_DIR || path.join(repositoryRoot, 'client/dist')),
    logSql: env.LOG_SQL === '1',
    apiRateLimits: apiRateLimits(env),
    apiUsageFlushSeconds: integer(env, 'API_USAGE_FLUSH_SECONDS', 5, 1, 3600),
    graphqlTimeoutMs: integer(env, 'GRAPHQL_TIMEOUT_MS', 10_000, 1, 600_000),
    databaseConnectTimeoutMs: integer(env, 'DATABASE_CONNECT_TIMEOUT_MS', 2_000, 1, 600_000),
    searchEngine: searchEngine(env),
    downloadsDir: path.resolve(env.IMPORT_DOWNLOADS_DIR || path.join(repositoryRoot, '.data/downloads')),
    ...mailAndSessions(env),
  };
}

function mailAndSessions(env: NodeJS.ProcessEnv): Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom' | 'mailOutboxView' | 'trustProxy' | 'sessionTtlDays'> {
  const port = integer(env, 'PORT', 4000, 0, 65535);
  const smtpUrl = url(env, 'SMTP_URL', ['smtp', 'smtps']);
  const mailFrom = env.MAIL_FROM?.trim() || null;
  // A real mail server needs a real sender; the local outbox does not.
  if (smtpUrl && !mailFrom) throw new ConfigError('MAIL_FROM is required with SMTP_URL (e.g. "Achat inclusif <ne-pas-repondre@example.fr>")');
  return {
    publicUrl: (url(env, 'PUBLIC_URL', ['http', 'https']) ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    smtpUrl,
    mailFrom: mailFrom ?? 'Achat inclusif <ne-pas-repondre@localhost>',
    mailOutboxView: flag(env, 'MAIL_OUTBOX_VIEW'),
    trustProxy: trustProxy(env),
    sessionTtlDays: integer(env, 'SESSION_TTL_DAYS', 30, 1, 365),
  };
}
