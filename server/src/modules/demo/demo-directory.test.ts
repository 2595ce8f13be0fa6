import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidSiret } from '../suppliers/siret.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { loadDemoDirectory, type DemoLoadReport } from './demo-directory.js';

/**
 * The demo directory loaded into a real PostgreSQL (territories and taxonomy in): what the
 * loader reports, what it writes, what the API shows, and that a seed gives the same rows.
 */
const COUNT = 600;
const SEED = 7;
/** Enough suppliers for every région to get some, whatever its population. */
const LARGE_COUNT = 2_000;

/** The 13 régions of metropolitan France (INSEE codes). */
const METROPOLITAN_REGIONS = ['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94'];

let database: TestDatabase;
let server: TestServer;
let report: DemoLoadReport;

beforeAll(async () => {
  database = await createTestDatabase();
  report = await loadDemoDirectory(database.db, { count: COUNT, seed: SEED });
  server = await startTestServer(database.db);
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function one<T>(sql: string, parameters: unknown[] = []): Promise<T> {
  const [row] = await database.db.query(sql, parameters);
  return row as T;
}

describe('loadDemoDirectory', () => {
  it('reports the rows it wrote', async () => {
    const counts = await one<{ suppliers: number; offerings: number }>(
      `SELECT (SELECT count(*)::int FROM supplier) AS suppliers, (SELECT count(*)::int FROM offering) AS offerings`,
    );
    expect(report.suppliers).toBe(COUNT);
    expect(counts).toEqual(report);
    expect(report.offerings).toBeGreaterThanOrEqual(COUNT);
  });

  it('writes only demo suppliers, each with a valid and unique SIRET', async () => {
    const rows = await database.db.query<{ siret: string; data_source: string }[]>(`SELECT siret, data_source FROM supplier`);
    expect(rows).toHaveLength(COUNT);
    expect(rows.filter((row) => row.data_source !== 'DEMO')).toEqual([]);
    expect(rows.filter((row) => !isValidSiret(row.siret))).toEqual([]);
    expect(new Set(rows.map((row) => row.siret)).size).toBe(COUNT);
  });

  it('places every supplier in a commune that exists, with its département and région', async () => {
    const misplaced = await database.db.query(
      `SELECT s.siret, s.commune_code FROM supplier s LEFT JOIN commune c ON c.code = s.commune_code
       WHERE c.code IS NULL OR s.departement_code <> c.departement_code OR s.region_code <> c.region_code
          OR s.municipality_code <> coalesce(c.parent_code, c.code)`,
    );
    expect(misplaced).toEqual([]);
  });

  it('fills the typo lexicon with the words of the directory', async () => {
    const { words } = await one<{ words: number }>(`SELECT count(*)::int AS words FROM search_word`);
    expect(words).toBeGreaterThan(500);
    // Every name ends with " (démo)".
    const { known } = await one<{ known: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM search_word WHERE word = ANY(ARRAY(SELECT lexeme FROM unnest(to_tsvector('french_unaccent', 'démo'))))) AS known`,
    );
    expect(known).toBe(true);
  });
});

describe('the demo directory through the API', () => {
  interface Page {
    suppliers: {
      totalCount: number;
      edges: {
        node: {
          siret: string;
          isDemo: boolean;
          dataSource: string;
          name: string;
          address: { commune: { code: string } };
          categories: { slug: string }[];
          offerings: { category: { slug: string } }[];
        };
      }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  }

  it('shows every supplier as DEMO, in its commune, with its categories', async () => {
    const rows = await database.db.query<{ siret: string; commune_code: string }[]>(`SELECT siret, commune_code FROM supplier`);
    const communeBySiret = new Map(rows.map((row) => [row.siret, row.commune_code]));
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < COUNT / 100 + 1; page += 1) {
      const response: Awaited<ReturnType<typeof server.query<Page>>> = await server.query<Page>(
        `query($after: String) { suppliers(first: 100, after: $after, orderBy: NAME) {
          totalCount edges { node { siret isDemo dataSource name address { commune { code } }
            categories { slug } offerings { category { slug } } } }
          pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(response.errors).toBeUndefined();
      const { suppliers } = response.data!;
      expect(suppliers.totalCount).toBe(COUNT);
      for (const { node } of suppliers.edges) {
        expect(node).toMatchObject({ isDemo: true, dataSource: 'DEMO' });
        expect(node.name).toMatch(/\(démo\)$/);
        expect(node.address.commune.code).toBe(communeBySiret.get(node.siret));
        // The derived categories (search columns) are filled and hold those of the offerings.
        const categories = node.categories.map((category) => category.slug);
        expect(categories.length).toBeGreaterThan(0);
        expect(node.offerings.length).toBeGreaterThan(0);
        for (const offering of node.offerings) expect(categories).toContain(offering.category.slug);
        seen.push(node.siret);
      }
      if (!suppliers.pageInfo.hasNextPage) break;
      after = suppliers.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(COUNT);
  });

  it('finds every demo supplier by text, so every search document is filled', async () => {
    const response = await server.query<{ suppliers: { totalCount: number }; offerings: { totalCount: number } }>(
      `{ suppliers(filter: { text: "démo" }) { totalCount } offerings(filter: { smallPurchase: {} }) { totalCount } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.suppliers.totalCount).toBe(COUNT);
    expect(response.data!.offerings.totalCount).toBeGreaterThan(0);
    expect(response.data!.offerings.totalCount).toBeLessThanOrEqual(report.offerings);
  });
});

describe('determinism', () => {
  /** The rows a seed decides, in an order that does not depend on generated IDs. */
  async function projection(db: TestDatabase['db']) {
    const suppliers = await db.query(
      `SELECT siret, legal_name, brand_name, kind, commune_code, latitude, longitude, service_area_kind,
              service_area_region_codes, service_area_departement_codes, service_area_radius_km, tags
       FROM supplier ORDER BY siret`,
    );
    const offerings = await db.query(
      `SELECT s.siret, o.title, o.price_from, o.price_to, o.price_unit, o.minimum_order_amount, c.slug AS category
       FROM offering o JOIN supplier s ON s.id = o.supplier_id JOIN category c ON c.id = o.category_id
       ORDER BY s.siret, o.title, o.id`,
    );
    return { suppliers, offerings };
  }

  it('writes the same rows for the same seed into another database', async () => {
    const other = await createTestDatabase();
    try {
      const otherReport = await loadDemoDirectory(other.db, { count: COUNT, seed: SEED });
      expect(otherReport).toEqual(report);
      const [first, second] = await Promise.all([projection(database.db), projection(other.db)]);
      expect(first.suppliers).toHaveLength(COUNT);
      expect(second).toEqual(first);
    } finally {
      await other.drop();
    }
  }, 120_000);
});

describe('coverage', () => {
  it(`gives suppliers to every région of metropolitan France, for ${LARGE_COUNT} suppliers`, async () => {
    const large = await createTestDatabase();
    try {
      const metropolitan = await large.db.query<{ code: string }[]>(
        `SELECT code FROM region WHERE length(code) = 2 AND code >= '11' ORDER BY code`,
      );
      expect(metropolitan.map((row) => row.code)).toEqual(METROPOLITAN_REGIONS);
      await loadDemoDirectory(large.db, { count: LARGE_COUNT, seed: SEED });
      const rows = await large.db.query<{ region_code: string; suppliers: number }[]>(
        `SELECT region_code, count(*)::int AS suppliers FROM supplier GROUP BY region_code`,
      );
      const byRegion = new Map(rows.map((row) => [row.region_code, row.suppliers]));
      expect(METROPOLITAN_REGIONS.filter((code) => !byRegion.has(code))).toEqual([]);
      expect(rows.reduce((sum, row) => sum + row.suppliers, 0)).toBe(LARGE_COUNT);
    } finally {
      await large.drop();
    }
  }, 120_000);
});
