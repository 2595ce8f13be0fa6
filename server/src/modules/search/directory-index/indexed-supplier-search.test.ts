import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCapabilities, type Capabilities } from '../../../app/capabilities.js';
import { seededRandom } from '../../../core/seeded-random.js';
import { createTestDatabase, type TestDatabase } from '../../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../../test-support/test-server.js';
import { loadDemoDirectory } from '../../demo/demo-directory.js';
import { SupplierOrder, type SupplierFilter } from '../../suppliers/supplier.inputs.js';
import type { RunStatement } from '../search-result-cache.js';
import { SqlSupplierSearch } from '../sql-supplier-search.js';
import type { SupplierFacetCounts } from '../supplier-search.engine.js';
import { resolveSupplierSearch, wordsToStem } from '../supplier-search.service.js';
import { readBuyerText } from '../text-query.js';
import { DirectoryIndexService } from './directory-index.service.js';
import { IndexedSupplierSearch } from './indexed-supplier-search.js';
import { integerKeyOf } from '../../../core/graphql/global-id.js';

/**
 * One engine, and an oracle (README, "One engine"): the directory index answers every
 * supplier search; the SQL of supplier-search.sql.ts, which applies the same rules to the
 * tables, says which suppliers match and how many, and what each facet counts, over a demo
 * directory and a fixed mix of generated searches (every filter, territory kind and text).
 * Then the facets' promise, through the API: a value's count is the totalCount of the same
 * search with that value ticked.
 */
let database: TestDatabase;
let server: TestServer;
let service: DirectoryIndexService;
let capabilities: Capabilities;

type Filter = Record<string, unknown>;

let searches: Filter[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.transaction((manager) => loadDemoDirectory(manager, { count: 1500, seed: 7 }));
  server = await startTestServer(database.db);
  service = new DirectoryIndexService(database.db);
  await service.load();
  capabilities = await readCapabilities(database.db);

  const tags = (await database.db.query<{ tag: string }[]>(`SELECT DISTINCT unnest(tags) AS tag FROM supplier ORDER BY 1 LIMIT 4`)).map((row) => row.tag);
  const categories = (await database.db.query<{ slug: string }[]>(`SELECT slug FROM category ORDER BY id`)).map((row) => row.slug);
  const groups = (await database.db.query<{ slug: string }[]>(`SELECT slug FROM category_group ORDER BY id`)).map((row) => row.slug);
  // The same mix on every run.
  const next = seededRandom(2026);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  const maybe = (probability: number) => next() < probability;
  const territories: Filter[] = [
    { communeCode: '57463' }, { communeCode: '57463', radiusKm: 40 }, { communeCode: '75056' }, { communeCode: '75111' },
    { communeCode: '69123', radiusKm: 25 }, { communeCode: '13055' }, { communeCode: '35238', radiusKm: 80 },
    { departementCode: '59' }, { departementCode: '2A' }, { departementCode: '974' }, { departementCode: '23' }, { regionCode: '53' }, { regionCode: '11' },
  ];
  const texts = [
    'nettoyage', 'espaces verts', 'impression', 'repas', 'netoyage', 'menuis', 'jardin', 'collecte dechets', 'traiteur pour un séminaire',
    'nettoyage de bureaux', 'gardiennage', 'entretien des espaces verts de la mairie', 'vélo', 'plateaux repas pour une réunion',
  ];
  searches = Array.from({ length: 80 }, () => {
    const filter: Filter = {};
    if (maybe(0.45)) filter.text = pick(texts);
    if (maybe(0.6)) filter.territory = { ...pick(territories), ...(maybe(0.3) ? { scope: 'LOCATED_IN' } : {}) };
    if (maybe(0.2)) filter.kinds = [pick(['EI', 'ACI', 'ESAT', 'EA', 'AI', 'GEIQ']), ...(maybe(0.4) ? [pick(['ETTI', 'EATT', 'EITI'])] : [])];
    if (maybe(0.15)) filter.kindFamilies = [pick(['INSERTION', 'DISABILITY'])];
    if (maybe(0.15)) filter.reservedMarkets = [pick(['SIAE', 'DISABILITY_SECTOR'])];
    if (maybe(0.2)) filter.serviceTypes = [pick(['STAFF_PROVISION', 'SERVICES', 'GOODS'])];
    if (maybe(0.25)) filter.smallPurchase = maybe(0.5) ? {} : { maxAmount: pick([500, 5000, 40_000]) };
    if (maybe(0.2)) filter.categoryGroupSlugs = [pick(groups)];
    if (maybe(0.15)) filter.categorySlugs = [pick(categories), pick(categories)];
    if (maybe(0.1)) filter.tags = [pick(tags)];
    if (maybe(0.15)) filter.excludeNationalOnly = true;
    if (maybe(0.05)) filter.updatedSince = '2000-01-01T00:00:00Z';
    return filter;
  });
}, 180_000);

afterAll(async () => {
  await service?.close();
  await server?.close();
  await database?.drop();
});

