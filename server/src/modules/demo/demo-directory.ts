import type { SqlRunner } from '../../core/database/sql-runner.js';
import { SupplierSource } from '../suppliers/supplier-source.js';
import { PositionSource } from '../suppliers/supplier.entity.js';
import { generateDemoSuppliers, type DemoCategory, type DemoCommune, type DemoSupplier } from './demo-generator.js';

const BATCH_SIZE = 1_000;
const SPREAD_DEGREES = 0.01;

export interface DemoLoadReport {
  suppliers: number;
  offerings: number;
}

interface CommuneRow {
  code: string;
  name: string;
  parent_code: string | null;
  departement_code: string;
  region_code: string;
  postal_codes: string[];
  population: number | null;
  latitude: number | null;
  longitude: number | null;
}

/** What the generator draws from: the territories and the taxonomy as loaded in the database. */
export interface DemoInputs {
  communes: DemoCommune[];
  categories: DemoCategory[];
}

interface DemoSources extends DemoInputs {
  communesByCode: Map<string, CommuneRow>;
  categoryIds: Map<string, number>;
}

/** The communes and categories of the database, as the demo directory is generated from them. */
export async function readDemoInputs(db: SqlRunner): Promise<DemoInputs> {
  const { communes, categories } = await readSources(db);
  return { communes, categories };
}

async function readSources(db: SqlRunner): Promise<DemoSources> {
  const communeRows = await db.query<CommuneRow[]>(
    `SELECT code, name, parent_code, departement_code, region_code, postal_codes, population, latitude, longitude
     FROM commune ORDER BY code`,
  );
  const communesByCode = new Map(communeRows.map((row) => [row.code, row]));
  // Cities split into arrondissements (Paris, Lyon, Marseille) get their suppliers in the arrondissements.
  const cities = new Set(communeRows.flatMap((row) => (row.parent_code ? [row.parent_code] : [])));
  const communes: DemoCommune[] = communeRows
    .filter((row) => !cities.has(row.code))
    .map((row) => ({
      code: row.code,
      name: row.name,
      departementCode: row.departement_code,
      regionCode: row.region_code,
      postalCodes: row.postal_codes,
      population: row.population ?? 0,
      latitude: row.latitude,
      longitude: row.longitude,
      // Sites are spread within about a kilometre of the commune centre.
      bbox: row.latitude === null || row.longitude === null
        ? null
        : [row.longitude - SPREAD_DEGREES, row.latitude - SPREAD_DEGREES, row.longitude + SPREAD_DEGREES, row.latitude + SPREAD_DEGREES],
    }));
  const categoryRows = await db.query<{ id: number; slug: string; group_slug: string; name: string }[]>(
    `SELECT c.id, c.slug, g.slug AS group_slug, c.name FROM category c JOIN category_group g ON g.id = c.group_id ORDER BY c.id`,
  );
  const categories: DemoCategory[] = categoryRows.map((row) => ({ slug: row.slug, groupSlug: row.group_slug, name: row.name }));
  const categoryIds = new Map(categoryRows.map((row) => [row.slug, row.id]));
  return { communes, categories, communesByCode, categoryIds };
}

/**
 * Loads the fictional demo directory (flagged DEMO) in batches: suppliers, their
 * offerings and declared categories, then the search columns and the typo lexicon.
 */
export async function loadDemoDirectory(
  db: SqlRunner,
  options: { count: number; seed: number; onProgress?: (done: number) => void },
): Promise<DemoLoadReport> {
  const { communes, categories, communesByCode, categoryIds } = await readSources(db);
  const report: DemoLoadReport = { suppliers: 0, offerings: 0 };
  let batch: DemoSupplier[] = [];
  const flush = async () => {
    report.offerings += await insertBatch(db, batch, communesByCode, categoryIds);
    report.suppliers += batch.length;
    options.onProgress?.(report.suppliers);
    batch = [];
  };
  for (const supplier of generateDemoSuppliers({ count: options.count, seed: options.seed, communes, categories })) {
    batch.push(supplier);
    if (batch.length === BATCH_SIZE) await flush();
  }
  if (batch.length > 0) await flush();
  await db.query('SELECT refresh_search_words()');
  return report;
}

