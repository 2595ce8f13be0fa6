import { createHash } from 'node:crypto';
import type { SqlRunner } from '../../core/database/sql-runner.js';
import type { SupplierSource } from '../suppliers/supplier-source.js';
import { PositionSource } from '../suppliers/supplier.entity.js';
import { distanceKm } from '../territories/geo-distance.js';
import type { CheckedRecord } from './record-checks.js';

/**
 * Matching a batch of checked records to the directory, in one statement: the commune of
 * each record, its own source record if an earlier import saw it, the supplier with its
 * SIRET, the suppliers of another source with its name in its city. Then, without the
 * database, what to do with each record (README.md, "Matching and merging").
 */

export interface ResolvedCommune {
  code: string;
  municipalityCode: string;
  departementCode: string;
  regionCode: string;
  latitude: number | null;
  longitude: number | null;
}

export interface LookupRow {
  commune: ResolvedCommune | null;
  /** The record's own source record, from an earlier import. */
  existing: { supplierId: number; contentHash: string | null; present: boolean; isPrimary: boolean } | null;
  siretSupplierId: number | null;
  /** Suppliers of other sources (never demo ones) with the record's name in its city. */
  nameSupplierIds: number[];
  /** The supplier the record goes to (its own, else the SIRET's, else a single name match), and its state. */
  target: {
    id: number;
    published: boolean;
    /** It has a primary record other than this one. */
    hasOtherPrimary: boolean;
    /** It has source records other than this one; one of them is present. */
    hasOtherRecords: boolean;
    hasOtherPresent: boolean;
  } | null;
}

interface LookupSqlRow {
  ord: number;
  commune_code: string | null;
  municipality_code: string | null;
  departement_code: string | null;
  region_code: string | null;
  commune_latitude: number | null;
  commune_longitude: number | null;
  record_supplier_id: number | null;
  record_content_hash: string | null;
  record_present: boolean | null;
  record_is_primary: boolean | null;
  siret_supplier_id: number | null;
  name_supplier_ids: number[] | null;
  target_id: number | null;
  target_published: boolean | null;
  target_has_other_primary: boolean | null;
  target_has_other_records: boolean | null;
  target_has_other_present: boolean | null;
}

/**
 * Commune of a record: its INSEE code; else its postal code and name (CEDEX, "St" and
 * "Ste" handled); else the only commune of its postal code; else its name within the
 * département of its postal code (CEDEX codes are not postal codes of communes); else a
 * name no other commune has. A city with arrondissements becomes the arrondissement of
 * the postal code. Ambiguous or nothing: unknown (the row is rejected).
 */
