import type { SqlRunner } from '../../core/database/sql-runner.js';
import type { SupplierSource } from '../suppliers/supplier-source.js';
import type { SupplierValues } from './supplier-matching.js';

/**
 * The writes of one batch, set-based: one statement per step whatever the batch size,
 * all in the caller's transaction (README.md, "Batches, transactions, interruptions").
 */

export interface RecordWrite {
  sourceId: string;
  contentHash: string;
  activities: string[];
  categoryIds: number[];
  values: SupplierValues;
}

export interface SupplierCreate extends RecordWrite {}

export interface SupplierUpdate extends RecordWrite {
  supplierId: number;
  /** Gives the official fields; else only fills what the supplier lacks. */
  isPrimary: boolean;
  /** Publish the supplier again (it was unpublished for want of a present record). */
  publish: boolean;
}

const VALUE_COLUMNS = `siret char(14), siret_is_antenna boolean, legal_name text, brand_name text, kind supplier_kind,
  description text, address text, postal_code text, commune_code text, municipality_code text, departement_code text,
  region_code text, latitude float8, longitude float8, position_source position_source, email text, phone text,
  website text, tags text[], service_types service_type[], source_updated_at timestamptz`;

/** Inserts new suppliers; returns their ids in the order given. */
export async function insertSuppliers(db: SqlRunner, source: SupplierSource, creates: SupplierCreate[]): Promise<number[]> {
  if (creates.length === 0) return [];
  const rows = await db.query<{ id: number; siret: string }[]>(
    `INSERT INTO supplier (siret, siret_is_antenna, legal_name, brand_name, kind, description, address, postal_code,
       commune_code, municipality_code, departement_code, region_code, latitude, longitude, position_source, email,
       phone, website, tags, service_types, service_area_kind, service_area_departement_codes, data_source,
       source_updated_at)
     SELECT v.siret, v.siret_is_antenna, v.legal_name, v.brand_name, v.kind, v.description, v.address, v.postal_code,
       v.commune_code, v.municipality_code, v.departement_code, v.region_code, v.latitude, v.longitude,
       v.position_source, v.email, v.phone, v.website, v.tags, v.service_types,
       -- Sources say nothing of where a structure works: its own département by default.
       'DEPARTEMENTS', ARRAY[v.departement_code], $2::data_source, v.source_updated_at
     FROM json_to_recordset($1::json) AS v(${VALUE_COLUMNS})
     RETURNING id, siret`,
    [JSON.stringify(creates.map((create) => create.values)), source],
  );
  const ids = new Map(rows.map((row) => [row.siret, row.id]));
  return creates.map((create) => ids.get(create.values.siret)!);
}

/**
 * Rewrites suppliers from their records. A primary record sets the official fields and
 * the rest; another record only fills what is empty (brand, description, contact, an
 * address position instead of a commune centre) and adds its tags and service types.
 * Fields in self_edited_fields are never touched. The default service area follows the
 * département unless the structure chose its own.
 */
