import { badUserInput } from '../../core/graphql/errors.js';
import { findCategoriesBySlugs, findCategoryGroupsBySlugs } from '../categories/category.service.js';
import { DEFAULT_SMALL_PURCHASE_AMOUNT } from '../small-purchase/small-purchase-thresholds.js';
import type { ServiceType } from '../suppliers/service-area.js';
import { kindsEligibleFor, kindsOfFamily, type SupplierKind } from '../suppliers/supplier-kind.js';
import type { DirectoryFilter } from './search.inputs.js';
import type { SearchDeps } from './search.deps.js';
import { invalidSmallPurchaseAmount } from './search.errors.js';
import { buildTextQuery } from './text-query.js';
import { resolveTerritoryZone, type TerritoryLookup, type TerritoryZone } from './territory-zone.js';

const MAX_LIST_FILTER_LENGTH = 200;
/** Far above any legal threshold (the client's own bound too). */
export const MAX_SMALL_PURCHASE_AMOUNT = 100_000_000;

/** Criteria of an offering search (which runs in SQL), validated and resolved to keys. */
export interface DirectoryCriteria {
  tsquery: string | null;
  /** Categories given, plus every category of the groups given (any of them). */
  activityCategoryIds: number[] | null;
  zone: TerritoryZone | null;
  excludeNationalOnly: boolean;
  /** Kinds allowed by the kind, family and reserved-market filters together. */
  kinds: SupplierKind[] | null;
  serviceTypes: ServiceType[] | null;
  /** Amount of the small-purchase filter, when it is on. */
  smallPurchaseAmount: number | null;
  /** Categories whose name or keywords match the text: what the buyer's words name. */
  textCategoryIds: number[];
  /** Only rows whose last change (`changed_at`) is at or after it. */
  updatedSince: Date | null;
}

export function listFilter<T>(values: T[] | null | undefined, argument: string): T[] | null {
  if (values == null) return null;
  if (values.length > MAX_LIST_FILTER_LENGTH) throw badUserInput(`${argument} : ${MAX_LIST_FILTER_LENGTH} valeurs au plus.`, argument);
  return [...new Set(values)];
}

function intersect<T>(sets: (T[] | null)[]): T[] | null {
  return sets.reduce<T[] | null>(
    (result, set) => (set === null ? result : result === null ? set : result.filter((value) => set.includes(value))),
    null,
  );
}

async function activityCategoryIdsOf(filter: DirectoryFilter, deps: SearchDeps): Promise<number[] | null> {
  const categorySlugs = listFilter(filter.categorySlugs, 'filter.categorySlugs');
  const groupSlugs = listFilter(filter.categoryGroupSlugs, 'filter.categoryGroupSlugs');
  if (!categorySlugs && !groupSlugs) return null;
  const categories = categorySlugs ? await findCategoriesBySlugs(deps.db, categorySlugs, 'filter.categorySlugs') : [];
  const groups = groupSlugs ? await findCategoryGroupsBySlugs(deps.db, groupSlugs, 'filter.categoryGroupSlugs') : [];
  const groupCategories = await deps.loaders.categories.categoriesByGroupId.loadMany(groups.map((group) => group.id));
  const all = [...categories, ...groupCategories.flatMap((list) => (list instanceof Error ? [] : list))];
  return [...new Set(all.map((category) => category.id))];
}

/** The small-purchase amount of a filter, when it is on: positive, finite, at most MAX_SMALL_PURCHASE_AMOUNT. */
export function smallPurchaseAmountOf(filter: DirectoryFilter): number | null {
  if (!filter.smallPurchase) return null;
  const amount = filter.smallPurchase.maxAmount ?? DEFAULT_SMALL_PURCHASE_AMOUNT;
  if (!Number.isFinite(amount) || amount <= 0 || amount > MAX_SMALL_PURCHASE_AMOUNT) {
    throw invalidSmallPurchaseAmount(amount, MAX_SMALL_PURCHASE_AMOUNT);
  }
  return amount;
}

/** Categories whose name or keywords match the text. */
async function categoriesMatching(tsquery: string, deps: SearchDeps): Promise<number[]> {
  const rows = await deps.db.query<{ id: number }[]>(
    `SELECT id FROM category WHERE to_tsvector('french_unaccent', name || ' ' || array_to_string(keywords, ' ')) @@ $1::tsquery`,
    [tsquery],
  );
  return rows.map((row) => row.id);
}

/** Territories read through the request's loaders and SQL. */
function databaseTerritories(deps: SearchDeps): TerritoryLookup {
  const { territories } = deps.loaders;
  return {
    commune: (code) => territories.communeByCode.load(code),
    departement: (code) => territories.departementByCode.load(code),
    region: (code) => territories.regionByCode.load(code),
    departementsOfRegion: (code) => territories.departementsByRegionCode.load(code),
    departementsWithin: async (centre, radiusKm) =>
      (
        await deps.db.query<{ code: string; region_code: string }[]>(
          `SELECT code, region_code FROM departement
           WHERE min_latitude IS NOT NULL
             AND distance_km($1, $2, greatest(min_latitude, least(max_latitude, $1)),
                             greatest(min_longitude, least(max_longitude, $2))) <= $3`,
          [centre.latitude, centre.longitude, radiusKm],
        )
      ).map((row) => ({ code: row.code, regionCode: row.region_code })),
  };
}

export async function resolveDirectoryCriteria(filter: DirectoryFilter, deps: SearchDeps): Promise<DirectoryCriteria> {
  const kinds = intersect<SupplierKind>([
    listFilter(filter.kinds, 'filter.kinds'),
    filter.kindFamilies == null ? null : filter.kindFamilies.flatMap(kindsOfFamily),
    filter.reservedMarkets == null ? null : filter.reservedMarkets.flatMap(kindsEligibleFor),
  ]);
  const smallPurchaseAmount = smallPurchaseAmountOf(filter);
  // Independent look-ups: their round trips overlap.
  const [activityCategoryIds, zone, text] = await Promise.all([
    activityCategoryIdsOf(filter, deps),
    filter.territory ? resolveTerritoryZone(filter.territory, databaseTerritories(deps), deps.capabilities) : null,
    buildTextQuery(deps.db, filter.text),
  ]);
  const tsquery = text?.tsquery ?? null;
  const textCategoryIds = text ? await categoriesMatching(tsquery!, deps) : [];
  return {
    textCategoryIds,
    tsquery,
    activityCategoryIds,
    zone,
    excludeNationalOnly: filter.excludeNationalOnly ?? false,
    kinds,
    serviceTypes: listFilter(filter.serviceTypes, 'filter.serviceTypes'),
    smallPurchaseAmount,
    updatedSince: filter.updatedSince ?? null,
  };
}
