import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSqlStatements, type SqlStatistics } from '../../core/database/sql-statistics.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { createTerritoryLoaders } from './territory.loaders.js';
import { TerritoryKind, listDepartements, listRegions, searchTerritories, type TerritorySearchHit } from './territory.service.js';

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
});

afterAll(async () => {
  await test?.drop();
});

/** "KIND:code" of each hit, for readable assertions. */
async function search(text: string, kinds: TerritoryKind[] | null = null, limit = 10): Promise<string[]> {
  const hits: TerritorySearchHit[] = await searchTerritories(test.db, text, kinds, limit);
  return hits.map((hit) => `${hit.kind}:${hit.entity.code}`);
}

describe('searchTerritories', () => {
  it('finds communes whatever the accents, hyphens and case', async () => {
    for (const text of ['Saint-Étienne', 'saint etienne', 'SAINT ETIENNE', 'st etienne', 'St-Étienne']) {
      expect((await search(text))[0], text).toBe('COMMUNE:42218');
    }
  });

  it('puts the exact name first, then the largest communes', async () => {
    const metz = await search('metz');
    expect(metz[0]).toBe('COMMUNE:57463');
    expect(metz.length).toBeGreaterThan(1);
    const hits = await searchTerritories(test.db, 'saint', [TerritoryKind.COMMUNE], 5);
    const populations = hits.map((hit) => (hit.kind === TerritoryKind.COMMUNE ? (hit.entity.population ?? 0) : 0));
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it('finds communes by the beginning of their name', async () => {
    expect(await search('marseil', [TerritoryKind.COMMUNE], 1)).toEqual(['COMMUNE:13055']);
    expect(await search('thionv', null, 1)).toEqual(['COMMUNE:57672']);
  });

  it('tolerates typos', async () => {
    expect((await search('marseile'))[0]).toBe('COMMUNE:13055');
    expect((await search('strasbour'))[0]).toBe('COMMUNE:67482');
    expect((await search('bordeau'))[0]).toBe('COMMUNE:33063');
  });

  it('returns Paris before its arrondissements', async () => {
    const paris = await search('Paris', [TerritoryKind.COMMUNE], 25);
    expect(paris[0]).toBe('COMMUNE:75056');
    expect(paris).toContain('COMMUNE:75108');
  });

  it('finds communes by postal code, exact or by its first digits', async () => {
    expect(await search('57000')).toEqual(['COMMUNE:57463']);
    const paris8 = await search('75008');
    expect(paris8).toEqual(expect.arrayContaining(['COMMUNE:75108', 'COMMUNE:75056']));
    expect(paris8).toHaveLength(2);
    const prefix = await searchTerritories(test.db, '570', null, 50);
    expect(prefix.length).toBeGreaterThan(5);
    expect(prefix[0]?.entity.code).toBe('57463');
    for (const hit of prefix) {
      expect(hit.kind === TerritoryKind.COMMUNE && hit.entity.postalCodes.some((code) => code.startsWith('570'))).toBe(true);
    }
  });

  it('finds communes by INSEE code, Corsican and overseas ones included', async () => {
    expect(await search('57463')).toEqual(['COMMUNE:57463']);
    expect(await search('2A004')).toEqual(['COMMUNE:2A004']);
    // 97411 is also a postal code of Saint-Paul: postal codes come first.
    expect(await search('97411')).toEqual(['COMMUNE:97415', 'COMMUNE:97411']);
    const lyon1 = await search('69001');
    expect(lyon1.slice(0, 2)).toEqual(['COMMUNE:69123', 'COMMUNE:69381']);
    expect(lyon1[2]).toBe('COMMUNE:69001');
  });

  it('finds départements by code and by name', async () => {
    expect(await search('57')).toEqual(['DEPARTEMENT:57']);
    expect(await search('2A')).toEqual(['DEPARTEMENT:2A']);
    expect(await search('20')).toEqual(['DEPARTEMENT:2A', 'DEPARTEMENT:2B']);
    expect((await search('971'))[0]).toBe('DEPARTEMENT:971');
    expect((await search('Moselle'))[0]).toBe('DEPARTEMENT:57');
    expect((await search('cotes d armor'))[0]).toBe('DEPARTEMENT:22');
  });

  it('finds régions by name', async () => {
    expect((await search('bretagne'))[0]).toBe('REGION:53');
    expect((await search('Île-de-France'))[0]).toBe('REGION:11');
    expect((await search('grand est'))[0]).toBe('REGION:44');
    expect((await search('provence alpes'))[0]).toBe('REGION:93');
  });

  it('filters by kind and honours the limit', async () => {
    expect(await search('bretagne', [TerritoryKind.REGION])).toEqual(['REGION:53']);
    const communes = await search('bretagne', [TerritoryKind.COMMUNE]);
    expect(communes.length).toBeGreaterThan(0);
    expect(communes.every((hit) => hit.startsWith('COMMUNE:'))).toBe(true);
    expect(await search('saint', null, 3)).toHaveLength(3);
    expect(await search('57', [TerritoryKind.COMMUNE])).toEqual([]);
    expect(await search('metz', [])).toEqual([]);
  });

  it('refuses empty searches and limits out of range', async () => {
    await expect(searchTerritories(test.db, '  -- ', null, 10)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'search' },
    });
    await expect(searchTerritories(test.db, 'metz', null, 51)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    await expect(searchTerritories(test.db, 'metz', null, 0)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    await expect(searchTerritories(test.db, 'x'.repeat(101), null, 10)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'search' },
    });
  });

  it('builds complete entities', async () => {
    const [hit] = await searchTerritories(test.db, '57463', null, 1);
    expect(hit?.kind).toBe(TerritoryKind.COMMUNE);
    expect(hit?.entity).toMatchObject({
      code: '57463',
      name: 'Metz',
      kind: 'COMMUNE',
      departementCode: '57',
      regionCode: '44',
      parentCode: null,
      centreApproximate: false,
    });
    const [departement] = await searchTerritories(test.db, '57', null, 1);
    expect(departement?.entity).toMatchObject({ code: '57', name: 'Moselle', regionCode: '44' });
  });

  it('runs one SQL statement per search', async () => {
    const statistics: SqlStatistics = { statements: [] };
    await recordSqlStatements(statistics, () => searchTerritories(test.db, 'saint etienne', null, 10));
    expect(statistics.statements).toHaveLength(1);
  });
});