const run: RunStatement = <T>(statement: { sql: string; parameters: unknown[] }) => database.db.query<T[]>(statement.sql, statement.parameters);

/** A search resolved as the API resolves it, with the index held by `service`. */
async function resolved(filter: Filter) {
  const supplierFilter = { excludeNationalOnly: false, ...filter, updatedSince: filter.updatedSince ? new Date(filter.updatedSince as string) : null } as SupplierFilter;
  const buyerText = readBuyerText(supplierFilter.text);
  const start = await service.start(wordsToStem(buyerText));
  const search = await resolveSupplierSearch(supplierFilter, SupplierOrder.NAME, start, capabilities, buyerText);
  return { search, index: new IndexedSupplierSearch(start.index, search, start.reference), sql: new SqlSupplierSearch(search, run, run) };
}

function plainFacets(facets: SupplierFacetCounts) {
  const plain = (map: Map<unknown, number>) => Object.fromEntries([...map].filter(([, count]) => count > 0).map(([key, count]) => [String(key), count]));
  return {
    matches: facets.matches,
    departements: plain(facets.departements),
    kinds: plain(facets.kinds),
    kindFamilies: plain(facets.kindFamilies),
    reservedMarkets: plain(facets.reservedMarkets),
    categoryGroups: plain(facets.categoryGroups),
    serviceTypes: plain(facets.serviceTypes),
    smallPurchase: facets.smallPurchase,
  };
}

describe('the directory index against its SQL oracle', () => {
  it('matches the same suppliers, counts and facets for a mix of 80 searches', async () => {
    let matched = 0;
    for (const filter of searches) {
      const { index, sql } = await resolved(filter);
      const label = JSON.stringify(filter);
      const fromIndex = (await index.page(null, 100_000)).map((row) => row.id).sort((a, b) => a - b);
      expect(fromIndex, label).toEqual(await sql.matchIds());
      expect(await index.count(), label).toBe(fromIndex.length);
      expect(plainFacets(await index.facets()), label).toEqual(plainFacets(await sql.facets()));
      expect(Object.fromEntries(await index.categories()), label).toEqual(Object.fromEntries(await sql.categories()));
      expect(Object.fromEntries(await index.tags()), label).toEqual(Object.fromEntries(await sql.tags()));
      matched += fromIndex.length;
    }
    // The mix must exercise something: most searches find suppliers.
    expect(matched).toBeGreaterThan(3000);
  }, 180_000);

  it('still agrees after writes the index caught up with in place', async () => {
    await database.db.transaction(async (manager) => {
      const ids = (await manager.query<{ id: number }[]>('SELECT id FROM supplier ORDER BY id LIMIT 300 OFFSET 100')).map((row) => row.id);
      // Renamed (name order), new words (text), unpublished, and offerings withdrawn (categories, prices).
      await manager.query(`UPDATE supplier SET legal_name = 'Zz ' || legal_name, description = description || ' reconditionnement informatique',
        updated_at = now() WHERE id = ANY($1::int[])`, [ids.slice(0, 60)]);
      await manager.query('UPDATE supplier SET published = false WHERE id = ANY($1::int[])', [ids.slice(60, 80)]);
      await manager.query('UPDATE offering SET published = false WHERE supplier_id = ANY($1::int[])', [ids.slice(80, 140)]);
      await manager.query('SELECT refresh_supplier_search($1::int[])', [ids]);
    });
    for (const filter of [{ text: 'reconditionnement informatique' }, { text: 'zz' }, {}, ...searches.slice(0, 30)]) {
      const { index, sql } = await resolved(filter);
      const fromIndex = (await index.page(null, 100_000)).map((row) => row.id).sort((a, b) => a - b);
      expect(fromIndex, JSON.stringify(filter)).toEqual(await sql.matchIds());
      expect(plainFacets(await index.facets()), JSON.stringify(filter)).toEqual(plainFacets(await sql.facets()));
    }
  }, 120_000);
});

const SEARCH = `query($filter: SupplierFilter, $orderBy: SupplierOrder, $first: Int, $after: String) {
  suppliers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id } }
  }
}`;

const FACETS = `query($filter: SupplierFilter) {
  suppliers(filter: $filter, first: 0) {
    totalCount
    facets {
      kinds { kind count } kindFamilies { family count } reservedMarkets { reservedMarket count }
      categoryGroups { group { slug } count } categories { category { slug } count }
      departements { departement { code } count } serviceTypes { serviceType count }
      smallPurchase { maxAmount count } tags { tag count }
    }
  }
}`;

interface Facets {
  kinds: { kind: string; count: number }[];
  kindFamilies: { family: string; count: number }[];
  reservedMarkets: { reservedMarket: string; count: number }[];
  categoryGroups: { group: { slug: string }; count: number }[];
  categories: { category: { slug: string }; count: number }[];
  departements: { departement: { code: string }; count: number }[];
  serviceTypes: { serviceType: string; count: number }[];
  smallPurchase: { maxAmount: number; count: number };
  tags: { tag: string; count: number }[];
}

