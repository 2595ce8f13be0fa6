import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PriceUnit } from '../offerings/price-unit.js';
import { ServiceAreaKind } from '../suppliers/service-area.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';
import { insertSupplier } from '../../test-support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

/**
 * The default order (README, "Ranking") and what a result says of itself (README, "Say
 * why"), on a few suppliers around Metz built for each rule: local first, typed names and
 * SIRETs first, words that count, ties broken by completeness, matching offerings only.
 */
let database: TestDatabase;
let server: TestServer;
const sirets: Record<string, string> = {};

const NAMES = {
  metzCleaning: 'Propreté Messine',
  nancyCleaning: 'Net Lorraine Services',
  nationalCleaning: 'Clean Partout',
  bikeParking: 'Vélos Gardés',
  security: 'Sécurité Solidaire',
  caterer: 'Traiteur du Centre',
  seminars: 'Séminaires et Compagnie',
  mowingMinimal: 'Tonte Alpha',
  mowingComplete: 'Tonte Zeta',
} as const;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const metz = '57463';
  await insertSupplier(db, {
    legalName: NAMES.metzCleaning,
    communeCode: metz,
    description: 'Entreprise de propreté de l’économie solidaire, attentive à la sécurité de ses équipes.',
    offerings: [
      { title: 'Nettoyage de bureaux', categorySlug: 'nettoyage-bureaux', priceFrom: 25, priceUnit: PriceUnit.HOUR },
      { title: 'Rénovation de façades', categorySlug: 'peinture-exterieure-ravalement', priceFrom: 20, priceUnit: PriceUnit.FLAT },
    ],
  });
  await insertSupplier(db, {
    legalName: NAMES.nancyCleaning,
    kind: SupplierKind.EA,
    communeCode: '54395',
    serviceArea: { kind: ServiceAreaKind.REGIONS, regionCodes: ['44'] },
    offerings: [{ title: 'Nettoyage de bureaux et de locaux', categorySlug: 'nettoyage-bureaux', priceFrom: 30, priceUnit: PriceUnit.HOUR }],
  });
  await insertSupplier(db, {
    legalName: NAMES.nationalCleaning,
    kind: SupplierKind.ETTI,
    communeCode: '97411',
    serviceArea: { kind: ServiceAreaKind.NATIONAL },
    offerings: [{ title: 'Agents de nettoyage de bureaux', categorySlug: 'nettoyage-bureaux', priceFrom: 28, priceUnit: PriceUnit.HOUR }],
  });
  await insertSupplier(db, {
    legalName: NAMES.bikeParking,
    kind: SupplierKind.ACI,
    communeCode: metz,
    offerings: [{ title: 'Gestion de vélostation', categorySlug: 'parkings-velostations', priceFrom: 1200, priceUnit: PriceUnit.MONTH }],
  });
  await insertSupplier(db, {
    legalName: NAMES.security,
    communeCode: '57672',
    serviceArea: { kind: ServiceAreaKind.DEPARTEMENTS, departementCodes: ['57'] },
    offerings: [{ title: 'Surveillance de sites', categorySlug: 'gardiennage-surveillance', priceFrom: 24, priceUnit: PriceUnit.HOUR }],
  });
  await insertSupplier(db, {
    legalName: NAMES.caterer,
    kind: SupplierKind.ESAT,
    communeCode: metz,
    offerings: [{ title: 'Buffet traiteur', categorySlug: 'traiteur-evenementiel', priceFrom: 15, priceUnit: PriceUnit.PERSON }],
  });
  await insertSupplier(db, {
    legalName: NAMES.seminars,
    kind: SupplierKind.EA,
    communeCode: metz,
    offerings: [{ title: 'Organisation de séminaires', categorySlug: 'organisation-seminaires', priceFrom: 500, priceUnit: PriceUnit.FLAT }],
  });
  for (const legalName of [NAMES.mowingMinimal, NAMES.mowingComplete]) {
    await insertSupplier(db, {
      legalName,
      communeCode: metz,
      serviceTypes: [],
      offerings: [{ title: 'Tonte', categorySlug: 'tonte-debroussaillage', priceFrom: 40, priceUnit: PriceUnit.HOUR }],
      updatedAt: '2026-01-01T00:00:00Z',
    });
  }
  // The same offer, the other profile complete: contact, website, presentation, ways of working.
  await db.query(
    `UPDATE supplier SET email = 'contact@example.org', website = 'https://example.org', service_types = '{SERVICES}',
       description = repeat('Tonte des espaces verts des collectivités. ', 6)
     WHERE legal_name = $1`,
    [NAMES.mowingComplete],
  );
  await db.query(`SELECT refresh_supplier_search(ARRAY(SELECT id FROM supplier))`);
  for (const row of await db.query<{ legal_name: string; siret: string }[]>('SELECT legal_name, siret FROM supplier')) sirets[row.legal_name] = row.siret;
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const RESULTS = `query($filter: SupplierFilter, $orderBy: SupplierOrder, $amount: Float) {
  suppliers(filter: $filter, orderBy: $orderBy, first: 20) {
    totalCount
    edges {
      territoryMatch
      directPurchasePossible
      node { name }
      cheapestMatchingOffering { title entryAmount directPurchasePossible low: directPurchasePossible(amount: $amount) }
      matchReasons { categories { slug } offerings { title } textFields matchedWords missingWords }
    }
  }
}`;

