import DataLoader from 'dataloader';
import type { RequestContext } from '../../app/context.js';
import { badUserInput } from '../../core/graphql/errors.js';
import { Category, CategoryGroup } from '../categories/category.types.js';
import { OfferingEntity } from '../offerings/offering.entity.js';
import { Offering } from '../offerings/offering.types.js';
import { DEFAULT_SMALL_PURCHASE_AMOUNT } from '../small-purchase/small-purchase-thresholds.js';
import { ServiceType } from '../suppliers/service-area.js';
import { KIND_FAMILIES, KindFamily, ReservedMarket, reservedMarketsOf, SupplierKind } from '../suppliers/supplier-kind.js';
import type { SupplierEntity } from '../suppliers/supplier.entity.js';
import { SupplierOrder, type SupplierFilter } from '../suppliers/supplier.inputs.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { Departement } from '../territories/territory.types.js';
import { listFilter, resolveDirectoryCriteria } from './directory-criteria.js';
import { countMatches, fetchKeysetPage, type KeysetRow } from './keyset-page.js';
import { radiusUnavailable, type GeoPoint } from './territory-zone.js';
import { SupplierSearchSql, type SupplierSearch } from './supplier-search.sql.js';
import { syncStatementRunner } from '../sync/sync-horizon.js';
import {
  CategoryFacet, CategoryGroupFacet, DepartementFacet, KindFacet, KindFamilyFacet, ReservedMarketFacet, ServiceTypeFacet,
  SmallPurchaseFacet, SupplierConnection, SupplierEdge, SupplierFacets, TagFacet, TerritoryMatch,
} from './supplier-search.types.js';

function checkedPoint(point: GeoPoint): GeoPoint {
  const { latitude, longitude } = point;
  if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
    throw badUserInput('origin must have a latitude within [-90, 90] and a longitude within [-180, 180]', 'filter.origin');
  }
  return { latitude, longitude };
}

/** Validates a client's filter and resolves it to database keys. */
export async function resolveSupplierSearch(
  filter: SupplierFilter,
  requestedOrder: SupplierOrder | null | undefined,
  ctx: RequestContext,
): Promise<SupplierSearch> {
  const criteria = await resolveDirectoryCriteria(filter, ctx);
  if (filter.origin && !ctx.capabilities.radiusSearchAvailable) throw radiusUnavailable();
  const origin = filter.origin ? checkedPoint(filter.origin) : criteria.zone?.centre ?? null;
  const order = requestedOrder ?? (criteria.tsquery ? SupplierOrder.RELEVANCE : origin ? SupplierOrder.DISTANCE : SupplierOrder.NAME);
  if (order === SupplierOrder.DISTANCE && !origin) {
    if (!ctx.capabilities.radiusSearchAvailable) throw radiusUnavailable();
    throw badUserInput('DISTANCE ordering needs a point: a commune territory or an origin', 'orderBy');
  }

  return {
    ...criteria,
    smallPurchaseFacetAmount: criteria.smallPurchaseAmount ?? DEFAULT_SMALL_PURCHASE_AMOUNT,
    tags: listFilter(filter.tags, 'filter.tags'),
    origin,
    order,
  };
}

const TERRITORY_MATCHES = [TerritoryMatch.LOCATED_IN, TerritoryMatch.SERVES, TerritoryMatch.SERVES_NATIONALLY];

type PageRow = KeysetRow & { distance_km: number | null; tier: number };

/**
 * Runs a search: the page, and the count and facets when selected (cheapest offerings on
 * demand). The count or facets run alongside the page, on another connection: on broad
 * searches each scans many rows, and the two cores of a small server then work at once.
 */
