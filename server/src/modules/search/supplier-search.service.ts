import DataLoader from 'dataloader';
import type { RequestContext } from '../../app/context.js';
import { badUserInput } from '../../core/graphql/errors.js';
import { Category, CategoryGroup } from '../categories/category.types.js';
import { OfferingEntity } from '../offerings/offering.entity.js';
import { Offering } from '../offerings/offering.types.js';
import { DEFAULT_SMALL_PURCHASE_AMOUNT } from '../small-purchase/small-purchase-thresholds.js';
import { ServiceType } from '../suppliers/service-area.js';
import { KIND_FAMILIES, KindFamily, ReservedMarket, reservedMarketsOf } from '../suppliers/supplier-kind.js';
import type { SupplierEntity } from '../suppliers/supplier.entity.js';
import { SupplierOrder, type SupplierFilter } from '../suppliers/supplier.inputs.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { Departement } from '../territories/territory.types.js';
import { listFilter, resolveDirectoryCriteria } from './directory-criteria.js';
import { fetchKeysetPage, settledLater } from './keyset-page.js';
import { IndexedSupplierSearch } from './directory-index/indexed-supplier-search.js';
import { SqlSupplierSearch } from './sql-supplier-search.js';
import { onTurns, type SupplierFacetCounts, type SupplierPageRow, type SupplierSearchEngine } from './supplier-search.engine.js';
import { radiusUnavailable, type GeoPoint } from './territory-zone.js';
import type { SupplierSearch } from './supplier-search.sql.js';
import { syncStatementRunner } from '../sync/sync-horizon.js';
import {
  CategoryFacet, CategoryGroupFacet, DepartementFacet, KindFacet, KindFamilyFacet, ReservedMarketFacet, ServiceTypeFacet,
  SmallPurchaseFacet, SupplierConnection, SupplierEdge, SupplierFacets, TagFacet, TerritoryMatch,
} from './supplier-search.types.js';

/** Coordinates are kept to 7 decimals (about 1 cm): a denormal one (5e-324) would underflow in SQL's trigonometry. */
const roundedDegrees = (degrees: number) => Math.round(degrees * 1e7) / 1e7;

function checkedPoint(point: GeoPoint): GeoPoint {
  const { latitude, longitude } = point;
  if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
    throw badUserInput('origin must have a latitude within [-90, 90] and a longitude within [-180, 180]', 'filter.origin');
  }
  return { latitude: roundedDegrees(latitude), longitude: roundedDegrees(longitude) };
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

/** The engine of a search: the directory index when it is current, else SQL. */
async function engineFor(search: SupplierSearch, ctx: RequestContext): Promise<SupplierSearchEngine> {
  // Sync pages and updatedSince read SQL: they follow the sync horizon (modules/sync).
  if (search.order === SupplierOrder.UPDATED_ASC) return new SqlSupplierSearch(search, ctx.runSearchStatement, syncStatementRunner(ctx));
  const index = ctx.directoryIndex && !search.updatedSince ? await ctx.directoryIndex.indexAt(await ctx.directoryVersion()) : null;
  if (!index) return new SqlSupplierSearch(search, ctx.runSearchStatement, ctx.runSearchStatement);
  // Index searches are CPU work on this process's one event loop: shared fairly between client IPs.
  const workQueue = ctx.directoryIndex!.workQueue;
  return onTurns(new IndexedSupplierSearch(index, search), (work) => workQueue.run(ctx.http.ip, work));
}

/**
 * Runs a search: the page, and the count and facets when selected (cheapest offerings on
 * demand). In SQL, the count or facets run alongside the page, on another connection: on
 * broad searches each scans many rows, and the two cores of a small server then work at once.
 */
export async function searchSuppliers(
  search: SupplierSearch,
  page: { first?: number | null; after?: string | null },
  ctx: RequestContext,
  selected: { facets: boolean; totalCount: boolean },
): Promise<SupplierConnection> {
  const engine = await engineFor(search, ctx);
  // Facets count the matches too: one scan serves both fields.
  const facets = selected.facets ? settledLater(engine.facets()) : null;
  const count = !selected.facets && selected.totalCount ? settledLater(engine.count()) : null;

  const result = await fetchKeysetPage<SupplierPageRow, SupplierEntity>(engine, search.order, page, (ids) =>
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
  connection.loadFacets = async () => supplierFacets(await (facets ?? engine.facets()), engine, search, ctx);
  connection.countAll = async () => (facets ? (await facets).matches : await (count ?? engine.count()));
  return connection;
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

async function supplierFacets(
  counts: SupplierFacetCounts,
  engine: SupplierSearchEngine,
  search: SupplierSearch,
  ctx: RequestContext,
): Promise<SupplierFacets> {
  const kinds = [...counts.kinds].map(([kind, count]) => Object.assign(new KindFacet(), { kind, count }));
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
  const groupCounts = [...counts.categoryGroups];
  const groups = await ctx.loaders.categories.groupById.loadMany(groupCounts.map(([id]) => id));
  const departementCounts = [...counts.departements];
  const departements = await ctx.loaders.territories.departementByCode.loadMany(departementCounts.map(([code]) => code));

  return Object.assign(new SupplierFacets(), {
    kinds: kinds.sort(byCountThenLabel((facet) => facet.kind)),
    kindFamilies: families,
    reservedMarkets,
    loadCategories: () => categoryFacets(engine, ctx),
    loadTags: () => tagFacets(engine),
    categoryGroups: groupCounts
      .flatMap(([, count], index) => {
        const group = groups[index];
        return group && !(group instanceof Error) ? [Object.assign(new CategoryGroupFacet(), { group: CategoryGroup.from(group), count })] : [];
      })
      .sort(byCountThenLabel((facet) => facet.group.slug)),
    departements: departementCounts
      .flatMap(([, count], index) => {
        const departement = departements[index];
        return departement && !(departement instanceof Error)
          ? [Object.assign(new DepartementFacet(), { departement: Departement.from(departement), count })]
          : [];
      })
      .sort(byCountThenLabel((facet) => facet.departement.code)),
    serviceTypes: Object.values(ServiceType).flatMap((serviceType) => {
      const count = counts.serviceTypes.get(serviceType);
      return count ? [Object.assign(new ServiceTypeFacet(), { serviceType, count })] : [];
    }),
    smallPurchase: Object.assign(new SmallPurchaseFacet(), { maxAmount: search.smallPurchaseFacetAmount, count: counts.smallPurchase }),
  });
}

async function categoryFacets(engine: SupplierSearchEngine, ctx: RequestContext): Promise<CategoryFacet[]> {
  const counts = [...(await engine.categories())];
  const categories = await ctx.loaders.categories.categoryById.loadMany(counts.map(([id]) => id));
  return counts
    .flatMap(([, count], index) => {
      const category = categories[index];
      return category && !(category instanceof Error) ? [Object.assign(new CategoryFacet(), { category: Category.from(category), count })] : [];
    })
    .sort(byCountThenLabel((facet) => facet.category.slug));
}

async function tagFacets(engine: SupplierSearchEngine): Promise<TagFacet[]> {
  return [...(await engine.tags())].map(([tag, count]) => Object.assign(new TagFacet(), { tag, count })).sort(byCountThenLabel((facet) => facet.tag));
}
