import '../app/production-mode-default.js';
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { readCapabilities } from '../app/capabilities.js';
import { startHttpServer } from '../app/http-server.js';
import { buildAppSchema } from '../app/schema.js';
import { loadConfig } from '../core/config/config.js';
import { MAX_PAGE_SIZE } from '../core/graphql/pagination.js';
import { DirectoryIndexService } from '../modules/search/directory-index/directory-index.service.js';
import { SearchResultCache } from '../modules/search/search-result-cache.js';
import { openSeededBenchDatabase, startBenchPostgres } from './bench-postgres.js';

/**
 * `pnpm bench`: a third party mirroring the directory through the public API over HTTP
 * (modules/sync/README.md): a full copy of the suppliers (with their categories), the
 * offerings and the removal lists in pages of the largest size, then an incremental sync
 * after a few changes (made then undone, so the database stays as seeded). Uses the
 * databases of search.bench.ts (seeded on first use). Figures only: nothing passes or fails.
 */

const SIZES = (process.env.BENCH_SIZES ?? '8000,100000').split(',').map(Number);

/** A feed of the mirror, paged with the largest page that the query cost limit accepts. */
const feed = (field: string, args: string, node: string) => `query Mirror($after: String) {
  feed: ${field}(first: ${MAX_PAGE_SIZE}, after: $after${args}) { edges { node { ${node} } } pageInfo { endCursor hasNextPage } }
}`;

// Offerings come in their own feed: nested in suppliers, a page of 100 costs more than the
// query cost limit allows.
const FEEDS = {
  suppliers: feed(
    'suppliers',
    ', orderBy: UPDATED_ASC',
    `id siret legalName brandName kind description headcount tags serviceTypes lowestEntryAmount updatedAt
      address { street postalCode commune { code } } position { latitude longitude } contact { email phone website }
      serviceArea { kind radiusKm regions { code } departements { code } } categories { slug }`,
  ),
  offerings: feed(
    'offerings',
    ', orderBy: UPDATED_ASC',
    `id title description serviceType price { amountFrom amountTo unit } minimumOrderAmount entryAmount leadTimeDays
      hasOwnServiceArea updatedAt category { slug } supplier { id }`,
  ),
  supplierRemovals: feed('supplierRemovals', '', 'supplierId reason removedAt'),
  offeringRemovals: feed('offeringRemovals', '', 'offeringId reason removedAt'),
};
type Feed = keyof typeof FEEDS;

interface Walk {
  requests: number;
  rows: number;
  ms: number;
  cursor: string | null;
}

/** Pages a feed from `after` to its end, as a mirror does. */
async function walk(url: string, name: Feed, after: string | null): Promise<Walk> {
  const result: Walk = { requests: 0, rows: 0, ms: 0, cursor: after };
  const started = performance.now();
  for (;;) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: FEEDS[name], variables: { after: result.cursor } }),
    });
    const body = (await response.json()) as { data?: { feed: { edges: unknown[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }; errors?: unknown[] };
    if (!body.data || body.errors) throw new Error(`${name}: HTTP ${response.status}: ${JSON.stringify(body.errors)}`);
    result.requests += 1;
    result.rows += body.data.feed.edges.length;
    result.cursor = body.data.feed.pageInfo.endCursor ?? result.cursor;
    if (!body.data.feed.pageInfo.hasNextPage) break;
  }
  result.ms = performance.now() - started;
  return result;
}

function report(label: string, walks: Walk[]): void {
  const ms = walks.reduce((sum, w) => sum + w.ms, 0);
  const rows = walks.reduce((sum, w) => sum + w.rows, 0);
  const requests = walks.reduce((sum, w) => sum + w.requests, 0);
  console.log(
    `${label.padEnd(40)} ${`${(ms / 1000).toFixed(2)} s`.padStart(9)} ${String(requests).padStart(6)} req ${String(rows).padStart(8)} rows ` +
      `${String(Math.round(rows / Math.max(ms / 1000, 0.001))).padStart(7)} rows/s ${`${(ms / Math.max(requests, 1)).toFixed(1)} ms/req`.padStart(13)}`,
  );
}

/** A few changes as the application makes them (row, then search projection, one transaction each). */
async function change(db: DataSource, ids: number[], set: string): Promise<void> {
  for (const id of ids) {
    await db.transaction(async (manager) => {
      await manager.query(`UPDATE supplier SET ${set}, updated_at = now() WHERE id = $1`, [id]);
      await manager.query('SELECT refresh_supplier_search($1::int[])', [[id]]);
    });
  }
}

async function benchSize(adminUrl: string, size: number, config: ReturnType<typeof loadConfig>): Promise<void> {
  console.log(`\n=== ${size.toLocaleString('en')} suppliers ===`);
  const db = await openSeededBenchDatabase(adminUrl, size, config);
  // A server answers supplier pages, sync ones included, once its directory index is loaded.
  const directoryIndex = new DirectoryIndexService(db);
  await directoryIndex.load();
  const server = await startHttpServer(
    await buildAppSchema(),
    { db, config, capabilities: await readCapabilities(db), searchCache: new SearchResultCache(), directoryIndex },
    { port: 0 },
  );

  const cursors = {} as Record<Feed, string | null>;
  const pass = async (label: string) => {
    const walks: Walk[] = [];
    for (const name of Object.keys(FEEDS) as Feed[]) {
      const result = await walk(server.url, name, cursors[name] ?? null);
      cursors[name] = result.cursor;
      report(`  ${name}`, [result]);
      walks.push(result);
    }
    report(label, walks);
  };
  await pass('full mirror (all four lists)');

  const ids = (await db.query<{ id: number }[]>('SELECT id FROM supplier WHERE published ORDER BY random() LIMIT 13')).map((row) => row.id);
  const [updated, unpublished] = [ids.slice(0, 10), ids.slice(10)];
  await change(db, updated, 'description = description');
  await change(db, unpublished, 'published = false');
  await pass('incremental: 10 updates, 3 unpublished');
  // Back as seeded (the search benchmark reads the same database).
  await change(db, unpublished, 'published = true');
  await server.close();
  await directoryIndex.close();
  await db.destroy();
}

async function main(): Promise<void> {
  // A mirror is one client making requests back to back: no per-IP limit here.
  const config = loadConfig({ ...process.env, RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000' });
  const { adminUrl, stop } = await startBenchPostgres(config);
  console.log(`Mirror benchmark: pages of ${MAX_PAGE_SIZE}, sizes ${SIZES.join(', ')}; node ${process.version}`);
  for (const size of SIZES) await benchSize(adminUrl, size, config);
  await stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
