import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDirectory } from '../../demo/demo-directory.js';
import { createTestDatabase, type TestDatabase } from '../../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../../test-support/test-server.js';
import { seededRandom } from '../../../core/seeded-random.js';

/**
 * The directory index and SQL give the same answers: the same pages, cursors, distances,
 * counts and facets, over a demo directory and a fixed mix of generated searches (every
 * filter, order and territory kind), walking several pages and swapping cursors between the
 * two engines.
 */
let database: TestDatabase;
let indexed: TestServer;
let sql: TestServer;

const SEARCH = `query($filter: SupplierFilter, $orderBy: SupplierOrder, $first: Int, $after: String) {
  suppliers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor distanceKm territoryMatch node { id } }
    facets {
      kinds { kind count } kindFamilies { family count } reservedMarkets { reservedMarket count }
      categoryGroups { group { slug } count } categories { category { slug } count }
      departements { departement { code } count } serviceTypes { serviceType count }
      smallPurchase { maxAmount count } tags { tag count }
    }
  }
}`;

interface Page {
  suppliers: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: unknown[]; facets: unknown };
}

type Filter = Record<string, unknown>;

let searches: { filter: Filter; orderBy: string | undefined }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.transaction((manager) => loadDemoDirectory(manager, { count: 1500, seed: 7 }));
  indexed = await startTestServer(database.db);
  sql = await startTestServer(database.db, undefined, { env: { SEARCH_ENGINE: 'sql' } });

  const tags = (await database.db.query<{ tag: string }[]>(`SELECT DISTINCT unnest(tags) AS tag FROM supplier ORDER BY 1 LIMIT 4`)).map((row) => row.tag);
  const categories = (await database.db.query<{ slug: string }[]>(`SELECT slug FROM category ORDER BY id LIMIT 40`)).map((row) => row.slug);
  const groups = (await database.db.query<{ slug: string }[]>(`SELECT slug FROM category_group ORDER BY id`)).map((row) => row.slug);
  // The same mix on every run.
  const next = seededRandom(2026);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  const maybe = (probability: number) => next() < probability;
  const territories: Filter[] = [
    { communeCode: '57463' }, { communeCode: '57463', radiusKm: 40 }, { communeCode: '75056' }, { communeCode: '75111' },
    { communeCode: '69123', radiusKm: 25 }, { communeCode: '13055' }, { communeCode: '35238', radiusKm: 80 },
    { departementCode: '59' }, { departementCode: '2A' }, { departementCode: '974' }, { regionCode: '53' }, { regionCode: '11' },
  ];
  searches = Array.from({ length: 60 }, () => {
    const filter: Filter = {};
    if (maybe(0.3)) filter.text = pick(['nettoyage', 'espaces verts', 'impression', 'repas', 'netoyage', 'menuis', 'jardin', 'collecte dechets']);
    if (maybe(0.6)) filter.territory = { ...pick(territories), ...(maybe(0.4) ? { scope: 'LOCATED_IN' } : {}) };
    if (maybe(0.2)) filter.kinds = [pick(['EI', 'ACI', 'ESAT', 'EA', 'AI', 'GEIQ'])];
    if (maybe(0.15)) filter.kindFamilies = [pick(['INSERTION', 'DISABILITY'])];
    if (maybe(0.1)) filter.reservedMarkets = [pick(['SIAE', 'DISABILITY_SECTOR'])];
    if (maybe(0.2)) filter.serviceTypes = [pick(['STAFF_PROVISION', 'SERVICES', 'GOODS'])];
    if (maybe(0.25)) filter.smallPurchase = maybe(0.5) ? {} : { maxAmount: pick([500, 5000, 40_000]) };
    if (maybe(0.2)) filter.categoryGroupSlugs = [pick(groups)];
    else if (maybe(0.15)) filter.categorySlugs = [pick(categories), pick(categories)];
    if (maybe(0.1)) filter.tags = [pick(tags)];
    if (maybe(0.15)) filter.excludeNationalOnly = true;
    const hasPoint = typeof (filter.territory as Filter | undefined)?.communeCode === 'string';
    const orderBy = maybe(0.3) ? undefined : pick(['NAME', 'RECENTLY_UPDATED', ...(filter.text ? ['RELEVANCE'] : []), ...(hasPoint ? ['DISTANCE'] : [])]);
    return { filter, orderBy };
  });
}, 120_000);

