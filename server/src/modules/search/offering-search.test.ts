import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { PriceUnit } from '../offerings/price-unit.js';
import { ServiceAreaKind, ServiceType } from '../suppliers/service-area.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';
import { insertSupplier, refreshSearchWords } from '../../test-support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { wrongTypedCursors } from '../../test-support/hostile-input.js';

/**
 * Offering search over real HTTP and a real PostgreSQL. Eight published suppliers with
 * fifteen offerings in known places and at known prices (entry amounts all distinct), one
 * unpublished offering and one unpublished supplier; each test names what it expects.
 */
let database: TestDatabase;
let server: TestServer;
const supplierIds: Record<string, number> = {};

/** Titles of the visible offerings (the key is the supplier letter and a number). */
const T = {
  // A: EI in Metz, serves the Moselle (57).
  a1: 'Tonte des pelouses communales', // 35 €/h
  a2: 'Taille de haies champêtres', // 400 € flat, minimum order 1 200 € → entry 1 200
  a3: 'Élagage des platanes d’alignement', // on quote
  // B: ESAT in Nancy, serves 54 and 57.
  b1: 'Plateaux-repas pour réunions', // 12–18 €/meal → entry 12
  b2: 'Mise sous pli de courriers', // 0.15 €/piece, minimum order 300 € → entry 300; own area: régions 44 and 11
  // C: EA in Strasbourg, serves the région Grand Est (44).
  c1: 'Impression de brochures', // 25 000 € flat: above every small-purchase default
  // D: ETTI in Rennes, serves all of France.
  d1: 'Agents de nettoyage de bureaux', // 28 €/h, STAFF_PROVISION
  d2: 'Nettoyage de vitres en hauteur', // 90 €/h, own service area: Ille-et-Vilaine (35) only
  // E: ACI in Rennes, serves Ille-et-Vilaine (35).
  e1: 'Réparation de vélos de service', // 45 €/h
  e2: 'Vélos reconditionnés pour agents', // 350 €/piece, GOODS, own service area: NATIONAL
  e3: 'Tournées de livraison en centre-ville', // 60 €/h, category "Livraison du dernier kilomètre à vélo"
  // F: GEIQ in Thionville, serves the Moselle (57).
  f1: 'Maçons en alternance', // on quote, STAFF_PROVISION
  // G: EITI in Saint-Pierre (La Réunion), serves 974.
  g1: 'Petits travaux de bricolage', // 30 €/h
  // H: AI in Paris 8e, serves Paris (75).
  h1: 'Tonte et débroussaillage', // 40 €/h
} as const;
type Key = keyof typeof T;

/** Never visible: an unpublished offering of H, and the offering of an unpublished supplier. */
const HIDDEN = { unpublishedOffering: 'Prestation retirée du catalogue', unpublishedSupplier: 'Tonte par une structure masquée' };