async function insertBatch(
  db: SqlRunner,
  suppliers: DemoSupplier[],
  communes: Map<string, CommuneRow>,
  categoryIds: Map<string, number>,
): Promise<number> {
  const commune = (supplier: DemoSupplier) => communes.get(supplier.communeCode)!;
  const inserted = await db.query<{ id: number }[]>(
    `INSERT INTO supplier (siret, legal_name, brand_name, kind, description, address, postal_code, commune_code,
       municipality_code, departement_code, region_code, latitude, longitude, position_source, email, phone, website,
       headcount, tags, service_types, service_area_kind, service_area_region_codes, service_area_departement_codes,
       service_area_radius_km, data_source, source_updated_at)
     SELECT s.siret, s.legal_name, s.brand_name, s.kind::supplier_kind, s.description, s.address, s.postal_code, s.commune_code,
       s.municipality_code, s.departement_code, s.region_code, s.latitude, s.longitude, s.position_source::position_source,
       s.email, s.phone, s.website, s.headcount,
       ARRAY(SELECT jsonb_array_elements_text(s.tags)),
       ARRAY(SELECT jsonb_array_elements_text(s.service_types))::service_type[],
       s.service_area_kind::service_area_kind,
       ARRAY(SELECT jsonb_array_elements_text(s.service_area_region_codes)),
       ARRAY(SELECT jsonb_array_elements_text(s.service_area_departement_codes)),
       s.service_area_radius_km, $2::data_source, s.source_updated_at
     FROM jsonb_to_recordset($1::jsonb) AS s(siret text, legal_name text, brand_name text, kind text, description text,
       address text, postal_code text, commune_code text, municipality_code text, departement_code text, region_code text,
       latitude float8, longitude float8, position_source text, email text, phone text, website text, headcount int,
       tags jsonb, service_types jsonb, service_area_kind text, service_area_region_codes jsonb,
       service_area_departement_codes jsonb, service_area_radius_km int, source_updated_at timestamptz, ordinal int)
     ORDER BY s.ordinal
     RETURNING id`,
    [
      JSON.stringify(
        suppliers.map((supplier, ordinal) => ({
          siret: supplier.siret,
          legal_name: supplier.legalName,
          brand_name: supplier.brandName,
          kind: supplier.kind,
          description: supplier.description,
          address: supplier.address,
          postal_code: supplier.postalCode,
          commune_code: supplier.communeCode,
          municipality_code: commune(supplier).parent_code ?? supplier.communeCode,
          departement_code: commune(supplier).departement_code,
          region_code: commune(supplier).region_code,
          latitude: supplier.latitude,
          longitude: supplier.longitude,
          position_source:
            supplier.latitude === null ? null : supplier.positionIsCommuneCentre ? PositionSource.COMMUNE_CENTRE : PositionSource.ADDRESS,
          email: supplier.email,
          phone: supplier.phone,
          website: supplier.website,
          headcount: supplier.headcount,
          tags: supplier.tags,
          service_types: supplier.serviceTypes,
          service_area_kind: supplier.serviceArea.kind,
          service_area_region_codes: supplier.serviceArea.regionCodes,
          service_area_departement_codes: supplier.serviceArea.departementCodes,
          service_area_radius_km: supplier.serviceArea.radiusKm,
          source_updated_at: supplier.sourceUpdatedAt.toISOString(),
          ordinal,
        })),
      ),
      SupplierSource.DEMO,
    ],
  );
  const ids = inserted.map((row) => row.id);

  const offerings = suppliers.flatMap((supplier, index) =>
    supplier.offerings.map((offering) => ({
      supplier_id: ids[index],
      title: offering.title,
      description: offering.description,
      category_id: categoryIds.get(offering.categorySlug),
      service_type: offering.serviceType,
      price_from: offering.priceFrom,
      price_to: offering.priceTo,
      price_unit: offering.priceUnit,
      minimum_order_amount: offering.minimumOrderAmount,
      lead_time_days: offering.leadTimeDays,
      service_area_kind: offering.serviceAreaOverride?.kind ?? null,
      service_area_region_codes: offering.serviceAreaOverride?.regionCodes ?? [],
      service_area_departement_codes: offering.serviceAreaOverride?.departementCodes ?? [],
      service_area_radius_km: offering.serviceAreaOverride?.radiusKm ?? null,
    })),
  );
  await db.query(
    `INSERT INTO offering (supplier_id, title, description, category_id, service_type, price_from, price_to, price_unit,
       minimum_order_amount, lead_time_days, service_area_kind, service_area_region_codes, service_area_departement_codes,
       service_area_radius_km)
     SELECT o.supplier_id, o.title, o.description, o.category_id, o.service_type::service_type, o.price_from, o.price_to,
       o.price_unit::price_unit, o.minimum_order_amount, o.lead_time_days, o.service_area_kind::service_area_kind,
       ARRAY(SELECT jsonb_array_elements_text(o.service_area_region_codes)),
       ARRAY(SELECT jsonb_array_elements_text(o.service_area_departement_codes)),
       o.service_area_radius_km
     FROM jsonb_to_recordset($1::jsonb) AS o(supplier_id int, title text, description text, category_id int,
       service_type text, price_from numeric, price_to numeric, price_unit text, minimum_order_amount numeric,
       lead_time_days int, service_area_kind text, service_area_region_codes jsonb, service_area_departement_codes jsonb,
       service_area_radius_km int)`,
    [JSON.stringify(offerings)],
  );

  await db.query(
    `INSERT INTO supplier_category (supplier_id, category_id)
     SELECT d.supplier_id, d.category_id FROM jsonb_to_recordset($1::jsonb) AS d(supplier_id int, category_id int)
     ON CONFLICT DO NOTHING`,
    [
      JSON.stringify(
        suppliers.flatMap((supplier, index) =>
          supplier.categorySlugs.map((slug) => ({ supplier_id: ids[index], category_id: categoryIds.get(slug) })),
        ),
      ),
    ],
  );
  await db.query('SELECT refresh_supplier_search($1::int[])', [ids]);
  return offerings.length;
}
