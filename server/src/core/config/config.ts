import { ConfigError, MAX_AUTO_WORKERS, readSetting, settings as s } from './settings.js';

export { ConfigError, MAX_AUTO_WORKERS };

/**
 * The configuration, read from the environment through the one table of settings
 * (settings.ts: names, defaults, parsers, descriptions).
 */
/** Defaults are in settings.ts only; the comments below say what each value means. */
export interface Config {
  port: number;
  /**
   * SERVER_WORKERS: processes that serve requests. `auto`: the cores Node may use
   * (`os.availableParallelism()`), at most MAX_AUTO_WORKERS; a number: that many; `1`: one
   * process, no cluster. See app/cluster.ts.
   */
  serverWorkers: number;
  /** Set: use this PostgreSQL and start no embedded one. */
  databaseUrl: string | null;
  /** Data folder of the embedded PostgreSQL (kept between restarts). */
  embeddedDataDir: string;
  embeddedPort: number;
  /** Commune centres file; radius search is unavailable without it. */
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
   * GRAPHQL_TIMEOUT_MS: time limit of one /graphql request, answered 503 TIMEOUT past it;
   * also PostgreSQL's `statement_timeout` on the server's connections, so
   * that no statement outlives the request it serves.
   */
  graphqlTimeoutMs: number;
  /**
   * DATABASE_CONNECT_TIMEOUT_MS: longest wait of a request for a database connection (from
   * the pool or new) before it is answered 503 SERVICE_UNAVAILABLE.
   */
  databaseConnectTimeoutMs: number;
  /** IMPORT_DOWNLOADS_DIR: where `pnpm run import <url>` keeps the files it downloads. */
  downloadsDir: string;
}

export interface ApiRateLimits {
  /** RATE_LIMIT_ANONYMOUS_PER_MINUTE: requests per minute and IP without an API key. */
  anonymousPerMinute: number;
  /** RATE_LIMIT_API_KEY_PER_MINUTE: requests per minute and API key. */
  apiKeyPerMinute: number;
  /** RATE_LIMIT_STORE: `memory` (this process only) or `postgres` (shared by every instance on the database). */
  store: 'memory' | 'postgres';
}

/** Reads and checks the whole configuration once, failing fast on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = readSetting(env, s.PORT);
  const smtpUrl = readSetting(env, s.SMTP_URL);
  const mailFrom = readSetting(env, s.MAIL_FROM);
  // A real mail server needs a real sender; the local outbox does not.
  if (smtpUrl && !mailFrom) throw new ConfigError('MAIL_FROM is required with SMTP_URL (e.g. "Achat inclusif <ne-pas-repondre@example.fr>")');
  return {
    port,
    serverWorkers: readSetting(env, s.SERVER_WORKERS),
    databaseUrl: readSetting(env, s.DATABASE_URL),
    embeddedDataDir: readSetting(env, s.EMBEDDED_PG_DATA_DIR),
    embeddedPort: readSetting(env, s.EMBEDDED_PG_PORT),
    communeCentresPath: readSetting(env, s.COMMUNE_CENTRES_PATH),
    demoSupplierCount: readSetting(env, s.DEMO_SUPPLIERS),
    demoSeed: readSetting(env, s.DEMO_SEED),
    clientDistDir: readSetting(env, s.CLIENT_DIST_DIR),
    logSql: readSetting(env, s.LOG_SQL),
    apiRateLimits: {
      anonymousPerMinute: readSetting(env, s.RATE_LIMIT_ANONYMOUS_PER_MINUTE),
      apiKeyPerMinute: readSetting(env, s.RATE_LIMIT_API_KEY_PER_MINUTE),
      store: readSetting(env, s.RATE_LIMIT_STORE),
    },
    apiUsageFlushSeconds: readSetting(env, s.API_USAGE_FLUSH_SECONDS),
    graphqlTimeoutMs: readSetting(env, s.GRAPHQL_TIMEOUT_MS),
    databaseConnectTimeoutMs: readSetting(env, s.DATABASE_CONNECT_TIMEOUT_MS),
    downloadsDir: readSetting(env, s.IMPORT_DOWNLOADS_DIR),
    publicUrl: (readSetting(env, s.PUBLIC_URL) ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    smtpUrl,
    mailFrom: mailFrom ?? (s.MAIL_FROM.default as string),
    mailOutboxView: readSetting(env, s.MAIL_OUTBOX_VIEW),
    trustProxy: readSetting(env, s.TRUST_PROXY),
    sessionTtlDays: readSetting(env, s.SESSION_TTL_DAYS),
  };
}
