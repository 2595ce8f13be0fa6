import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one table of settings: every environment variable the server reads, with its default,
 * its parser and what it means. `loadConfig` (config.ts) reads only through it, and
 * settings.test.ts fails when the root README's "Configuration" table disagrees with it
 * (names and defaults; the README may say more).
 */

/** Root of the server package, wherever the code runs from (src/ or dist/). */
export const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const repositoryRoot = path.resolve(serverRoot, '..');

export class ConfigError extends Error {}

export interface Setting<T> {
  name: string;
  /**
   * The default as the README shows it (between backquotes), or null when "unset" is itself
   * the default (the README shows `—`). Parsers read it when the variable is unset or empty.
   */
  default: string | null;
  description: string;
  /** `raw` is undefined when the variable is unset or empty. Throws ConfigError on a bad value. */
  parse(raw: string | undefined, setting: Setting<T>): T;
}

function setting<T>(definition: Setting<T>): Setting<T> {
  return definition;
}

/** Reads one setting from the environment. */
export function readSetting<T>(env: NodeJS.ProcessEnv, definition: Setting<T>): T {
  const raw = env[definition.name];
  return definition.parse(raw === undefined || raw === '' ? undefined : raw, definition);
}

// --- Parsers -------------------------------------------------------------------------------

function integer(min: number, max: number) {
  return (raw: string | undefined, { name, default: fallback }: Setting<number>): number => {
    const text = raw ?? fallback;
    const value = Number(text);
    if (text === null || !Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${text}"`);
    }
    return value;
  };
}

function oneOf<T extends string>(...values: T[]) {
  return (raw: string | undefined, { name, default: fallback }: Setting<T>): T => {
    const text = raw ?? fallback;
    if (!values.includes(text as T)) throw new ConfigError(`${name} must be ${values.join(' or ')}, got "${text}"`);
    return text as T;
  };
}

/** A URL of one of the given protocols, or null when unset. */
function url(...protocols: string[]) {
  return (raw: string | undefined, { name }: Setting<string | null>): string | null => {
    if (raw === undefined) return null;
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
  };
}

/** `0` or `1`; unset is 0. */
function flag(raw: string | undefined, { name }: Setting<boolean>): boolean {
  if (raw === undefined || raw === '0') return false;
  if (raw === '1') return true;
  throw new ConfigError(`${name} must be 0 or 1, got "${raw}"`);
}

/**
 * A folder or file: a value given is resolved from the working directory, the default from
 * `base` (so the default does not depend on where the server is started).
 */
function localPath(base: string) {
  return (raw: string | undefined, { default: fallback }: Setting<string>): string =>
    raw !== undefined ? path.resolve(raw) : path.resolve(base, fallback ?? '.');
}

function optionalText(raw: string | undefined): string | null {
  return raw ?? null;
}

/** `SERVER_WORKERS=auto` takes the cores, up to this many: each worker holds its own directory index and database pool. */
export const MAX_AUTO_WORKERS = 4;

function serverWorkers(raw: string | undefined, { name }: Setting<number>): number {
  const text = (raw ?? '').trim();
  if (text === '' || text === 'auto') return Math.min(availableParallelism(), MAX_AUTO_WORKERS);
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new ConfigError(`${name} must be auto or an integer between 1 and 64, got "${text}"`);
  return value;
}

/**
 * TRUST_PROXY as Express reads it: unset (trust no proxy: the client is the TCP peer), a
 * number of proxy hops, `true`, or a list of addresses/subnets/names (`loopback`, `10.0.0.0/8`).
 */
function trustProxy(raw: string | undefined, { name }: Setting<boolean | number | string>): boolean | number | string {
  const text = (raw ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[\w.:/,\s-]+$/.test(text)) {
    throw new ConfigError(`${name} must be a number of hops, true, or a list of addresses, got "${text}"`);
  }
  return text;
}

// --- The table -----------------------------------------------------------------------------