export async function updateSuppliers(db: SqlRunner, source: SupplierSource, updates: SupplierUpdate[]): Promise<void> {
  const primary = updates.filter((update) => update.isPrimary);
  const secondary = updates.filter((update) => !update.isPrimary);
  const payload = (list: SupplierUpdate[]) =>
    JSON.stringify(list.map((update) => ({ ...update.values, supplier_id: update.supplierId, publish: update.publish })));
  const kept = (field: string) => `'${field}' = ANY(s.self_edited_fields)`;
  if (primary.length > 0) {
    await db.query(
      `UPDATE supplier s SET
         -- A new SIRET already taken by another supplier is not moved (the record stays here).
         siret = CASE WHEN NOT EXISTS (SELECT 1 FROM supplier x WHERE x.siret = u.siret) THEN u.siret ELSE s.siret END,
         siret_is_antenna = CASE WHEN u.siret = s.siret OR NOT EXISTS (SELECT 1 FROM supplier x WHERE x.siret = u.siret)
           THEN u.siret_is_antenna ELSE s.siret_is_antenna END,
         legal_name = CASE WHEN ${kept('legalName')} THEN s.legal_name ELSE u.legal_name END,
         brand_name = CASE WHEN ${kept('brandName')} THEN s.brand_name ELSE u.brand_name END,
         kind = CASE WHEN ${kept('kind')} THEN s.kind ELSE u.kind END,
         description = CASE WHEN ${kept('description')} THEN s.description ELSE u.description END,
         address = CASE WHEN ${kept('address')} THEN s.address ELSE u.address END,
         postal_code = CASE WHEN ${kept('address')} THEN s.postal_code ELSE u.postal_code END,
         commune_code = CASE WHEN ${kept('address')} THEN s.commune_code ELSE u.commune_code END,
         municipality_code = CASE WHEN ${kept('address')} THEN s.municipality_code ELSE u.municipality_code END,
         departement_code = CASE WHEN ${kept('address')} THEN s.departement_code ELSE u.departement_code END,
         region_code = CASE WHEN ${kept('address')} THEN s.region_code ELSE u.region_code END,
         latitude = CASE WHEN ${kept('address')} THEN s.latitude ELSE u.latitude END,
         longitude = CASE WHEN ${kept('address')} THEN s.longitude ELSE u.longitude END,
         position_source = CASE WHEN ${kept('address')} THEN s.position_source ELSE u.position_source END,
         email = CASE WHEN ${kept('email')} THEN s.email ELSE u.email END,
         phone = CASE WHEN ${kept('phone')} THEN s.phone ELSE u.phone END,
         website = CASE WHEN ${kept('website')} THEN s.website ELSE u.website END,
         tags = CASE WHEN ${kept('tags')} THEN s.tags ELSE u.tags END,
         service_types = CASE WHEN ${kept('serviceTypes')} THEN s.service_types ELSE u.service_types END,
         service_area_kind = CASE WHEN ${kept('serviceArea')} THEN s.service_area_kind ELSE 'DEPARTEMENTS' END,
         service_area_region_codes = CASE WHEN ${kept('serviceArea')} THEN s.service_area_region_codes ELSE '{}' END,
         service_area_departement_codes = CASE WHEN ${kept('serviceArea')} THEN s.service_area_departement_codes
           ELSE ARRAY[CASE WHEN ${kept('address')} THEN s.departement_code ELSE u.departement_code END] END,
         service_area_radius_km = CASE WHEN ${kept('serviceArea')} THEN s.service_area_radius_km ELSE NULL END,
         data_source = $2::data_source,
         source_updated_at = u.source_updated_at,
         published = s.published OR u.publish,
         updated_at = now()
       FROM json_to_recordset($1::json) AS u(${VALUE_COLUMNS}, supplier_id int, publish boolean)
       WHERE s.id = u.supplier_id`,
      [payload(primary), source],
    );
  }
  if (secondary.length > 0) {
    const better = `s.position_source IS DISTINCT FROM 'ADDRESS' AND u.position_source = 'ADDRESS'
      AND u.municipality_code = s.municipality_code AND NOT ${kept('address')}`;
    await db.query(
      `UPDATE supplier s SET
         brand_name = CASE WHEN ${kept('brandName')} THEN s.brand_name ELSE coalesce(s.brand_name, u.brand_name) END,
         description = CASE WHEN ${kept('description')} OR s.description <> '' THEN s.description ELSE u.description END,
         email = CASE WHEN ${kept('email')} THEN s.email ELSE coalesce(s.email, u.email) END,
         phone = CASE WHEN ${kept('phone')} THEN s.phone ELSE coalesce(s.phone, u.phone) END,
         website = CASE WHEN ${kept('website')} THEN s.website ELSE coalesce(s.website, u.website) END,
         latitude = CASE WHEN ${better} THEN u.latitude ELSE s.latitude END,
         longitude = CASE WHEN ${better} THEN u.longitude ELSE s.longitude END,
         position_source = CASE WHEN ${better} THEN u.position_source ELSE s.position_source END,
         tags = CASE WHEN ${kept('tags')} THEN s.tags
           ELSE ARRAY(SELECT DISTINCT t FROM unnest(s.tags || u.tags) AS t ORDER BY t) END,
         service_types = CASE WHEN ${kept('serviceTypes')} THEN s.service_types
           ELSE ARRAY(SELECT DISTINCT t FROM unnest(s.service_types || u.service_types) AS t ORDER BY t) END,
         published = s.published OR u.publish,
         updated_at = now()
       FROM json_to_recordset($1::json) AS u(${VALUE_COLUMNS}, supplier_id int, publish boolean)
       WHERE s.id = u.supplier_id`,
      [payload(secondary)],
    );
  }
}