interface Edge {
  territoryMatch: string | null;
  directPurchasePossible: boolean;
  node: { name: string };
  cheapestMatchingOffering: { title: string; entryAmount: number; directPurchasePossible: boolean; low: boolean } | null;
  matchReasons: { categories: { slug: string }[]; offerings: { title: string }[]; textFields: string[]; matchedWords: string[]; missingWords: string[] };
}

async function search(filter: Record<string, unknown>, options: { orderBy?: string; amount?: number } = {}) {
  const response = await server.query<{ suppliers: { totalCount: number; edges: Edge[] } }>(RESULTS, { filter, orderBy: options.orderBy, amount: options.amount ?? 20 });
  expect(response.errors).toBeUndefined();
  return response.data!.suppliers;
}

const names = (edges: Edge[]) => edges.map((edge) => edge.node.name);
const metz = { communeCode: '57463' };

describe('the default order: local first, then relevance', () => {
  it('puts the supplier located in the place first, then those serving it, national-only last', async () => {
    const result = await search({ text: 'nettoyage de bureaux', territory: metz });
    expect(names(result.edges)).toEqual([NAMES.metzCleaning, NAMES.nancyCleaning, NAMES.nationalCleaning]);
    expect(result.edges.map((edge) => edge.territoryMatch)).toEqual(['LOCATED_IN', 'SERVES', 'SERVES_NATIONALLY']);
    // The same order with the categories alone.
    expect(names((await search({ categorySlugs: ['nettoyage-bureaux'], territory: metz })).edges)).toEqual([
      NAMES.metzCleaning, NAMES.nancyCleaning, NAMES.nationalCleaning,
    ]);
  });

  it('leaves out what mentions a word in passing when others do the trade: "gardiennage" is not bike parking', async () => {
    // The bike parking of Metz holds "gardiennage" only in a keyword of its activity ("gardiennage de vélos").
    expect(names((await search({ text: 'gardiennage', territory: metz })).edges)).toEqual([NAMES.security]);
  });

  it('never answers nothing when some word matches: with no supplier holding every word, those holding some', async () => {
    const result = await search({ text: 'traiteur pour un séminaire', territory: metz });
    expect(names(result.edges).sort()).toEqual([NAMES.caterer, NAMES.seminars].sort());
    const caterer = result.edges.find((edge) => edge.node.name === NAMES.caterer)!;
    // Stop words are no words: "pour", "un".
    expect(caterer.matchReasons.matchedWords).toEqual(['traiteur']);
    expect(caterer.matchReasons.missingWords).toEqual(['séminaire']);
  });

  it('puts a structure whose name is typed first, even serving the place from further away', async () => {
    // The Metz cleaner holds "sécurité" and "solidaire" in its presentation, and is located in Metz.
    const result = await search({ text: 'securite solidaire', territory: metz });
    expect(result.edges[0].node.name).toBe(NAMES.security);
    expect(result.edges[0].matchReasons.textFields[0]).toBe('NAME');
  });

  it('finds a structure by its SIRET or SIREN, spaces allowed, first whatever its tier', async () => {
    const siret = sirets[NAMES.nationalCleaning];
    for (const text of [siret, `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`, siret.slice(0, 9)]) {
      const result = await search({ text, territory: metz });
      expect(names(result.edges), text).toEqual([NAMES.nationalCleaning]);
      expect(result.edges[0].matchReasons.textFields).toEqual(['SIRET']);
      expect(result.edges[0].matchReasons.matchedWords).toEqual([text.replace(/\D/g, '')]);
    }
  });

  it('breaks ties by completeness, then freshness, not by the alphabet', async () => {
    const result = await search({ categorySlugs: ['tonte-debroussaillage'], territory: metz });
    expect(names(result.edges)).toEqual([NAMES.mowingComplete, NAMES.mowingMinimal]);
  });
});