async function totalCount(filter: Filter): Promise<number> {
  const response = await server.query<{ suppliers: { totalCount: number } }>(SEARCH, { filter, first: 0 });
  expect(response.errors, JSON.stringify(filter)).toBeUndefined();
  return response.data!.suppliers.totalCount;
}

/** Each facet value as the filter that ticks it (its dimension's only value), with its count. */
function tickedFilters(filter: Filter, facets: Facets): { value: string; count: number; ticked: Filter }[] {
  const without = (...keys: string[]) => Object.fromEntries(Object.entries(filter).filter(([key]) => !keys.includes(key)));
  return [
    ...facets.kinds.map(({ kind, count }) => ({ value: `kind ${kind}`, count, ticked: { ...filter, kinds: [kind] } })),
    ...facets.kindFamilies.map(({ family, count }) => ({ value: `family ${family}`, count, ticked: { ...filter, kindFamilies: [family] } })),
    ...facets.reservedMarkets.map(({ reservedMarket, count }) => ({ value: `market ${reservedMarket}`, count, ticked: { ...filter, reservedMarkets: [reservedMarket] } })),
    ...facets.categoryGroups.map(({ group, count }) => ({
      value: `group ${group.slug}`, count, ticked: { ...without('categorySlugs'), categoryGroupSlugs: [group.slug] },
    })),
    ...facets.categories.map(({ category, count }) => ({
      value: `category ${category.slug}`, count, ticked: { ...without('categoryGroupSlugs'), categorySlugs: [category.slug] },
    })),
    ...facets.serviceTypes.map(({ serviceType, count }) => ({ value: `service ${serviceType}`, count, ticked: { ...filter, serviceTypes: [serviceType] } })),
    ...facets.tags.map(({ tag, count }) => ({ value: `tag ${tag}`, count, ticked: { ...filter, tags: [tag] } })),
    { value: 'small purchase', count: facets.smallPurchase.count, ticked: { ...filter, smallPurchase: { maxAmount: facets.smallPurchase.maxAmount } } },
    // A département ticks a territory: only without one. Without a territory, excludeNationalOnly drops every national
    // supplier, where a territory keeps those located in it: the département facet counts the former.
    ...(filter.territory || filter.excludeNationalOnly
      ? []
      : facets.departements.map(({ departement, count }) => ({
          value: `département ${departement.code}`, count, ticked: { ...filter, territory: { departementCode: departement.code, scope: 'LOCATED_IN' } },
        }))),
  ];
}

describe('facets are true', () => {
  it('for every facet value of many generated searches: its count is the totalCount of the search with it ticked', async () => {
    const next = seededRandom(14);
    let checked = 0;
    for (const filter of searches) {
      const response = await server.query<{ suppliers: { totalCount: number; facets: Facets } }>(FACETS, { filter });
      expect(response.errors, JSON.stringify(filter)).toBeUndefined();
      const values = tickedFilters(filter, response.data!.suppliers.facets);
      // Every value of the small facets, a sample of the long ones (categories, départements).
      const sampled = values.filter((value) => !/^(category|département|group)/.test(value.value) || next() < 0.15);
      for (const { value, count, ticked } of sampled) {
        expect(await totalCount(ticked), `${JSON.stringify(filter)} → ${value}`).toBe(count);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(800);
  }, 300_000);
});

describe('pages through the API', () => {
  it('walk every match of a search exactly once, in every order, as many as the oracle finds', async () => {
    const filters: Filter[] = [
      { territory: { communeCode: '57463', radiusKm: 120 } },
      { text: 'nettoyage de bureaux', territory: { departementCode: '59' } },
      { categoryGroupSlugs: ['espaces-verts'], kindFamilies: ['INSERTION'] },
    ];
    for (const filter of filters) {
      const expected = await (await resolved(filter)).sql.matchIds();
      for (const orderBy of ['RELEVANCE', 'DISTANCE', 'NAME', 'RECENTLY_UPDATED', 'UPDATED_ASC']) {
        if (orderBy === 'DISTANCE' && !(filter.territory as Filter | undefined)?.communeCode) continue;
        const seen: number[] = [];
        let after: string | null = null;
        for (let page = 0; page < 200; page += 1) {
          const response: Awaited<ReturnType<typeof server.query<{ suppliers: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } }>>> =
            await server.query(SEARCH, { filter, orderBy, first: 13, after });
          expect(response.errors).toBeUndefined();
          seen.push(...response.data!.suppliers.edges.map((edge) => integerKeyOf(edge.node.id, 'Supplier')));
          if (!response.data!.suppliers.pageInfo.hasNextPage) break;
          after = response.data!.suppliers.pageInfo.endCursor;
        }
        expect(new Set(seen).size, `${orderBy} ${JSON.stringify(filter)}`).toBe(seen.length);
        expect([...seen].sort((a, b) => a - b), `${orderBy} ${JSON.stringify(filter)}`).toEqual(expected);
      }
    }
  }, 120_000);
});
