import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type {
  KindFamily, ReservedMarket, ServiceType, SupplierFilter, SupplierKind, SupplierOrder, TerritoryScope,
} from '../graphql/generated/graphql';
import { parseAmount } from './amount';
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
  /**
   * With a place (scope SERVES): leave out the structures that reach it only because they
   * serve all of France (`excludeNationalOnly`). Those located in the place stay.
   */
  excludeNationalOnly: boolean;
  smallPurchase: boolean;
  /** The small-purchase amount in € HT; null: the product's default. */
  smallPurchaseAmount: number | null;
  /** null: the one default order, RELEVANCE (local first, then relevance). */
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
/**
 * "Quoi ?" holds at most this many characters (the API's bound too): a search stays a
 * link that can be shared and reloaded (a 20 000-character one made the server refuse
 * the URL, HTTP 431).
 */
export const MAX_TEXT_LENGTH = 200;

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
    excludeNationalOnly: false,
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
  excludeNationalOnly: 'national',
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

/** A parameter that is one value, commas included ("traiteur, buffet"; "2500,50"). */
function single(query: LocationQuery, key: string): string | null {
  const raw = query[key];
  const value = (Array.isArray(raw) ? raw.find((item) => item != null) : raw)?.trim();
  return value ? value : null;
}

function numberIn(raw: string | null, min: number, max: number): number | null {
  if (raw === null || !/^\d+([.,]\d+)?$/.test(raw)) return null;
  const value = Number(raw.replace(',', '.'));
  return value >= min && value <= max ? value : null;
}

/** Something a link asked for that this search cannot honour, in the words of the notice that says so. */
export interface IgnoredPart {
  /** The URL parameter, e.g. "departement". */
  key: string;
  /** What the link held, as given. */
  value: string;
  /** "le département « XX »": what the notice lists. */
  text: string;
}

/** A value of a link as the notice quotes it: short, and on one line. */
export function quoted(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return `«\u00a0${chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : line}\u00a0»`;
}

const WHAT: Record<string, string> = {
  categorie: 'l’activité',
  domaine: 'le domaine',
  commune: 'la commune',
  departement: 'le département',
  region: 'la région',
  rayon: 'le rayon',
  portee: 'la portée',
  famille: 'la famille',
  type: 'le type de structure',
  prestation: 'le type de prestation',
  marche: 'le marché réservé',
  national: 'l’option « national »',
  'achat-direct': 'l’option d’achat direct',
  montant: 'le montant',
  tri: 'le tri',
};

function ignoredPart(key: string, value: string): IgnoredPart {
  return { key, value, text: `${WHAT[key] ?? key} ${quoted(value)}` };
}

/**
 * Reads a search from the URL, and lists what it had to leave out. Whatever a hand-edited
 * or stale link holds, the search is valid (unknown values never reach the API), and
 * nothing is dropped silently: the page tells the buyer what was ignored.
 * Presentation (`n`, `vue`) is normalised without a word; so are unknown parameter names
 * (a campaign tag added by a mail client is not the buyer's search).
 */
