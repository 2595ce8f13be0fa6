import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SUPPLIER_SEARCH } from '../bench/search-mix.js';
import { loadConfig, type Config } from '../core/config/config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../core/database/embedded-postgres.js';
import { DirectoryIndexService } from '../modules/search/directory-index/directory-index.service.js';
import { SearchResultCache } from '../modules/search/search-result-cache.js';
import { openDatabase, prepareDatabase, type OpenDatabase } from './bootstrap.js';
import { startHttpServer, type HttpServer } from './http-server.js';
import { buildAppSchema } from './schema.js';

/**
 * PostgreSQL stopped under requests, then started again, with a PostgreSQL of this file's
 * own and the server wired as main.ts wires it: 503 SERVICE_UNAVAILABLE with Retry-After
 * while it is down, /health 200 and /ready 503, one log line when the outage starts and one
 * when it ends, and searches served again within a couple of seconds of its return.
 */

let dataDir: string;
let port: number;
let postgres: EmbeddedDatabase;
let database: OpenDatabase;
let directoryIndex: DirectoryIndexService;
let server: HttpServer;
const outageLines: string[] = [];

const startPostgres = () => startEmbeddedPostgres({ dataDir, port, fast: true });

beforeAll(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'achat-inclusif-outage-'));
  // As root the embedded PostgreSQL runs as 'postgres', which must reach the folder.
  await chmod(root, 0o755);
  dataDir = path.join(root, 'data');
  port = 50000 + Math.floor(Math.random() * 5000);
  postgres = await startPostgres();
  const config: Config = loadConfig({ DATABASE_URL: postgres.url, DEMO_SUPPLIERS: '40', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000' });
  database = await openDatabase(config, null);
  const capabilities = await prepareDatabase(database.db, config, () => {});
  directoryIndex = new DirectoryIndexService(database.db);
  await directoryIndex.load();
  server = await startHttpServer(
    await buildAppSchema(),
    { db: database.db, config, capabilities, searchCache: new SearchResultCache(), directoryIndex },
    { port: 0, outageLog: { outage: (line) => outageLines.push(line), recovery: (line) => outageLines.push(line) } },
  );
});

afterAll(async () => {
  await server?.close();
  await directoryIndex?.close();
  await database?.db.destroy();
  await postgres?.stop();
  if (dataDir) await rm(path.dirname(dataDir), { recursive: true, force: true });
});

interface Answer {
  at: number;
  status: number;
  code?: string;
  retryAfter: string | null;
}

async function search(): Promise<Answer> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SUPPLIER_SEARCH, variables: { first: 10 } }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { at: Date.now(), status: response.status, code: body.errors?.[0]?.extensions?.code, retryAfter: response.headers.get('retry-after') };
}

const get = async (route: string) => {
  const response = await fetch(new URL(route, server.url));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a database outage', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, logs one line when it starts and one when it ends, and recovers within 2 s', async () => {
    expect((await search()).status).toBe(200);
    const errors = vi.spyOn(console, 'error');
    const warnings = vi.spyOn(console, 'warn');

    // Eight clients searching without pause, through the stop and the start again.
    const answers: Answer[] = [];
    let loading = true;
    const clients = Array.from({ length: 8 }, async () => {
      while (loading) answers.push(await search());
    });
    await sleep(200);
    await postgres.stop();
    const stoppedAt = Date.now();
    await sleep(1500);

    expect(await get('/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await get('/ready')).toEqual({ status: 503, body: { status: 'not_ready', checks: { database: 'unreachable', directoryIndex: 'ok' } } });
    expect(outageLines).toHaveLength(1);
    expect(outageLines[0]).toMatch(/^\[database\] unreachable \(.+\): requests are answered 503 SERVICE_UNAVAILABLE until it is back$/);

    postgres = await startPostgres();
    const startedAt = Date.now();
    let recoveredAt = 0;
    while (!recoveredAt && Date.now() - startedAt < 10_000) {
      await sleep(50);
      recoveredAt = answers.find((answer) => answer.at > startedAt && answer.status === 200)?.at ?? 0;
    }
    loading = false;
    await Promise.all(clients);

    expect(recoveredAt - startedAt).toBeLessThan(2000);
    expect(await get('/ready')).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'ok', directoryIndex: 'ok' } } });
    expect((await search()).status).toBe(200);

    // From the stop to the recovery: only 503 SERVICE_UNAVAILABLE with Retry-After, never a 500.
    const during = answers.filter((answer) => answer.at > stoppedAt && answer.at < recoveredAt);
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(during.length).toBeGreaterThan(100);
    expect(refused.length).toBeGreaterThanOrEqual(during.length);
    for (const answer of refused) expect(answer).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: '2' });

    // One line when it started, one when it ended with the duration and the requests refused; no stack.
    expect(outageLines).toHaveLength(2);
    expect(outageLines[1]).toMatch(new RegExp(`^\\[database\\] reachable again after \\d+\\.\\d s; ${refused.length} requests were answered 503 SERVICE_UNAVAILABLE$`));
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
  });
});
