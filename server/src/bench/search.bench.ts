import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { performance } from 'node:perf_hooks';
import { readCapabilities } from '../app/capabilities.js';
import { startHttpServer } from '../app/http-server.js';
import { buildAppSchema } from '../app/schema.js';
import { openSeededBenchDatabase, startBenchPostgres } from './bench-postgres.js';
import { loadConfig } from '../core/config/config.js';
import { SearchResultCache } from '../modules/search/search-result-cache.js';
import { SEARCH_MIX, SUPPLIER_SEARCH, type BenchSearch } from './search-mix.js';

/**
 * `pnpm bench`: seeds separate databases (8 000 and 100 000 demo suppliers, kept in
 * .data/bench-postgres between runs), then runs a fixed mix of buyer searches over HTTP
 * and prints latency, the same requests' SQL replayed directly, the ratio between them,
 * and SQL statements per request; first without the search result cache (every search
 * computed), then with it (searches repeated while the directory does not change).
 * Figures only: nothing here passes or fails.
 */

const SIZES = (process.env.BENCH_SIZES ?? '8000,100000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARM_UP_ROUNDS = 3;

interface Statement {
  sql: string;
  parameters: unknown[];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);

async function main(): Promise<void> {
  // The bench measures searches, not the per-IP rate limit of anonymous calls.
  const config = loadConfig({ ...process.env, RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000' });
  const { adminUrl, stop } = await startBenchPostgres(config);
  console.log(`Benchmark: ${SEARCH_MIX.length} searches × ${ROUNDS} rounds, sizes ${SIZES.join(', ')}; node ${process.version}`);
  for (const size of SIZES) await benchSize(adminUrl, size, config);
  await stop();
}

async function benchSize(adminUrl: string, size: number, config: ReturnType<typeof loadConfig>): Promise<void> {
  console.log(`\n=== ${size.toLocaleString('en')} suppliers ===`);
  const db = await openSeededBenchDatabase(adminUrl, size, config);
  const capabilities = await readCapabilities(db);
  const schema = await buildAppSchema();

  for (const searchCache of [undefined, new SearchResultCache()]) {
    const server = await startHttpServer(schema, { db, config, capabilities, searchCache }, { port: 0, exposeSqlStatistics: true });
    console.log(searchCache ? '\n-- with the search result cache (same searches, directory unchanged) --' : '-- every search computed (no result cache) --');
    await runMix(server.url, db, Boolean(searchCache));
    await server.close();
  }
  console.log(`memory: rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
  await db.destroy();
}

async function runMix(url: string, db: DataSource, cached: boolean): Promise<void> {
  const post = async (search: BenchSearch) => {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: search.query, variables: search.variables }),
    });
    const body = (await response.json()) as { errors?: unknown[]; extensions?: { sqlStatements: Statement[] } };
    const elapsed = performance.now() - started;
    if (body.errors) throw new Error(`${search.name}: ${JSON.stringify(body.errors)}`);
    return { elapsed, statements: body.extensions!.sqlStatements };
  };
  const replay = async (statements: Statement[]) => {
    const started = performance.now();
    for (const statement of statements) await db.query(statement.sql, statement.parameters);
    return performance.now() - started;
  };

  const allHttp: number[] = [];
  const allSql: number[] = [];
  console.log(`${'search'.padEnd(44)} ${'http p50'.padStart(9)} ${'http p95'.padStart(9)} ${'sql p50'.padStart(9)} ${'ratio'.padStart(6)} ${'stmts'.padStart(5)}`);
  for (const search of SEARCH_MIX) {
    for (let round = 0; round < WARM_UP_ROUNDS; round += 1) await post(search);
    const http: number[] = [];
    const sql: number[] = [];
    let statementCount = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const { elapsed, statements } = await post(search);
      http.push(elapsed);
      sql.push(await replay(statements));
      statementCount = statements.length;
    }
    allHttp.push(...http);
    allSql.push(...sql);
    const ratio = percentile(http, 50) / percentile(sql, 50);
    console.log(
      `${search.name.slice(0, 44).padEnd(44)} ${ms(percentile(http, 50))} ${ms(percentile(http, 95))} ${ms(percentile(sql, 50))} ${ratio.toFixed(2).padStart(6)} ${String(statementCount).padStart(5)}`,
    );
  }
  const overallRatio = percentile(allHttp, 50) / percentile(allSql, 50);
  console.log(
    `${'ALL'.padEnd(44)} ${ms(percentile(allHttp, 50))} ${ms(percentile(allHttp, 95))} ${ms(percentile(allSql, 50))} ${overallRatio.toFixed(2).padStart(6)}`,
  );
  if (cached) {
    console.log('(sql: the statements left after the cache, replayed; the ratio compares with those)');
    return;
  }
  console.log('targets: http p95 < 50 ms at 100 000 suppliers, http/sql ratio < 1.5 (sql: the statements replayed one after the other; the server runs the page and the facets at once)');

  // The statement count must not grow with the page size (DataLoader, no N+1).
  const counts: string[] = [];
  for (const first of [1, 20, 100]) {
    const { statements } = await post({ name: `page ${first}`, query: SUPPLIER_SEARCH, variables: { filter: { text: 'nettoyage' }, first } });
    counts.push(`first=${first}: ${statements.length}`);
  }
  console.log(`SQL statements per request by page size: ${counts.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
