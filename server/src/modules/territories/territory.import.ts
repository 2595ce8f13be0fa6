import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { SqlRunner } from '../../core/database/sql-runner.js';
import { readCentresFile, type BBox, type CentreEntry } from './commune-centres.js';

/**
 * Loads régions, départements, communes and municipal arrondissements from the official
 * list (@etalab/decoupage-administratif), with commune centres from the centres file
 * (commune-centres.ts). Rules are in README.md.
 */

export interface TerritoryLoadOptions {
  /** Path of the commune centres file; when it is missing, territories load without centres. */
  communeCentresPath: string;
  log: (message: string) => void;
}

export interface TerritoryLoadReport {
  /** Dataset version marker in seed_run, e.g. "territories:decoupage-administratif@6.0.0". */
  dataset: string;
  /** True when this call loaded the dataset (first start with this version). */
  datasetLoaded: boolean;
  /** Rows inserted or changed by this call, all tables together (0 when nothing changed). */
  rowsWritten: number;
  regions: number;
  departements: number;
  /** Communes, without arrondissements. */
  communes: number;
  arrondissements: number;
  /** Communes and arrondissements that have a centre. */
  withCentre: number;
  /** Communes and arrondissements whose centre is borrowed from a neighbour (approximate). */
  approximateCentres: number;
  /** Human-readable status of commune centres (loaded, already there, or why not). */
  centresMessage: string;
}

/** Communes restored in 2025–2026 out of 15141 (Neussargues en Pinatelle), absent from the centres file. */
const RESTORED_FROM: Record<string, string> = {
  '15031': '15141',
  '15035': '15141',
  '15047': '15141',
  '15171': '15141',
};

const BATCH_SIZE = 5000;

// ---------------------------------------------------------------------------------------
// Source data

interface SourceRegion {
  code: string;
  nom: string;
}

interface SourceDepartement {
  code: string;
  nom: string;
  region: string;
}

interface SourceCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement?: string;
  region?: string;
  commune?: string;
  chefLieu?: string;
  anciensCodes?: string[];
  codesPostaux?: string[];
  population?: number;
}

interface Dataset {
  version: string;
  regions: SourceRegion[];
  departements: SourceDepartement[];
  communes: SourceCommune[];
}

const require = createRequire(import.meta.url);
const DATASET_DIR = path.dirname(require.resolve('@etalab/decoupage-administratif/package.json'));

