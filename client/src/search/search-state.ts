import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type {
  KindFamily, ReservedMarket, ServiceType, SupplierFilter, SupplierKind, SupplierOrder, TerritoryScope,
} from '../graphql/generated/graphql';
import { KIND_FAMILY_LABELS, KIND_LABELS, ORDER_LABELS, RESERVED_MARKET_LABELS, SERVICE_TYPE_LABELS } from '../labels';

export type TerritoryLevel = 'commune' | 'departement' | 'region';

/** Everything a buyer's search is made of; the URL holds all of it (see toQuery/fromQuery). */
export interface SearchState {
  text: string;
  categorySlugs: string[];
  groupSlugs: string[];
  territory: { level: TerritoryLevel; code: string } | null;
  /** Around a commune only; null: the commune itself. */
  radiusKm: number | null;
  scope: TerritoryScope;
  families: KindFamily[];
  kinds: SupplierKind[];
  serviceTypes: ServiceType[];
  reservedMarkets: ReservedMarket[];
  tags: string[];
  smallPurchase: boolean;
  /** The small-purchase amount in € HT; null: the product's default. */
  smallPurchaseAmount: number | null;
  order: SupplierOrder | null;
  /** How many results are shown ("Afficher plus" adds a page). */
  shown: number;
  view: 'list' | 'map';
}

export const PAGE_SIZE = 20;
/** Beyond this, the buyer is better served by narrowing the search or exporting it. */
export const MAX_SHOWN = 500;
export const RADIUS_CHOICES_KM = [5, 10, 20, 30, 50, 100] as const;
export const MAX_RADIUS_KM = 500;
const MAX_AMOUNT = 100_000_000;

export function emptySearch(): SearchState {
  return {
    text: '',
    categorySlugs: [],
    groupSlugs: [],
    territory: null,
    radiusKm: null,
    scope: 'SERVES',
    families: [],
    kinds: [],
    serviceTypes: [],
    reservedMarkets: [],
    tags: [],
    smallPurchase: false,
    smallPurchaseAmount: null,
    order: null,
    shown: PAGE_SIZE,
    view: 'list',
  };
}

/** URL parameter names, in French: the link a buyer shares is readable. */
const KEYS = {
  text: 'q',
  categorySlugs: 'categorie',
  groupSlugs: 'domaine',
  commune: 'commune',
  departement: 'departement',
  region: 'region',
  radiusKm: 'rayon',
  scope: 'portee',
  families: 'famille',
  kinds: 'type',
  serviceTypes: 'prestation',
  reservedMarkets: 'marche',
  tags: 'reseau',
  smallPurchase: 'achat-direct',
  smallPurchaseAmount: 'montant',
  order: 'tri',
  shown: 'n',
  view: 'vue',
} as const;

const SLUG = /^[a-z0-9-]{1,80}$/;
const TERRITORY_CODES: Record<TerritoryLevel, RegExp> = {
  commune: /^(\d[\dAB]\d{3})$/,
  departement: /^(\d{2,3}|2A|2B)$/,
  region: /^\d{2,3}$/,
};

function values(query: LocationQuery, key: string): string[] {
  const raw = query[key];
  const list = Array.isArray(raw) ? raw : raw == null ? [] : [raw];
  return [...new Set(list.flatMap((value) => (value == null ? [] : value.split(','))).map((value) => value.trim()).filter(Boolean))];
}

function first(query: LocationQuery, key: string): string | null {
  return values(query, key)[0] ?? null;
}

function oneOf<T extends string>(allowed: readonly T[], list: string[]): T[] {
  return list.filter((value): value is T => (allowed as readonly string[]).includes(value));
}

function numberIn(raw: string | null, min: number, max: number): number | null {
  if (raw === null || !/^\d+([.,]\d+)?$/.test(raw)) return null;
  const value = Number(raw.replace(',', '.'));
  return value >= min && value <= max ? value : null;
}

/**
 * Reads a search from the URL. Whatever a hand-edited or stale link holds, the result is
 * a valid search: unknown values are dropped, never sent to the API.
 */
