import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, MAX_AUTO_WORKERS } from './config.js';

describe('mail and session settings', () => {
  it('have safe defaults: outbox, no outbox view, no trusted proxy, 30-day sessions', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      publicUrl: 'http://localhost:4000',
      smtpUrl: null,
      mailOutboxView: false,
      trustProxy: false,
      sessionTtlDays: 30,
    });
    expect(loadConfig({ PORT: '8080', PUBLIC_URL: '' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://achat-inclusif.example.fr/' }).publicUrl).toBe('https://achat-inclusif.example.fr');
  });

  it('read TRUST_PROXY as Express does, and refuse nonsense', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: 'yes please!' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAIL_OUTBOX_VIEW: 'yes' })).toThrow(/MAIL_OUTBOX_VIEW must be 0 or 1/);
    expect(() => loadConfig({ SESSION_TTL_DAYS: '0' })).toThrow(/SESSION_TTL_DAYS/);
    expect(() => loadConfig({ PUBLIC_URL: 'achat-inclusif.fr' })).toThrow(/PUBLIC_URL/);
  });

  it('read the /graphql rate limits, with defaults, and refuse an unknown store', () => {
    expect(loadConfig({}).apiRateLimits).toEqual({ anonymousPerMinute: 300, apiKeyPerMinute: 3000, store: 'memory' });
    expect(loadConfig({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '30', RATE_LIMIT_STORE: 'postgres' }).apiRateLimits).toMatchObject({
      anonymousPerMinute: 30,
      store: 'postgres',
    });
    expect(loadConfig({}).apiUsageFlushSeconds).toBe(5);
    expect(() => loadConfig({ RATE_LIMIT_STORE: 'redis' })).toThrow(/RATE_LIMIT_STORE must be memory or postgres/);
    expect(() => loadConfig({ RATE_LIMIT_API_KEY_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_API_KEY_PER_MINUTE/);
  });
});

describe('the downloads folder of imports', () => {
  it('is .data/downloads at the repository root unless IMPORT_DOWNLOADS_DIR says otherwise (resolved)', () => {
    const { downloadsDir, embeddedDataDir } = loadConfig({});
    expect(downloadsDir).toBe(path.join(path.dirname(embeddedDataDir), 'downloads'));
    expect(path.basename(path.dirname(downloadsDir))).toBe('.data');
    expect(loadConfig({ IMPORT_DOWNLOADS_DIR: '/srv/achat-inclusif/imports' }).downloadsDir).toBe('/srv/achat-inclusif/imports');
    expect(loadConfig({ IMPORT_DOWNLOADS_DIR: 'tmp/imports' }).downloadsDir).toBe(path.resolve('tmp/imports'));
  });
});

describe('time limits', () => {
  it('read the request time limit (also the statement timeout) and the wait for a database connection, with defaults', () => {
    expect(loadConfig({})).toMatchObject({ graphqlTimeoutMs: 10_000, databaseConnectTimeoutMs: 2_000 });
    expect(loadConfig({ GRAPHQL_TIMEOUT_MS: '5000', DATABASE_CONNECT_TIMEOUT_MS: '500' })).toMatchObject({ graphqlTimeoutMs: 5000, databaseConnectTimeoutMs: 500 });
    expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '0' })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
  });
});

describe('server workers', () => {
  it('are the available cores up to 4 by default (auto), or the number given; 1 is a single process', () => {
    const auto = Math.min(availableParallelism(), MAX_AUTO_WORKERS);
    expect(loadConfig({}).serverWorkers).toBe(auto);
    expect(loadConfig({ SERVER_WORKERS: 'auto' }).serverWorkers).toBe(auto);
    expect(loadConfig({ SERVER_WORKERS: '1' }).serverWorkers).toBe(1);
    expect(loadConfig({ SERVER_WORKERS: '6' }).serverWorkers).toBe(6);
    for (const wrong of ['0', '2.5', 'many', '65']) expect(() => loadConfig({ SERVER_WORKERS: wrong })).toThrow(/SERVER_WORKERS must be auto or an integer/);
  });
});
