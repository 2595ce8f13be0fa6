import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { benchDatabaseUrl, openSeededBenchDatabase, startBenchPostgres } from './bench-postgres.js';
import { loadConfig } from '../core/config/config.js';
import { startBenchServer } from './bench-server-worker.js';
import { SEARCH_MIX, SUPPLIER_SEARCH, type BenchSearch } from './search-mix.js';

/**
 * `pnpm bench`: seeds separate databases (8 000 and 100 000 demo suppliers, kept in
 * .data/bench-postgres between runs), then runs a fixed mix of buyer searches over HTTP,
 * one client, on a server as in production (supplier searches in the directory index, the
 * result cache for what still reads SQL), in a worker thread as another process would be.
 * It prints each search's latency and SQL statements, and compares the mix with
 * `{ __typename }` on the same server in the same run (README "Cost": the mix's p50 within
 * 3× of it at 8 000 suppliers, its p95 under 25 ms at 100 000, at most 2 statements per
 * supplier search whatever the page size). Figures only: nothing here passes or fails.
 */

const SIZES = (process.env.BENCH_SIZES ?? '8000,100000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARM_UP_ROUNDS = 3;

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
  await db.destroy();
  const server = await startBenchServer({ databaseUrl: benchDatabaseUrl(adminUrl, size), resultCache: true });
  console.log(`directory index: loaded in ${(server.index.loadMs / 1000).toFixed(1)} s, holds ${(server.index.bytes / 1024 / 1024).toFixed(0)} MiB (heap and typed arrays)`);
  await runMix(server.url, size);
  await server.stop();
}

interface Sent {
  elapsed: number;
  statements: number;
}

async function post(url: string, search: BenchSearch): Promise<Sent> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: search.query, variables: search.variables }),
  });
  const body = (await response.json()) as { errors?: unknown[]; extensions?: { sqlStatements: unknown[] } };
  const elapsed = performance.now() - started;
  if (body.errors) throw new Error(`${search.name}: ${JSON.stringify(body.errors)}`);
  return { elapsed, statements: body.extensions?.sqlStatements.length ?? 0 };
}

const TYPENAME: BenchSearch = { name: '{ __typename }', query: '{ __typename }', variables: {} };

/** Runs the mix, each round also timing `{ __typename }` (the server's floor: HTTP, parsing, plugins). */
async function runMix(url: string, size: number): Promise<void> {
  const baseline: number[] = [];
  const supplierSearches: number[] = [];
  const rows: string[] = [];
  let mostStatements = 0;
  for (const search of SEARCH_MIX) {
    for (let round = 0; round < WARM_UP_ROUNDS; round += 1) await post(url, search);
    const times: number[] = [];
    let statements = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      baseline.push((await post(url, TYPENAME)).elapsed);
      const sent = await post(url, search);
      times.push(sent.elapsed);
      statements = sent.statements;
    }
    const isSupplierSearch = search.query === SUPPLIER_SEARCH;
    if (isSupplierSearch) {
      supplierSearches.push(...times);
      mostStatements = Math.max(mostStatements, statements);
    }
    rows.push(`${search.name.slice(0, 48).padEnd(48)} ${ms(percentile(times, 50))} ${ms(percentile(times, 95))} ${String(statements).padStart(6)}`);
  }
  console.log(`${'search'.padEnd(48)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'stmts'.padStart(6)}`);
  for (const row of rows) console.log(row);
  const floor = percentile(baseline, 50);
  const p50 = percentile(supplierSearches, 50);
  const p95 = percentile(supplierSearches, 95);
  console.log(`${'supplier searches of the mix'.padEnd(48)} ${ms(p50)} ${ms(p95)} ${String(mostStatements).padStart(6)} (most)`);
  console.log(`${'{ __typename } (same server, same run)'.padEnd(48)} ${ms(floor)} ${ms(percentile(baseline, 95))}`);
  console.log(`mix p50 / __typename p50: ${(p50 / floor).toFixed(2)} (target ≤ 3 at 8 000 suppliers)`);
  if (size >= 100_000) console.log(`mix p95: ${p95.toFixed(1)} ms (target ≤ 25 ms at 100 000 suppliers)`);

  // The statement count must not grow with the page size (entities in one statement, the rest from memory).
  const counts: string[] = [];
  for (const first of [1, 20, 100]) {
    const { statements } = await post(url, { name: `page ${first}`, query: SUPPLIER_SEARCH, variables: { filter: { text: 'nettoyage de bureaux' }, first } });
    counts.push(`first=${first}: ${statements}`);
  }
  console.log(`SQL statements per supplier search by page size: ${counts.join(', ')} (target ≤ 2)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
