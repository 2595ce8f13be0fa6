import type { DataSource } from 'typeorm';
import type { SqlRunner } from '../../core/database/sql-runner.js';
import { badUserInput } from '../../core/graphql/errors.js';
import { CommuneEntity, CommuneKind, DepartementEntity, RegionEntity } from './territory.entities.js';
import {
  MAX_SEARCH_LENGTH,
  canonicalCode,
  isCommuneCode,
  isDepartementCode,
  isRegionCode,
  planTerritorySearch,
  postalCodesStartingWith,
} from './territory-matching.js';

/** Kinds of territory a search can return. */
export enum TerritoryKind {
  COMMUNE = 'COMMUNE',
  DEPARTEMENT = 'DEPARTEMENT',
  REGION = 'REGION',
}

export const MAX_TERRITORY_SEARCH_RESULTS = 50;

export type TerritorySearchHit =
  | { kind: TerritoryKind.COMMUNE; entity: CommuneEntity }
  | { kind: TerritoryKind.DEPARTEMENT; entity: DepartementEntity }
  | { kind: TerritoryKind.REGION; entity: RegionEntity };

interface SearchRow {
  territory_kind: TerritoryKind;
  code: string;
  name: string;
  search_name: string;
  region_code: string | null;
  departement_code: string | null;
  commune_kind: CommuneKind | null;
  parent_code: string | null;
  postal_codes: string[] | null;
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  centre_approximate: boolean | null;
  min_latitude: number | null;
  min_longitude: number | null;
  max_latitude: number | null;
  max_longitude: number | null;
}

const COMMUNE_COLUMNS = `'COMMUNE' AS territory_kind, 2 AS kind_order, c.code, c.name, c.search_name,
         c.region_code, c.departement_code, c.kind AS commune_kind, c.parent_code, c.postal_codes, c.population,
         c.latitude, c.longitude, c.centre_approximate,
         NULL::float8 AS min_latitude, NULL::float8 AS min_longitude, NULL::float8 AS max_latitude, NULL::float8 AS max_longitude`;

/** Ranking tier of a name match ($1) on the table aliased `alias`. */
const nameTier = (alias: string) => `CASE WHEN ${alias}.search_name = $1::text THEN 1
              WHEN ${alias}.search_name LIKE $1::text || '%' THEN 2
              WHEN ${alias}.search_name LIKE '% ' || $1::text || '%' THEN 3
              ELSE 4 END`;
/** Name match on the table aliased `t`: prefix, word prefix or similar (trigrams). */
const NAME_MATCHES = `(t.search_name LIKE $1::text || '%' OR t.search_name LIKE '% ' || $1::text || '%' OR t.search_name % $1::text)`;

/**
 * One statement for the three kinds. Parameters: $1 normalised name, $2 département
 * codes, $3 INSEE code, $4 postal code, $5 postal codes starting with the typed digits,
 * $6 kinds (null: all), $7 limit. Parameters are used directly (not through a CTE) so
 * that PostgreSQL plans each search with their values: conditions on absent parameters
 * fold away and matching uses the indexes (trigram, prefix, postal codes).
 *
 * Ranking tiers (lower first): 0 exact postal code or département code; 1 exact INSEE
 * code or exact name (buyers type postal codes far more often than INSEE codes, and
 * "69001" is both Lyon 1er's postal code and Affoux's INSEE code); 2 name prefix or
 * postal code prefix; 3 a word of the name starts with the search; 4 similar name
 * (trigrams, for typos; for communes only when no commune name starts with the search,
 * which keeps "saint …" searches from scoring thousands of communes). Within tiers 0–3:
 * régions, then départements, then communes, largest population first; within tier 4:
 * most similar first.
 */