function datasetVersion(): string {
  return (require('@etalab/decoupage-administratif/package.json') as { version: string }).version;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

async function readDataset(): Promise<Dataset> {
  const [regions, departements, communes] = await Promise.all([
    readJson<SourceRegion[]>(path.join(DATASET_DIR, 'data/regions.json')),
    readJson<SourceDepartement[]>(path.join(DATASET_DIR, 'data/departements.json')),
    readJson<SourceCommune[]>(path.join(DATASET_DIR, 'data/communes.json')),
  ]);
  return { version: datasetVersion(), regions, departements, communes };
}

// ---------------------------------------------------------------------------------------
// Centres

interface Centre {
  latitude: number;
  longitude: number;
  bbox: BBox;
  approximate: boolean;
}

function boxOf(entry: CentreEntry): BBox {
  return entry.bbox ?? [entry.center[0], entry.center[1], entry.center[0], entry.center[1]];
}

function unionOf(boxes: BBox[]): BBox {
  return [
    Math.min(...boxes.map((box) => box[0])),
    Math.min(...boxes.map((box) => box[1])),
    Math.max(...boxes.map((box) => box[2])),
    Math.max(...boxes.map((box) => box[3])),
  ];
}

function centreOfBox(box: BBox, approximate: boolean): Centre {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { longitude: round((box[0] + box[2]) / 2), latitude: round((box[1] + box[3]) / 2), bbox: box, approximate };
}

/**
 * Centre of every commune and arrondissement of the dataset that the file covers, with
 * the two fallbacks for communes too recent for the file (see README.md).
 */
function resolveCentres(dataset: Dataset, entries: Map<string, CentreEntry>): Map<string, Centre> {
  // Former codes of each commune nouvelle: its anciensCodes and its communes déléguées / associées.
  const formerCodes = new Map<string, Set<string>>();
  const addFormer = (code: string, former: string) => {
    if (!formerCodes.has(code)) formerCodes.set(code, new Set());
    formerCodes.get(code)!.add(former);
  };
  for (const commune of dataset.communes) {
    if (commune.type === 'commune-actuelle') commune.anciensCodes?.forEach((former) => addFormer(commune.code, former));
    if ((commune.type === 'commune-deleguee' || commune.type === 'commune-associee') && commune.chefLieu) {
      addFormer(commune.chefLieu, commune.code);
    }
  }

  const centres = new Map<string, Centre>();
  for (const commune of dataset.communes) {
    if (commune.type !== 'commune-actuelle' && commune.type !== 'arrondissement-municipal') continue;
    const own = entries.get(commune.code);
    if (own) {
      centres.set(commune.code, {
        longitude: own.center[0],
        latitude: own.center[1],
        bbox: boxOf(own),
        approximate: false,
      });
      continue;
    }
    const restoredFrom = RESTORED_FROM[commune.code];
    const source = restoredFrom ? entries.get(restoredFrom) : undefined;
    if (source) {
      centres.set(commune.code, centreOfBox(boxOf(source), true));
      continue;
    }
    const formerBoxes = [...(formerCodes.get(commune.code) ?? [])]
      .map((former) => entries.get(former))
      .filter((entry): entry is CentreEntry => entry !== undefined)
      .map(boxOf);
    if (formerBoxes.length > 0) centres.set(commune.code, centreOfBox(unionOf(formerBoxes), false));
  }
  return centres;
}

// ---------------------------------------------------------------------------------------
// Rows

interface CommuneRow {
  code: string;
  name: string;
  kind: 'COMMUNE' | 'ARRONDISSEMENT';
  parentCode: string | null;
  departementCode: string;
  regionCode: string;
  postalCodes: string[];
  population: number | null;
  centre: Centre | null;
}

interface AreaRow {
  code: string;
  name: string;
  regionCode: string | null;
  box: BBox | null;
}

interface Rows {
  regions: AreaRow[];
  departements: AreaRow[];
  communes: CommuneRow[];
  skipped: string[];
}

function buildRows(dataset: Dataset, centres: Map<string, Centre> | null): Rows {
  const regionCodes = new Set(dataset.regions.map((region) => region.code));
  const departements = dataset.departements.filter((departement) => regionCodes.has(departement.region));
  const departementRegion = new Map(departements.map((departement) => [departement.code, departement.region]));
  const skipped: string[] = [];
  const communes: CommuneRow[] = [];
  for (const commune of dataset.communes) {
    if (commune.type !== 'commune-actuelle' && commune.type !== 'arrondissement-municipal') continue;
    const regionCode = commune.departement ? departementRegion.get(commune.departement) : undefined;
    if (!commune.departement || !regionCode) {
      skipped.push(commune.code);
      continue;
    }
    const isArrondissement = commune.type === 'arrondissement-municipal';
    communes.push({
      code: commune.code,
      name: commune.nom,
      kind: isArrondissement ? 'ARRONDISSEMENT' : 'COMMUNE',
      parentCode: isArrondissement ? (commune.commune ?? null) : null,
      departementCode: commune.departement,
      regionCode,
      postalCodes: [...new Set(commune.codesPostaux ?? [])].sort(),
      population: commune.population ?? null,
      centre: centres?.get(commune.code) ?? null,
    });
  }
  // Cities before their arrondissements (foreign key on parent_code).
  communes.sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind === 'COMMUNE' ? -1 : 1));

  const boxes = (key: (row: CommuneRow) => string) => {
    const grouped = new Map<string, BBox[]>();
    for (const row of communes) {
      if (!row.centre) continue;
      const list = grouped.get(key(row)) ?? [];
      list.push(row.centre.bbox);
      grouped.set(key(row), list);
    }
    return new Map([...grouped].map(([code, list]) => [code, unionOf(list)]));
  };
  const departementBoxes = boxes((row) => row.departementCode);
  const regionBoxes = boxes((row) => row.regionCode);

  return {
    regions: dataset.regions.map((region) => ({
      code: region.code,
      name: region.nom,
      regionCode: null,
      box: regionBoxes.get(region.code) ?? null,
    })),
    departements: departements.map((departement) => ({
      code: departement.code,
      name: departement.nom,
      regionCode: departement.region,
      box: departementBoxes.get(departement.code) ?? null,
    })),
    communes,
    skipped,
  };
}