const ALL_BY_ENTRY_AMOUNT: Key[] = ['b1', 'd1', 'g1', 'a1', 'h1', 'e1', 'e3', 'd2', 'b2', 'e2', 'a2', 'c1', 'a3', 'f1'];

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  supplierIds.A = await insertSupplier(db, {
    legalName: 'Les Jardins de Metz',
    kind: SupplierKind.EI,
    communeCode: '57463',
    serviceArea: { kind: ServiceAreaKind.DEPARTEMENTS, departementCodes: ['57'] },
    offerings: [
      {
        title: T.a1,
        description: 'Fauchage tardif qui laisse fleurir les coquelicots.',
        categorySlug: 'tonte-debroussaillage',
        priceFrom: 35,
        priceUnit: PriceUnit.HOUR,
      },
      {
        title: T.a2,
        description: 'Taille d’entretien après la tonte de printemps.',
        categorySlug: 'taille-haies',
        priceFrom: 400,
        priceUnit: PriceUnit.FLAT,
        minimumOrderAmount: 1_200,
      },
      { title: T.a3, categorySlug: 'elagage-abattage' },
    ],
  });
  supplierIds.B = await insertSupplier(db, {
    legalName: 'ESAT du Plateau de Haye',
    kind: SupplierKind.ESAT,
    communeCode: '54395',
    serviceArea: { kind: ServiceAreaKind.DEPARTEMENTS, departementCodes: ['54', '57'] },
    offerings: [
      { title: T.b1, categorySlug: 'plateaux-repas', priceFrom: 12, priceTo: 18, priceUnit: PriceUnit.MEAL },
      {
        title: T.b2,
        categorySlug: 'mise-sous-pli',
        priceFrom: 0.15,
        priceUnit: PriceUnit.PIECE,
        minimumOrderAmount: 300,
        serviceArea: { kind: ServiceAreaKind.REGIONS, regionCodes: ['44', '11'] },
      },
    ],
  });
  supplierIds.C = await insertSupplier(db, {
    legalName: 'Imprimerie Solidaire d’Alsace',
    kind: SupplierKind.EA,
    communeCode: '67482',
    serviceArea: { kind: ServiceAreaKind.REGIONS, regionCodes: ['44'] },
    offerings: [{ title: T.c1, categorySlug: 'impression-offset', priceFrom: 25_000, priceUnit: PriceUnit.FLAT }],
  });
  supplierIds.D = await insertSupplier(db, {
    legalName: 'Nettoyage Partout en France',
    kind: SupplierKind.ETTI,
    communeCode: '35238',
    serviceArea: { kind: ServiceAreaKind.NATIONAL },
    serviceTypes: [ServiceType.STAFF_PROVISION, ServiceType.SERVICES],
    offerings: [
      { title: T.d1, categorySlug: 'nettoyage-bureaux', serviceType: ServiceType.STAFF_PROVISION, priceFrom: 28, priceUnit: PriceUnit.HOUR },
      {
        title: T.d2,
        categorySlug: 'nettoyage-vitres',
        priceFrom: 90,
        priceUnit: PriceUnit.HOUR,
        serviceArea: { kind: ServiceAreaKind.DEPARTEMENTS, departementCodes: ['35'] },
      },
    ],
  });
  supplierIds.E = await insertSupplier(db, {
    legalName: 'Atelier Vélo Rennais',
    kind: SupplierKind.ACI,
    communeCode: '35238',
    serviceArea: { kind: ServiceAreaKind.DEPARTEMENTS, departementCodes: ['35'] },
    serviceTypes: [ServiceType.SERVICES],
    offerings: [
      { title: T.e1, categorySlug: 'reparation-velos', priceFrom: 45, priceUnit: PriceUnit.HOUR },
      {
        title: T.e2,
        categorySlug: 'velos-reconditionnes',
        serviceType: ServiceType.GOODS,
        priceFrom: 350,
        priceUnit: PriceUnit.PIECE,
        serviceArea: { kind: ServiceAreaKind.NATIONAL },
      },
      { title: T.e3, categorySlug: 'livraison-velo-dernier-kilometre', priceFrom: 60, priceUnit: PriceUnit.HOUR },
    ],
  });
  supplierIds.F = await insertSupplier(db, {
    legalName: 'GEIQ BTP Moselle Nord',
    kind: SupplierKind.GEIQ,
    communeCode: '57672',
    serviceTypes: [ServiceType.STAFF_PROVISION],
    serviceArea: { kind: ServiceAreaKind.DEPARTEMENTS, departementCodes: ['57'] },
    offerings: [{ title: T.f1, categorySlug: 'alternance-geiq', serviceType: ServiceType.STAFF_PROVISION }],
  });
  supplierIds.G = await insertSupplier(db, {
    legalName: 'Coopérative des Indépendants Réunionnais',
    kind: SupplierKind.EITI,
    communeCode: '97411',
    serviceArea: { kind: ServiceAreaKind.DEPARTEMENTS, departementCodes: ['974'] },
    offerings: [{ title: T.g1, categorySlug: 'petits-travaux-multiservice', priceFrom: 30, priceUnit: PriceUnit.HOUR }],
  });
  supplierIds.H = await insertSupplier(db, {
    legalName: 'Paris Espaces Verts',
    kind: SupplierKind.AI,
    communeCode: '75108',
    serviceArea: { kind: ServiceAreaKind.DEPARTEMENTS, departementCodes: ['75'] },
    offerings: [
      { title: T.h1, categorySlug: 'tonte-debroussaillage', priceFrom: 40, priceUnit: PriceUnit.HOUR },
      { title: HIDDEN.unpublishedOffering, categorySlug: 'tonte-debroussaillage', priceFrom: 10, priceUnit: PriceUnit.HOUR },
    ],
  });
  supplierIds.U = await insertSupplier(db, {
    legalName: 'Structure Masquée',
    kind: SupplierKind.EI,
    communeCode: '57463',
    serviceArea: { kind: ServiceAreaKind.NATIONAL },
    offerings: [{ title: HIDDEN.unpublishedSupplier, categorySlug: 'tonte-debroussaillage', priceFrom: 5, priceUnit: PriceUnit.HOUR }],
  });
  await db.query(`UPDATE offering SET published = false WHERE title = $1`, [HIDDEN.unpublishedOffering]);
  await db.query(`UPDATE supplier SET published = false WHERE id = $1`, [supplierIds.U]);
  // As the application does after any change to a supplier or its offerings.
  await db.query('SELECT refresh_supplier_search($1::int[])', [[supplierIds.H, supplierIds.U]]);
  // Known update times: three distinct ones (two a microsecond apart), the rest tied.
  await db.query(`UPDATE offering SET updated_at = '2026-01-01T00:00:00Z'`);
  await db.query(
    `UPDATE offering SET updated_at = v.at::timestamptz
     FROM (VALUES ($1, '2026-05-01T10:00:00.000002Z'), ($2, '2026-05-01T10:00:00.000001Z'), ($3, '2026-04-01T00:00:00Z')) AS v(title, at)
     WHERE offering.title = v.title`,
    [T.e1, T.a2, T.c1],
  );
  await refreshSearchWords(db);
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

