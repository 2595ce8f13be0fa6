import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PriceUnit } from '../offerings/price-unit.js';
import { ServiceAreaKind, ServiceType } from '../suppliers/service-area.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';
import { insertSupplier, refreshSearchWords } from '../../test-support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { wrongTypedCursors } from '../../test-support/hostile-input.js';

/**
 * Supplier search over real HTTP and a real PostgreSQL holding every French territory.
 * Nine suppliers in known places; each test names the ones it expects. Searches run in the
 * directory index (every order but UPDATED_ASC, which reads SQL).
 */
let database: TestDatabase;
let server: TestServer;

const NAMES = {
  metzGardens: 'Les Jardins de Metz',
  nancyEsat: 'ESAT du Plateau de Haye',
  strasbourgPrinter: 'Imprimerie Solidaire d’Alsace',
  nationalCleaning: 'Nettoyage Partout en France',
  lyonBikes: 'Atelier Vélo Lyonnais',
  parisGardens: 'Paris Espaces Verts',
  thionvilleGeiq: 'GEIQ BTP Moselle Nord',
  reunionEiti: 'Coopérative des Indépendants Réunionnais',
  metzPrintShop: 'Atelier d’Impression Messin',
} as const;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await insertSupplier(db, {
    legalName: NAMES.metzGardens,
    kind: SupplierKind.EI,
    communeCode: '57463',
    description: 'Entretien des parcs et jardins par des salariés en parcours d’insertion.',
    serviceArea: { kind: ServiceAreaKind.RADIUS, radiusKm: 30 },
    offerings: [{ title: 'Tonte des pelouses communales', categorySlug: 'tonte-debroussaillage', priceFrom: 35, priceUnit: PriceUnit.HOUR }],
    updatedAt: '2026-03-01T10:00:00.000001Z',
  });
  await insertSupplier(db, {
    legalName: NAMES.nancyEsat,
    kind: SupplierKind.ESAT,
    communeCode: '54395',
    serviceArea: { kind: ServiceAreaKind.DEPARTEMENTS, departementCodes: ['54', '57'] },
    offerings: [{ title: 'Plateaux-repas pour réunions', categorySlug: 'plateaux-repas', priceFrom: 12, priceTo: 18, priceUnit: PriceUnit.MEAL }],
    updatedAt: '2026-05-01T10:00:00Z',
  });
  await insertSupplier(db, {
    legalName: NAMES.strasbourgPrinter,
    kind: SupplierKind.EA,
    communeCode: '67482',
    serviceArea: { kind: ServiceAreaKind.REGIONS, regionCodes: ['44'] },
    offerings: [{ title: 'Impression de brochures', categorySlug: 'impression-offset', priceFrom: 25_000, priceUnit: PriceUnit.FLAT }],
    updatedAt: '2026-01-01T10:00:00Z',
  });
  await insertSupplier(db, {
    legalName: NAMES.nationalCleaning,
    kind: SupplierKind.ETTI,
    communeCode: '35238',
    serviceArea: { kind: ServiceAreaKind.NATIONAL },
    serviceTypes: [ServiceType.STAFF_PROVISION],
    offerings: [{ title: 'Agents de nettoyage de bureaux', categorySlug: 'nettoyage-bureaux', priceFrom: 28, priceUnit: PriceUnit.HOUR }],
    updatedAt: '2026-02-01T10:00:00Z',
  });
  await insertSupplier(db, {
    legalName: NAMES.lyonBikes,
    kind: SupplierKind.ACI,
    communeCode: '69383',
    serviceArea: { kind: ServiceAreaKind.RADIUS, radiusKm: 20 },
    offerings: [{ title: 'Réparation de vélos de service', categorySlug: 'reparation-velos', priceFrom: 45, priceUnit: PriceUnit.HOUR }],
    updatedAt: '2026-04-01T10:00:00Z',
  });
  await insertSupplier(db, {
    legalName: NAMES.parisGardens,
    kind: SupplierKind.AI,
    communeCode: '75108',
    tags: ['UNEA', 'Label RSEi'],
    serviceArea: { kind: ServiceAreaKind.DEPARTEMENTS, departementCodes: ['75'] },
    offerings: [{ title: 'Tonte et débroussaillage', categorySlug: 'tonte-debroussaillage', priceFrom: 40, priceUnit: PriceUnit.HOUR }],
    updatedAt: '2026-03-01T10:00:00.000002Z',
  });
  await insertSupplier(db, {
    legalName: NAMES.thionvilleGeiq,
    kind: SupplierKind.GEIQ,
    communeCode: '57672',
    serviceTypes: [ServiceType.STAFF_PROVISION],
    serviceArea: { kind: ServiceAreaKind.DEPARTEMENTS, departementCodes: ['57'] },
    offerings: [{ title: 'Maçons en alternance', categorySlug: 'alternance-geiq' }],
    updatedAt: '2026-03-01T10:00:00.000002Z',
  });
  await insertSupplier(db, {
    legalName: NAMES.reunionEiti,
    kind: SupplierKind.EITI,
    communeCode: '97411',
    serviceArea: { kind: ServiceAreaKind.DEPARTEMENTS, departementCodes: ['974'] },
    offerings: [{ title: 'Petits travaux de bricolage', categorySlug: 'petits-travaux-multiservice', priceFrom: 30, priceUnit: PriceUnit.HOUR }],
  });
  await insertSupplier(db, {
    legalName: NAMES.metzPrintShop,
    kind: SupplierKind.EA,
    communeCode: '57463',
    position: null,
    serviceArea: { kind: ServiceAreaKind.DEPARTEMENTS, departementCodes: ['57'] },
    offerings: [
      { title: 'Cartes de visite et flyers', categorySlug: 'impression-numerique', priceFrom: 500, priceUnit: PriceUnit.FLAT },
      { title: 'Catalogue annuel', categorySlug: 'impression-offset', priceFrom: 20_000, priceUnit: PriceUnit.FLAT },
    ],
  });
  await refreshSearchWords(db);
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