// ---------------------------------------------------------------------------------------
// SQL (each statement reports how many rows it actually changed)

async function countOf(db: SqlRunner, sql: string, parameters: unknown[]): Promise<number> {
  const [row] = await db.query<{ count: number }[]>(`WITH written AS (${sql} RETURNING 1) SELECT count(*)::int AS count FROM written`, parameters);
  return row?.count ?? 0;
}

function boxColumns(rows: AreaRow[]): (number | null)[][] {
  // Box in the file is [minLon, minLat, maxLon, maxLat]; columns are min/max latitude/longitude.
  return [
    rows.map((row) => row.box?.[1] ?? null),
    rows.map((row) => row.box?.[0] ?? null),
    rows.map((row) => row.box?.[3] ?? null),
    rows.map((row) => row.box?.[2] ?? null),
  ];
}

/** A missing box never erases one computed earlier (e.g. a later start without the centres file). */
const KEEP_BOX = (table: string) => `
  min_latitude = coalesce(excluded.min_latitude, ${table}.min_latitude),
  min_longitude = coalesce(excluded.min_longitude, ${table}.min_longitude),
  max_latitude = coalesce(excluded.max_latitude, ${table}.max_latitude),
  max_longitude = coalesce(excluded.max_longitude, ${table}.max_longitude)`;

const BOX_CHANGED = (table: string) => `
  (excluded.min_latitude IS NOT NULL AND (${table}.min_latitude, ${table}.min_longitude, ${table}.max_latitude, ${table}.max_longitude)
     IS DISTINCT FROM (excluded.min_latitude, excluded.min_longitude, excluded.max_latitude, excluded.max_longitude))`;

function upsertRegions(db: SqlRunner, rows: AreaRow[]): Promise<number> {
  return countOf(
    db,
    `INSERT INTO region AS r (code, name, search_name, min_latitude, min_longitude, max_latitude, max_longitude)
     SELECT code, name, normalize_search_text(name), min_lat, min_lon, max_lat, max_lon
     FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[])
       AS t(code, name, min_lat, min_lon, max_lat, max_lon)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, search_name = excluded.search_name, ${KEEP_BOX('r')}
     WHERE r.name IS DISTINCT FROM excluded.name OR ${BOX_CHANGED('r')}`,
    [rows.map((row) => row.code), rows.map((row) => row.name), ...boxColumns(rows)],
  );
}

function upsertDepartements(db: SqlRunner, rows: AreaRow[]): Promise<number> {
  return countOf(
    db,
    `INSERT INTO departement AS d (code, name, search_name, region_code, min_latitude, min_longitude, max_latitude, max_longitude)
     SELECT code, name, normalize_search_text(name), region_code, min_lat, min_lon, max_lat, max_lon
     FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::float8[], $7::float8[])
       AS t(code, name, region_code, min_lat, min_lon, max_lat, max_lon)
     ON CONFLICT (code) DO UPDATE
       SET name = excluded.name, search_name = excluded.search_name, region_code = excluded.region_code, ${KEEP_BOX('d')}
     WHERE (d.name, d.region_code) IS DISTINCT FROM (excluded.name, excluded.region_code) OR ${BOX_CHANGED('d')}`,
    [rows.map((row) => row.code), rows.map((row) => row.name), rows.map((row) => row.regionCode), ...boxColumns(rows)],
  );
}