export async function searchSuppliers(
  search: SupplierSearch,
  page: { first?: number | null; after?: string | null },
  ctx: RequestContext,
  selected: { facets: boolean; totalCount: boolean },
): Promise<SupplierConnection> {
  const statements = new SupplierSearchSql(search);
  // Facets count the matches too: one scan serves both fields.
  const facets = selected.facets ? settledLater(supplierFacets(statements, search, ctx)) : null;
  const count = !selected.facets && selected.totalCount ? settledLater(countMatches(ctx.runSearchStatement, statements)) : null;

  const runPage = search.order === SupplierOrder.UPDATED_ASC ? syncStatementRunner(ctx) : ctx.runSearchStatement;
  const result = await fetchKeysetPage<PageRow, SupplierEntity>(runPage, statements, search.order, page, (ids) =>
    ctx.loaders.suppliers.supplierById.loadMany(ids),
  );
  const cheapestOfferings = new DataLoader<number, Offering | null>(async (supplierIds) => {
    const offerings = await cheapestMatchingOfferings(search, [...supplierIds], ctx);
    return supplierIds.map((id) => offerings.get(id) ?? null);
  });

  const connection = new SupplierConnection();
  connection.edges = result.items.map(({ row, entity, cursor }) =>
    Object.assign(new SupplierEdge(), {
      cursor,
      node: Supplier.from(entity),
      distanceKm: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
      territoryMatch: search.zone ? TERRITORY_MATCHES[row.tier] : null,
      supplierKey: row.id,
      loadCheapestMatchingOffering: () => cheapestOfferings.load(row.id),
    }),
  );
  connection.pageInfo = result.pageInfo;
  connection.loadFacets = async () => (await (facets ?? supplierFacets(statements, search, ctx))).facets;
  connection.countAll = async () => (facets ? (await facets).matches : await (count ?? countMatches(ctx.runSearchStatement, statements)));
  return connection;
}

/** A promise started ahead of its reader: its rejection is not "unhandled" meanwhile. */
function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

async function cheapestMatchingOfferings(search: SupplierSearch, supplierIds: number[], ctx: RequestContext) {
  const query = ctx.db
    .getRepository(OfferingEntity)
    .createQueryBuilder('o')
    .distinctOn(['o.supplier_id'])
    .where('o.supplier_id = ANY(:supplierIds)', { supplierIds })
    .andWhere('o.published')
    .andWhere('o.entry_amount IS NOT NULL')
    .orderBy('o.supplier_id')
    .addOrderBy('o.entry_amount')
    .addOrderBy('o.id');
  if (search.activityCategoryIds) query.andWhere('o.category_id = ANY(:categoryIds)', { categoryIds: search.activityCategoryIds });
  if (search.smallPurchaseAmount !== null) query.andWhere('o.entry_amount <= :amount', { amount: search.smallPurchaseAmount });
  const offerings = await query.getMany();
  return new Map(offerings.map((offering) => [offering.supplierId, Offering.from(offering)]));
}

function byCountThenLabel<T extends { count: number }>(label: (facet: T) => string) {
  return (a: T, b: T) => b.count - a.count || label(a).localeCompare(label(b));
}

interface FacetRow {
  /** GROUPING() bits, one per key, set for the keys a row is not grouped by. */
  grouping: number;
  departement: string | null;
  kind: SupplierKind | null;
  /** Bit mask of category group ids, as text (a bigint). */
  category_groups: string | null;
  /** Bit mask of service types, bit n for the n-th value. */
  service_types: number | null;
  small_purchase: boolean | null;
  count: number;
}

/** GROUPING() value of the rows of each grouping set (5 keys: 4 bits set for the others). */
const GROUPED_BY = { departement: 0b01111, kind: 0b10111, categoryGroups: 0b11011, serviceTypes: 0b11101, smallPurchase: 0b11110 };

function countsByBit(rows: FacetRow[], mask: (row: FacetRow) => bigint | null): Map<number, number> {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const bits = mask(row);
    if (bits === null) continue;
    for (let bit = 0; bits >> BigInt(bit) !== 0n; bit += 1) {
      if ((bits >> BigInt(bit)) & 1n) counts.set(bit, (counts.get(bit) ?? 0) + row.count);
    }
  }
  return counts;
}