export function fromQuery(query: LocationQuery): SearchState {
  const state = emptySearch();
  state.text = (first(query, KEYS.text) ?? '').slice(0, 200);
  state.categorySlugs = values(query, KEYS.categorySlugs).filter((slug) => SLUG.test(slug));
  state.groupSlugs = values(query, KEYS.groupSlugs).filter((slug) => SLUG.test(slug));
  for (const level of ['commune', 'departement', 'region'] as const) {
    const code = first(query, KEYS[level])?.toUpperCase() ?? null;
    if (code && TERRITORY_CODES[level].test(code)) {
      state.territory = { level, code };
      break;
    }
  }
  if (state.territory?.level === 'commune') state.radiusKm = numberIn(first(query, KEYS.radiusKm), 1, MAX_RADIUS_KM);
  if (state.territory && first(query, KEYS.scope) === 'situes') state.scope = 'LOCATED_IN';
  state.families = oneOf(Object.keys(KIND_FAMILY_LABELS) as KindFamily[], values(query, KEYS.families).map((v) => v.toUpperCase()));
  state.kinds = oneOf(Object.keys(KIND_LABELS) as SupplierKind[], values(query, KEYS.kinds).map((v) => v.toUpperCase()));
  state.serviceTypes = oneOf(Object.keys(SERVICE_TYPE_LABELS) as ServiceType[], values(query, KEYS.serviceTypes).map((v) => v.toUpperCase()));
  state.reservedMarkets = oneOf(
    Object.keys(RESERVED_MARKET_LABELS) as ReservedMarket[],
    values(query, KEYS.reservedMarkets).map((v) => v.toUpperCase()),
  );
  state.tags = values(query, KEYS.tags).slice(0, 50);
  state.smallPurchase = first(query, KEYS.smallPurchase) === 'oui';
  state.smallPurchaseAmount = numberIn(first(query, KEYS.smallPurchaseAmount), 0, MAX_AMOUNT);
  const order = first(query, KEYS.order)?.toUpperCase() ?? null;
  state.order = oneOf(Object.keys(ORDER_LABELS) as SupplierOrder[], order ? [order] : [])[0] ?? null;
  if (state.order === 'DISTANCE' && state.territory?.level !== 'commune') state.order = null;
  const shown = numberIn(first(query, KEYS.shown), PAGE_SIZE, MAX_SHOWN);
  state.shown = shown === null ? PAGE_SIZE : Math.ceil(shown / PAGE_SIZE) * PAGE_SIZE;
  state.view = first(query, KEYS.view) === 'carte' ? 'map' : 'list';
  return state;
}

/** Writes a search to URL parameters, leaving out what is at its default. */
export function toQuery(state: SearchState): LocationQueryRaw {
  const query: Record<string, string> = {};
  const put = (key: string, value: string | null | undefined) => {
    if (value) query[key] = value;
  };
  const list = (key: string, items: string[]) => put(key, items.join(','));
  put(KEYS.text, state.text.trim());
  list(KEYS.categorySlugs, state.categorySlugs);
  list(KEYS.groupSlugs, state.groupSlugs);
  if (state.territory) {
    put(KEYS[state.territory.level], state.territory.code);
    if (state.territory.level === 'commune' && state.radiusKm !== null) put(KEYS.radiusKm, String(state.radiusKm));
    if (state.scope === 'LOCATED_IN') put(KEYS.scope, 'situes');
  }
  list(KEYS.families, state.families.map((v) => v.toLowerCase()));
  list(KEYS.kinds, state.kinds.map((v) => v.toLowerCase()));
  list(KEYS.serviceTypes, state.serviceTypes.map((v) => v.toLowerCase()));
  list(KEYS.reservedMarkets, state.reservedMarkets.map((v) => v.toLowerCase()));
  list(KEYS.tags, state.tags);
  if (state.smallPurchase) put(KEYS.smallPurchase, 'oui');
  if (state.smallPurchaseAmount !== null) put(KEYS.smallPurchaseAmount, String(state.smallPurchaseAmount));
  if (state.order) put(KEYS.order, state.order.toLowerCase());
  if (state.shown !== PAGE_SIZE) put(KEYS.shown, String(state.shown));
  if (state.view === 'map') put(KEYS.view, 'carte');
  return query;
}

/** The API filter of a search. */
export function toFilter(state: SearchState, defaultAmount: number): SupplierFilter {
  const filter: SupplierFilter = {};
  if (state.text.trim()) filter.text = state.text.trim();
  if (state.categorySlugs.length) filter.categorySlugs = state.categorySlugs;
  if (state.groupSlugs.length) filter.categoryGroupSlugs = state.groupSlugs;
  if (state.territory) {
    const { level, code } = state.territory;
    filter.territory = {
      scope: state.scope,
      ...(level === 'commune' ? { communeCode: code, radiusKm: state.radiusKm } : level === 'departement' ? { departementCode: code } : { regionCode: code }),
    };
  }
  if (state.families.length) filter.kindFamilies = state.families;
  if (state.kinds.length) filter.kinds = state.kinds;
  if (state.serviceTypes.length) filter.serviceTypes = state.serviceTypes;
  if (state.reservedMarkets.length) filter.reservedMarkets = state.reservedMarkets;
  if (state.tags.length) filter.tags = state.tags;
  if (state.smallPurchase) filter.smallPurchase = { maxAmount: state.smallPurchaseAmount ?? defaultAmount };
  return filter;
}

/** A search changed by the buyer starts again from the first page. */
export function withChange(state: SearchState, change: Partial<SearchState>): SearchState {
  const next = { ...state, shown: PAGE_SIZE, ...change };
  if (next.territory?.level !== 'commune') next.radiusKm = null;
  if (!next.territory) next.scope = 'SERVES';
  if (next.order === 'DISTANCE' && next.territory?.level !== 'commune') next.order = null;
  return next;
}

/**
 * The search a server without commune centres can run: no radius, no ordering by distance
 * (both need the centres). The same object when there is nothing to drop.
 */
export function withoutDistance(state: SearchState): SearchState {
  if (state.radiusKm === null && state.order !== 'DISTANCE') return state;
  return { ...state, radiusKm: null, order: state.order === 'DISTANCE' ? null : state.order };
}

export function isBlank(state: SearchState): boolean {
  return JSON.stringify(toQuery({ ...state, view: 'list' })) === '{}';
}