afterAll(async () => {
  await indexed?.close();
  await sql?.close();
  await database?.drop();
});

async function page(server: TestServer, filter: Filter, orderBy: string | undefined, after: string | null): Promise<Page['suppliers']> {
  const response = await server.query<Page>(SEARCH, { filter, orderBy, first: 7, after });
  expect(response.errors).toBeUndefined();
  return response.data!.suppliers;
}

/** Compares the engines on each search, page after page; returns how many edges were compared. */
async function compareEngines(list: typeof searches): Promise<number> {
  let compared = 0;
  for (const { filter, orderBy } of list) {
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 4; pageNumber += 1) {
      const [fromIndex, fromSql]: Page['suppliers'][] = await Promise.all([page(indexed, filter, orderBy, after), page(sql, filter, orderBy, after)]);
      expect(fromIndex, JSON.stringify({ filter, orderBy, pageNumber })).toEqual(fromSql);
      compared += fromIndex.edges.length;
      if (!fromIndex.pageInfo.hasNextPage) break;
      after = fromIndex.pageInfo.endCursor;
    }
  }
  return compared;
}

describe('directory index and SQL', () => {
  it('give the same pages, cursors, counts and facets for a mix of 60 searches', async () => {
    // The mix must exercise something: most searches find suppliers.
    expect(await compareEngines(searches)).toBeGreaterThan(500);
  }, 120_000);

  it('still agree after writes the index caught up with in place', async () => {
    await database.db.transaction(async (manager) => {
      const ids = (await manager.query<{ id: number }[]>('SELECT id FROM supplier ORDER BY id LIMIT 300 OFFSET 100')).map((row) => row.id);
      // Renamed (name order), new words (text), unpublished, and offerings withdrawn (categories, prices).
      await manager.query(`UPDATE supplier SET legal_name = 'Zz ' || legal_name, description = description || ' reconditionnement informatique',
        updated_at = now() WHERE id = ANY($1::int[])`, [ids.slice(0, 60)]);
      await manager.query('UPDATE supplier SET published = false WHERE id = ANY($1::int[])', [ids.slice(60, 80)]);
      await manager.query('UPDATE offering SET published = false WHERE supplier_id = ANY($1::int[])', [ids.slice(80, 140)]);
      await manager.query('SELECT refresh_supplier_search($1::int[])', [ids]);
      await manager.query('SELECT refresh_search_words()');
    });
    const rewritten = [
      { filter: { text: 'reconditionnement informatique' }, orderBy: 'RELEVANCE' },
      { filter: { text: 'zz' }, orderBy: undefined },
      { filter: {}, orderBy: 'NAME' },
      ...searches.slice(0, 30),
    ];
    expect(await compareEngines(rewritten)).toBeGreaterThan(200);
  }, 120_000);

  it('walk a whole result with cursors from either engine, every match exactly once', async () => {
    const filter = { territory: { communeCode: '57463', radiusKm: 120 } };
    for (const orderBy of ['DISTANCE', 'NAME', 'RECENTLY_UPDATED']) {
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (let pageNumber = 0; ; pageNumber += 1) {
        // Alternate engines: a cursor of one continues on the other.
        const result = await page(pageNumber % 2 === 0 ? indexed : sql, filter, orderBy, after);
        total = result.totalCount;
        seen.push(...(result.edges as { node: { id: string } }[]).map((edge) => edge.node.id));
        if (!result.pageInfo.hasNextPage) break;
        after = result.pageInfo.endCursor;
      }
      expect(total).toBeGreaterThan(7);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length, orderBy).toBe(total);
    }
  });
});