const LOOKUP_SQL = `
  WITH input AS MATERIALIZED (
    SELECT x.ord, x.source_id, x.siret, nullif(btrim(x.insee), '') AS insee, nullif(btrim(x.postal), '') AS postal,
           x.commune_name, x.legal_name, x.brand_name
    FROM json_to_recordset($2::json) AS x(ord int, source_id text, siret text, insee text, postal text,
      commune_name text, legal_name text, brand_name text)
  ),
  located AS MATERIALIZED (
    SELECT i.*, coalesce(
      (SELECT c.code FROM commune c WHERE c.code = upper(i.insee)),
      (SELECT min(c.code) FROM commune c
        WHERE c.postal_codes @> ARRAY[i.postal] AND c.search_name = commune_search_key(i.commune_name) HAVING count(*) = 1),
      (SELECT min(c.code) FROM commune c
        WHERE c.postal_codes @> ARRAY[i.postal] AND c.kind = 'COMMUNE' HAVING count(*) = 1),
      (SELECT min(c.code) FROM commune c
        WHERE c.search_name = commune_search_key(i.commune_name) AND i.postal ~ '^[0-9]{5}$'
          AND EXISTS (SELECT 1 FROM unnest(c.postal_codes) p
                      WHERE left(p, CASE WHEN i.postal ~ '^9[78]' THEN 3 ELSE 2 END)
                          = left(i.postal, CASE WHEN i.postal ~ '^9[78]' THEN 3 ELSE 2 END))
        HAVING count(*) = 1),
      (SELECT min(c.code) FROM commune c WHERE i.postal IS NULL AND c.search_name = commune_search_key(i.commune_name) HAVING count(*) = 1)
    ) AS found_code
    FROM input i
  )
  -- Lateral lookups, one index probe each (a batch is tiny next to the tables); LIMIT 1 keeps
  -- the planner from flattening them into hash joins over whole tables.
  SELECT l.ord, com.code AS commune_code, com.municipality_code, com.departement_code, com.region_code,
         com.latitude AS commune_latitude, com.longitude AS commune_longitude,
         rec.supplier_id AS record_supplier_id, rec.content_hash AS record_content_hash,
         rec.present AS record_present, rec.is_primary AS record_is_primary,
         by_siret.id AS siret_supplier_id, names.ids AS name_supplier_ids,
         t.id AS target_id, t.published AS target_published,
         coalesce(others.has_primary, false) AS target_has_other_primary,
         coalesce(others.has_records, false) AS target_has_other_records,
         coalesce(others.has_present, false) AS target_has_other_present
  FROM located l
  LEFT JOIN LATERAL (
    SELECT c.code, coalesce(c.parent_code, c.code) AS municipality_code, c.departement_code, c.region_code,
           c.latitude, c.longitude
    FROM commune c
    WHERE c.code = coalesce(
      (SELECT min(a.code) FROM commune a
        WHERE a.parent_code = l.found_code AND a.postal_codes @> ARRAY[l.postal] HAVING count(*) = 1),
      l.found_code)
    LIMIT 1
  ) com ON true
  LEFT JOIN LATERAL (
    SELECT r.supplier_id, r.content_hash, r.present, r.is_primary
    FROM supplier_source_record r WHERE r.source = $1::data_source AND r.source_id = l.source_id LIMIT 1
  ) rec ON true
  LEFT JOIN LATERAL (SELECT s.id FROM supplier s WHERE s.siret = l.siret::char(14) LIMIT 1) by_siret ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(s.id ORDER BY s.id) AS ids
    FROM (SELECT match_name(l.legal_name) AS legal_key, match_name(l.brand_name) AS brand_key OFFSET 0) k
    JOIN supplier s ON s.municipality_code = com.municipality_code
      AND (match_name(s.legal_name) IN (k.legal_key, k.brand_key)
        OR (s.brand_name IS NOT NULL AND match_name(s.brand_name) IN (k.legal_key, k.brand_key)))
    WHERE $3::boolean AND rec.supplier_id IS NULL AND by_siret.id IS NULL AND com.code IS NOT NULL
      AND s.data_source <> 'DEMO'
      AND NOT EXISTS (SELECT 1 FROM supplier_source_record o WHERE o.supplier_id = s.id AND o.source = $1::data_source)
  ) names ON true
  LEFT JOIN LATERAL (
    SELECT s.id, s.published FROM supplier s
    WHERE s.id = coalesce(rec.supplier_id, by_siret.id, CASE WHEN cardinality(names.ids) = 1 THEN names.ids[1] END)
    LIMIT 1
  ) t ON true
  LEFT JOIN LATERAL (
    SELECT bool_or(o.is_primary) AS has_primary, count(*) > 0 AS has_records, bool_or(o.present) AS has_present
    FROM supplier_source_record o
    WHERE t.id IS NOT NULL AND o.supplier_id = t.id AND (o.source, o.source_id) <> ($1::data_source, l.source_id)
  ) others ON true
  ORDER BY l.ord`;

/**
 * Whether a record of `source` can merge by name at all: some supplier (not a demo one)
 * has no record of this source. Not on the first import of the first source: then every
 * lookup skips the name match.
 */
export async function nameMatchPossible(db: SqlRunner, source: SupplierSource): Promise<boolean> {
  const [{ possible }] = await db.query<{ possible: boolean }[]>(
    `SELECT EXISTS (
       SELECT 1 FROM supplier s
       WHERE s.data_source <> 'DEMO'
         AND NOT EXISTS (SELECT 1 FROM supplier_source_record r WHERE r.supplier_id = s.id AND r.source = $1)
     ) AS possible`,
    [source],
  );
  return possible;
}

export async function lookupBatch(
  db: SqlRunner,
  source: SupplierSource,
  records: CheckedRecord[],
  matchNames: boolean,
): Promise<LookupRow[]> {
  const rows = await db.query<LookupSqlRow[]>(LOOKUP_SQL, [
    source,
    JSON.stringify(
      records.map((checked, ord) => ({
        ord,
        source_id: checked.record.sourceId,
        siret: checked.siret,
        insee: checked.record.address.communeCode,
        postal: checked.record.address.postalCode,
        commune_name: checked.record.address.communeName,
        legal_name: checked.legalName,
        brand_name: checked.brandName,
      })),
    ),
    matchNames,
  ]);
  if (rows.length !== records.length) throw new Error(`lookupBatch: ${rows.length} rows for ${records.length} records`);
  return rows.map((row) => ({
    commune:
      row.commune_code === null
        ? null
        : {
            code: row.commune_code,
            municipalityCode: row.municipality_code!,
            departementCode: row.departement_code!,
            regionCode: row.region_code!,
            latitude: row.commune_latitude,
            longitude: row.commune_longitude,
          },
    existing:
      row.record_supplier_id === null
        ? null
        : {
            supplierId: row.record_supplier_id,
            contentHash: row.record_content_hash,
            present: row.record_present!,
            isPrimary: row.record_is_primary!,
          },
    siretSupplierId: row.siret_supplier_id,
    nameSupplierIds: row.name_supplier_ids ?? [],
    target:
      row.target_id === null
        ? null
        : {
            id: row.target_id,
            published: row.target_published!,
            hasOtherPrimary: row.target_has_other_primary!,
            hasOtherRecords: row.target_has_other_records!,
            hasOtherPresent: row.target_has_other_present!,
          },
  }));
}