const SEARCH_SQL = `
WITH hits AS (
  SELECT 'REGION' AS territory_kind, 0 AS kind_order, t.code, t.name, t.search_name,
         NULL::text AS region_code, NULL::text AS departement_code, NULL::commune_kind AS commune_kind,
         NULL::text AS parent_code, NULL::text[] AS postal_codes, NULL::int AS population,
         NULL::float8 AS latitude, NULL::float8 AS longitude, NULL::boolean AS centre_approximate,
         t.min_latitude, t.min_longitude, t.max_latitude, t.max_longitude,
         ${nameTier('t')} AS tier,
         similarity(t.search_name, $1::text) AS score
  FROM region t
  WHERE ($6::text[] IS NULL OR 'REGION' = ANY ($6::text[]))
    AND $1::text IS NOT NULL AND ${NAME_MATCHES}

  UNION ALL

  SELECT 'DEPARTEMENT', 1, t.code, t.name, t.search_name,
         t.region_code, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         t.min_latitude, t.min_longitude, t.max_latitude, t.max_longitude,
         CASE WHEN t.code = ANY ($2::text[]) THEN 0 ELSE ${nameTier('t')} END,
         coalesce(similarity(t.search_name, $1::text), 1)
  FROM departement t
  WHERE ($6::text[] IS NULL OR 'DEPARTEMENT' = ANY ($6::text[]))
    AND (t.code = ANY ($2::text[]) OR ($1::text IS NOT NULL AND ${NAME_MATCHES}))

  UNION ALL

  -- Communes by exact postal code or INSEE code.
  SELECT ${COMMUNE_COLUMNS}, CASE WHEN c.postal_codes @> ARRAY[$4::text] THEN 0 ELSE 1 END, 1
  FROM commune c
  WHERE ($6::text[] IS NULL OR 'COMMUNE' = ANY ($6::text[]))
    AND (c.code = $3::text OR c.postal_codes @> ARRAY[$4::text])

  UNION ALL

  -- Communes by the first digits of a postal code: one index probe per possible code
  -- (an array overlap would scan the whole table).
  SELECT ${COMMUNE_COLUMNS}, 2, 1
  FROM commune c
  WHERE ($6::text[] IS NULL OR 'COMMUNE' = ANY ($6::text[]))
    AND c.code IN (
      SELECT p.code FROM unnest($5::text[]) AS candidate(code) JOIN commune p ON p.postal_codes @> ARRAY[candidate.code]
    )

  UNION ALL

  -- Communes by name: exact, prefix, word prefix.
  SELECT ${COMMUNE_COLUMNS}, ${nameTier('c')}, 1
  FROM commune c
  WHERE ($6::text[] IS NULL OR 'COMMUNE' = ANY ($6::text[]))
    AND $1::text IS NOT NULL
    AND (c.search_name LIKE $1::text || '%' OR c.search_name LIKE '% ' || $1::text || '%')

  UNION ALL

  -- Communes by similar name, when nothing starts with the search (a typo).
  SELECT ${COMMUNE_COLUMNS}, 4, similarity(c.search_name, $1::text)
  FROM commune c
  WHERE ($6::text[] IS NULL OR 'COMMUNE' = ANY ($6::text[]))
    AND $1::text IS NOT NULL
    AND c.search_name % $1::text
    AND NOT EXISTS (
      SELECT 1 FROM commune x WHERE x.search_name LIKE $1::text || '%' OR x.search_name LIKE '% ' || $1::text || '%'
    )
)
SELECT * FROM hits
ORDER BY tier,
         CASE WHEN tier = 4 THEN score END DESC NULLS LAST,
         kind_order,
         population DESC NULLS LAST,
         code
LIMIT $7`;

function toEntity(row: SearchRow): TerritorySearchHit {
  switch (row.territory_kind) {
    case TerritoryKind.REGION:
      return {
        kind: TerritoryKind.REGION,
        entity: Object.assign(new RegionEntity(), {
          code: row.code,
          name: row.name,
          searchName: row.search_name,
          minLatitude: row.min_latitude,
          minLongitude: row.min_longitude,
          maxLatitude: row.max_latitude,
          maxLongitude: row.max_longitude,
        }),
      };
    case TerritoryKind.DEPARTEMENT:
      return {
        kind: TerritoryKind.DEPARTEMENT,
        entity: Object.assign(new DepartementEntity(), {
          code: row.code,
          name: row.name,
          searchName: row.search_name,
          regionCode: row.region_code!,
          minLatitude: row.min_latitude,
          minLongitude: row.min_longitude,
          maxLatitude: row.max_latitude,
          maxLongitude: row.max_longitude,
        }),
      };
    case TerritoryKind.COMMUNE:
      return {
        kind: TerritoryKind.COMMUNE,
        entity: Object.assign(new CommuneEntity(), {
          code: row.code,
          name: row.name,
          searchName: row.search_name,
          kind: row.commune_kind!,
          parentCode: row.parent_code,
          departementCode: row.departement_code!,
          regionCode: row.region_code!,
          postalCodes: row.postal_codes ?? [],
          population: row.population,
          latitude: row.latitude,
          longitude: row.longitude,
          centreApproximate: row.centre_approximate ?? false,
        }),
      };
  }
}

