import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config/config.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { normalizeSearchText } from './territory-matching.js';
import { loadTerritories, type TerritoryLoadReport } from './territory.import.js';

const centresPath = loadConfig().communeCentresPath;
const MISSING_FROM_CENTRES_FILE = ['12218', '14581', '49126', '69114', '15031', '15035', '15047', '15171'];

let test: TestDatabase;
let tmp: string;
const logs: string[] = [];

beforeAll(async () => {
  test = await createTestDatabase();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'territories-'));
});

afterAll(async () => {
  await test?.drop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

function load(communeCentresPath = centresPath): Promise<TerritoryLoadReport> {
  return loadTerritories(test.db, { communeCentresPath, log: (message) => logs.push(message) });
}

async function commune(code: string) {
  const [row] = await test.db.query(`SELECT * FROM commune WHERE code = $1`, [code]);
  return row;
}

/** A fingerprint of every territory row, to prove that a call changed nothing. */
async function fingerprint(): Promise<string> {
  const [row] = await test.db.query(`
    SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS hash FROM (
      SELECT row(r.*)::text AS t FROM region r
      UNION ALL SELECT row(d.*)::text FROM departement d
      UNION ALL SELECT row(c.*)::text FROM commune c
    ) rows`);
  return row.hash;
}

async function clearTerritories(): Promise<void> {
  await test.db.query(`DELETE FROM seed_run WHERE name LIKE 'territories:%'`);
  await test.db.query(`DELETE FROM commune WHERE parent_code IS NOT NULL`);
  await test.db.query(`DELETE FROM commune`);
  await test.db.query(`DELETE FROM departement`);
  await test.db.query(`DELETE FROM region`);
}

describe('loaded territories', () => {
  it('has every région, département, commune and arrondissement, overseas included', async () => {
    const [counts] = await test.db.query(`
      SELECT (SELECT count(*)::int FROM region) AS regions,
             (SELECT count(*)::int FROM departement) AS departements,
             count(*) FILTER (WHERE kind = 'COMMUNE')::int AS communes,
             count(*) FILTER (WHERE kind = 'ARRONDISSEMENT')::int AS arrondissements
      FROM commune`);
    // 18 régions + 8 overseas collectivities standing as région and département.
    expect(counts.regions).toBe(26);
    expect(counts.departements).toBe(109);
    expect(counts.communes).toBeGreaterThan(34_000);
    expect(counts.communes).toBeLessThan(36_000);
    expect(counts.arrondissements).toBe(45);
  });

  it('places Metz in Moselle (57), Grand Est (44), with its centre', async () => {
    const metz = await commune('57463');
    expect(metz).toMatchObject({ name: 'Metz', kind: 'COMMUNE', departement_code: '57', region_code: '44', parent_code: null });
    expect(metz.postal_codes).toContain('57000');
    expect(metz.latitude).toBeCloseTo(49.1, 1);
    expect(metz.longitude).toBeCloseTo(6.2, 1);
    expect(metz.centre_approximate).toBe(false);
  });

  it('links the 20 arrondissements of Paris to the city', async () => {
    const rows = await test.db.query(`SELECT code FROM commune WHERE parent_code = '75056' ORDER BY code`);
    expect(rows.map((row: { code: string }) => row.code)).toEqual(
      Array.from({ length: 20 }, (_, index) => String(75101 + index)),
    );
    expect(await commune('75108')).toMatchObject({ kind: 'ARRONDISSEMENT', postal_codes: ['75008'], departement_code: '75' });
    expect((await commune('69381')).parent_code).toBe('69123');
    expect((await commune('13201')).parent_code).toBe('13055');
  });

  it('loads overseas communes in their département and région', async () => {
    expect(await commune('97411')).toMatchObject({ name: 'Saint-Denis', departement_code: '974', region_code: '04' });
    expect((await commune('97411')).latitude).toBeCloseTo(-20.9, 1);
    expect(await commune('97611')).toMatchObject({ departement_code: '976', region_code: '06' });
    expect(await commune('97801')).toMatchObject({ name: 'Saint-Martin', departement_code: '978', region_code: '978' });
    const [saintMartin] = await test.db.query(`SELECT name FROM departement WHERE code = '978'`);
    expect(saintMartin.name).toBe('Saint-Martin');
  });

  it('gives a centre to the communes missing from the centres file', async () => {
    for (const code of MISSING_FROM_CENTRES_FILE) {
      const row = await commune(code);
      expect(row.latitude, code).not.toBeNull();
      expect(row.centre_approximate, code).toBe(code.startsWith('15'));
    }
    // Restored from 15141: its centre, flagged approximate.
    const celles = await commune('15031');
    const neussargues = await commune('15141');
    expect(celles.latitude).toBeCloseTo(neussargues.latitude, 2);
    expect(celles.centre_approximate).toBe(true);
    // Commune nouvelle: near its former communes (Conques, Aveyron).
    const conques = await commune('12218');
    expect(conques.latitude).toBeCloseTo(44.6, 1);
    expect(conques.longitude).toBeCloseTo(2.4, 1);
    const [{ missing }] = await test.db.query(`SELECT count(*)::int AS missing FROM commune WHERE latitude IS NULL`);
    expect(missing).toBe(0);
  });

  it('computes the bounding box of départements and régions', async () => {
    const [moselle] = await test.db.query(`SELECT * FROM departement WHERE code = '57'`);
    expect(moselle.min_latitude).toBeGreaterThan(48.4);
    expect(moselle.max_latitude).toBeLessThan(49.6);
    expect(moselle.min_longitude).toBeGreaterThan(5.8);
    expect(moselle.max_longitude).toBeLessThan(7.7);
    const [grandEst] = await test.db.query(`SELECT * FROM region WHERE code = '44'`);
    expect(grandEst.min_latitude).toBeLessThan(moselle.min_latitude);
    expect(grandEst.max_longitude).toBeGreaterThanOrEqual(moselle.max_longitude);
  });

  it('normalises names exactly like the SQL normalize_search_text', async () => {
    const rows: { name: string; search_name: string }[] = await test.db.query(`
      SELECT name, search_name FROM commune UNION ALL SELECT name, search_name FROM departement
      UNION ALL SELECT name, search_name FROM region`);
    const different = rows.filter((row) => normalizeSearchText(row.name) !== row.search_name);
    expect(different).toEqual([]);
    const samples = ['Œuvre – “Côte-d’Or” ß Ærø', "L'Haÿ-les-Roses", 'ÇA ÉTÉ', 'Łódź Đà'];
    for (const sample of samples) {
      const [{ normalized }] = await test.db.query(`SELECT normalize_search_text($1) AS normalized`, [sample]);
      expect(normalizeSearchText(sample), sample).toBe(normalized);
    }
  });
});

describe('loadTerritories', () => {
  it('changes nothing when run again', async () => {
    const before = await fingerprint();
    const again = await load();
    expect(again).toMatchObject({ datasetLoaded: false, rowsWritten: 0, regions: 26, departements: 109, arrondissements: 45 });
    expect(again.centresMessage).toMatch(/already have a centre/);

    // Even a forced reload of the same dataset writes no row.
    await test.db.query(`DELETE FROM seed_run WHERE name LIKE 'territories:%'`);
    const forced = await load();
    expect(forced).toMatchObject({ datasetLoaded: true, rowsWritten: 0 });
    expect(await fingerprint()).toBe(before);
  });

  it('loads from scratch quickly, then fills centres once the centres file is there', async () => {
    const complete = await fingerprint();
    await clearTerritories();

    const missingPath = path.join(tmp, 'nowhere', 'commune-centres.json');
    const started = Date.now();
    const withoutCentres = await load(missingPath);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(10_000);
    expect(withoutCentres).toMatchObject({ datasetLoaded: true, regions: 26, departements: 109, arrondissements: 45, withCentre: 0 });
    expect(withoutCentres.centresMessage).toContain(`file not found: ${missingPath}`);
    expect((await commune('57463')).latitude).toBeNull();
    const [moselle] = await test.db.query(`SELECT min_latitude FROM departement WHERE code = '57'`);
    expect(moselle.min_latitude).toBeNull();

    // Later starts without the file keep saying why, and write nothing.
    const stillMissing = await load(missingPath);
    expect(stillMissing).toMatchObject({ datasetLoaded: false, rowsWritten: 0 });
    expect(stillMissing.centresMessage).toContain('file not found');

    const filled = await load();
    expect(filled.datasetLoaded).toBe(false);
    expect(filled.withCentre).toBe(filled.communes + filled.arrondissements);
    expect(filled.approximateCentres).toBe(4);
    expect(filled.centresMessage).toContain(centresPath);
    expect(await fingerprint()).toBe(complete);
  });

  it('keeps centres when the file disappears, and reports an unreadable file', async () => {
    const complete = await fingerprint();
    await test.db.query(`UPDATE commune SET latitude = NULL, longitude = NULL, centre_approximate = false WHERE code = '57463'`);

    const invalid = path.join(tmp, 'invalid.json');
    await writeFile(invalid, '{ not json');
    const report = await load(invalid);
    expect(report.centresMessage).toContain('not valid JSON');
    expect(report.withCentre).toBe(report.communes + report.arrondissements - 1);
    expect((await commune('75056')).latitude).not.toBeNull();

    await load();
    expect(await fingerprint()).toBe(complete);
  });
});
