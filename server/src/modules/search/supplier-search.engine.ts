import type { CursorKey, CursorValue } from '../../core/graphql/pagination.js';
import type { ServiceType } from '../suppliers/service-area.js';
import type { SupplierKind } from '../suppliers/supplier-kind.js';
import type { KeysetRow } from './keyset-page.js';

/** Facet counts of a search, before they are dressed as GraphQL types (see README, "Facets"). */
export interface SupplierFacetCounts {
  /** Every match (the sum of the département counts). */
  matches: number;
  departements: Map<string, number>;
  kinds: Map<SupplierKind, number>;
  /** By category group id. */
  categoryGroups: Map<number, number>;
  serviceTypes: Map<ServiceType, number>;
  /** Matches with an offering at or under the small-purchase facet amount. */
  smallPurchase: number;
}

/** A row of a results page: the supplier, its sort key values (`k0`…), distance and territory tier. */
export type SupplierPageRow = KeysetRow & { distance_km: number | null; tier: number };

/**
 * Runs one supplier search: in the in-memory directory index when it is current, else in
 * SQL (both give the same rows, counts and cursors).
 */
export interface SupplierSearchEngine {
  /** The types of the sort keys (the same in both engines: their cursors are interchangeable). */
  sortKeyTypes(): CursorKey[];
  /** Rows after the cursor's, `limit + 1` at most. */
  page(after: CursorValue[] | null, limit: number): Promise<SupplierPageRow[]>;
  count(): Promise<number>;
  facets(): Promise<SupplierFacetCounts>;
  /** Matches by category id, ignoring the category filters. */
  categories(): Promise<Map<number, number>>;
  /** Matches by tag, ignoring the tag filter. */
  tags(): Promise<Map<string, number>>;
}

/** Runs a unit of CPU-bound work on a client's turn (core/scheduling/fair-work-queue.ts). */
export type RunTurn = <T>(work: () => T) => Promise<Awaited<T>>;

/** The same engine, each of its computations run on the client's turn: for the in-memory engine, whose work is synchronous. */
export function onTurns(engine: SupplierSearchEngine, runTurn: RunTurn): SupplierSearchEngine {
  return {
    sortKeyTypes: () => engine.sortKeyTypes(),
    page: (after, limit) => runTurn(() => engine.page(after, limit)),
    count: () => runTurn(() => engine.count()),
    facets: () => runTurn(() => engine.facets()),
    categories: () => runTurn(() => engine.categories()),
    tags: () => runTurn(() => engine.tags()),
  };
}