/**
 * Territories matching what a buyer typed: commune names (accents, hyphens, case and
 * small typos ignored; "st" = "saint"), postal codes (exact or first digits), INSEE
 * codes, département codes and names, région names. One SQL statement.
 */
export async function searchTerritories(
  db: SqlRunner,
  search: string,
  kinds: TerritoryKind[] | null,
  limit: number,
): Promise<TerritorySearchHit[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TERRITORY_SEARCH_RESULTS) {
    throw badUserInput(`"first" must be between 1 and ${MAX_TERRITORY_SEARCH_RESULTS}, got ${limit}`, 'first');
  }
  if (search.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`"search" must be at most ${MAX_SEARCH_LENGTH} characters long`, 'search');
  }
  const plan = planTerritorySearch(search);
  if (!plan) throw badUserInput('"search" must contain at least one letter or digit', 'search');
  if (kinds !== null && kinds.length === 0) return [];
  const rows = await db.query<SearchRow[]>(SEARCH_SQL, [
    plan.name,
    plan.departementCodes,
    plan.inseeCode,
    plan.postalCode,
    plan.postalCodePrefix === null ? [] : postalCodesStartingWith(plan.postalCodePrefix),
    kinds === null ? null : [...new Set(kinds)],
    limit,
  ]);
  return rows.map(toEntity);
}

// ---------------------------------------------------------------------------------------
// Codes given by clients

/** Checks and canonicalises a région code ("84", "04", "975"); BAD_USER_INPUT when malformed. */
export function checkedRegionCode(code: string, argument = 'code'): string {
  const canonical = canonicalCode(code);
  if (!isRegionCode(canonical)) {
    throw badUserInput(`"${code}" is not a région code: expected 2 or 3 digits, e.g. "84" or "04"`, argument);
  }
  return canonical;
}

/** Checks and canonicalises a département code ("57", "2A", "971"); BAD_USER_INPUT when malformed. */
export function checkedDepartementCode(code: string, argument = 'code'): string {
  const canonical = canonicalCode(code);
  if (!isDepartementCode(canonical)) {
    throw badUserInput(`"${code}" is not a département code: expected e.g. "57", "2A" or "971"`, argument);
  }
  return canonical;
}

/** Checks and canonicalises an INSEE commune code ("57463", "2A004"); BAD_USER_INPUT when malformed. */
export function checkedCommuneCode(code: string, argument = 'code'): string {
  const canonical = canonicalCode(code);
  if (!isCommuneCode(canonical)) {
    throw badUserInput(`"${code}" is not an INSEE commune code: expected 5 characters, e.g. "57463" or "2A004"`, argument);
  }
  return canonical;
}

// ---------------------------------------------------------------------------------------
// Lists

/** All régions, in alphabetical order (accents ignored, so "Île-de-France" sorts under I). */
export function listRegions(db: DataSource): Promise<RegionEntity[]> {
  return db.getRepository(RegionEntity).find({ order: { searchName: 'ASC', code: 'ASC' } });
}

/** Départements ordered by code, optionally those of one région (empty for an unknown région). */
export async function listDepartements(db: DataSource, regionCode: string | null): Promise<DepartementEntity[]> {
  const where = regionCode === null ? {} : { regionCode: checkedRegionCode(regionCode, 'regionCode') };
  return db.getRepository(DepartementEntity).find({ where, order: { code: 'ASC' } });
}
