import DataLoader from 'dataloader';
import type { RequestContext } from '../../app/context.js';
import { decodeCursor, encodeCursor, pageInfoOf, pageSizeOf, type CursorValue } from '../../core/graphql/pagination.js';
import { badUserInput } from '../../core/graphql/errors.js';
import { CategoryGroup } from '../categories/category.types.js';
import { listCategoryGroups } from '../categories/category.service.js';
import { OfferingEntity } from '../offerings/offering.entity.js';
import { Offering } from '../offerings/offering.types.js';
import { DEFAULT_SMALL_PURCHASE_AMOUNT } from '../small-purchase/small-purchase-thresholds.js';
import { KIND_FAMILIES, KindFamily, SupplierKind } from '../suppliers/supplier-kind.js';
import { SupplierOrder, type SupplierFilter } from '../suppliers/supplier.inputs.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { Departement } from '../territories/territory.types.js';
import { listFilter, resolveDirectoryCriteria } from './directory-criteria.js';
import { radiusUnavailable, type GeoPoint } from './territory-zone.js';
import { SupplierSearchSql, type SupplierSearch } from './supplier-search.sql.js';
import {
  CategoryGroupFacet, DepartementFacet, KindFacet, KindFamilyFacet, ServiceTypeFacet, SmallPurchaseFacet,
  SupplierConnection, SupplierEdge, SupplierFacets, TerritoryMatch,
} from './supplier-search.types.js';
import { ServiceType } from '../suppliers/service-area.js';

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

interface PageRow {
  id: number;
  distance_km: number | null;
  tier: number;
  [key: `k${number}`]: CursorValue;
}

/** Runs a search: the page now, the count, facets and cheapest offerings only when selected. */
export async function searchSuppliers(
  search: SupplierSearch,
  page: { first?: number | null; after?: string | null },
  ctx: RequestContext,
  options: { facetsSelected: boolean },
): Promise<SupplierConnection> {
  const limit = pageSizeOf(page.first);
  const statements = new SupplierSearchSql(search);
  const keyCount = statements.sortKeyCount();
  const after = page.after ? decodeCursor(page.after, search.order, keyCount) : null;

  const { sql, parameters } = statements.page(after, limit);
  const rows = limit === 0 ? [] : await ctx.db.query<PageRow[]>(sql, parameters);
  const pageRows = rows.slice(0, limit);
  const entities = await ctx.loaders.suppliers.supplierById.loadMany(pageRows.map((row) => row.id));

  const cheapestOfferings = new DataLoader<number, Offering | null>(async (supplierIds) => {
    const offerings = await cheapestMatchingOfferings(search, [...supplierIds], ctx);
    return supplierIds.map((id) => offerings.get(id) ?? null);
  });

  const edges = pageRows.map((row, index) => {
    const entity = entities[index];
    if (!entity || entity instanceof Error) throw entity ?? new Error(`Supplier ${row.id} vanished during the search`);
    const keys = Array.from({ length: keyCount }, (_unused, key) => row[`k${key}`]);
    return Object.assign(new SupplierEdge(), {
      cursor: encodeCursor(search.order, keys),
      node: Supplier.from(entity),
      distanceKm: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
      territoryMatch: search.zone ? TERRITORY_MATCHES[row.tier] : null,
      supplierKey: row.id,
      loadCheapestMatchingOffering: () => cheapestOfferings.load(row.id),
    });
  });

  const connection = new SupplierConnection();
  connection.edges = edges;
  connection.pageInfo = pageInfoOf(edges.map((edge) => edge.cursor), rows.length > limit, page.after);
  // When facets are selected they count the matches too: one scan instead of two.
  let facets: Promise<{ facets: SupplierFacets; matches: number }> | null = null;
  const facetsOnce = () => (facets ??= supplierFacets(statements, search, ctx));
  connection.loadFacets = async () => (await facetsOnce()).facets;
  connection.countAll = async () => {
    if (options.facetsSelected) return (await facetsOnce()).matches;
    const count = statements.count();
    const [{ total }] = await ctx.db.query<{ total: number }[]>(count.sql, count.parameters);
    return total;
  };
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

/** Facet rows come one per département; the other facets are summed over them. */
type FacetRow = { departement: string } & Record<string, number>;

async function supplierFacets(
  statements: SupplierSearchSql,
  search: SupplierSearch,
  ctx: RequestContext,
): Promise<{ facets: SupplierFacets; matches: number }> {
  const groups = await listCategoryGroups(ctx.db);
  const { sql, parameters } = statements.facets(groups.map((group) => group.id));
  const rows = await ctx.db.query<FacetRow[]>(sql, parameters);
  const total = (column: string) => rows.reduce((sum, row) => sum + Number(row[column] ?? 0), 0);

  const kinds = Object.values(SupplierKind)
    .map((kind) => Object.assign(new KindFacet(), { kind, count: total(`kind:${kind}`) }))
    .filter((facet) => facet.count > 0);
  const families = Object.values(KindFamily).map((family) =>
    Object.assign(new KindFamilyFacet(), {
      family,
      count: kinds.filter((facet) => KIND_FAMILIES[facet.kind] === family).reduce((sum, facet) => sum + facet.count, 0),
    }),
  );
  const departementRows = rows.filter((row) => Number(row.matches) > 0);
  const departements = await ctx.loaders.territories.departementByCode.loadMany(departementRows.map((row) => row.departement));

  const facets = Object.assign(new SupplierFacets(), {
    kinds: kinds.sort(byCountThenLabel((facet) => facet.kind)),
    kindFamilies: families,
    categoryGroups: groups
      .map((group) => Object.assign(new CategoryGroupFacet(), { group: CategoryGroup.from(group), count: total(`categoryGroup:${group.id}`) }))
      .filter((facet) => facet.count > 0)
      .sort(byCountThenLabel((facet) => facet.group.slug)),
    departements: departementRows
      .flatMap((row, index) => {
        const departement = departements[index];
        return departement && !(departement instanceof Error)
          ? [Object.assign(new DepartementFacet(), { departement: Departement.from(departement), count: Number(row.matches) })]
          : [];
      })
      .sort(byCountThenLabel((facet) => facet.departement.code)),
    serviceTypes: Object.values(ServiceType)
      .map((serviceType) => Object.assign(new ServiceTypeFacet(), { serviceType, count: total(`serviceType:${serviceType}`) }))
      .filter((facet) => facet.count > 0),
    smallPurchase: Object.assign(new SmallPurchaseFacet(), {
      maxAmount: search.smallPurchaseFacetAmount,
      count: total('smallPurchase'),
    }),
  });
  return { facets, matches: total('matches') };
}