describe('why a supplier matched', () => {
  it('names the activities and the offerings that matched, and where the words were found', async () => {
    const [edge] = (await search({ text: 'nettoyage de bureaux', territory: metz })).edges;
    expect(edge.matchReasons).toEqual({
      categories: [{ slug: 'nettoyage-bureaux' }],
      offerings: [{ title: 'Nettoyage de bureaux' }],
      // "propreté", a synonym of "nettoyage", is in its name and presentation.
      textFields: ['NAME', 'ACTIVITY', 'OFFERING', 'KEYWORD', 'DESCRIPTION'],
      matchedWords: ['nettoyage', 'bureaux'],
      missingWords: [],
    });
  });

  it('says why for pages read in SQL too (UPDATED_ASC, for mirrors)', async () => {
    const result = await search({ text: 'nettoyage de bureaux', territory: metz }, { orderBy: 'UPDATED_ASC' });
    expect(names(result.edges).sort()).toEqual([NAMES.metzCleaning, NAMES.nancyCleaning, NAMES.nationalCleaning].sort());
    for (const edge of result.edges) expect(edge.matchReasons.matchedWords).toEqual(['nettoyage', 'bureaux']);
  });

  it('shows the cheapest offering matching the search, never an unrelated one', async () => {
    const cheapest = async (filter: Record<string, unknown>) =>
      (await search({ ...filter, territory: { ...metz, scope: 'LOCATED_IN' } })).edges.find((edge) => edge.node.name === NAMES.metzCleaning)!.cheapestMatchingOffering;
    // The façades (20 €) are cheaper, but not what was searched.
    expect((await cheapest({ text: 'nettoyage de bureaux' }))?.title).toBe('Nettoyage de bureaux');
    expect((await cheapest({ categorySlugs: ['nettoyage-bureaux'] }))?.title).toBe('Nettoyage de bureaux');
    // Nothing searched: the cheapest of all.
    expect((await cheapest({ kinds: ['EI'] }))?.title).toBe('Rénovation de façades');
    // Matched by its presentation only: no offering matches.
    expect(await cheapest({ text: 'solidaire' })).toBeNull();
  });

  it('says whether a buyer can buy directly, by the one rule of the filter', async () => {
    const [edge] = (await search({ text: 'nettoyage de bureaux', territory: metz }, { amount: 20 })).edges;
    expect(edge.directPurchasePossible).toBe(true);
    expect(edge.cheapestMatchingOffering).toMatchObject({ entryAmount: 25, directPurchasePossible: true, low: false });
    const filtered = await search({ categorySlugs: ['nettoyage-bureaux'], smallPurchase: { maxAmount: 26 }, territory: metz });
    expect(names(filtered.edges)).toEqual([NAMES.metzCleaning]);
    expect(filtered.edges.every((found) => found.directPurchasePossible)).toBe(true);
    // Under 26 € in the searched category: the 20 € façades do not count.
    const [cleaner] = (await search({ categorySlugs: ['nettoyage-bureaux'], smallPurchase: { maxAmount: 22 }, territory: { ...metz, scope: 'LOCATED_IN' } })).edges;
    expect(cleaner).toBeUndefined();
  });
});