// ---------------------------------------------------------------------------------------
// What the record writes

/** Supplier columns a record gives (snake case: they go to SQL as JSON). */
export interface SupplierValues {
  siret: string;
  siret_is_antenna: boolean;
  legal_name: string;
  brand_name: string | null;
  kind: string;
  description: string;
  address: string | null;
  postal_code: string | null;
  commune_code: string;
  municipality_code: string;
  departement_code: string;
  region_code: string;
  latitude: number | null;
  longitude: number | null;
  position_source: PositionSource | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  tags: string[];
  service_types: string[];
  source_updated_at: string | null;
}

/** Bump to make the next import rewrite every record (a change of what records write). */
const WRITE_RULES_VERSION = 1;

/** Beyond this distance from its commune's centre, a source position is taken for an error. */
const MAX_DISTANCE_FROM_COMMUNE_KM = 150;

function text(value: string | null | undefined): string | null {
  if (value == null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))].sort();
}

/**
 * The supplier columns of a record placed in its commune: the source's position when it
 * has a plausible one, else the commune centre (flagged COMMUNE_CENTRE).
 */
export function supplierValuesOf(checked: CheckedRecord, commune: ResolvedCommune): SupplierValues {
  const { record } = checked;
  let position = checked.position;
  let positionSource: PositionSource | null = position ? PositionSource.ADDRESS : null;
  const centre = commune.latitude !== null && commune.longitude !== null
    ? { latitude: commune.latitude, longitude: commune.longitude }
    : null;
  if (position && centre && distanceKm(position.latitude, position.longitude, centre.latitude, centre.longitude) > MAX_DISTANCE_FROM_COMMUNE_KM) position = null;
  if (!position && centre) {
    position = centre;
    positionSource = PositionSource.COMMUNE_CENTRE;
  } else if (!position) {
    positionSource = null;
  }
  return {
    siret: checked.siret,
    siret_is_antenna: checked.siretIsAntenna,
    legal_name: checked.legalName,
    brand_name: checked.brandName,
    kind: record.kind,
    description: text(record.description) ?? '',
    address: text(record.address.street),
    postal_code: text(record.address.postalCode),
    commune_code: commune.code,
    municipality_code: commune.municipalityCode,
    departement_code: commune.departementCode,
    region_code: commune.regionCode,
    latitude: position ? Math.round(position.latitude * 1e6) / 1e6 : null,
    longitude: position ? Math.round(position.longitude * 1e6) / 1e6 : null,
    position_source: positionSource,
    email: text(record.email),
    phone: text(record.phone),
    website: text(record.website),
    tags: uniqueSorted(record.tags ?? []),
    service_types: uniqueSorted(record.serviceTypes ?? []),
    source_updated_at: record.sourceUpdatedAt ? record.sourceUpdatedAt.toISOString() : null,
  };
}

/** Hash of everything a record writes: equal hashes, nothing to write. */
export function contentHash(values: SupplierValues, checked: CheckedRecord): string {
  return createHash('md5')
    .update(JSON.stringify([WRITE_RULES_VERSION, values, checked.categorySlugs, uniqueSorted(checked.record.activities ?? [])]))
    .digest('base64url');
}

// ---------------------------------------------------------------------------------------
// Decision

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'merged' | 'republished';

export interface Decision {
  outcome: RowOutcome;
  /** The supplier written to; null for a creation. */
  targetId: number | null;
  /** This record gives the supplier's official fields (else it only fills what is empty). */
  isPrimary: boolean;
  /** The supplier was unpublished for want of any present record: publish it again. */
  publish: boolean;
}

export function decide(lookup: LookupRow, hash: string): Decision {
  const { existing, target } = lookup;
  if (!target) return { outcome: 'created', targetId: null, isPrimary: true, publish: false };
  // Unpublished by an import because every record of it was absent, and one comes back; a
  // supplier unpublished for another reason (no absent record explains it) stays so.
  const publish = !target.published && !target.hasOtherPresent &&
    (existing ? !existing.present : target.hasOtherRecords);
  if (existing) {
    if (existing.present && existing.contentHash === hash) {
      return { outcome: 'unchanged', targetId: target.id, isPrimary: existing.isPrimary, publish: false };
    }
    return { outcome: publish ? 'republished' : 'updated', targetId: target.id, isPrimary: existing.isPrimary, publish };
  }
  return { outcome: 'merged', targetId: target.id, isPrimary: !target.hasOtherPrimary, publish };
}