interface OfferingNode {
  id: string;
  title: string;
  entryAmount: number | null;
  price: { amountFrom: number; amountTo: number | null; unit: string } | null;
  supplier: { name: string };
}

interface SearchResult {
  offerings: {
    totalCount: number;
    edges: { cursor: string; node: OfferingNode }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

const SEARCH = `query Search($filter: OfferingFilter, $orderBy: OfferingOrder, $first: Int, $after: String) {
  offerings(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { id title entryAmount price { amountFrom amountTo unit } supplier { name } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

async function search(filter: Record<string, unknown> | undefined, orderBy?: string, first = 100, after?: string | null) {
  const response = await server.query<SearchResult>(SEARCH, { filter, orderBy, first, after });
  expect(response.errors).toBeUndefined();
  return response.data!.offerings;
}

/** Titles of every match, checking that the page holds them all. */
async function titlesOf(filter: Record<string, unknown> | undefined, orderBy?: string) {
  const result = await search(filter, orderBy);
  expect(result.pageInfo.hasNextPage).toBe(false);
  expect(result.totalCount).toBe(result.edges.length);
  return result.edges.map((edge) => edge.node.title);
}

const titles = (...keys: Key[]) => keys.map((key) => T[key]);
const sorted = (values: string[]) => [...values].sort();
/** Same matches, whatever the order. */
async function matchesOf(filter: Record<string, unknown>) {
  return sorted(await titlesOf(filter, 'ENTRY_AMOUNT'));
}
const set = (...keys: Key[]) => sorted(titles(...keys));

async function errorOf(variables: Record<string, unknown>) {
  const response = await server.query<SearchResult>(SEARCH, variables);
  expect(response.status).toBe(200);
  expect(response.data?.offerings ?? null).toBeNull();
  return response.errors?.[0];
}

describe('without criteria', () => {
  it('lists every published offering of published suppliers, cheapest first by default', async () => {
    expect(await titlesOf(undefined)).toEqual(titles(...ALL_BY_ENTRY_AMOUNT));
    expect(await titlesOf({})).toEqual(titles(...ALL_BY_ENTRY_AMOUNT));
  });

  it('returns prices, entry amounts and suppliers', async () => {
    const byTitle = new Map((await search({})).edges.map((edge) => [edge.node.title, edge.node]));
    expect(byTitle.get(T.a2)).toMatchObject({
      entryAmount: 1_200,
      price: { amountFrom: 400, amountTo: null, unit: 'FLAT' },
      supplier: { name: 'Les Jardins de Metz' },
    });
    expect(byTitle.get(T.b1)).toMatchObject({ entryAmount: 12, price: { amountFrom: 12, amountTo: 18, unit: 'MEAL' } });
    expect(byTitle.get(T.b2)).toMatchObject({ entryAmount: 300, price: { amountFrom: 0.15, unit: 'PIECE' } });
    expect(byTitle.get(T.f1)).toMatchObject({ entryAmount: null, price: null, supplier: { name: 'GEIQ BTP Moselle Nord' } });
  });
});

describe('text', () => {
  it('matches offering titles, ignoring accents and case', async () => {
    expect(await titlesOf({ text: 'PLATANES' })).toEqual(titles('a3'));
    expect(await titlesOf({ text: 'velos reconditionnes' })).toEqual(titles('e2'));
  });

  it('matches offering descriptions', async () => {
    expect(await titlesOf({ text: 'coquelicots' })).toEqual(titles('a1'));
  });

  it('matches the keywords and the name of the offering category', async () => {
    // "gazon" is a keyword of "Tonte et débroussaillage", in no title or description.
    expect(await matchesOf({ text: 'gazon' })).toEqual(set('a1', 'h1'));
    // "kilomètre" is only in the name of the category "Livraison du dernier kilomètre à vélo".
    expect(await titlesOf({ text: 'KILOMETRE' })).toEqual(titles('e3'));
  });

  it('finds nothing for words the directory does not have', async () => {
    expect(await titlesOf({ text: 'astrophysique quantique' })).toEqual([]);
  });

  it('ranks title matches before description matches', async () => {
    const result = await titlesOf({ text: 'tonte' }, 'RELEVANCE');
    expect(result).toHaveLength(3);
    expect(sorted(result.slice(0, 2))).toEqual(set('a1', 'h1'));
    expect(result[2]).toBe(T.a2);
  });
});

describe('categories', () => {
  it('filters by category, by group, and by both (any of them)', async () => {
    expect(await matchesOf({ categorySlugs: ['tonte-debroussaillage'] })).toEqual(set('a1', 'h1'));
    expect(await matchesOf({ categoryGroupSlugs: ['espaces-verts'] })).toEqual(set('a1', 'a2', 'a3', 'h1'));
    expect(await matchesOf({ categoryGroupSlugs: ['impression-communication'], categorySlugs: ['reparation-velos'] })).toEqual(
      set('c1', 'e1'),
    );
  });

  it('filters each offering by its own category, not by its supplier’s other ones', async () => {
    expect(await matchesOf({ categorySlugs: ['taille-haies'] })).toEqual(set('a2'));
  });
});

describe('supplier criteria', () => {
  it('filters by the supplier’s kind, family and reserved market', async () => {
    expect(await matchesOf({ kinds: ['ESAT'] })).toEqual(set('b1', 'b2'));
    expect(await matchesOf({ kindFamilies: ['DISABILITY'] })).toEqual(set('b1', 'b2', 'c1'));
    expect(await matchesOf({ reservedMarkets: ['DISABILITY_SECTOR'] })).toEqual(set('b1', 'b2', 'c1'));
    // SIAE markets are open to EI, AI, ACI and ETTI: not to the GEIQ, nor to the EITI.
    expect(await matchesOf({ reservedMarkets: ['SIAE'] })).toEqual(set('a1', 'a2', 'a3', 'd1', 'd2', 'e1', 'e2', 'e3', 'h1'));
    expect(await matchesOf({ kindFamilies: ['INSERTION'] })).toEqual(
      set('a1', 'a2', 'a3', 'd1', 'd2', 'e1', 'e2', 'e3', 'f1', 'g1', 'h1'),
    );
    expect(await matchesOf({ kinds: ['ESAT'], kindFamilies: ['INSERTION'] })).toEqual([]);
  });

  it('filters by the service type of the offering, not of its supplier', async () => {
    expect(await matchesOf({ serviceTypes: ['GOODS'] })).toEqual(set('e2'));
    expect(await matchesOf({ serviceTypes: ['STAFF_PROVISION'] })).toEqual(set('d1', 'f1'));
    expect(await matchesOf({ serviceTypes: ['GOODS', 'STAFF_PROVISION'] })).toEqual(set('d1', 'e2', 'f1'));
  });

  it('keeps the offerings of one supplier', async () => {
    expect(await titlesOf({ supplierId: toGlobalId('Supplier', supplierIds.A) })).toEqual(titles('a1', 'a2', 'a3'));
    expect(await titlesOf({ supplierId: toGlobalId('Supplier', supplierIds.A), smallPurchase: {} })).toEqual(titles('a1', 'a2'));
  });

  it('finds no offering for a supplier that does not exist or is not published', async () => {
    expect(await titlesOf({ supplierId: toGlobalId('Supplier', 999_999) })).toEqual([]);
    expect(await titlesOf({ supplierId: toGlobalId('Supplier', supplierIds.U) })).toEqual([]);
    expect(await titlesOf({ supplierId: toGlobalId('Supplier', supplierIds.H) })).toEqual(titles('h1'));
  });
});

describe('small purchase', () => {
  const priced: Key[] = ['b1', 'd1', 'g1', 'a1', 'h1', 'e1', 'e3', 'd2', 'b2', 'e2', 'a2'];

  it('keeps offerings whose entry amount is under 15 000 € by default, never those on quote', async () => {
    expect(await titlesOf({ smallPurchase: {} })).toEqual(titles(...priced));
  });

  it('compares the entry amount: the price, or the minimum order when higher', async () => {
    // Priced 400 €, but the minimum order is 1 200 €.
    expect(await titlesOf({ smallPurchase: { maxAmount: 1_000 } })).toEqual(titles(...priced.filter((key) => key !== 'a2')));
    expect(await titlesOf({ smallPurchase: { maxAmount: 1_200 } })).toEqual(titles(...priced));
    // Priced 0.15 € a piece, but the minimum order is 300 €.
    expect(await titlesOf({ smallPurchase: { maxAmount: 299.99 } })).not.toContain(T.b2);
  });

  it('uses the lower bound of a price range, and includes the amount itself', async () => {
    expect(await titlesOf({ smallPurchase: { maxAmount: 12 } })).toEqual(titles('b1'));
    expect(await titlesOf({ smallPurchase: { maxAmount: 11.99 } })).toEqual([]);
  });

  it('takes a larger amount', async () => {
    expect(await titlesOf({ smallPurchase: { maxAmount: 25_000 } })).toEqual(titles(...priced, 'c1'));
  });

  it('combines with categories on the same offering', async () => {
    expect(await titlesOf({ categoryGroupSlugs: ['espaces-verts'], smallPurchase: { maxAmount: 1_000 } })).toEqual(titles('a1', 'h1'));
  });
});

describe('territory', () => {
  it('finds offerings of suppliers located in a commune, a département, a région', async () => {
    expect(await matchesOf({ territory: { communeCode: '57463', scope: 'LOCATED_IN' } })).toEqual(set('a1', 'a2', 'a3'));
    expect(await matchesOf({ territory: { departementCode: '57', scope: 'LOCATED_IN' } })).toEqual(set('a1', 'a2', 'a3', 'f1'));
    expect(await matchesOf({ territory: { regionCode: '44', scope: 'LOCATED_IN' } })).toEqual(
      set('a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'f1'),
    );
    expect(await matchesOf({ territory: { communeCode: '75056', scope: 'LOCATED_IN' } })).toEqual(set('h1'));
    // Located in Rennes, whatever the service area of the offering.
    expect(await matchesOf({ territory: { communeCode: '35238', scope: 'LOCATED_IN' } })).toEqual(set('d1', 'd2', 'e1', 'e2', 'e3'));
  });

  it('finds offerings serving a commune, local ones first', async () => {
    // Located in Metz, then serving it (départements 54+57, région 44, département 57), then
    // offered in all of France; cheapest first within each. The window cleaning of the national
    // supplier only serves Ille-et-Vilaine.
    const expected = titles('a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'f1', 'd1', 'e2');
    expect(await titlesOf({ territory: { communeCode: '57463' } }, 'RELEVANCE')).toEqual(expected);
    expect(await titlesOf({ territory: { communeCode: '57463' } })).toEqual(expected);
  });

  it('matches an offering with its own service area on that area instead of its supplier’s', async () => {
    // The Rennes workshop serves Ille-et-Vilaine, but ships its bikes to all of France;
    // the national cleaner only cleans windows in Ille-et-Vilaine.
    expect(await titlesOf({ territory: { communeCode: '29019' } })).toEqual(titles('d1', 'e2'));
    expect(await titlesOf({ territory: { departementCode: '29' } })).toEqual(titles('d1', 'e2'));
    expect(await matchesOf({ territory: { communeCode: '35238' } })).toEqual(set('d1', 'd2', 'e1', 'e2', 'e3'));
    // The Nancy ESAT serves 54 and 57, but does its mailings for Grand Est and Île-de-France.
    expect(await titlesOf({ territory: { communeCode: '75056' } })).toEqual(titles('h1', 'b2', 'd1', 'e2'));
    expect(await titlesOf({ territory: { regionCode: '11' }, excludeNationalOnly: true })).toEqual(titles('h1', 'b2'));
    const response = await search({ territory: { communeCode: '29019' } });
    const bikes = response.edges.find((edge) => edge.node.title === T.e2)!;
    const area = await server.query<{ node: { hasOwnServiceArea: boolean; serviceArea: { kind: string } } }>(
      `query($id: ID!) { node(id: $id) { ... on Offering { hasOwnServiceArea serviceArea { kind } } } }`,
      { id: bikes.node.id },
    );
    expect(area.data?.node).toEqual({ hasOwnServiceArea: true, serviceArea: { kind: 'NATIONAL' } });
  });

  it('reaches a département or a région through the service areas', async () => {
    expect(await matchesOf({ territory: { departementCode: '54' } })).toEqual(set('b1', 'b2', 'c1', 'd1', 'e2'));
    expect(await matchesOf({ territory: { regionCode: '53' } })).toEqual(set('d1', 'd2', 'e1', 'e2', 'e3'));
  });

  it('leaves out what is only offered nationally, on demand', async () => {
    expect(await titlesOf({ territory: { communeCode: '57463' }, excludeNationalOnly: true })).toEqual(
      titles('a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'f1'),
    );
    expect(await titlesOf({ territory: { communeCode: '29019' }, excludeNationalOnly: true })).toEqual([]);
    // Located in Rennes: national offerings stay.
    expect(await matchesOf({ territory: { communeCode: '35238' }, excludeNationalOnly: true })).toEqual(
      set('d1', 'd2', 'e1', 'e2', 'e3'),
    );
    // Without a territory: every offering whose own (or else its supplier's) area is national.
    expect(await titlesOf({ excludeNationalOnly: true })).toEqual(
      titles(...ALL_BY_ENTRY_AMOUNT.filter((key) => key !== 'd1' && key !== 'e2')),
    );
  });

  it('combines a territory with other criteria', async () => {
    expect(await titlesOf({ territory: { communeCode: '57463' }, kindFamilies: ['DISABILITY'], smallPurchase: {} })).toEqual(
      titles('b1', 'b2'),
    );
    expect(await titlesOf({ territory: { communeCode: '57463' }, text: 'tonte' })).toEqual(titles('a1', 'a2'));
  });
});

describe('orders', () => {
  it('orders by entry amount, offerings on quote last', async () => {
    expect(await titlesOf({}, 'ENTRY_AMOUNT')).toEqual(titles(...ALL_BY_ENTRY_AMOUNT));
  });

  it('orders by title, ignoring accents and case', async () => {
    expect(await titlesOf({}, 'TITLE')).toEqual(
      titles('d1', 'a3', 'c1', 'f1', 'b2', 'd2', 'g1', 'b1', 'e1', 'a2', 'a1', 'h1', 'e3', 'e2'),
    );
  });

  it('orders by most recent update, to the microsecond, then by most recent offering', async () => {
    // e1, a2 and c1 were updated last; the others share a time and come newest first.
    expect(await titlesOf({}, 'RECENTLY_UPDATED')).toEqual(
      titles('e1', 'a2', 'c1', 'h1', 'g1', 'f1', 'e3', 'e2', 'd2', 'd1', 'b2', 'b1', 'a3', 'a1'),
    );
  });

  it('orders by relevance: best text match first, then cheapest', async () => {
    const result = await titlesOf({ text: 'nettoyage' }, 'RELEVANCE');
    expect(sorted(result)).toEqual(set('d1', 'd2'));
    // Without text nor territory, relevance is the entry amount.
    expect(await titlesOf({}, 'RELEVANCE')).toEqual(titles(...ALL_BY_ENTRY_AMOUNT));
  });
});

describe('pagination', () => {
  const walks: [string, Record<string, unknown>][] = [
    ['ENTRY_AMOUNT', {}],
    ['TITLE', {}],
    ['RECENTLY_UPDATED', {}],
    ['RELEVANCE', {}],
    ['RELEVANCE', { territory: { communeCode: '57463' } }],
    ['RELEVANCE', { text: 'tonte' }],
    ['RELEVANCE', { text: 'tonte', territory: { communeCode: '57463' } }],
    ['ENTRY_AMOUNT', { territory: { communeCode: '29019' }, smallPurchase: {} }],
  ];
  for (const [orderBy, filter] of walks) {
    it(`walks every match exactly once by pages of 2, ordered by ${orderBy}, filter ${JSON.stringify(filter)}`, async () => {
      const all = await search(filter, orderBy, 100);
      expect(all.edges.length).toBeGreaterThan(1);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page += 1) {
        const connection: SearchResult['offerings'] = await search(filter, orderBy, 2, after);
        expect(connection.totalCount).toBe(all.totalCount);
        expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
        expect(connection.edges.length).toBeLessThanOrEqual(2);
        seen.push(...connection.edges.map((edge) => edge.node.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.edges.map((edge) => edge.node.id));
      expect(new Set(seen).size).toBe(all.totalCount);
    });
  }

  it('counts every match while returning one page', async () => {
    const page = await search({}, 'TITLE', 3);
    expect(page.edges).toHaveLength(3);
    expect(page.totalCount).toBe(ALL_BY_ENTRY_AMOUNT.length);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect((await search({ categoryGroupSlugs: ['espaces-verts'] }, 'TITLE', 1)).totalCount).toBe(4);
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['an unknown category', { filter: { categorySlugs: ['licornes'] } }],
    ['an unknown category group', { filter: { categoryGroupSlugs: ['licornes'] } }],
    ['a page size over the cap', { first: 101 }],
    ['a negative page size', { first: -1 }],
    ['a garbage cursor', { after: 'garbage' }],
    ['a negative small-purchase amount', { filter: { smallPurchase: { maxAmount: -1 } } }],
    ['an unknown commune', { filter: { territory: { communeCode: '99999' } } }],
    ['a malformed supplier ID', { filter: { supplierId: 'not-an-id' } }],
  ];
  for (const [name, variables] of cases) {
    it(`answers ${name} with BAD_USER_INPUT and a message`, async () => {
      const error = await errorOf({ first: 10, ...variables });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.message.length).toBeGreaterThan(10);
    });
  }

  it('refuses the ID of another type as supplierId', async () => {
    const [offering] = (await search({}, 'TITLE', 1)).edges;
    for (const supplierId of [offering.node.id, toGlobalId('Category', 'tonte-debroussaillage')]) {
      const error = await errorOf({ filter: { supplierId } });
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.supplierId' });
    }
  });

  it('refuses a supplier ID whose key is beyond PostgreSQL\'s integer (issue 13)', async () => {
    for (const supplierId of ['U3VwcGxpZXI6MjE0NzQ4MzY0OA', toGlobalId('Supplier', 2 ** 53 + 1)]) {
      const error = await errorOf({ filter: { supplierId } });
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.supplierId' });
      expect(error?.message).toMatch(/^Identifiant invalide/);
    }
  });

  it('refuses cursors whose values are not of the types their order expects, in every order (issue 13)', async () => {
    const orders: [string, Record<string, unknown> | undefined][] = [
      ['RELEVANCE', { text: 'tonte', territory: { communeCode: '57463', radiusKm: 30 } }],
      ['ENTRY_AMOUNT', undefined],
      ['TITLE', undefined],
      ['RECENTLY_UPDATED', undefined],
      ['UPDATED_ASC', undefined],
    ];
    for (const [orderBy, filter] of orders) {
      for (const after of wrongTypedCursors((await search(filter, orderBy, 1)).pageInfo.endCursor!)) {
        const error = await errorOf({ filter, orderBy, first: 1, after });
        expect(error, `${orderBy} ${Buffer.from(after, 'base64url').toString()}`).toMatchObject({
          message: expect.stringMatching(/^Curseur invalide/),
          extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
        });
      }
    }
  });

  it('takes a radius too small to mean anything as 0, with the same results (issue 13: 5e-324)', async () => {
    const around = (radiusKm: number) => matchesOf({ territory: { communeCode: '57463', radiusKm, scope: 'LOCATED_IN' } });
    expect(await around(5e-324)).toEqual(await around(0));
  });

  it('refuses a cursor of another ordering, or of the supplier search', async () => {
    const byTitle = await search({}, 'TITLE', 1);
    const error = await errorOf({ filter: {}, orderBy: 'ENTRY_AMOUNT', first: 1, after: byTitle.pageInfo.endCursor });
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');

    const suppliers = await server.query<{ suppliers: { pageInfo: { endCursor: string } } }>(
      `{ suppliers(first: 1, orderBy: RELEVANCE) { pageInfo { endCursor } } }`,
    );
    expect(suppliers.errors).toBeUndefined();
    const foreign = await errorOf({ orderBy: 'RELEVANCE', first: 1, after: suppliers.data!.suppliers.pageInfo.endCursor });
    expect(foreign?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