interface SearchResult {
  suppliers: {
    totalCount: number;
    edges: { cursor: string; distanceKm: number | null; territoryMatch: string | null; node: { name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const SEARCH = `query Search($filter: SupplierFilter, $orderBy: SupplierOrder, $first: Int, $after: String) {
  suppliers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor distanceKm territoryMatch node { name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function search(filter: Record<string, unknown>, orderBy?: string, first = 50) {
  const response = await server.query<SearchResult>(SEARCH, { filter, orderBy, first });
  expect(response.errors).toBeUndefined();
  return response.data!.suppliers;
}

async function namesOf(filter: Record<string, unknown>, orderBy = 'NAME') {
  const result = await search(filter, orderBy);
  expect(result.totalCount).toBe(result.edges.length);
  return result.edges.map((edge) => edge.node.name);
}

const sorted = (names: string[]) => [...names].sort();

describe('supplier search', () => {
  it('searches in the directory index, not in SQL: the version with the words, then the page', async () => {
    const response = await server.query<SearchResult>(SEARCH, { filter: { text: 'jardins', territory: { departementCode: '57' } } });
    expect(response.data?.suppliers.totalCount).toBeGreaterThan(0);
    expect(response.sqlStatements.some((statement) => /supplier_search s\b/.test(statement.sql))).toBe(false);
    // The page's suppliers are read once, then kept with the index (the next test).
    expect(response.sqlStatements.length).toBeLessThanOrEqual(2);
  });

  it('keeps the cards of the suppliers shown until they change: the same search again runs one statement, a changed supplier is read again', async () => {
    const filter = { text: 'impression' };
    const first = await server.query<SearchResult>(SEARCH, { filter });
    const names = first.data!.suppliers.edges.map((edge) => edge.node.name);
    expect(names).toContain(NAMES.metzPrintShop);
    const again = await server.query<SearchResult>(SEARCH, { filter });
    expect(again.data!.suppliers.edges.map((edge) => edge.node.name)).toEqual(names);
    expect(again.sqlStatements).toHaveLength(1);

    // A write as the application makes it: the row, then its search row (which logs the change).
    const [{ id }] = await database.db.query<{ id: number }[]>('SELECT id FROM supplier WHERE legal_name = $1', [NAMES.metzPrintShop]);
    const rename = (brandName: string | null) =>
      database.db.transaction(async (manager) => {
        await manager.query('UPDATE supplier SET brand_name = $2, updated_at = now() WHERE id = $1', [id, brandName]);
        await manager.query('SELECT refresh_supplier_search($1::int[])', [[id]]);
      });
    await rename('Impressions de Metz');
    try {
      const changed = await server.query<SearchResult>(SEARCH, { filter });
      expect(changed.data!.suppliers.edges.map((edge) => edge.node.name)).toContain('Impressions de Metz');
      expect(changed.data!.suppliers.edges.map((edge) => edge.node.name)).not.toContain(NAMES.metzPrintShop);
      expect(changed.sqlStatements.filter((statement) => /FROM supplier s\b/.test(statement.sql))).toHaveLength(1);
    } finally {
      await rename(null);
    }
  });

  describe('text', () => {
    it('matches names, offerings and category keywords, ignoring accents and case', async () => {
      expect(sorted(await namesOf({ text: 'IMPRESSION' }))).toEqual(sorted([NAMES.strasbourgPrinter, NAMES.metzPrintShop]));
      expect(await namesOf({ text: 'velo' })).toEqual([NAMES.lyonBikes]);
      expect(await namesOf({ text: 'plateaux repas' })).toEqual([NAMES.nancyEsat]);
    });

    it('tolerates small typos', async () => {
      expect(await namesOf({ text: 'reparaton velo' })).toEqual([NAMES.lyonBikes]);
      expect(sorted(await namesOf({ text: 'imprimrie' }))).toContain(NAMES.strasbourgPrinter);
    });

    it('finds nothing for words the directory does not have', async () => {
      expect(await namesOf({ text: 'astrophysique quantique' })).toEqual([]);
    });

    it('ranks a name match before a description match', async () => {
      const result = await search({ text: 'jardins' }, 'RELEVANCE');
      expect(result.edges[0].node.name).toBe(NAMES.metzGardens);
    });
  });

  describe('categories', () => {
    it('filters by category and by group', async () => {
      const gardens = sorted([NAMES.metzGardens, NAMES.parisGardens]);
      expect(sorted(await namesOf({ categorySlugs: ['tonte-debroussaillage'] }))).toEqual(gardens);
      expect(sorted(await namesOf({ categoryGroupSlugs: ['espaces-verts'] }))).toEqual(gardens);
      expect(sorted(await namesOf({ categoryGroupSlugs: ['impression-communication'], categorySlugs: ['reparation-velos'] }))).toEqual(
        sorted([NAMES.strasbourgPrinter, NAMES.metzPrintShop, NAMES.lyonBikes]),
      );
    });
  });

  describe('territory', () => {
    it('finds suppliers located in a commune, a département, a région', async () => {
      expect(sorted(await namesOf({ territory: { communeCode: '57463', scope: 'LOCATED_IN' } }))).toEqual(
        sorted([NAMES.metzGardens, NAMES.metzPrintShop]),
      );
      expect(sorted(await namesOf({ territory: { departementCode: '57', scope: 'LOCATED_IN' } }))).toEqual(
        sorted([NAMES.metzGardens, NAMES.metzPrintShop, NAMES.thionvilleGeiq]),
      );
      expect(sorted(await namesOf({ territory: { regionCode: '44', scope: 'LOCATED_IN' } }))).toEqual(
        sorted([NAMES.metzGardens, NAMES.metzPrintShop, NAMES.thionvilleGeiq, NAMES.nancyEsat, NAMES.strasbourgPrinter]),
      );
      expect(await namesOf({ territory: { regionCode: '04', scope: 'LOCATED_IN' } })).toEqual([NAMES.reunionEiti]);
    });

    it('treats Paris and its arrondissements correctly', async () => {
      expect(await namesOf({ territory: { communeCode: '75056', scope: 'LOCATED_IN' } })).toEqual([NAMES.parisGardens]);
      expect(await namesOf({ territory: { communeCode: '75108', scope: 'LOCATED_IN' } })).toEqual([NAMES.parisGardens]);
      expect(await namesOf({ territory: { communeCode: '75101', scope: 'LOCATED_IN' } })).toEqual([]);
      expect(await namesOf({ territory: { communeCode: '69123', scope: 'LOCATED_IN' } })).toEqual([NAMES.lyonBikes]);
    });

    it('finds suppliers within a radius of a commune, with distances', async () => {
      const result = await search({ territory: { communeCode: '57463', radiusKm: 60, scope: 'LOCATED_IN' } }, 'DISTANCE');
      expect(result.edges.map((edge) => edge.node.name)).toEqual([
        NAMES.metzGardens, NAMES.thionvilleGeiq, NAMES.nancyEsat, NAMES.metzPrintShop,
      ]);
      const [metz, thionville, nancy, withoutPosition] = result.edges.map((edge) => edge.distanceKm);
      expect(metz).toBe(0);
      expect(thionville).toBeGreaterThan(20);
      expect(thionville).toBeLessThan(35);
      expect(nancy).toBeGreaterThan(40);
      expect(nancy).toBeLessThan(60);
      expect(withoutPosition).toBeNull();
    });

    it('finds suppliers serving a commune, local ones first', async () => {
      const result = await search({ territory: { communeCode: '57463' } }, 'RELEVANCE');
      const byName = Object.fromEntries(result.edges.map((edge) => [edge.node.name, edge.territoryMatch]));
      expect(byName).toEqual({
        [NAMES.metzGardens]: 'LOCATED_IN',
        [NAMES.metzPrintShop]: 'LOCATED_IN',
        [NAMES.nancyEsat]: 'SERVES',
        [NAMES.strasbourgPrinter]: 'SERVES',
        [NAMES.thionvilleGeiq]: 'SERVES',
        [NAMES.nationalCleaning]: 'SERVES_NATIONALLY',
      });
      const tiers = result.edges.map((edge) => ['LOCATED_IN', 'SERVES', 'SERVES_NATIONALLY'].indexOf(edge.territoryMatch!));
      expect(tiers).toEqual([...tiers].sort());
    });

    it('leaves national-only suppliers out on demand', async () => {
      const names = await namesOf({ territory: { communeCode: '57463' }, excludeNationalOnly: true });
      expect(names).not.toContain(NAMES.nationalCleaning);
      expect(names).toHaveLength(5);
      expect(await namesOf({ excludeNationalOnly: true })).not.toContain(NAMES.nationalCleaning);
    });

    it('reaches a commune through a radius service area only when the circle does', async () => {
      // Metz gardens serve 30 km around Metz: Thionville (about 27 km) yes, Nancy (about 50 km) no.
      expect(await namesOf({ territory: { communeCode: '57672' } })).toContain(NAMES.metzGardens);
      expect(await namesOf({ territory: { communeCode: '54395' } })).not.toContain(NAMES.metzGardens);
      // With the buyer's own radius of 30 km around Nancy, the circles meet.
      expect(await namesOf({ territory: { communeCode: '54395', radiusKm: 30 } })).toContain(NAMES.metzGardens);
    });

    it('serves a département through a radius reaching its box', async () => {
      expect(await namesOf({ territory: { departementCode: '54' } })).toContain(NAMES.metzGardens);
      expect(await namesOf({ territory: { departementCode: '67' } })).not.toContain(NAMES.metzGardens);
    });
  });

  describe('kinds, service types, tags, small purchase', () => {
    it('filters by kind, family and reserved market', async () => {
      expect(await namesOf({ kinds: ['ESAT'] })).toEqual([NAMES.nancyEsat]);
      expect(sorted(await namesOf({ kindFamilies: ['DISABILITY'] }))).toEqual(
        sorted([NAMES.nancyEsat, NAMES.strasbourgPrinter, NAMES.metzPrintShop]),
      );
      expect(sorted(await namesOf({ reservedMarkets: ['SIAE'] }))).toEqual(
        sorted([NAMES.metzGardens, NAMES.nationalCleaning, NAMES.lyonBikes, NAMES.parisGardens]),
      );
      expect(await namesOf({ kinds: ['ESAT'], kindFamilies: ['INSERTION'] })).toEqual([]);
    });

    it('filters by service type and tag', async () => {
      expect(sorted(await namesOf({ serviceTypes: ['STAFF_PROVISION'] }))).toEqual(sorted([NAMES.nationalCleaning, NAMES.thionvilleGeiq]));
      expect(await namesOf({ tags: ['UNEA'] })).toEqual([NAMES.parisGardens]);
    });

    it('keeps suppliers with an offering under the small-purchase amount', async () => {
      const underDefault = await namesOf({ smallPurchase: {} });
      expect(underDefault).not.toContain(NAMES.strasbourgPrinter);
      expect(underDefault).not.toContain(NAMES.thionvilleGeiq);
      expect(underDefault).toContain(NAMES.metzPrintShop);
      expect(underDefault).toHaveLength(7);
      expect(await namesOf({ smallPurchase: { maxAmount: 100 } })).not.toContain(NAMES.metzPrintShop);
      expect(await namesOf({ smallPurchase: { maxAmount: 30_000 } })).toContain(NAMES.strasbourgPrinter);
    });

    it('requires the cheap offering to be in the searched categories', async () => {
      expect(await namesOf({ categorySlugs: ['impression-offset'], smallPurchase: {} })).toEqual([]);
      expect(await namesOf({ categoryGroupSlugs: ['impression-communication'], smallPurchase: {} })).toEqual([NAMES.metzPrintShop]);
    });

    it('combines filters', async () => {
      expect(
        await namesOf({ territory: { communeCode: '57463' }, kindFamilies: ['DISABILITY'], smallPurchase: { maxAmount: 1000 } }),
      ).toEqual([NAMES.metzPrintShop, NAMES.nancyEsat]);
      expect(
        await namesOf({ territory: { communeCode: '57463', scope: 'LOCATED_IN' }, kindFamilies: ['DISABILITY'], smallPurchase: { maxAmount: 1000 } }),
      ).toEqual([NAMES.metzPrintShop]);
    });
  });

  describe('orders', () => {
    it('orders by name, ignoring accents and case', async () => {
      const names = await namesOf({}, 'NAME');
      expect(names[0]).toBe(NAMES.metzPrintShop);
      expect(names).toHaveLength(9);
    });

    it('orders by most recent update, to the microsecond', async () => {
      const names = (await search({}, 'RECENTLY_UPDATED')).edges.map((edge) => edge.node.name);
      expect(names.indexOf(NAMES.nancyEsat)).toBeLessThan(names.indexOf(NAMES.lyonBikes));
      expect(names.indexOf(NAMES.lyonBikes)).toBeLessThan(names.indexOf(NAMES.parisGardens));
      expect(names.indexOf(NAMES.parisGardens)).toBeLessThan(names.indexOf(NAMES.metzGardens));
    });

    it('refuses DISTANCE without a point', async () => {
      const response = await server.query(SEARCH, { filter: { kinds: ['EI'] }, orderBy: 'DISTANCE' });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('measures distances from an origin', async () => {
      const result = await search({ origin: { latitude: 48.8566, longitude: 2.3522 } }, 'DISTANCE', 1);
      expect(result.edges[0].node.name).toBe(NAMES.parisGardens);
      expect(result.edges[0].distanceKm).toBeLessThan(5);
    });
  });

  describe('pagination', () => {
    for (const orderBy of ['NAME', 'RELEVANCE', 'RECENTLY_UPDATED', 'DISTANCE']) {
      it(`walks every match exactly once, ordered by ${orderBy}`, async () => {
        const filter = orderBy === 'DISTANCE' || orderBy === 'RELEVANCE' ? { territory: { communeCode: '57463' } } : {};
        const all = await search(filter, orderBy, 100);
        const seen: string[] = [];
        let after: string | null = null;
        for (let page = 0; page < 20; page += 1) {
          const response: Awaited<ReturnType<typeof server.query<SearchResult>>> = await server.query<SearchResult>(SEARCH, {
            filter, orderBy, first: 2, after,
          });
          expect(response.errors).toBeUndefined();
          const connection = response.data!.suppliers;
          seen.push(...connection.edges.map((edge) => edge.node.name));
          if (!connection.pageInfo.hasNextPage) break;
          after = connection.pageInfo.endCursor;
        }
        expect(seen).toEqual(all.edges.map((edge) => edge.node.name));
        expect(new Set(seen).size).toBe(all.totalCount);
      });
    }
  });

  describe('facets', () => {
    it('counts each facet without its own filter', async () => {
      const response = await server.query<{
        suppliers: {
          totalCount: number;
          facets: {
            kinds: { kind: string; count: number }[];
            kindFamilies: { family: string; count: number }[];
            categoryGroups: { group: { slug: string }; count: number }[];
            departements: { departement: { code: string }; count: number }[];
            serviceTypes: { serviceType: string; count: number }[];
            smallPurchase: { maxAmount: number; count: number };
          };
        };
      }>(
        `query($filter: SupplierFilter) { suppliers(filter: $filter) { totalCount facets {
            kinds { kind count } kindFamilies { family count } categoryGroups { group { slug } count }
            departements { departement { code } count } serviceTypes { serviceType count } smallPurchase { maxAmount count } } } }`,
        { filter: { territory: { communeCode: '57463' }, kindFamilies: ['DISABILITY'] } },
      );
      expect(response.errors).toBeUndefined();
      const { totalCount, facets } = response.data!.suppliers;
      expect(totalCount).toBe(3);
      // Kinds ignore the kind filter but apply the family one: what ticking a kind finds.
      expect(Object.fromEntries(facets.kinds.map((facet) => [facet.kind, facet.count]))).toEqual({ EA: 2, ESAT: 1 });
      expect(Object.fromEntries(facets.kindFamilies.map((facet) => [facet.family, facet.count]))).toEqual({ INSERTION: 3, DISABILITY: 3 });
      expect(Object.fromEntries(facets.departements.map((facet) => [facet.departement.code, facet.count]))).toEqual({ '57': 1, '54': 1, '67': 1 });
      expect(Object.fromEntries(facets.categoryGroups.map((facet) => [facet.group.slug, facet.count]))).toEqual({
        'impression-communication': 2,
        'restauration-alimentation': 1,
      });
      expect(facets.smallPurchase).toEqual({ maxAmount: 15_000, count: 2 });
      expect(facets.serviceTypes).toEqual([{ serviceType: 'SERVICES', count: 3 }]);
    });

    it('counts categories, reserved markets and tags, each without its own filter', async () => {
      type Facets = {
        categories: { category: { slug: string }; count: number }[];
        reservedMarkets: { reservedMarket: string; count: number }[];
        tags: { tag: string; count: number }[];
      };
      const query = `query($filter: SupplierFilter) { suppliers(filter: $filter) { totalCount facets {
          categories { category { slug } count } reservedMarkets { reservedMarket count } tags { tag count } } } }`;
      const nearMetz = await server.query<{ suppliers: { totalCount: number; facets: Facets } }>(query, {
        filter: { territory: { communeCode: '57463' }, kindFamilies: ['DISABILITY'], categorySlugs: ['plateaux-repas'] },
      });
      expect(nearMetz.errors).toBeUndefined();
      const { totalCount, facets } = nearMetz.data!.suppliers;
      expect(totalCount).toBe(1);
      expect(Object.fromEntries(facets.categories.map((facet) => [facet.category.slug, facet.count]))).toEqual({
        'impression-offset': 2,
        'impression-numerique': 1,
        'plateaux-repas': 1,
      });
      // Reserved markets ignore their own filter and apply the family one.
      expect(Object.fromEntries(facets.reservedMarkets.map((facet) => [facet.reservedMarket, facet.count]))).toEqual({
        DISABILITY_SECTOR: 1,
        SIAE: 0,
      });

      const tagged = await server.query<{ suppliers: { totalCount: number; facets: Facets } }>(query, {
        filter: { tags: ['Label RSEi'], kinds: ['AI', 'EA'] },
      });
      expect(tagged.data!.suppliers.totalCount).toBe(1);
      expect(tagged.data!.suppliers.facets.tags).toEqual([
        { tag: 'Label RSEi', count: 1 },
        { tag: 'UNEA', count: 1 },
      ]);
    });
  });

  describe('bad input', () => {
    const cases: [string, Record<string, unknown>, number?][] = [
      ['an unknown commune', { territory: { communeCode: '99999' } }],
      ['a negative radius', { territory: { communeCode: '57463', radiusKm: -5 } }],
      ['a radius without a commune', { territory: { departementCode: '57', radiusKm: 10 } }],
      ['two territories at once', { territory: { departementCode: '57', regionCode: '44' } }],
      ['an unknown category', { categorySlugs: ['licornes'] }],
      ['a negative amount', { smallPurchase: { maxAmount: -1 } }],
      ['an origin off the globe', { origin: { latitude: 123, longitude: 0 } }],
      ['a page size over the cap', {}, 101],
      ['a negative page size', {}, -1],
    ];
    for (const [name, filter, first] of cases) {
      it(`answers ${name} with BAD_USER_INPUT and a message`, async () => {
        const response = await server.query(SEARCH, { filter, first: first ?? 10 });
        expect(response.status).toBe(200);
        expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(response.errors?.[0].message.length).toBeGreaterThan(10);
      });
    }

    it('refuses a cursor that is not one, or belongs to another ordering', async () => {
      const byName = await search({}, 'NAME', 1);
      for (const after of ['garbage', byName.pageInfo.endCursor]) {
        const response = await server.query(SEARCH, { filter: {}, orderBy: 'RECENTLY_UPDATED', first: 1, after });
        expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
    });

    it('refuses cursors whose values are not of the types their order expects, in every order (issue 13)', async () => {
      const orders: [string, Record<string, unknown>][] = [
        ['NAME', {}],
        ['RELEVANCE', { text: 'jardins', territory: { communeCode: '57463', radiusKm: 30 } }],
        ['DISTANCE', { territory: { communeCode: '57463', radiusKm: 30 } }],
        ['RECENTLY_UPDATED', {}],
        ['UPDATED_ASC', {}],
        // updatedSince: read in SQL whatever the engine.
        ['NAME', { updatedSince: '2000-01-01T00:00:00Z' }],
      ];
      for (const [orderBy, filter] of orders) {
        for (const after of wrongTypedCursors((await search(filter, orderBy, 1)).pageInfo.endCursor!)) {
          const response = await server.query(SEARCH, { filter, orderBy, first: 1, after });
          expect(response.errors?.[0], `${orderBy} ${Buffer.from(after, 'base64url').toString()}`).toMatchObject({
            message: expect.stringMatching(/^Curseur invalide/),
            extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
          });
        }
      }
      // The cursor of the issue: a NAME cursor whose id is a string, with updatedSince.
      const reported = await server.query(SEARCH, { filter: { updatedSince: '2000-01-01T00:00:00Z' }, after: 'WyJOQU1FIiwiYWFicyBkZW1vIiwieCJd' });
      expect(reported.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('takes a radius or an origin too small to mean anything as 0, with the same results (issue 13: 5e-324)', async () => {
      const around = (radiusKm: number) => namesOf({ territory: { communeCode: '57463', radiusKm, scope: 'LOCATED_IN' } });
      expect(await around(5e-324)).toEqual(await around(0));
      expect(await around(0.04)).toEqual(await around(0));
      const fromOrigin = await search({ origin: { latitude: 5e-324, longitude: -5e-324 } }, 'DISTANCE', 3);
      expect(fromOrigin.edges).toHaveLength(3);
    });

        it('refuses an invalid SIRET but finds a valid one, spaces allowed', async () => {
      const invalid = await server.query(`{ supplier(siret: "12345678901234") { name } }`);
      expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const [{ siret }] = await database.db.query(`SELECT siret FROM supplier WHERE legal_name = $1`, [NAMES.lyonBikes]);
      const spaced = `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
      const found = await server.query<{ supplier: { name: string; siren: string } }>(`query($s: String) { supplier(siret: $s) { name siren } }`, { s: spaced });
      expect(found.data?.supplier).toEqual({ name: NAMES.lyonBikes, siren: siret.slice(0, 9) });
    });
  });

  describe('SQL statements per request', () => {
    const DEEP = `query($first: Int, $filter: SupplierFilter) { suppliers(first: $first, filter: $filter) { totalCount edges { node {
        id name kindName reservedMarkets address { commune { name departement { name region { name } } } }
        categories { slug group { slug } } serviceArea { kind regions { name } departements { name } }
        offerings { title price { amountFrom unit } category { name group { name } } }
    } cheapestMatchingOffering { title category { slug } } directPurchasePossible
      matchReasons { categories { slug group { name } } offerings { title } textFields matchedWords missingWords } }
      facets { kinds { kind count } categoryGroups { group { slug name } count } categories { category { slug group { slug } } count }
        departements { departement { code name region { name } } count } smallPurchase { count } } } }`;

    it('runs two at most, whatever the page size: the version with the words, and the page with its offerings', async () => {
      // Territories, categories and facets come from the directory index's reference data.
      for (const filter of [{}, { text: 'impression', territory: { communeCode: '57463' } }, { categoryGroupSlugs: ['espaces-verts'] }]) {
        const counts: number[] = [];
        for (const first of [1, 2, 6, 9]) {
          const response = await server.query(DEEP, { first, filter });
          expect(response.errors).toBeUndefined();
          counts.push(response.sqlStatements.length);
        }
        // Two at most: suppliers already shown come from the cards kept with the index.
        expect(Math.max(...counts), JSON.stringify(filter)).toBeLessThanOrEqual(2);
      }
    });
  });
});