export const settings = {
  PORT: setting({ name: 'PORT', default: '4000', description: 'HTTP port', parse: integer(0, 65535) }),
  SERVER_WORKERS: setting({
    name: 'SERVER_WORKERS',
    default: 'auto',
    description: `processes serving requests: auto takes the cores Node may use (os.availableParallelism()), at most ${MAX_AUTO_WORKERS}; 1 runs one process (app/cluster.ts)`,
    parse: serverWorkers,
  }),
  DATABASE_URL: setting({
    name: 'DATABASE_URL',
    default: null,
    description: 'use this PostgreSQL and start no embedded one',
    parse: optionalText,
  }),
  EMBEDDED_PG_DATA_DIR: setting({
    name: 'EMBEDDED_PG_DATA_DIR',
    default: '.data/postgres',
    description: 'data folder of the embedded PostgreSQL (kept between restarts)',
    parse: localPath(repositoryRoot),
  }),
  EMBEDDED_PG_PORT: setting({ name: 'EMBEDDED_PG_PORT', default: '54329', description: 'port of the embedded PostgreSQL', parse: integer(1, 65535) }),
  COMMUNE_CENTRES_PATH: setting({
    name: 'COMMUNE_CENTRES_PATH',
    default: 'server/data/commune-centres.csv',
    description: 'commune centres file; radius search is unavailable without it',
    parse: localPath(repositoryRoot),
  }),
  IMPORT_DOWNLOADS_DIR: setting({
    name: 'IMPORT_DOWNLOADS_DIR',
    default: '.data/downloads',
    description: 'where `pnpm run import <url>` keeps the files it downloads',
    parse: localPath(repositoryRoot),
  }),
  DEMO_SUPPLIERS: setting({ name: 'DEMO_SUPPLIERS', default: '8000', description: 'demo suppliers loaded on first start (0: none)', parse: integer(0, 1_000_000) }),
  DEMO_SEED: setting({ name: 'DEMO_SEED', default: '2026', description: 'seed of the demo generator', parse: integer(0, 2 ** 31) }),
  // Lenient on purpose, as it always was: anything but 1 is off.
  LOG_SQL: setting({ name: 'LOG_SQL', default: null, description: '1 prints every SQL statement', parse: (raw: string | undefined) => raw === '1' }),
  CLIENT_DIST_DIR: setting({
    name: 'CLIENT_DIST_DIR',
    default: 'client/dist',
    description: 'built client served at / (ignored when absent)',
    parse: localPath(repositoryRoot),
  }),
  PUBLIC_URL: setting({
    name: 'PUBLIC_URL',
    // Computed from PORT by loadConfig when unset.
    default: 'http://localhost:<PORT>',
    description: 'public address of the application, for links in emails (no trailing slash)',
    parse: url('http', 'https'),
  }),
  SMTP_URL: setting({
    name: 'SMTP_URL',
    default: null,
    description: 'send mail through this SMTP server; unset: mail is kept in the mail_outbox table',
    parse: url('smtp', 'smtps'),
  }),
  MAIL_FROM: setting({
    name: 'MAIL_FROM',
    // Only the local outbox may use it: loadConfig requires MAIL_FROM with SMTP_URL.
    default: 'Achat inclusif <ne-pas-repondre@localhost>',
    description: 'sender of outgoing mail (required with SMTP_URL)',
    parse: (raw: string | undefined) => raw?.trim() || null,
  }),
  MAIL_OUTBOX_VIEW: setting({
    name: 'MAIL_OUTBOX_VIEW',
    default: null,
    description: '1 serves GET /dev/outbox, the stored mail (development only: it shows reset links)',
    parse: flag,
  }),
  TRUST_PROXY: setting({
    name: 'TRUST_PROXY',
    default: null,
    description: 'Express "trust proxy": which proxies may tell the client IP and protocol',
    parse: trustProxy,
  }),
  SESSION_TTL_DAYS: setting({ name: 'SESSION_TTL_DAYS', default: '30', description: 'days a session lasts without activity (sliding)', parse: integer(1, 365) }),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: setting({
    name: 'RATE_LIMIT_ANONYMOUS_PER_MINUTE',
    default: '300',
    description: 'requests per minute and IP without an API key (modules/api-keys/README.md)',
    parse: integer(1, 1_000_000_000),
  }),
  RATE_LIMIT_API_KEY_PER_MINUTE: setting({
    name: 'RATE_LIMIT_API_KEY_PER_MINUTE',
    default: '3000',
    description: 'requests per minute and API key',
    parse: integer(1, 1_000_000_000),
  }),
  RATE_LIMIT_STORE: setting({
    name: 'RATE_LIMIT_STORE',
    default: 'memory',
    description: 'where rate-limit counters live: memory (this process only) or postgres (shared by every instance on the database)',
    parse: oneOf('memory', 'postgres'),
  }),
  API_USAGE_FLUSH_SECONDS: setting({
    name: 'API_USAGE_FLUSH_SECONDS',
    default: '5',
    description: "seconds between two writes of the API keys' usage counters",
    parse: integer(1, 3600),
  }),
  GRAPHQL_TIMEOUT_MS: setting({
    name: 'GRAPHQL_TIMEOUT_MS',
    default: '10000',
    description: "time limit of one /graphql request (503 TIMEOUT past it); also PostgreSQL's statement_timeout on the server's connections",
    parse: integer(1, 600_000),
  }),
  DATABASE_CONNECT_TIMEOUT_MS: setting({
    name: 'DATABASE_CONNECT_TIMEOUT_MS',
    default: '2000',
    description: 'longest wait of a request for a database connection (from the pool or new) before a 503 SERVICE_UNAVAILABLE',
    parse: integer(1, 600_000),
  }),
};

/**
 * Variables the README documents that the server does not read itself (so they are not in
 * the table above): NODE_ENV is read by Express and Apollo only.
 */
export const documentedElsewhere = ['NODE_ENV'];
