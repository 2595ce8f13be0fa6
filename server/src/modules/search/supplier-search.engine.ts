import type { CursorKey, CursorValue } from '../../core/graphql/pagination.js';
import type { ServiceType } from '../suppliers/service-area.js';
import type { KindFamily, ReservedMarket, SupplierKind } from '../suppliers/supplier-kind.js';
import type { KeysetRow } from './keyset-page.js';

/** Why a supplier of a page matched (README, "Say why"). */
export interface SlotReasons {
  /** Bits of the query's terms it matched (term n: bit n). */
  matchedTerms: number;
  /** Whether it is the structure whose SIRET or SIREN the text holds. */
  identified: boolean;
  /** FIELD_BITS of where the words were found. */
  fields: number;
  /** Its categories that the search's categories or words named, sold ones first. */
  categoryIds: number[];
}

/** Facet counts of a search, before they are dressed as GraphQL types (see README, "Facets"). */
export interface SupplierFacetCounts {
  /** Every match. */
  matches: number;
  /** Matches located in each département (without a territory: with the département's own word threshold, README "Facets"). */
  departements: Map<string, number>;
  /** Each ignoring the kind filter, applying the family and reserved-market ones. */
  kinds: Map<SupplierKind, number>;
  /** Each ignoring the family filter, applying the kind and reserved-market ones. */
  kindFamilies: Map<KindFamily, number>;
  /** Each ignoring the reserved-market filter, applying the kind and family ones. */
  reservedMarkets: Map<ReservedMarket, number>;
  /** By category group id. */
  categoryGroups: Map<number, number>;
  serviceTypes: Map<ServiceType, number>;
  /** Matches with an offering at or under the small-purchase facet amount. */
  smallPurchase: number;
}

/** A row of a results page: the supplier, its sort key values (`k0`…), distance, territory tier, and why it matched (index). */
export type SupplierPageRow = KeysetRow & { distance_km: number | null; tier: number; reasons?: SlotReasons };

/**
 * Runs one supplier search: in the directory index (every order but UPDATED_ASC), or in SQL
 * (UPDATED_ASC, for mirrors; README, "One engine").
 */
export interface SupplierSearchEngine {
  /** The types of the sort keys, which cursors carry. */
  sortKeyTypes(): CursorKey[];
  /** Rows after the cursor's, `limit + 1` at most. */
  page(after: CursorValue[] | null, limit: number): Promise<SupplierPageRow[]>;
  count(): Promise<number>;
  facets(): Promise<SupplierFacetCounts>;
  /** Matches by category id, ignoring the category filters. */
  categories(): Promise<Map<number, number>>;
  /** Matches by tag, ignoring the tag filter. */
  tags(): Promise<Map<string, number>>;
  /** Why each of these suppliers matched (the directory index only). */
  explain?(supplierIds: readonly number[]): Promise<Map<number, SlotReasons>>;
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
    ...(engine.explain ? { explain: (supplierIds: readonly number[]) => runTurn(() => engine.explain!(supplierIds)) } : {}),
  };
}