describe('text and amounts a search refuses, in French', () => {
  const refusals: [string, Record<string, unknown>, RegExp][] = [
    ['a text without a searchable word', { text: '***' }, /^Aucun mot exploitable dans « \*\*\* »/],
    ['a text of stop words only', { text: 'pour les' }, /^Aucun mot exploitable dans « pour les »/],
    ['markup without words', { text: '<script>alert(1)</script>' }, /^Aucun mot exploitable/],
    ['a text over 200 characters', { text: 'nettoyage '.repeat(21) }, /^Le texte recherché fait 209 caractères : 200 au plus/],
    ['a zero amount', { smallPurchase: { maxAmount: 0 } }, /^Montant d'achat direct invalide \(0\)/],
    ['a negative amount', { smallPurchase: { maxAmount: -5 } }, /^Montant d'achat direct invalide/],
  ];
  for (const [name, filter, message] of refusals) {
    it(`refuses ${name} with BAD_USER_INPUT`, async () => {
      const response = await server.query(RESULTS, { filter });
      expect(response.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', argument: expect.stringMatching(/^filter\./) } });
    });
  }

  it('refuses NUL before anything runs, and searches around other control characters', async () => {
    const nul = await server.query(RESULTS, { filter: { text: '\u0000nettoyage' } });
    expect(nul.status).toBe(400);
    expect(nul.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const controls = await server.query<{ suppliers: { totalCount: number } }>(RESULTS, { filter: { text: '\u0001nettoyage\u007f\u0085 de\tbureaux\n' } });
    expect(controls.errors).toBeUndefined();
    expect(controls.data!.suppliers.totalCount).toBe(3);
    expect(controls.sqlStatements.every((statement) => !JSON.stringify(statement.parameters).match(/\\u00(0[1-9a-f]|1[0-9a-f]|7f)/))).toBe(true);
  });

  it('refuses an amount that is not positive in Offering.directPurchasePossible', async () => {
    const response = await server.query(`{ suppliers(first: 1) { edges { node { offerings { directPurchasePossible(amount: 0) } } } } }`);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'amount' } });
  });
});

describe('facets tell what ticking finds', () => {
  it('counts reserved markets with the kinds ticked (issue 14: "Marché réservé handicap (14)" gave 0)', async () => {
    const response = await server.query<{ suppliers: { facets: { reservedMarkets: { reservedMarket: string; count: number }[]; kindFamilies: { family: string; count: number }[] } } }>(
      `query($filter: SupplierFilter) { suppliers(filter: $filter) { facets { reservedMarkets { reservedMarket count } kindFamilies { family count } } } }`,
      { filter: { kinds: ['EI'] } },
    );
    const { reservedMarkets, kindFamilies } = response.data!.suppliers.facets;
    expect(Object.fromEntries(reservedMarkets.map((facet) => [facet.reservedMarket, facet.count]))).toEqual({ SIAE: 4, DISABILITY_SECTOR: 0 });
    expect(Object.fromEntries(kindFamilies.map((facet) => [facet.family, facet.count]))).toEqual({ INSERTION: 4, DISABILITY: 0 });
  });
});