/** Inserts or updates the source records of the written rows (present, with their new hash). */
export async function upsertSourceRecords(
  db: SqlRunner,
  source: SupplierSource,
  runId: number,
  records: { write: RecordWrite; supplierId: number; isPrimary: boolean }[],
): Promise<void> {
  if (records.length === 0) return;
  await db.query(
    `INSERT INTO supplier_source_record AS r (source, source_id, supplier_id, siret, is_primary, present, content_hash,
       activities, category_ids, source_updated_at, first_run_id, last_changed_run_id)
     SELECT $2::data_source, v.source_id, v.supplier_id, v.siret, v.is_primary, true, v.content_hash, v.activities,
       v.category_ids, v.source_updated_at, $3, $3
     FROM json_to_recordset($1::json) AS v(source_id text, supplier_id int, siret text, is_primary boolean,
       content_hash text, activities text[], category_ids int[], source_updated_at timestamptz)
     ON CONFLICT (source, source_id) DO UPDATE SET
       supplier_id = excluded.supplier_id, siret = excluded.siret, present = true,
       content_hash = excluded.content_hash, activities = excluded.activities, category_ids = excluded.category_ids,
       source_updated_at = excluded.source_updated_at, last_changed_run_id = excluded.last_changed_run_id,
       updated_at = now()`,
    [
      JSON.stringify(
        records.map(({ write, supplierId, isPrimary }) => ({
          source_id: write.sourceId,
          supplier_id: supplierId,
          siret: write.values.siret,
          is_primary: isPrimary,
          content_hash: write.contentHash,
          activities: write.activities,
          category_ids: write.categoryIds,
          source_updated_at: write.values.source_updated_at,
        })),
      ),
      source,
      runId,
    ],
  );
}

/**
 * The declared categories of imported suppliers: those of all their present records
 * (unless the structure chose its own, self-edited 'categories').
 */
export async function syncImportedCategories(db: SqlRunner, supplierIds: number[]): Promise<void> {
  if (supplierIds.length === 0) return;
  await db.query(
    `WITH targets AS (
       SELECT s.id FROM supplier s WHERE s.id = ANY($1::int[]) AND NOT ('categories' = ANY(s.self_edited_fields))
     ),
     wanted AS (
       SELECT DISTINCT r.supplier_id, c.category_id
       FROM supplier_source_record r
       JOIN targets t ON t.id = r.supplier_id
       CROSS JOIN LATERAL unnest(r.category_ids) AS c(category_id)
       WHERE r.present
     ),
     removed AS (
       DELETE FROM supplier_category sc
       USING targets t
       WHERE sc.supplier_id = t.id
         AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.supplier_id = sc.supplier_id AND w.category_id = sc.category_id)
     )
     INSERT INTO supplier_category (supplier_id, category_id)
     SELECT supplier_id, category_id FROM wanted
     ON CONFLICT DO NOTHING`,
    [supplierIds],
  );
}