describe('lists', () => {
  it('lists régions by name, accents ignored', async () => {
    const names = (await listRegions(test.db)).map((region) => region.name);
    expect(names).toHaveLength(26);
    expect(names.indexOf('Île-de-France')).toBeLessThan(names.indexOf('La Réunion'));
    expect(names.indexOf('Auvergne-Rhône-Alpes')).toBe(0);
  });

  it('lists départements by code, optionally of one région', async () => {
    expect((await listDepartements(test.db, null)).length).toBe(109);
    expect((await listDepartements(test.db, '44')).map((departement) => departement.code)).toEqual([
      '08', '10', '51', '52', '54', '55', '57', '67', '68', '88',
    ]);
    expect(await listDepartements(test.db, '99')).toEqual([]);
    await expect(listDepartements(test.db, 'abc!')).rejects.toThrow(/not a région code/);
  });
});

describe('createTerritoryLoaders', () => {
  it('loads in key order, with null or empty lists for unknown keys, one query per loader', async () => {
    const loaders = createTerritoryLoaders(test.db);
    const statistics: SqlStatistics = { statements: [] };
    const [regions, departements, communes, byRegion, arrondissements] = await recordSqlStatements(statistics, () =>
      Promise.all([
        loaders.regionByCode.loadMany(['53', '99', '44']),
        loaders.departementByCode.loadMany(['2A', '57', '00']),
        loaders.communeByCode.loadMany(['75108', '57463', '00000']),
        Promise.all(['53', '99', '44'].map((code) => loaders.departementsByRegionCode.load(code))),
        Promise.all(['13055', '57463', '69123', '75056'].map((code) => loaders.arrondissementsByCommuneCode.load(code))),
      ]),
    );
    expect(statistics.statements).toHaveLength(5);
    expect(regions.map((region) => (region && !(region instanceof Error) ? region.code : null))).toEqual(['53', null, '44']);
    expect(departements.map((row) => (row && !(row instanceof Error) ? row.code : null))).toEqual(['2A', '57', null]);
    expect(communes.map((row) => (row && !(row instanceof Error) ? row.code : null))).toEqual(['75108', '57463', null]);
    expect(byRegion.map((list) => list.length)).toEqual([4, 0, 10]);
    expect(byRegion[0]?.map((row) => row.code)).toEqual(['22', '29', '35', '56']);
    expect(arrondissements.map((list) => list.length)).toEqual([16, 0, 9, 20]);
    expect(arrondissements[3]?.[0]?.code).toBe('75101');
  });
});
