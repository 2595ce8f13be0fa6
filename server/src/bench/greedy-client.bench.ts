import 'reflect-metadata';
import { Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { performance } from 'node:perf_hooks';
import { buildAppSchema } from '../app/schema.js';
import { loadConfig } from '../core/config/config.js';
import { DEFAULT_QUERY_LIMITS, operationCost } from '../core/graphql/limits/query-limits.js';
import { benchDatabaseUrl, openSeededBenchDatabase, startBenchPostgres } from './bench-postgres.js';
import { startBenchServer } from './bench-server-worker.js';
import { SUPPLIER_SEARCH } from './search-mix.js';

/**
 * `node dist/bench/greedy-client.bench.js`: one greedy client against one probe, on
 * loopback, with the real rate limits (clients told apart by X-Forwarded-For, TRUST_PROXY=loopback).
 * 1. The work of each part of a search, one at a time on a quiet server (what the cost
 *    weights of `query-limits.ts` are set from).
 * 2. The probe's p95 on a quiet server, then while one greedy client sends, as fast as its
 *    rate limit lets it, the heaviest request the cost limit lets through; both and their
 *    ratio (target: under 2). Bounded: PHASE_SECONDS per phase. Figures only.
 */

const SIZE = Number(process.env.BENCH_GREEDY_SIZE ?? 100_000);
const PHASE_SECONDS = Number(process.env.BENCH_GREEDY_SECONDS ?? 15);
const GREEDY_CONCURRENCY = 4;
const PROBE_INTERVAL_MS = 250;
const ROUNDS = 15;

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

const ORIGIN = '{ latitude: 48.8566, longitude: 2.3522 }';
const ALL_FACETS = `facets {
  kinds { kind count } kindFamilies { family count } reservedMarkets { count } categoryGroups { count }
  categories { count } departements { count } serviceTypes { count } tags { count } smallPurchase { count } }`;

/** One part of a search alone (the same filter-less directory), to time it. */
const PARTS: { name: string; query: string }[] = [
  { name: 'page of 100 rows (id, name)', query: '{ suppliers(first: 100) { edges { node { id name } } } }' },
  { name: 'empty page (baseline)', query: '{ suppliers(first: 0) { pageInfo { hasNextPage } } }' },
  { name: 'totalCount', query: '{ suppliers(first: 0) { totalCount } }' },
  { name: 'one facet dimension (kinds)', query: '{ suppliers(first: 0) { facets { kinds { count } } } }' },
  { name: 'one facet dimension (departements)', query: '{ suppliers(first: 0) { facets { departements { count } } } }' },
  { name: 'all 9 facet dimensions', query: `{ suppliers(first: 0) { ${ALL_FACETS} } }` },
  { name: 'DISTANCE from origin, 100 rows', query: `{ suppliers(first: 100, orderBy: DISTANCE, filter: { origin: ${ORIGIN} }) { edges { distanceKm node { id } } } }` },
  { name: 'radius 50 km, 100 rows', query: '{ suppliers(first: 100, filter: { territory: { communeCode: "75056", radiusKm: 50 } }) { edges { node { id } } } }' },
  { name: 'text "nettoyage", 100 rows', query: '{ suppliers(first: 100, filter: { text: "nettoyage" }) { edges { node { id } } } }' },
];

function greedyQuery(aliases: number): string {
  const one = (index: number) =>
    `a${index}: suppliers(first: 100, orderBy: DISTANCE, filter: { origin: ${ORIGIN} }) { totalCount ${ALL_FACETS} edges { distanceKm node { id name } } }`;
  return `query Greedy { ${Array.from({ length: aliases }, (_, index) => one(index)).join('\n')} }`;
}

function costOf(schema: GraphQLSchema, query: string): number {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION);
  return operationCost(schema, operation, new Map(fragments.map((fragment) => [fragment.name.value, fragment])), {});
}

