import 'reflect-metadata';
import { benchDatabaseUrl, openSeededBenchDatabase, startBenchPostgres } from './bench-postgres.js';
import { loadConfig } from '../core/config/config.js';
import { startBenchServer } from './bench-server-worker.js';
import { evaluateRelevance, formatRelevance } from '../modules/search/relevance/relevance-evaluation.js';

/**
 * `pnpm bench`: the relevance set (modules/search/relevance/relevance-set.ts) on the 8 000
 * supplier demo directory of the benchmarks, through the API: precision@10 and nDCG@10 in
 * each place, then the weakest queries. Quality, not time (modules/search/README.md, "Judged, not guessed").
 */

const SIZE = Number(process.env.BENCH_RELEVANCE_SIZE ?? 8000);

async function main(): Promise<void> {
  const config = loadConfig();
  const { adminUrl, stop } = await startBenchPostgres(config);
  const db = await openSeededBenchDatabase(adminUrl, SIZE, config);
  await db.destroy();
  const server = await startBenchServer({ databaseUrl: benchDatabaseUrl(adminUrl, SIZE), resultCache: true });
  const post = async <T>(query: string, variables: Record<string, unknown>) => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: T; errors?: unknown[] };
  };
  console.log(`\n=== Relevance set on ${SIZE.toLocaleString('en')} demo suppliers (target: precision@10 ≥ 0.9 everywhere) ===`);
  console.log(formatRelevance(await evaluateRelevance(post), 8));
  await server.stop();
  await stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
