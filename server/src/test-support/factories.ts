import type { DataSource } from 'typeorm';
import { ServiceAreaKind, ServiceType } from '../modules/suppliers/service-area.js';
import { makeSiret } from '../modules/suppliers/siret.js';
import { SupplierKind } from '../modules/suppliers/supplier-kind.js';
import { SupplierSource } from '../modules/suppliers/supplier-source.js';
import { PositionSource } from '../modules/suppliers/supplier.entity.js';
import { PriceUnit } from '../modules/offerings/price-unit.js';

let sequence = 0;

export interface SupplierFixture {
  legalName?: string;
  brandName?: string | null;
  kind?: SupplierKind;
  description?: string;
  communeCode?: string;
  /** Default: the commune centre. null: no position. */
  position?: { latitude: number; longitude: number } | null;
  tags?: string[];
  serviceTypes?: ServiceType[];
  serviceArea?: { kind: ServiceAreaKind; regionCodes?: string[]; departementCodes?: string[]; radiusKm?: number | null };
  categorySlugs?: string[];
  offerings?: OfferingFixture[];
  updatedAt?: string;
}

export interface OfferingFixture {
  title: string;
  description?: string;
  categorySlug: string;
  serviceType?: ServiceType;
  priceFrom?: number | null;
  priceTo?: number | null;
  priceUnit?: PriceUnit | null;
  minimumOrderAmount?: number | null;
  serviceArea?: { kind: ServiceAreaKind; regionCodes?: string[]; departementCodes?: string[]; radiusKm?: number | null } | null;
}

/** Inserts a supplier with its offerings as the application stores them, and refreshes its search columns. */
export async function insertSupplier(db: DataSource, fixture: SupplierFixture = {}): Promise<number> {
  sequence += 1;
  const siret = makeSiret(`9${String(process.pid % 1000).padStart(3, '0')}${String(sequence).padStart(4, '0')}`, '0001');
  const communeCode = fixture.communeCode ?? '57463';
  const [commune] = await db.query(
    `SELECT coalesce(parent_code, code) AS municipality, departement_code, region_code, latitude, longitude, postal_codes
     FROM commune WHERE code = $1`,
    [communeCode],
  );
  if (!commune) throw new Error(`Unknown commune ${communeCode} in fixture`);
  const position =
    fixture.position === undefined
      ? commune.latitude === null
        ? null
        : { latitude: commune.latitude, longitude: commune.longitude }
      : fixture.position;
  const area: NonNullable<SupplierFixture['serviceArea']> = fixture.serviceArea ?? {
    kind: ServiceAreaKind.DEPARTEMENTS,
    departementCodes: [commune.departement_code],
  };
  const [{ id }] = await db.query(
    `INSERT INTO supplier (siret, legal_name, brand_name, kind, description, address, postal_code, commune_code,
       municipality_code, departement_code, region_code, latitude, longitude, position_source, tags, service_types,
       service_area_kind, service_area_region_codes, service_area_departement_codes, service_area_radius_km,
       data_source, updated_at)
     VALUES ($1, $2, $3, $4, $5, '1 rue de la Gare', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
       $20, coalesce($21::timestamptz, now()))
     RETURNING id`,
    [
      siret,
      fixture.legalName ?? `Structure de test ${sequence}`,
      fixture.brandName ?? null,
      fixture.kind ?? SupplierKind.EI,
      fixture.description ?? '',
      commune.postal_codes[0] ?? null,
      communeCode,
      commune.municipality,
      commune.departement_code,
      commune.region_code,
      position?.latitude ?? null,
      position?.longitude ?? null,
      position ? PositionSource.ADDRESS : null,
      fixture.tags ?? [],
      fixture.serviceTypes ?? [ServiceType.SERVICES],
      area.kind,
      area.regionCodes ?? [],
      area.departementCodes ?? [],
      area.radiusKm ?? null,
      SupplierSource.DEMO,
      fixture.updatedAt ?? null,
    ],
  );
  for (const offering of fixture.offerings ?? []) {
    const inserted = await db.query(
      `INSERT INTO offering (supplier_id, title, description, category_id, service_type, price_from, price_to, price_unit,
         minimum_order_amount, service_area_kind, service_area_region_codes, service_area_departement_codes, service_area_radius_km)
       SELECT $1, $2, $3, c.id, $5, $6, $7, $8, $9, $10, $11, $12, $13 FROM category c WHERE c.slug = $4
       RETURNING id`,
      [
        id,
        offering.title,
        offering.description ?? '',
        offering.categorySlug,
        offering.serviceType ?? ServiceType.SERVICES,
        offering.priceFrom ?? null,
        offering.priceTo ?? null,
        offering.priceFrom == null ? null : (offering.priceUnit ?? PriceUnit.FLAT),
        offering.minimumOrderAmount ?? null,
        offering.serviceArea?.kind ?? null,
        offering.serviceArea?.regionCodes ?? [],
        offering.serviceArea?.departementCodes ?? [],
        offering.serviceArea?.radiusKm ?? null,
      ],
    );
    if (inserted.length !== 1) throw new Error(`Unknown category "${offering.categorySlug}" in fixture`);
  }
  if (fixture.categorySlugs?.length) {
    await db.query(
      `INSERT INTO supplier_category (supplier_id, category_id) SELECT $1, id FROM category WHERE slug = ANY($2::text[])`,
      [id, fixture.categorySlugs],
    );
  }
  await db.query('SELECT refresh_supplier_search($1::int[])', [[id]]);
  return id;
}

/** Makes the typo lexicon know the words of the suppliers inserted so far. */
export async function refreshSearchWords(db: DataSource): Promise<void> {
  await db.query('SELECT refresh_search_words()');
}