async function upsertCommunes(db: SqlRunner, rows: CommuneRow[]): Promise<number> {
  let written = 0;
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    written += await countOf(
      db,
      // A missing centre never erases one loaded earlier.
      `INSERT INTO commune AS c (code, name, search_name, kind, parent_code, departement_code, region_code,
                                 postal_codes, population, latitude, longitude, centre_approximate)
       SELECT code, name, normalize_search_text(name), kind::commune_kind, parent_code, departement_code, region_code,
              string_to_array(postal_codes, ','), population, latitude, longitude, coalesce(approximate, false)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[],
                   $9::float8[], $10::float8[], $11::bool[])
         AS t(code, name, kind, parent_code, departement_code, region_code, postal_codes, population,
              latitude, longitude, approximate)
       ON CONFLICT (code) DO UPDATE SET
         name = excluded.name, search_name = excluded.search_name, kind = excluded.kind,
         parent_code = excluded.parent_code, departement_code = excluded.departement_code,
         region_code = excluded.region_code, postal_codes = excluded.postal_codes, population = excluded.population,
         latitude = coalesce(excluded.latitude, c.latitude),
         longitude = coalesce(excluded.longitude, c.longitude),
         centre_approximate = CASE WHEN excluded.latitude IS NULL THEN c.centre_approximate ELSE excluded.centre_approximate END
       WHERE (c.name, c.kind, c.parent_code, c.departement_code, c.region_code, c.postal_codes, c.population)
               IS DISTINCT FROM
             (excluded.name, excluded.kind, excluded.parent_code, excluded.departement_code, excluded.region_code,
              excluded.postal_codes, excluded.population)
          OR (excluded.latitude IS NOT NULL AND (c.latitude, c.longitude, c.centre_approximate)
               IS DISTINCT FROM (excluded.latitude, excluded.longitude, excluded.centre_approximate))`,
      [
        batch.map((row) => row.code),
        batch.map((row) => row.name),
        batch.map((row) => row.kind),
        batch.map((row) => row.parentCode),
        batch.map((row) => row.departementCode),
        batch.map((row) => row.regionCode),
        batch.map((row) => row.postalCodes.join(',')),
        batch.map((row) => row.population),
        batch.map((row) => row.centre?.latitude ?? null),
        batch.map((row) => row.centre?.longitude ?? null),
        batch.map((row) => row.centre?.approximate ?? null),
      ],
    );
  }
  return written;
}

/** Fills the centres of communes that have none (territories loaded earlier without the file). */
function fillMissingCentres(db: SqlRunner, rows: CommuneRow[]): Promise<number> {
  const withCentre = rows.filter((row) => row.centre !== null);
  return countOf(
    db,
    `UPDATE commune c SET latitude = t.latitude, longitude = t.longitude, centre_approximate = t.approximate
     FROM unnest($1::text[], $2::float8[], $3::float8[], $4::bool[]) AS t(code, latitude, longitude, approximate)
     WHERE c.code = t.code AND c.latitude IS NULL`,
    [
      withCentre.map((row) => row.code),
      withCentre.map((row) => row.centre!.latitude),
      withCentre.map((row) => row.centre!.longitude),
      withCentre.map((row) => row.centre!.approximate),
    ],
  );
}

interface DatabaseState {
  loaded: boolean;
  regions: number;
  departements: number;
  communes: number;
  arrondissements: number;
  withCentre: number;
  approximateCentres: number;
}

