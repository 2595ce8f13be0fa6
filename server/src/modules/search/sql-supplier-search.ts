import type { CursorKey, CursorValue } from '../../core/graphql/pagination.js';
import { ServiceType } from '../suppliers/service-area.js';
import { KIND_FAMILIES, KindFamily, ReservedMarket, reservedMarketsOf, type SupplierKind } from '../suppliers/supplier-kind.js';
import { countMatches } from './keyset-page.js';
import type { RunStatement } from './search-result-cache.js';
import type { SupplierFacetCounts, SupplierPageRow, SupplierSearchEngine } from './supplier-search.engine.js';
import type { SupplierSearch } from './supplier-search.query.js';
import { SupplierSearchSql } from './supplier-search.sql.js';

interface FacetRow {
  /** GROUPING() bits, one per key, set for the keys a row is not grouped by. */
  grouping: number;
  departement: string | null;
  kind: SupplierKind | null;
  family_kind: SupplierKind | null;
  reserved_kind: SupplierKind | null;
  /** Bit mask of category group ids, as text (a bigint). */
  category_groups: string | null;
  /** Bit mask of service types, bit n for the n-th value. */
  service_types: number | null;
  small_purchase: boolean | null;
  count: number;
}

/** GROUPING() value of the rows of each grouping set (7 keys: 6 bits set for the others). */
const GROUPED_BY = {
  departement: 0b0111111,
  kind: 0b1011111,
  familyKind: 0b1101111,
  reservedKind: 0b1110111,
  categoryGroups: 0b1111011,
  serviceTypes: 0b1111101,
  smallPurchase: 0b1111110,
};

/** Counts by bit position of the rows' masks (each row counting `row.count`). */
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

/**
 * A supplier search run in PostgreSQL (supplier-search.sql.ts): the UPDATED_ASC order of
 * mirrors, and the tests' oracle of the directory index.
 */
export class SqlSupplierSearch implements SupplierSearchEngine {
  readonly statements: SupplierSearchSql;

  constructor(
    search: SupplierSearch,
    private readonly run: RunStatement,
    private readonly runPage: RunStatement,
  ) {
    this.statements = new SupplierSearchSql(search);
  }

  sortKeyTypes(): CursorKey[] {
    return this.statements.sortKeyTypes();
  }

  page(after: CursorValue[] | null, limit: number): Promise<SupplierPageRow[]> {
    return this.runPage<SupplierPageRow>(this.statements.page(after, limit));
  }

  count(): Promise<number> {
    return countMatches(this.run, this.statements);
  }

  /** Ids of every match, in id order. */
  async matchIds(): Promise<number[]> {
    return (await this.run<{ id: number }>(this.statements.matchIds())).map((row) => row.id);
  }

  async facets(): Promise<SupplierFacetCounts> {
    const [rows, matches] = await Promise.all([this.run<FacetRow>(this.statements.facets()), this.count()]);
    const setOf = (grouping: number) => rows.filter((row) => row.grouping === grouping);
    const byKind = (grouping: number, key: (row: FacetRow) => SupplierKind | null) =>
      setOf(grouping).flatMap((row) => (key(row) === null ? [] : [[key(row)!, row.count] as const]));
    const families = new Map(Object.values(KindFamily).map((family) => [family, 0]));
    for (const [kind, count] of byKind(GROUPED_BY.familyKind, (row) => row.family_kind)) families.set(KIND_FAMILIES[kind], families.get(KIND_FAMILIES[kind])! + count);
    const reservedMarkets = new Map(Object.values(ReservedMarket).map((market) => [market, 0]));
    for (const [kind, count] of byKind(GROUPED_BY.reservedKind, (row) => row.reserved_kind)) {
      for (const market of reservedMarketsOf(kind)) reservedMarkets.set(market, reservedMarkets.get(market)! + count);
    }
    // Bit n is the n-th value of the service_type enum, declared in the same order.
    const serviceTypes = Object.values(ServiceType);
    return {
      matches,
      departements: new Map(
        setOf(GROUPED_BY.departement).flatMap((row) => (row.departement === null ? [] : [[row.departement, row.count] as const])),
      ),
      kinds: new Map(byKind(GROUPED_BY.kind, (row) => row.kind)),
      kindFamilies: families,
      reservedMarkets,
      categoryGroups: countsByBit(setOf(GROUPED_BY.categoryGroups), (row) => (row.category_groups === null ? null : BigInt(row.category_groups))),
      serviceTypes: new Map(
        [...countsByBit(setOf(GROUPED_BY.serviceTypes), (row) => (row.service_types === null ? null : BigInt(row.service_types)))].map(
          ([bit, count]) => [serviceTypes[bit], count],
        ),
      ),
      smallPurchase: setOf(GROUPED_BY.smallPurchase).find((row) => row.small_purchase === true)?.count ?? 0,
    };
  }

  async categories(): Promise<Map<number, number>> {
    const rows = await this.run<{ value: number; count: number }>(this.statements.categoryFacet());
    return new Map(rows.map((row) => [row.value, row.count]));
  }

  async tags(): Promise<Map<string, number>> {
    const rows = await this.run<{ value: string; count: number }>(this.statements.tagFacet());
    return new Map(rows.map((row) => [row.value, row.count]));
  }
}
