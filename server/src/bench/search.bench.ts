import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { performance } from 'node:perf_hooks';
import { benchDatabaseUrl, openSeededBenchDatabase, startBenchPostgres } from './bench-postgres.js';
import { loadConfig } from '../core/config/config.js';
import { startBenchServer } from './bench-server-worker.js';
import type { BenchServerOptions } from './search-bench-server.js';
import { SEARCH_MIX, SUPPLIER_SEARCH, type BenchSearch } from './search-mix.js';

/**
 * `pnpm bench`: seeds separate databases (8 000 and 100 000 demo suppliers, kept in
 * .data/bench-postgres between runs), then runs a fixed mix of buyer searches over HTTP
 * and prints latency, the same requests' SQL replayed directly, the ratio between them,
 * and SQL statements per request: every search computed in SQL, then in the directory index
 * (the default engine), then with the search result cache too (searches repeated while the
 * directory does not change). The server runs in a worker thread, as another process would.
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
  const config = loadConfig();
  const { adminUrl, stop } = await startBenchPostgres(config);
  console.log(`Benchmark: ${SEARCH_MIX.length} searches × ${ROUNDS} rounds, sizes ${SIZES.join(', ')}; node ${process.version}`);
  for (const size of SIZES) await benchSize(adminUrl, size, config);
  await stop();
}

async function benchSize(adminUrl: string, size: number, config: ReturnType<typeof loadConfig>): Promise<void> {
  console.log(`\n=== ${size.toLocaleString('en')} suppliers ===`);
  const db = await openSeededBenchDatabase(adminUrl, size, config);
  const modes: { title: string; server: Omit<BenchServerOptions, 'databaseUrl'> }[] = [
    { title: 'every search computed in SQL (SEARCH_ENGINE=sql, no result cache)', server: { engine: 'sql', resultCache: false } },
    { title: 'every search computed in the directory index (no result cache)', server: { engine: 'index', resultCache: false } },
    { title: 'directory index and search result cache (same searches, directory unchanged)', server: { engine: 'index', resultCache: true } },
  ];
  let sqlEngineTimes: Map<string, number> | null = null;
  for (const mode of modes) {
    const server = await startBenchServer({ databaseUrl: benchDatabaseUrl(adminUrl, size), ...mode.server });
    console.log(`\n-- ${mode.title} --`);
    if (server.index && !mode.server.resultCache) {
      console.log(`directory index: loaded in ${(server.index.loadMs / 1000).toFixed(1)} s, holds ${(server.index.bytes / 1024 / 1024).toFixed(0)} MiB (heap and typed arrays)`);
    }
    const sqlTimes = await runMix(server.url, db, { cached: mode.server.resultCache, sqlEngineTimes });
    sqlEngineTimes ??= sqlTimes;
    await server.stop();
  }
  await db.destroy();
}

/**
 * Runs the mix; returns each search's SQL p50. `sqlEngineTimes`: the SQL p50 of the same
 * searches run in SQL, to compare with (when searches run in the directory index, the
 * statements left are only the page's loads).
 */
async function runMix(
  url: string,
  db: DataSource,
  options: { cached: boolean; sqlEngineTimes: Map<string, number> | null },
): Promise<Map<string, number>> {
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
  const allBaseline: number[] = [];
  const sqlTimes = new Map<string, number>();
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
    sqlTimes.set(search.name, percentile(sql, 50));
    // Compared with the search's own SQL, or with the same search run in SQL.
    const baseline = options.sqlEngineTimes?.get(search.name) ?? percentile(sql, 50);
    allBaseline.push(baseline);
    const ratio = percentile(http, 50) / baseline;
    console.log(
      `${search.name.slice(0, 44).padEnd(44)} ${ms(percentile(http, 50))} ${ms(percentile(http, 95))} ${ms(percentile(sql, 50))} ${ratio.toFixed(2).padStart(6)} ${String(statementCount).padStart(5)}`,
    );
  }
  const overallRatio = percentile(allHttp, 50) / percentile(options.sqlEngineTimes ? allBaseline : allSql, 50);
  console.log(
    `${'ALL'.padEnd(44)} ${ms(percentile(allHttp, 50))} ${ms(percentile(allHttp, 95))} ${ms(percentile(allSql, 50))} ${overallRatio.toFixed(2).padStart(6)}`,
  );
  if (options.sqlEngineTimes) {
    console.log('(sql: the statements the request still ran, replayed; ratio: http / sql of the same search run in SQL, above)');
  } else {
    console.log('(sql: the statements replayed one after the other, where the server runs the page and the facets at once; ratio: http / sql)');
  }
  if (options.cached) return sqlTimes;
  console.log('targets: http p95 < 50 ms at 100 000 suppliers, http/sql ratio < 1.5');

  // The statement count must not grow with the page size (DataLoader, no N+1).
  const counts: string[] = [];
  for (const first of [1, 20, 100]) {
    const { statements } = await post({ name: `page ${first}`, query: SUPPLIER_SEARCH, variables: { filter: { text: 'nettoyage' }, first } });
    counts.push(`first=${first}: ${statements.length}`);
  }
  console.log(`SQL statements per request by page size: ${counts.join(', ')}`);
  return sqlTimes;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