export function readQuery(query: LocationQuery): { state: SearchState; ignored: IgnoredPart[] } {
  const state = emptySearch();
  const ignored: IgnoredPart[] = [];
  const ignore = (key: string, value: string) => ignored.push(ignoredPart(key, value));

  const text = single(query, KEYS.text) ?? '';
  state.text = [...text].slice(0, MAX_TEXT_LENGTH).join('');
  if (state.text !== text) {
    ignored.push({ key: KEYS.text, value: text, text: `la fin du texte recherché, au-delà de ${MAX_TEXT_LENGTH} caractères` });
  }

  const slugs = (key: string) => {
    const all = values(query, key);
    for (const slug of all.filter((value) => !SLUG.test(value))) ignore(key, slug);
    return all.filter((value) => SLUG.test(value));
  };
  state.categorySlugs = slugs(KEYS.categorySlugs);
  state.groupSlugs = slugs(KEYS.groupSlugs);

  for (const level of ['commune', 'departement', 'region'] as const) {
    for (const given of values(query, KEYS[level])) {
      const code = given.toUpperCase();
      if (!state.territory && TERRITORY_CODES[level].test(code)) state.territory = { level, code };
      // A second place, or a code that cannot be one.
      else ignore(KEYS[level], given);
    }
  }

  const radius = first(query, KEYS.radiusKm);
  if (radius !== null) {
    state.radiusKm = state.territory?.level === 'commune' ? numberIn(radius, 1, MAX_RADIUS_KM) : null;
    if (state.radiusKm === null) ignore(KEYS.radiusKm, radius);
  }
  const scope = first(query, KEYS.scope);
  if (scope !== null) {
    if (state.territory && scope === 'situes') state.scope = 'LOCATED_IN';
    else if (!(state.territory && scope === 'interviennent')) ignore(KEYS.scope, scope);
  }

  const enumValues = <T extends string>(key: string, allowed: readonly T[]): T[] => {
    const chosen: T[] = [];
    for (const given of values(query, key)) {
      const value = given.toUpperCase();
      if ((allowed as readonly string[]).includes(value)) chosen.push(value as T);
      else ignore(key, given);
    }
    return [...new Set(chosen)];
  };
  state.families = enumValues(KEYS.families, Object.keys(KIND_FAMILY_LABELS) as KindFamily[]);
  state.kinds = enumValues(KEYS.kinds, Object.keys(KIND_LABELS) as SupplierKind[]);
  state.serviceTypes = enumValues(KEYS.serviceTypes, Object.keys(SERVICE_TYPE_LABELS) as ServiceType[]);
  state.reservedMarkets = enumValues(KEYS.reservedMarkets, Object.keys(RESERVED_MARKET_LABELS) as ReservedMarket[]);
  state.tags = values(query, KEYS.tags).slice(0, 50);

  const national = first(query, KEYS.excludeNationalOnly);
  if (national !== null) {
    if (national === 'non' && state.territory && state.scope === 'SERVES') state.excludeNationalOnly = true;
    else if (national === 'non') {
      ignored.push({ key: KEYS.excludeNationalOnly, value: national, text: 'le masquage des structures nationales, qui demande un lieu' });
    } else if (national !== 'oui') ignore(KEYS.excludeNationalOnly, national);
  }

  const smallPurchase = first(query, KEYS.smallPurchase);
  if (smallPurchase !== null) {
    state.smallPurchase = smallPurchase === 'oui';
    if (smallPurchase !== 'oui' && smallPurchase !== 'non') ignore(KEYS.smallPurchase, smallPurchase);
  }
  const amount = single(query, KEYS.smallPurchaseAmount);
  if (amount !== null) {
    const parsed = parseAmount(amount);
    if ('amount' in parsed) state.smallPurchaseAmount = parsed.amount;
    else ignore(KEYS.smallPurchaseAmount, amount);
  }

  const order = first(query, KEYS.order);
  if (order !== null) {
    const upper = order.toUpperCase();
    const known = (Object.keys(ORDER_LABELS) as SupplierOrder[]).find((value) => value === upper) ?? null;
    if (known === null) ignore(KEYS.order, order);
    else if (known === 'DISTANCE' && state.territory?.level !== 'commune') {
      ignored.push({ key: KEYS.order, value: order, text: 'le tri par distance, qui demande une commune' });
    } else if (known !== 'RELEVANCE') state.order = known;
  }

  const shown = numberIn(first(query, KEYS.shown), PAGE_SIZE, MAX_SHOWN);
  state.shown = shown === null ? PAGE_SIZE : Math.ceil(shown / PAGE_SIZE) * PAGE_SIZE;
  state.view = first(query, KEYS.view) === 'carte' ? 'map' : 'list';
  return { state, ignored };
}

/** Reads a search from the URL (see readQuery), without the list of what was left out. */
export function fromQuery(query: LocationQuery): SearchState {
  return readQuery(query).state;
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
  if (excludesNationalOnly(state)) put(KEYS.excludeNationalOnly, 'non');
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
  if (excludesNationalOnly(state)) filter.excludeNationalOnly = true;
  if (state.smallPurchase) filter.smallPurchase = { maxAmount: state.smallPurchaseAmount ?? defaultAmount };
  return filter;
}

/** The national-only toggle applies to a search around a place, among the structures serving it. */
export function excludesNationalOnly(state: SearchState): boolean {
  return state.excludeNationalOnly && state.territory !== null && state.scope === 'SERVES';
}

/** A search changed by the buyer starts again from the first page. */
export function withChange(state: SearchState, change: Partial<SearchState>): SearchState {
  const next = { ...state, shown: PAGE_SIZE, ...change };
  if (next.territory?.level !== 'commune') next.radiusKm = null;
  if (!next.territory) {
    next.scope = 'SERVES';
    next.excludeNationalOnly = false;
  }
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