async function supplierFacets(
  statements: SupplierSearchSql,
  search: SupplierSearch,
  ctx: RequestContext,
): Promise<{ facets: SupplierFacets; matches: number }> {
  const rows = await ctx.runSearchStatement<FacetRow>(statements.facets());
  const setOf = (grouping: number) => rows.filter((row) => row.grouping === grouping);

  const departementRows = setOf(GROUPED_BY.departement).filter((row) => row.departement !== null);
  const kinds = setOf(GROUPED_BY.kind)
    .filter((row) => row.kind !== null)
    .map((row) => Object.assign(new KindFacet(), { kind: row.kind!, count: row.count }));
  const families = Object.values(KindFamily).map((family) =>
    Object.assign(new KindFamilyFacet(), {
      family,
      count: kinds.filter((facet) => KIND_FAMILIES[facet.kind] === family).reduce((sum, facet) => sum + facet.count, 0),
    }),
  );
  const reservedMarkets = Object.values(ReservedMarket).map((reservedMarket) =>
    Object.assign(new ReservedMarketFacet(), {
      reservedMarket,
      count: kinds.filter((facet) => reservedMarketsOf(facet.kind).includes(reservedMarket)).reduce((sum, facet) => sum + facet.count, 0),
    }),
  );
  const groupCounts = countsByBit(setOf(GROUPED_BY.categoryGroups), (row) => (row.category_groups === null ? null : BigInt(row.category_groups)));
  const groups = await ctx.loaders.categories.groupById.loadMany([...groupCounts.keys()]);
  const serviceTypeCounts = countsByBit(setOf(GROUPED_BY.serviceTypes), (row) => (row.service_types === null ? null : BigInt(row.service_types)));
  // Bit n is the n-th value of the service_type enum, declared in the same order.
  const serviceTypes = Object.values(ServiceType);
  const departements = await ctx.loaders.territories.departementByCode.loadMany(departementRows.map((row) => row.departement!));

  const facets = Object.assign(new SupplierFacets(), {
    kinds: kinds.sort(byCountThenLabel((facet) => facet.kind)),
    kindFamilies: families,
    reservedMarkets,
    loadCategories: () => categoryFacets(statements, ctx),
    loadTags: () => tagFacets(statements, ctx),
    categoryGroups: [...groupCounts.values()]
      .flatMap((count, index) => {
        const group = groups[index];
        return group && !(group instanceof Error) ? [Object.assign(new CategoryGroupFacet(), { group: CategoryGroup.from(group), count })] : [];
      })
      .sort(byCountThenLabel((facet) => facet.group.slug)),
    departements: departementRows
      .flatMap((row, index) => {
        const departement = departements[index];
        return departement && !(departement instanceof Error)
          ? [Object.assign(new DepartementFacet(), { departement: Departement.from(departement), count: row.count })]
          : [];
      })
      .sort(byCountThenLabel((facet) => facet.departement.code)),
    serviceTypes: [...serviceTypeCounts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([bit, count]) => Object.assign(new ServiceTypeFacet(), { serviceType: serviceTypes[bit], count })),
    smallPurchase: Object.assign(new SmallPurchaseFacet(), {
      maxAmount: search.smallPurchaseFacetAmount,
      count: setOf(GROUPED_BY.smallPurchase).find((row) => row.small_purchase === true)?.count ?? 0,
    }),
  });
  return { facets, matches: departementRows.reduce((sum, row) => sum + row.count, 0) };
}

async function categoryFacets(statements: SupplierSearchSql, ctx: RequestContext): Promise<CategoryFacet[]> {
  const rows = await ctx.runSearchStatement<{ value: number; count: number }>(statements.categoryFacet());
  const categories = await ctx.loaders.categories.categoryById.loadMany(rows.map((row) => row.value));
  return rows
    .flatMap((row, index) => {
      const category = categories[index];
      return category && !(category instanceof Error) ? [Object.assign(new CategoryFacet(), { category: Category.from(category), count: row.count })] : [];
    })
    .sort(byCountThenLabel((facet) => facet.category.slug));
}

async function tagFacets(statements: SupplierSearchSql, ctx: RequestContext): Promise<TagFacet[]> {
  const rows = await ctx.runSearchStatement<{ value: string; count: number }>(statements.tagFacet());
  return rows.map((row) => Object.assign(new TagFacet(), { tag: row.value, count: row.count })).sort(byCountThenLabel((facet) => facet.tag));
}