async function readState(db: SqlRunner, dataset: string): Promise<DatabaseState> {
  const [row] = await db.query<DatabaseState[]>(
    `SELECT EXISTS (SELECT 1 FROM seed_run WHERE name = $1) AS loaded,
            (SELECT count(*)::int FROM region) AS regions,
            (SELECT count(*)::int FROM departement) AS departements,
            count(*) FILTER (WHERE kind = 'COMMUNE')::int AS communes,
            count(*) FILTER (WHERE kind = 'ARRONDISSEMENT')::int AS arrondissements,
            count(*) FILTER (WHERE latitude IS NOT NULL)::int AS "withCentre",
            count(*) FILTER (WHERE centre_approximate)::int AS "approximateCentres"
     FROM commune`,
    [dataset],
  );
  return row!;
}

// ---------------------------------------------------------------------------------------

/**
 * Loads territories once per dataset version, and fills commune centres later if the
 * centres file was missing then and is present now. Safe to call at every start: when
 * nothing is to do it costs two small queries and writes nothing. Never throws because
 * of the centres file; `centresMessage` tells what happened to centres.
 */
export async function loadTerritories(db: SqlRunner, options: TerritoryLoadOptions): Promise<TerritoryLoadReport> {
  if (db instanceof DataSource) {
    return db.transaction((manager) => loadInTransaction(manager, options));
  }
  return loadInTransaction(db, options);
}

async function loadInTransaction(db: SqlRunner, options: TerritoryLoadOptions): Promise<TerritoryLoadReport> {
  const dataset = `territories:decoupage-administratif@${datasetVersion()}`;
  // Serialises concurrent starts on one database (released at commit).
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['territories']);
  const before = await readState(db, dataset);
  const total = before.communes + before.arrondissements;
  const report = (state: DatabaseState, datasetLoaded: boolean, rowsWritten: number, centresMessage: string): TerritoryLoadReport => {
    const { loaded: _loaded, ...counts } = state;
    return { dataset, datasetLoaded, rowsWritten, ...counts, centresMessage };
  };

  if (before.loaded && before.withCentre === total) {
    return report(before, false, 0, `all ${total} communes and arrondissements already have a centre`);
  }

  const centresFile = await readCentresFile(options.communeCentresPath);
  if (before.loaded && !centresFile.ok) {
    const message = `${centresFile.message}; ${total - before.withCentre} of ${total} communes and arrondissements have no centre`;
    options.log(`Commune centres: ${message}`);
    return report(before, false, 0, message);
  }

  const source = await readDataset();
  const centres = centresFile.ok ? resolveCentres(source, centresFile.entries) : null;
  const rows = buildRows(source, centres);
  if (rows.skipped.length > 0) {
    options.log(`Territories: skipped ${rows.skipped.length} communes without a known département (${rows.skipped.join(', ')})`);
  }

  let written = (await upsertRegions(db, rows.regions)) + (await upsertDepartements(db, rows.departements));
  if (before.loaded) {
    written += await fillMissingCentres(db, rows.communes);
  } else {
    written += await upsertCommunes(db, rows.communes);
    await db.query('INSERT INTO seed_run (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [dataset]);
  }

  // Fresh statistics, so that searches are planned on the real data from the first request.
  if (written > 0) await db.query('ANALYZE region, departement, commune');

  const after = await readState(db, dataset);
  const afterTotal = after.communes + after.arrondissements;
  const centresMessage = centresFile.ok
    ? `${after.withCentre} of ${afterTotal} communes and arrondissements have a centre ` +
      `(${after.approximateCentres} approximate) from ${options.communeCentresPath}`
    : `${centresFile.message}; territories loaded without commune centres`;
  if (!before.loaded) {
    options.log(
      `Territories loaded (${dataset}): ${after.regions} régions, ${after.departements} départements, ` +
        `${after.communes} communes, ${after.arrondissements} arrondissements`,
    );
  }
  options.log(`Commune centres: ${centresMessage}`);
  return report(after, !before.loaded, written, centresMessage);
}