async function post(url: string, ip: string, query: string, variables: Record<string, unknown> = {}) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  return { elapsed: performance.now() - started, status: response.status, body, retryAfter: Number(response.headers.get('retry-after') ?? 1) };
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** The probe: a buyer's search (20 per page, facets) every PROBE_INTERVAL_MS for the phase. */
async function probe(url: string, ip: string, until: number): Promise<number[]> {
  const times: number[] = [];
  while (performance.now() < until) {
    const { elapsed, status } = await post(url, ip, SUPPLIER_SEARCH, { filter: { territory: { communeCode: '57463', scope: 'LOCATED_IN' } }, first: 20 });
    if (status === 200) times.push(elapsed);
    await sleep(PROBE_INTERVAL_MS);
  }
  return times;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const { adminUrl, stop } = await startBenchPostgres(config);
  const db = await openSeededBenchDatabase(adminUrl, SIZE, config);
  await db.destroy();
  const schema = await buildAppSchema();
  const limits = { anonymousPerMinute: config.apiRateLimits.anonymousPerMinute };
  // The real per-IP limit (the search bench lifts it), clients told apart by X-Forwarded-For.
  const env = { TRUST_PROXY: 'loopback', RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(limits.anonymousPerMinute) };
  const server = await startBenchServer({ databaseUrl: benchDatabaseUrl(adminUrl, SIZE), resultCache: false, env });
  console.log(`Greedy client vs probe: ${SIZE.toLocaleString('en')} suppliers, directory index, no result cache, ${limits.anonymousPerMinute} requests/min per IP; node ${process.version}`);
  try {
    console.log('\n-- work of each part of a search (quiet server, p50 of %d) --', ROUNDS);
    let ip = 1;
    // Warm-up: every part a few times first (JIT, caches), so that the order does not matter.
    for (let round = 0; round < 3; round += 1) for (const part of PARTS) await post(server.url, `198.18.1.${round}`, part.query);
    for (const part of PARTS) {
      const times: number[] = [];
      const address = `198.18.0.${ip++}`;
      for (let round = 0; round < ROUNDS; round += 1) {
        const { elapsed, body } = await post(server.url, address, part.query);
        if (body.errors) throw new Error(`${part.name}: ${JSON.stringify(body.errors)}`);
        times.push(elapsed);
      }
      console.log(`${part.name.padEnd(40)} ${ms(percentile(times, 50))}   cost ${String(costOf(schema, part.query)).padStart(6)}`);
    }

    let aliases = 1;
    while (aliases < DEFAULT_QUERY_LIMITS.maxAliases && costOf(schema, greedyQuery(aliases + 1)) <= DEFAULT_QUERY_LIMITS.maxComplexity) aliases += 1;
    const heaviest = greedyQuery(aliases);
    console.log(
      `\ngreedy request: ${aliases} aliased suppliers(first: 100, DISTANCE, origin) { totalCount, 9 facets, 100 edges }, cost ${costOf(schema, heaviest)}` +
        ` (30 aliases: ${costOf(schema, greedyQuery(30))}, limit ${DEFAULT_QUERY_LIMITS.maxComplexity})`,
    );

    const quietUntil = performance.now() + PHASE_SECONDS * 1000;
    const quiet = await probe(server.url, '198.51.100.1', quietUntil);

    const loadedUntil = performance.now() + PHASE_SECONDS * 1000;
    const greedy = { served: 0, refused: 0, other: 0 };
    const greedyTimes: number[] = [];
    const greedyWorker = async () => {
      while (performance.now() < loadedUntil) {
        const { status, elapsed, retryAfter } = await post(server.url, '203.0.113.66', heaviest);
        if (status === 200) {
          greedy.served += 1;
          greedyTimes.push(elapsed);
        } else if (status === 429) {
          greedy.refused += 1;
          await sleep(Math.min(retryAfter * 1000, Math.max(0, loadedUntil - performance.now())));
        } else greedy.other += 1;
      }
    };
    const [loaded] = await Promise.all([
      probe(server.url, '198.51.100.2', loadedUntil),
      ...Array.from({ length: GREEDY_CONCURRENCY }, greedyWorker),
    ]);

    const quietP95 = percentile(quiet, 95);
    const loadedP95 = percentile(loaded, 95);
    console.log(`\n-- probe (buyer search, Metz, 20 per page, facets), ${PHASE_SECONDS} s per phase --`);
    console.log(`quiet:  p50 ${ms(percentile(quiet, 50))}  p95 ${ms(quietP95)}  (${quiet.length} requests)`);
    console.log(`loaded: p50 ${ms(percentile(loaded, 50))}  p95 ${ms(loadedP95)}  (${loaded.length} requests)`);
    console.log(`ratio loaded/quiet p95: ${(loadedP95 / quietP95).toFixed(2)} (target < 2)`);
    console.log(
      `greedy client: ${greedy.served} served (p50 ${ms(percentile(greedyTimes, 50)).trim()}), ${greedy.refused} refused with 429, ${greedy.other} other`,
    );
  } finally {
    await server.stop();
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
