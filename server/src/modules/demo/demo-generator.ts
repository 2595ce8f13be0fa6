/**
 * Deterministic generator of fictional inclusive suppliers, for the demo directory and for
 * benchmarks. Pure: no I/O, no clock, no Math.random. Same options and seed, same output.
 *
 * - Reads like the real directory: names built the way SIAE, EA and ESAT name themselves
 *   (a kind word sometimes, a trade word, a place from the commune or its département, an
 *   evocative word; never initials), unique within a département; legal names that are the
 *   display name with a legal form; descriptions that name the structure, its activities,
 *   its commune and its service area; service areas by kind (AI and ACI never national);
 *   secondary activities close to the main one; networks and labels that fit the kind or an
 *   activity (see demo-vocabulary.ts).
 * - Streaming: `generateDemoSuppliers` yields one supplier at a time. Memory depends on the
 *   commune and category lists, plus one number per generated name (the uniqueness check).
 * - Clearly fictional: every legal and brand name ends with " (démo)", e-mails and websites
 *   use the reserved example.org domain, phone numbers the +33 1 99 00 range set aside for
 *   fiction, SIRETs are valid but drawn from a deterministic sequence (never La Poste's).
 * - Communes without coordinates are skipped when placing suppliers: a demo supplier always
 *   has a position (jittered inside the commune bounding box, or the commune centre). No
 *   supplier is placed where no SIAE or EA can exist (DEPARTEMENTS_WITHOUT_STRUCTURES).
 * - Categories come from the caller (the taxonomy is not imported); offering templates and
 *   biases are keyed by category-group slug, and unknown groups fall back to generic text.
 */
import { PriceUnit } from '../offerings/price-unit.js';
import { type ServiceArea, ServiceAreaKind, ServiceType } from '../suppliers/service-area.js';
import { completeSiren, completeSiret } from '../suppliers/siret.js';
import { KIND_FRENCH_NAMES, SupplierKind } from '../suppliers/supplier-kind.js';
import { distanceKm } from '../territories/geo-distance.js';
import {
  BUSINESS_PARKS,
  CATEGORY_KINDS,
  COMPANION_CATEGORIES,
  DEFAULT_GEIQ_SECTOR,
  DEFAULT_GROUP_WEIGHT,
  DEFAULT_TRADES,
  DEMO_SUFFIX,
  DEPARTEMENT_WORDS,
  DEPARTEMENTS_WITHOUT_STRUCTURES,
  type DepartementWords,
  EMAIL_LOCAL_PARTS,
  EVOCATIVES,
  FLORA,
  GENERIC_TEMPLATES,
  GEIQ_SECTORS,
  GROUP_ACTIVITIES,
  HEADCOUNT_RANGES,
  KIND_AREA_SHARES,
  KIND_FOUNDED_FROM,
  KIND_GROUP_AFFINITY,
  KIND_IS_FEMININE,
  KIND_MAX_EXTRA_DEPARTEMENTS,
  KIND_MAX_RADIUS_KM,
  KIND_MISSIONS,
  KIND_SERVICE_TYPE_CHANCES,
  KIND_SHARES,
  KIND_SHIPS_NATIONALLY,
  KIND_STAFF_CATEGORY,
  KIND_STAFF_FIRST_CHANCE,
  KIND_WITH_ARTICLE,
  LEAD_TIMES,
  LEGAL_FORMS,
  MAX_TAGS,
  MINIMUM_ORDER_AMOUNTS,
  NAME_PATTERNS,
  NATIONAL_GROUPS,
  OFFERING_TEMPLATES,
  type OfferingTemplate,
  DEPARTEMENTS_WITHOUT_PAYS,
  PAYS_TOWN_MAX_POPULATION,
  PAYS_TOWN_MIN_POPULATION,
  PERSONS,
  PLACE_TOKENS,
  NATURE_METRO,
  PLACES_OVERSEAS,
  type PriceProfile,
  QUARTERS,
  RADII_KM,
  REGIE_DE_QUARTIER_GROUPS,
  REGION_WORDS,
  SELF_NAMED_PREFIXES,
  STAFF_GROUP,
  STAFF_SECTOR_GROUPS,
  STREET_NAMES,
  STREET_TYPES,
  TAGS,
  type TagSpec,
  TOWN_MIN_POPULATION,
  TRADES,
} from './demo-vocabulary.js';

export interface DemoCommune {
  code: string;
  name: string;
  departementCode: string;
  regionCode: string;
  postalCodes: string[];
  population: number;
  latitude: number | null;
  longitude: number | null;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: [number, number, number, number] | null;
}

export interface DemoCategory {
  slug: string;
  groupSlug: string;
  name: string;
}

export interface DemoOffering {
  title: string;
  description: string;
  categorySlug: string;
  serviceType: ServiceType;
  priceFrom: number | null;
  priceTo: number | null;
  priceUnit: PriceUnit | null;
  minimumOrderAmount: number | null;
  leadTimeDays: number | null;
  serviceAreaOverride: ServiceArea | null;
}

export interface DemoSupplier {
  siret: string;
  legalName: string;
  brandName: string | null;
  kind: SupplierKind;
  description: string;
  address: string;
  postalCode: string;
  communeCode: string;
  latitude: number | null;
  longitude: number | null;
  positionIsCommuneCentre: boolean;
  email: string | null;
  phone: string | null;
  website: string | null;
  headcount: number | null;
  tags: string[];
  serviceTypes: ServiceType[];
  serviceArea: ServiceArea;
  categorySlugs: string[];
  sourceUpdatedAt: Date;
  offerings: DemoOffering[];
}

export interface DemoOptions {
  /** Number of suppliers to generate (at most MAX_DEMO_SUPPLIERS). */
  count: number;
  /** Any 32-bit integer; DEFAULT_DEMO_SEED when absent. */
  seed?: number;
  /** Communes to place suppliers in; those without latitude/longitude are skipped. */
  communes: DemoCommune[];
  /** Categories to classify suppliers and offerings in (from the taxonomy). */
  categories: DemoCategory[];
}

export const DEFAULT_DEMO_SEED = 20_240_601;
/** Size of the default demo directory (the real one holds about 8 000 to 9 000 structures). */
export const DEFAULT_DEMO_SUPPLIER_COUNT = 8_000;
/** Size of the SIREN space the generator walks through without repetition. */
export const MAX_DEMO_SUPPLIERS = 20_000_000;
/** Window of sourceUpdatedAt: [2024-01-01, 2026-11-01). */
const UPDATED_FROM = Date.UTC(2024, 0, 1);
const UPDATED_TO = Date.UTC(2026, 10, 1);
/** Last year of creation a description may give. */
const FOUNDED_TO = 2023;
/** Régions whose centroids are closer than this are neighbours (REGIONS service areas). */
const NEIGHBOUR_REGION_MAX_KM = 450;
/** SIREN bodies are 8-digit numbers 80 000 000 + a permutation of [0, 20 000 000). */
const SIREN_BASE = 80_000_000;
/** Odd, not a multiple of 5: coprime with 20 000 000, so i -> i * stride mod 2e7 is a bijection. */
const SIREN_STRIDE = 7_654_321;
const GOLDEN_RATIO_FRACTION = 0.6180339887498949;
/** Départements get suppliers in proportion to population ** this: rural ones keep a fair share. */
const DEPARTEMENT_WEIGHT_EXPONENT = 0.75;
/** A town this close to a large city is one of its suburbs. */
const SUBURB_KM = 15;
/** A commune takes the name of a pays town at most this far away. */
const PAYS_KM = 35;
/** Name patterns tried before a taken name is made distinct by its commune, then a number. */
const NAME_ATTEMPTS = 8;

// ---------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------

/** Small seeded PRNG (sfc32 seeded through splitmix32). */
export class DemoRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks from [value, weight] pairs. */
  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  }

  /** Log-uniform in [min, max] (both > 0). */
  logUniform(min: number, max: number): number {
    return min * Math.exp(this.next() * Math.log(max / min));
  }
}

/** Values with weights, cumulated once, for repeated weighted picks. */
export class WeightedTable<T> {
  readonly values: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(pairs: ReadonlyArray<readonly [T, number]>) {
    if (pairs.length === 0) throw new RangeError('WeightedTable needs at least one value');
    this.values = pairs.map(([value]) => value);
    this.cumulative = cumulativeOf(pairs.map(([, weight]) => weight));
  }

  get size(): number {
    return this.values.length;
  }

  pick(random: DemoRandom): T {
    return this.values[pickCumulative(this.cumulative, random)];
  }
}

/** Index in a cumulative-weight array (binary search). */
function pickCumulative(cumulative: Float64Array, random: DemoRandom): number {
  const target = random.next() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulativeOf(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    out[i] = sum;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Geography prepared once per run
// ---------------------------------------------------------------------------------------

interface DepartementInfo {
  code: string;
  regionCode: string;
  communes: DemoCommune[];
  /** Cumulative population weights of `communes`. */
  cumulative: Float64Array;
  lat: number;
  lon: number;
  /** Other départements of the same région, nearest first. */
  nearbyInRegion: string[];
  /** Towns that name the pays around them ("du Pays de Sarrebourg"); none overseas and around Paris. */
  towns: DemoCommune[];
  /** Names and prepositions; null for a code the vocabulary does not know. */
  words: DepartementWords | null;
  /** Overseas départements and collectivités (INSEE codes 97x). */
  overseas: boolean;
}

interface Geography {
  communes: DemoCommune[];
  cumulative: Float64Array;
  departements: DepartementInfo[];
  /** Cumulative weights of `departements`: population ** DEPARTEMENT_WEIGHT_EXPONENT. */
  departementCumulative: Float64Array;
  departementByCode: Map<string, DepartementInfo>;
  /** Nearest other région when close enough (metropolitan neighbours), else absent. */
  neighbourRegion: Map<string, string>;
}

function weightOf(commune: DemoCommune): number {
  return Math.max(commune.population, 0) + 50;
}

function byCode(x: { code: string }, y: { code: string }): number {
  return x.code < y.code ? -1 : x.code > y.code ? 1 : 0;
}

function prepareGeography(input: DemoCommune[]): Geography {
  const located = input.filter(
    (c) => c.latitude !== null && c.longitude !== null && Number.isFinite(c.latitude) && Number.isFinite(c.longitude),
  );
  // Without commune centres at all (no centres file), suppliers get no position.
  const usable = located.length > 0 ? located : input;
  const inhabited = usable.filter((c) => !DEPARTEMENTS_WITHOUT_STRUCTURES.includes(c.departementCode));
  const communes = (inhabited.length > 0 ? inhabited : usable).slice().sort(byCode);
  if (communes.length === 0) throw new RangeError('generateDemoSuppliers: no commune');

  const byDepartement = new Map<string, DemoCommune[]>();
  for (const commune of communes) {
    const list = byDepartement.get(commune.departementCode);
    if (list) list.push(commune);
    else byDepartement.set(commune.departementCode, [commune]);
  }

  // Large cities, and the arrondissements of the largest: their suburbs name no pays.
  const cities = communes.filter((c) => c.population > PAYS_TOWN_MAX_POPULATION || arrondissementOf(c.name) !== null);
  const departements: DepartementInfo[] = [];
  const departementWeights: number[] = [];
  const regionSums = new Map<string, { lat: number; lon: number; w: number }>();
  for (const code of [...byDepartement.keys()].sort()) {
    const list = byDepartement.get(code)!;
    let lat = 0;
    let lon = 0;
    let w = 0;
    for (const c of list) {
      const cw = weightOf(c);
      lat += (c.latitude ?? 0) * cw;
      lon += (c.longitude ?? 0) * cw;
      w += cw;
    }
    let towns = list.filter((c) => c.population >= PAYS_TOWN_MIN_POPULATION);
    if (towns.length < 3) towns = list.slice().sort((x, y) => y.population - x.population || byCode(x, y)).slice(0, 3);
    towns = towns.filter((town) => isPaysTown(town, cities));
    if (code.length === 3 || DEPARTEMENTS_WITHOUT_PAYS.includes(code)) towns = [];
    const info: DepartementInfo = {
      code,
      regionCode: list[0].regionCode,
      communes: list,
      cumulative: cumulativeOf(list.map(weightOf)),
      lat: lat / w,
      lon: lon / w,
      nearbyInRegion: [],
      towns,
      words: DEPARTEMENT_WORDS[code] ?? null,
      overseas: code.length === 3,
    };
    departements.push(info);
    departementWeights.push(w ** DEPARTEMENT_WEIGHT_EXPONENT);
    const r = regionSums.get(info.regionCode) ?? { lat: 0, lon: 0, w: 0 };
    r.lat += lat;
    r.lon += lon;
    r.w += w;
    regionSums.set(info.regionCode, r);
  }

  for (const dep of departements) {
    dep.nearbyInRegion = departements
      .filter((o) => o.regionCode === dep.regionCode && o.code !== dep.code)
      .map((o) => ({ code: o.code, d: distanceKm(dep.lat, dep.lon, o.lat, o.lon) }))
      .sort((x, y) => x.d - y.d || (x.code < y.code ? -1 : 1))
      .map((o) => o.code);
  }

  const regionCentres = [...regionSums.entries()].map(([code, s]) => ({ code, lat: s.lat / s.w, lon: s.lon / s.w }));
  const neighbourRegion = new Map<string, string>();
  for (const region of regionCentres) {
    let best: string | null = null;
    let bestDistance = NEIGHBOUR_REGION_MAX_KM;
    for (const other of regionCentres) {
      if (other.code === region.code) continue;
      const d = distanceKm(region.lat, region.lon, other.lat, other.lon);
      if (d < bestDistance) {
        bestDistance = d;
        best = other.code;
      }
    }
    if (best !== null) neighbourRegion.set(region.code, best);
  }

  return {
    communes,
    cumulative: cumulativeOf(communes.map(weightOf)),
    departements,
    departementCumulative: cumulativeOf(departementWeights),
    departementByCode: new Map(departements.map((d) => [d.code, d])),
    neighbourRegion,
  };
}

/** Whether a town names a pays: neither a large city nor one of its suburbs ("Pays de Croix" is no one's name). */
function isPaysTown(town: DemoCommune, cities: readonly DemoCommune[]): boolean {
  if (town.population > PAYS_TOWN_MAX_POPULATION || arrondissementOf(town.name) !== null) return false;
  if (town.latitude === null || town.longitude === null) return true;
  return !cities.some(
    (city) => city.latitude !== null && city.longitude !== null && Math.abs(city.latitude - town.latitude!) < 0.2 &&
      distanceKm(city.latitude, city.longitude, town.latitude!, town.longitude!) < SUBURB_KM,
  );
}

/**
 * The pays town of the département nearest to a commune (the commune itself when it is one);
 * null when none is within PAYS_KM, or the département has none.
 */
function nearestTown(commune: DemoCommune, dep: DepartementInfo): DemoCommune | null {
  if (dep.towns.includes(commune)) return commune;
  if (commune.latitude === null || commune.longitude === null) return dep.towns[0] ?? null;
  const cosLat = Math.cos((commune.latitude * Math.PI) / 180);
  let best: DemoCommune | null = null;
  let bestDistance = (PAYS_KM / 111) ** 2;
  for (const town of dep.towns) {
    if (town.latitude === null || town.longitude === null) continue;
    const dLat = town.latitude - commune.latitude;
    const dLon = (town.longitude - commune.longitude) * cosLat;
    const d = dLat * dLat + dLon * dLon;
    if (d < bestDistance) {
      bestDistance = d;
      best = town;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// Categories prepared once per run
// ---------------------------------------------------------------------------------------

const SERVICE_TYPE_ORDER = [ServiceType.STAFF_PROVISION, ServiceType.SERVICES, ServiceType.GOODS];

/** Bit mask of a set of service types, for cache keys. */
function typesMask(types: readonly ServiceType[]): number {
  let mask = 0;
  for (const type of types) mask |= 1 << SERVICE_TYPE_ORDER.indexOf(type);
  return mask;
}

const STAFF_MASK = typesMask([ServiceType.STAFF_PROVISION]);
const GOODS_MASK = typesMask([ServiceType.GOODS]);

/** An input category with what the vocabulary knows about it. */
interface IndexedCategory extends DemoCategory {
  /** Templates written for this category (or for its whole group). Empty: unknown category. */
  templates: readonly OfferingTemplate[];
  /** Service types of `templates`, as a bit mask (see typesMask). */
  templateTypes: number;
  /** Kinds allowed in this category; null: every kind. */
  kinds: readonly SupplierKind[] | null;
  /** Offering candidates by supplier service-type mask, filled lazily. */
  candidates: Array<readonly OfferingTemplate[] | undefined>;
}

interface CategoryIndex {
  all: IndexedCategory[];
  groups: string[];
  byGroup: Map<string, IndexedCategory[]>;
}

function prepareCategories(categories: DemoCategory[]): CategoryIndex {
  if (categories.length === 0) throw new RangeError('generateDemoSuppliers: no category');
  const all: IndexedCategory[] = [];
  const byGroup = new Map<string, IndexedCategory[]>();
  const seen = new Set<string>();
  for (const category of categories) {
    if (seen.has(category.slug)) continue;
    seen.add(category.slug);
    const templates = (OFFERING_TEMPLATES[category.groupSlug] ?? []).filter(
      (tpl) => tpl.categories.length === 0 || tpl.categories.includes(category.slug),
    );
    const indexed: IndexedCategory = {
      slug: category.slug,
      groupSlug: category.groupSlug,
      name: category.name,
      templates,
      templateTypes: typesMask(templates.map((tpl) => tpl.serviceType)),
      kinds: CATEGORY_KINDS[category.slug] ?? null,
      candidates: [],
    };
    all.push(indexed);
    const list = byGroup.get(category.groupSlug);
    if (list) list.push(indexed);
    else byGroup.set(category.groupSlug, [indexed]);
  }
  return { all, groups: [...byGroup.keys()].sort(), byGroup };
}

/**
 * Whether staff can be provided in a category: labour on site in a staffing sector (not
 * goods to sell, not a trade learnt in a workshop); any unknown category (generic offerings).
 */
function staffable(category: IndexedCategory): boolean {
  if (category.templates.length === 0) return true;
  return STAFF_SECTOR_GROUPS.includes(category.groupSlug) && (category.templateTypes & ~GOODS_MASK) !== 0;
}

/**
 * Whether a supplier of this kind, selling these service types (mask), can be classified in
 * the category: the kind is allowed, and the supplier has something to offer there.
 */
function categoryFits(category: IndexedCategory, kind: SupplierKind, mask: number): boolean {
  if (category.kinds !== null && !category.kinds.includes(kind)) return false;
  if (category.templates.length === 0 || (category.templateTypes & mask) !== 0) return true;
  return (mask & STAFF_MASK) !== 0 && staffable(category);
}

// ---------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------

/** Elision before a vowel; names starting with "H" keep "de" (h aspiré is the safer guess). */
const VOWEL_START = /^[AEIOUYÂÊÎÔÛÉÈËÏÜaeiouyâêîôûéèëïü]/;

/** "de Rennes", "d'Angers", "du Mans", "des Abymes", "de La Rochelle". */
export function deCommune(name: string): string {
  if (name.startsWith('Le ')) return `du ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `des ${name.slice(4)}`;
  if (VOWEL_START.test(name)) return `d'${name}`;
  return `de ${name}`;
}

/** "à Rennes", "au Mans", "aux Abymes", "à La Rochelle". */
export function aCommune(name: string): string {
  if (name.startsWith('Le ')) return `au ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `aux ${name.slice(4)}`;
  return `à ${name}`;
}

/** Lower-cases the initial unless the word looks like an acronym ("BTP"). */
function lowerInitial(text: string): string {
  if (text.length > 1 && text[1] === text[1].toUpperCase() && text[1] !== text[1].toLowerCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const SLUG_CHARS = new Map<string, string>();

/** Lower-case ASCII slug ("Œuvre d'Élan" -> "oeuvre-d-elan"), single dashes, none at the ends. */
function slugify(text: string): string {
  let out = '';
  let dash = false;
  for (const char of text.toLowerCase()) {
    let mapped = SLUG_CHARS.get(char);
    if (mapped === undefined) {
      mapped = char === 'œ' ? 'oe' : char === 'æ' ? 'ae' : char.normalize('NFD').replace(/[^a-z0-9]/g, '');
      SLUG_CHARS.set(char, mapped);
    }
    if (mapped === '') {
      dash = out.length > 0;
    } else {
      if (dash) out += '-';
      out += mapped;
      dash = false;
    }
  }
  return out;
}

function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

function roundTo(value: number, step: number): number {
  const rounded = Math.round(value / step) * step;
  return Math.round(rounded * 100) / 100;
}

/** Fills "{Token}" placeholders; null when a token has no value here (e.g. no town for {Quarter}). */
function fill(pattern: string, token: (key: string) => string | null): string | null {
  let missing = false;
  const out = pattern.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = token(key);
    if (value === null) missing = true;
    return value ?? '';
  });
  return missing ? null : out;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const ARRONDISSEMENT = /^(.+?) (\d+(?:er|e)) Arrondissement$/;

/** "Marseille 12e Arrondissement" -> "Marseille": names speak of the city, not the arrondissement. */
function cityOf(communeName: string): string {
  return ARRONDISSEMENT.exec(communeName)?.[1] ?? communeName;
}

/** "Marseille 12e Arrondissement" -> "12e"; null for a commune. */
function arrondissementOf(communeName: string): string | null {
  return ARRONDISSEMENT.exec(communeName)?.[2] ?? null;
}

/** A word with two lower-case letters: the name is not made of initials and codes only. */
const HAS_WORD = /\p{Ll}\p{Ll}/u;

/** 53-bit string hash (cyrb53): names are remembered as numbers, not strings. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2_654_435_761);
    h2 = Math.imul(h2 ^ c, 1_597_334_677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507) ^ Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507) ^ Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909);
  return 4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0);
}

// ---------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------

const KIND_CUMULATIVE = (() => {
  const total = KIND_SHARES.reduce((sum, [, share]) => sum + share, 0);
  let acc = 0;
  return KIND_SHARES.map(([kind, share]) => {
    acc += share / total;
    return [kind, acc] as const;
  });
})();

/** Kind of the i-th supplier: low-discrepancy sequence, so shares stay close to targets at any count. */
function kindAt(index: number, offset: number): SupplierKind {
  const u = (offset + index * GOLDEN_RATIO_FRACTION) % 1;
  for (const [kind, upTo] of KIND_CUMULATIVE) if (u < upTo) return kind;
  return KIND_CUMULATIVE[KIND_CUMULATIVE.length - 1][0];
}

/** One table per kind, built once. */
function perKind<T>(build: (kind: SupplierKind) => T): Record<SupplierKind, T> {
  return Object.fromEntries(Object.values(SupplierKind).map((kind) => [kind, build(kind)])) as Record<SupplierKind, T>;
}

const hasPlaceToken = (pattern: string) => PLACE_TOKENS.some((token) => pattern.includes(`{${token}}`));
const NAME_TABLES = perKind((kind) => new WeightedTable(NAME_PATTERNS[kind]));
/** National networks carry no place in their name. */
const NATIONAL_NAME_TABLES = perKind((kind) => {
  const placeless = NAME_PATTERNS[kind].filter(([pattern]) => !hasPlaceToken(pattern));
  return new WeightedTable(placeless.length > 0 ? placeless : NAME_PATTERNS[kind]);
});
const LEGAL_FORM_TABLES = perKind((kind) => new WeightedTable(LEGAL_FORMS[kind]));
const AREA_TABLES = perKind((kind) => new WeightedTable(KIND_AREA_SHARES[kind]));
const RADIUS_TABLES = perKind((kind) => new WeightedTable(RADII_KM.filter(([km]) => km <= KIND_MAX_RADIUS_KM[kind])));
const TAGS_BY_KIND = perKind((kind) => TAGS.filter((tag) => !tag.kinds || tag.kinds.includes(kind)));
/** Kinds that run workshops in unrelated trades (an ESAT with a laundry and a garden team). */
const MULTI_WORKSHOP_KINDS: readonly SupplierKind[] = [SupplierKind.ESAT, SupplierKind.EA];
/** Kinds whose activity is local by nature: a REGIONS area never spills into the next région. */
const LOCAL_KINDS: readonly SupplierKind[] = [SupplierKind.AI, SupplierKind.ACI, SupplierKind.ESAT];

const CATEGORY_COUNTS = new WeightedTable<number>([[1, 30], [2, 35], [3, 22], [4, 13]]);
const OFFERING_COUNTS = new WeightedTable<number>([[1, 14], [2, 24], [3, 26], [4, 18], [5, 11], [6, 7]]);
const EXTRA_DEPARTEMENT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [[0, 55], [1, 25], [2, 12], [3, 8]];
const EXTRA_DEPARTEMENT_TABLES = perKind(
  (kind) => new WeightedTable(EXTRA_DEPARTEMENT_WEIGHTS.filter(([n]) => n <= KIND_MAX_EXTRA_DEPARTEMENTS[kind])),
);
const MINIMUM_ORDERS = new WeightedTable(MINIMUM_ORDER_AMOUNTS);
const LEAD_TIME_DAYS = new WeightedTable(LEAD_TIMES);

interface CategoryChoice {
  /** Groups with at least one fitting category, weighted by the kind's affinity; null when none. */
  groups: WeightedTable<string> | null;
  /** Staffing sectors among them (STAFF_SECTOR_GROUPS but the staff group itself): where staff is provided. */
  sectors: WeightedTable<string> | null;
  fitting: Map<string, IndexedCategory[]>;
  /** Fitting companion categories of each main group (COMPANION_CATEGORIES), filled lazily. */
  companions: Map<string, IndexedCategory[]>;
}

function area(kind: ServiceAreaKind, regionCodes: string[], departementCodes: string[], radiusKm: number | null): ServiceArea {
  return { kind, regionCodes, departementCodes, radiusKm };
}

/**
 * Yields `options.count` fictional suppliers, deterministically for a given seed. See the
 * module comment for what makes them realistic and recognisably fictional.
 */
export function* generateDemoSuppliers(options: DemoOptions): Generator<DemoSupplier> {
  const { count } = options;
  if (!Number.isInteger(count) || count < 0 || count > MAX_DEMO_SUPPLIERS) {
    throw new RangeError(`generateDemoSuppliers: count must be an integer in [0, ${MAX_DEMO_SUPPLIERS}], got ${count}`);
  }
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isFinite(seed)) throw new RangeError('generateDemoSuppliers: seed must be a finite number');

  const geo = prepareGeography(options.communes);
  const cats = prepareCategories(options.categories);
  const random = new DemoRandom(Math.trunc(seed));
  const sirenOffset = Math.floor(random.next() * 20_000_000);
  const kindOffset = random.next();
  // When there is room, the first suppliers visit every département once, so none is empty.
  const guaranteed = count >= 2 * geo.departements.length ? geo.departements.length : 0;

  // Small caches keyed by kind and service types: bounded, whatever `count`.
  const choiceCache = new Map<string, CategoryChoice>();
  // Display names taken in each département, as hashes of "département|slug".
  const takenNames = new Set<number>();
  // Next number of names made distinct by a number (rare with real territories).
  const nextNumber = new Map<number, number>();

  for (let index = 0; index < count; index++) {
    yield makeSupplier(index);
  }

  function makeSupplier(index: number): DemoSupplier {
    const kind = kindAt(index, kindOffset);
    const commune = pickCommune(index);
    const dep = geo.departementByCode.get(commune.departementCode)!;
    const serviceTypes = pickServiceTypes(kind);
    const { categories, tradeGroup } = pickCategories(kind, serviceTypes);
    const serviceArea = pickServiceArea(kind, categories[0].groupSlug, commune, dep);

    const { display, legal } = makeNames(kind, tradeGroup, commune, dep, serviceArea.kind === ServiceAreaKind.NATIONAL);
    const legalName = legal + DEMO_SUFFIX;
    const brandName = legal === display ? null : display + DEMO_SUFFIX;
    const slug = `${slugify(display).slice(0, 32).replace(/-+$/, '') || 'structure'}-${index.toString(36)}`;

    const position = pickPosition(commune);
    const offerings = makeOfferings(kind, serviceTypes, categories, tradeGroup, commune, dep);
    const tags = pickTags(kind, categories);

    const [hcMin, hcMax] = HEADCOUNT_RANGES[kind];
    const updatedAt = UPDATED_FROM + Math.floor((random.next() * (UPDATED_TO - UPDATED_FROM)) / 1000) * 1000;

    return {
      siret: siretAt(index),
      legalName,
      brandName,
      kind,
      description: describe(kind, display, commune, dep, categories, serviceArea),
      address: makeAddress(),
      postalCode: commune.postalCodes.length > 0 ? random.pick(commune.postalCodes) : commune.code,
      communeCode: commune.code,
      latitude: position.latitude,
      longitude: position.longitude,
      positionIsCommuneCentre: position.isCentre,
      email: random.chance(0.85) ? `${random.pick(EMAIL_LOCAL_PARTS)}@${slug}.example.org` : null,
      phone: random.chance(0.8) ? `+33 1 99 00 ${twoDigits(random.int(0, 99))} ${twoDigits(random.int(0, 99))}` : null,
      website: random.chance(0.6) ? `https://${slug}.example.org` : null,
      headcount: random.chance(0.88) ? Math.round(random.logUniform(hcMin, hcMax)) : null,
      tags,
      serviceTypes,
      serviceArea,
      categorySlugs: categories.map((c) => c.slug),
      sourceUpdatedAt: new Date(updatedAt),
      offerings,
    };
  }

  function siretAt(index: number): string {
    const body = SIREN_BASE + ((sirenOffset + index * SIREN_STRIDE) % 20_000_000);
    const siren = completeSiren(String(body));
    const nic = `00${twoDigits(random.int(1, 99))}`;
    return completeSiret(siren + nic);
  }

  function pickCommune(index: number): DemoCommune {
    let dep: DepartementInfo;
    if (index < guaranteed) {
      dep = geo.departements[index];
    } else {
      const r = random.next();
      if (r < 0.6) return geo.communes[pickCumulative(geo.cumulative, random)];
      dep = geo.departements[pickCumulative(geo.departementCumulative, random)];
      if (r >= 0.85) return random.pick(dep.communes); // rural spread: any commune of the département
    }
    return dep.communes[pickCumulative(dep.cumulative, random)];
  }

  function pickServiceTypes(kind: SupplierKind): ServiceType[] {
    const chances = KIND_SERVICE_TYPE_CHANCES[kind];
    const chosen = new Set<ServiceType>();
    for (const [type, chance] of chances) if (random.chance(chance)) chosen.add(type);
    if (chosen.size === 0) chosen.add(chances[0][0]);
    return SERVICE_TYPE_ORDER.filter((type) => chosen.has(type));
  }

  /** Where a supplier of this kind and these service types may be classified. */
  function categoryChoice(kind: SupplierKind, mask: number): CategoryChoice {
    const key = `${kind}|${mask}`;
    let choice = choiceCache.get(key);
    if (choice === undefined) {
      const affinity = KIND_GROUP_AFFINITY[kind];
      // Staff-provision kinds provide staff to the sectors they list, not to any trade.
      const otherWeight = KIND_STAFF_FIRST_CHANCE[kind] === undefined ? DEFAULT_GROUP_WEIGHT : 0;
      const fitting = new Map<string, IndexedCategory[]>();
      const pairs: Array<[string, number]> = [];
      for (const group of cats.groups) {
        const weight = affinity[group] ?? otherWeight;
        if (weight <= 0) continue;
        const list = cats.byGroup.get(group)!.filter((category) => categoryFits(category, kind, mask));
        if (list.length === 0) continue;
        fitting.set(group, list);
        pairs.push([group, weight]);
      }
      const sectors = pairs.filter(([group]) => group !== STAFF_GROUP && STAFF_SECTOR_GROUPS.includes(group));
      choice = {
        groups: pairs.length === 0 ? null : new WeightedTable(pairs),
        sectors: sectors.length === 0 ? null : new WeightedTable(sectors),
        fitting,
        companions: new Map(),
      };
      choiceCache.set(key, choice);
    }
    return choice;
  }

  /**
   * A category next to the supplier's main activity: mostly from the main group; else one
   * that often goes with it (a garden team that also composts), or, for ESAT and EA, any of
   * their usual workshops. Staff providers add the sectors they provide staff to.
   */
  function relatedCategory(kind: SupplierKind, choice: CategoryChoice, mainGroup: string, tradeGroup: string): IndexedCategory {
    let group = mainGroup;
    if (mainGroup === STAFF_GROUP) {
      if (random.chance(0.7)) group = tradeGroup;
    } else {
      const r = random.next();
      if (r >= 0.65) {
        if (MULTI_WORKSHOP_KINDS.includes(kind) && r < 0.8) {
          group = choice.groups!.pick(random);
        } else {
          const companions = companionsOf(choice, mainGroup);
          if (companions.length > 0) return random.pick(companions);
        }
      }
    }
    return random.pick(choice.fitting.get(group) ?? choice.fitting.get(mainGroup)!);
  }

  function companionsOf(choice: CategoryChoice, mainGroup: string): IndexedCategory[] {
    let companions = choice.companions.get(mainGroup);
    if (companions === undefined) {
      const slugs = COMPANION_CATEGORIES[mainGroup] ?? [];
      companions = [...choice.fitting.values()].flat().filter((category) => slugs.includes(category.slug));
      choice.companions.set(mainGroup, companions);
    }
    return companions;
  }

  /** Categories of a supplier (main activity first), and the group its name speaks of. */
  function pickCategories(kind: SupplierKind, types: readonly ServiceType[]): { categories: IndexedCategory[]; tradeGroup: string } {
    const choice = categoryChoice(kind, typesMask(types));
    // Nothing fits (e.g. only kind-restricted categories given): any category, generic offerings.
    if (choice.groups === null) {
      const category = random.pick(cats.all);
      return { categories: [category], tradeGroup: category.groupSlug };
    }
    const target = CATEGORY_COUNTS.pick(random);
    const staffSlug = KIND_STAFF_CATEGORY[kind];
    const staffCategory = staffSlug === undefined ? undefined : choice.fitting.get(STAFF_GROUP)?.find((c) => c.slug === staffSlug);
    // An AI, ETTI, GEIQ or EATT provides staff first of all.
    const staffFirst = staffCategory !== undefined && random.chance(KIND_STAFF_FIRST_CHANCE[kind] ?? 0);
    const mainGroup = staffFirst ? STAFF_GROUP : choice.groups.pick(random);
    let chosen: IndexedCategory[];
    let tradeGroup: string;
    if (mainGroup === STAFF_GROUP) {
      chosen = [staffCategory ?? random.pick(choice.fitting.get(STAFF_GROUP)!)];
      tradeGroup = choice.sectors?.pick(random) ?? STAFF_GROUP;
      // The sector staff is provided to (in a GEIQ's name) is among the categories.
      const sector = choice.fitting.get(tradeGroup);
      if (tradeGroup !== STAFF_GROUP && sector !== undefined) chosen.push(random.pick(sector));
    } else {
      chosen = [random.pick(choice.fitting.get(mainGroup)!)];
      tradeGroup = mainGroup;
    }
    for (let attempt = 0; chosen.length < target && attempt < target * 4; attempt++) {
      const candidate = relatedCategory(kind, choice, mainGroup, tradeGroup);
      if (!chosen.includes(candidate)) chosen.push(candidate);
    }
    // A structure that provides staff says how (an ESAT's teams on site, an AI's placements).
    if (staffCategory !== undefined && !chosen.includes(staffCategory) && types.includes(ServiceType.STAFF_PROVISION)) {
      if (chosen.length === 4) chosen.pop();
      chosen.push(staffCategory);
    }
    return { categories: chosen, tradeGroup };
  }

  /** Adds a related category the supplier does not have yet, if one is found quickly. */
  function addCategory(kind: SupplierKind, mask: number, categories: IndexedCategory[], tradeGroup: string): void {
    const choice = categoryChoice(kind, mask);
    if (choice.groups === null || !choice.fitting.has(categories[0].groupSlug)) return;
    for (let attempt = 0; attempt < 3; attempt++) {
      const candidate = relatedCategory(kind, choice, categories[0].groupSlug, tradeGroup);
      if (!categories.includes(candidate)) {
        categories.push(candidate);
        return;
      }
    }
  }

  /**
   * Display name, unique within the département, and legal name (the display name, with a
   * legal form where the kind has one).
   */
  function makeNames(
    kind: SupplierKind,
    tradeGroup: string,
    commune: DemoCommune,
    dep: DepartementInfo,
    national: boolean,
  ): { display: string; legal: string } {
    const words = dep.words;
    const place = cityOf(commune.name);
    const token = (key: string): string | null => {
      switch (key) {
        case 'Trade': return random.pick(TRADES[tradeGroup] ?? DEFAULT_TRADES);
        case 'Evocative': return random.pick(EVOCATIVES);
        case 'Commune': return place;
        case 'ofCommune': return deCommune(place);
        case 'Pays': {
          const town = nearestTown(commune, dep);
          return town === null ? null : `du Pays ${deCommune(town.name)}`;
        }
        case 'Dep': return words?.name ?? null;
        case 'ofDep': return words?.of ?? null;
        case 'Num': return dep.code;
        case 'Province': return words?.province ?? null;
        case 'Quarter':
          return commune.population >= TOWN_MIN_POPULATION && REGIE_DE_QUARTIER_GROUPS.includes(tradeGroup)
            ? `${place} ${random.pick(QUARTERS)}`
            : null;
        case 'Nature': return random.pick(dep.overseas ? PLACES_OVERSEAS : NATURE_METRO);
        case 'Flora': return random.pick(FLORA);
        case 'Person': return random.pick(PERSONS);
        case 'Sector': return GEIQ_SECTORS[tradeGroup] ?? DEFAULT_GEIQ_SECTOR;
        default: return null;
      }
    };
    const patterns = national ? NATIONAL_NAME_TABLES[kind] : NAME_TABLES[kind];
    let display: string | null = null;
    let fallback: string | null = null;
    for (let attempt = 0; attempt < NAME_ATTEMPTS && display === null; attempt++) {
      const name = fill(patterns.pick(random), token);
      if (name === null || !HAS_WORD.test(name)) continue;
      fallback ??= name;
      if (claimName(dep.code, name)) display = name;
    }
    if (display === null) {
      // Every pattern drawn was taken: tell this one apart by its commune, then by a number.
      const base = fallback ?? `${random.pick(EVOCATIVES)} ${random.pick(TRADES[tradeGroup] ?? DEFAULT_TRADES)}`;
      const arrondissement = arrondissementOf(commune.name);
      const city = base.includes(place) ? base : `${base} ${deCommune(place)}`;
      const located = arrondissement === null ? city : `${city} ${arrondissement}`;
      display = located;
      if (!claimName(dep.code, display)) {
        // Numbers go on from the last one given to this name, so a crowded département stays fast.
        const key = hash53(`${dep.code}|${located}`);
        let n = nextNumber.get(key) ?? 2;
        while (!claimName(dep.code, `${located} ${n}`)) n++;
        display = `${located} ${n}`;
        nextNumber.set(key, n + 1);
      }
    }
    const shown = display;
    const form = LEGAL_FORM_TABLES[kind].pick(random);
    const selfNamed = SELF_NAMED_PREFIXES.some((prefix) => shown.startsWith(prefix));
    return { display: shown, legal: form === '' || selfNamed ? shown : `${form} ${shown}` };
  }

  /** Takes a display name in a département; false when a supplier there has it already. */
  function claimName(departementCode: string, name: string): boolean {
    const key = hash53(`${departementCode}|${name.toLowerCase()}`);
    if (takenNames.has(key)) return false;
    takenNames.add(key);
    return true;
  }

  function pickPosition(commune: DemoCommune): { latitude: number | null; longitude: number | null; isCentre: boolean } {
    if (commune.latitude === null || commune.longitude === null) return { latitude: null, longitude: null, isCentre: false };
    const bbox = commune.bbox;
    if (bbox === null || random.chance(0.15)) {
      return { latitude: commune.latitude!, longitude: commune.longitude!, isCentre: true };
    }
    const [minLon, minLat, maxLon, maxLat] = bbox;
    return {
      latitude: Math.round((minLat + random.next() * (maxLat - minLat)) * 1e6) / 1e6,
      longitude: Math.round((minLon + random.next() * (maxLon - minLon)) * 1e6) / 1e6,
      isCentre: false,
    };
  }

  function departementArea(kind: SupplierKind, dep: DepartementInfo, extra: boolean): ServiceArea {
    const wanted = extra ? Math.min(EXTRA_DEPARTEMENT_TABLES[kind].pick(random), dep.nearbyInRegion.length) : 0;
    // Pick `wanted` among the (wanted + 1) nearest départements of the région.
    const pool = dep.nearbyInRegion.slice(0, wanted + 1);
    while (pool.length > wanted) pool.splice(random.int(0, pool.length - 1), 1);
    return area(ServiceAreaKind.DEPARTEMENTS, [], [dep.code, ...pool].sort(), null);
  }

  function regionArea(commune: DemoCommune, neighbourChance: number): ServiceArea {
    const codes = [commune.regionCode];
    const neighbour = geo.neighbourRegion.get(commune.regionCode);
    if (neighbour !== undefined && random.chance(neighbourChance)) codes.push(neighbour);
    return area(ServiceAreaKind.REGIONS, codes.sort(), [], null);
  }

  function radiusArea(kind: SupplierKind): ServiceArea {
    return area(ServiceAreaKind.RADIUS, [], [], RADIUS_TABLES[kind].pick(random));
  }

  /**
   * Service area by kind (see KIND_AREA_SHARES): local for most. National only for a network
   * whose main activity travels (NATIONAL_GROUPS), never overseas: the others serve their région.
   */
  function pickServiceArea(kind: SupplierKind, mainGroup: string, commune: DemoCommune, dep: DepartementInfo): ServiceArea {
    let areaKind = AREA_TABLES[kind].pick(random);
    if (areaKind === ServiceAreaKind.NATIONAL && (dep.overseas || !NATIONAL_GROUPS.includes(mainGroup))) areaKind = ServiceAreaKind.REGIONS;
    switch (areaKind) {
      case ServiceAreaKind.NATIONAL:
        return area(ServiceAreaKind.NATIONAL, [], [], null);
      case ServiceAreaKind.REGIONS:
        return regionArea(commune, LOCAL_KINDS.includes(kind) ? 0 : 0.3);
      case ServiceAreaKind.DEPARTEMENTS:
        return departementArea(kind, dep, true);
      default:
        return radiusArea(kind);
    }
  }

  /** An offering's own area: goods may ship further (nationally for some kinds), services stay close. */
  function pickOverride(kind: SupplierKind, type: ServiceType, commune: DemoCommune, dep: DepartementInfo): ServiceArea {
    if (type === ServiceType.GOODS) {
      if (KIND_SHIPS_NATIONALLY.includes(kind) && !dep.overseas && random.chance(0.45)) {
        return area(ServiceAreaKind.NATIONAL, [], [], null);
      }
      return random.chance(0.6) ? regionArea(commune, 0) : departementArea(kind, dep, false);
    }
    return random.chance(0.5) ? radiusArea(kind) : departementArea(kind, dep, false);
  }

  /**
   * Offering templates a supplier selling `types` may use in `category`: the category's own
   * templates of those types, plus generic staff provision when the supplier provides staff
   * and the category is staffable without staff templates of its own; generic templates for
   * an unknown category.
   */
  function templatesFor(category: IndexedCategory, types: readonly ServiceType[], mask: number): readonly OfferingTemplate[] {
    let candidates = category.candidates[mask];
    if (candidates === undefined) {
      const own = category.templates.filter((tpl) => types.includes(tpl.serviceType));
      const staff =
        (mask & STAFF_MASK) !== 0 && (category.templateTypes & STAFF_MASK) === 0 && staffable(category)
          ? GENERIC_TEMPLATES[ServiceType.STAFF_PROVISION]
          : [];
      candidates = [...own, ...staff];
      if (candidates.length === 0) {
        const type = types.find((x) => x !== ServiceType.STAFF_PROVISION) ?? types[0];
        candidates = GENERIC_TEMPLATES[type];
      }
      category.candidates[mask] = candidates;
    }
    return candidates;
  }

  function drawPrice(price: PriceProfile): { from: number; to: number | null } {
    const from = Math.max(price.step, roundTo(random.logUniform(price.min, price.max), price.step));
    let to: number | null = null;
    if (random.chance(0.45)) {
      const upper = roundTo(Math.min(from * (1.15 + random.next() * 1.1), Math.max(price.max * 1.3, from * 1.15)), price.step);
      if (upper > from) to = upper;
    }
    return { from, to };
  }

  /**
   * Offerings of a supplier. When its categories run out of distinct offerings, it may take
   * one more related category (up to 4): `categories` can grow.
   */
  function makeOfferings(
    kind: SupplierKind,
    types: readonly ServiceType[],
    categories: IndexedCategory[],
    tradeGroup: string,
    commune: DemoCommune,
    dep: DepartementInfo,
  ): DemoOffering[] {
    const target = OFFERING_COUNTS.pick(random);
    const offerings: DemoOffering[] = [];
    const titles = new Set<string>();
    const mask = typesMask(types);
    for (let attempt = 0; offerings.length < target && attempt < target * 4; attempt++) {
      // Each activity gets an offering first, in order; then the main one gets more.
      const category =
        offerings.length < categories.length && attempt < categories.length
          ? categories[offerings.length]
          : random.chance(0.4) ? categories[0] : random.pick(categories);
      const template = random.pick(templatesFor(category, types, mask));
      const title = template.title.replace('{category}', category.name);
      if (titles.has(title)) {
        if (categories.length < 4 && random.chance(0.4)) addCategory(kind, mask, categories, tradeGroup);
        continue;
      }
      titles.add(title);

      const quoteOnly = random.chance(0.1);
      const price = quoteOnly ? null : drawPrice(template.price);
      const unit = template.price.unit;
      const minimumOrderAmount = random.chance(unit === PriceUnit.FLAT ? 0.05 : 0.3) ? MINIMUM_ORDERS.pick(random) : null;

      offerings.push({
        title,
        description: template.description
          .replace('{category}', category.name)
          .replace('{categoryLower}', lowerInitial(category.name)),
        categorySlug: category.slug,
        serviceType: template.serviceType,
        priceFrom: price?.from ?? null,
        priceTo: price?.to ?? null,
        priceUnit: price === null ? null : unit,
        minimumOrderAmount,
        leadTimeDays: random.chance(0.75) ? LEAD_TIME_DAYS.pick(random) : null,
        serviceAreaOverride: random.chance(0.1) ? pickOverride(kind, template.serviceType, commune, dep) : null,
      });
    }
    return offerings;
  }

  /** Networks and labels the supplier has a reason to carry (its kind, or one of its activities). */
  function pickTags(kind: SupplierKind, categories: readonly DemoCategory[]): string[] {
    const tags: string[] = [];
    for (const tag of TAGS_BY_KIND[kind]) {
      if (tags.length === MAX_TAGS) break;
      if (!tagFits(tag, categories)) continue;
      if (random.chance(tag.chance)) tags.push(tag.label);
    }
    return tags;
  }

  function makeAddress(): string {
    const number = random.int(1, 120);
    const suffix = random.chance(0.06) ? ' bis' : '';
    const street = `${number}${suffix} ${random.pick(STREET_TYPES)} ${random.pick(STREET_NAMES)}`;
    return random.chance(0.15) ? `${random.pick(BUSINESS_PARKS)}, ${street}` : street;
  }

  /** Who the structure is and where, what it does, where it works: it names itself, its commune and its area. */
  function describe(
    kind: SupplierKind,
    name: string,
    commune: DemoCommune,
    dep: DepartementInfo,
    categories: readonly DemoCategory[],
    serviceArea: ServiceArea,
  ): string {
    const feminine = KIND_IS_FEMININE[kind];
    const departementName = dep.words?.name;
    const where =
      departementName === undefined || commune.name === departementName || commune.name.startsWith(`${departementName} `)
        ? aCommune(commune.name)
        : `${aCommune(commune.name)} (${departementName})`;
    const mission = random.pick(KIND_MISSIONS[kind]);
    const located = feminine ? 'Implantée' : 'Implanté';
    // "Entreprise adaptée Les Saules est une entreprise adaptée" says it twice.
    const namedAfterKind = name.startsWith(KIND_FRENCH_NAMES[kind]);
    let identity: string;
    switch (namedAfterKind ? 3 : random.int(0, 3)) {
      case 0:
        identity = `${name} est ${KIND_WITH_ARTICLE[kind]} ${feminine ? 'implantée' : 'implanté'} ${where}. La structure ${mission}.`;
        break;
      case 1:
        identity = `${KIND_FRENCH_NAMES[kind]} ${feminine ? 'implantée' : 'implanté'} ${where}, ${name} ${mission}.`;
        break;
      case 2: {
        const year = random.int(KIND_FOUNDED_FROM[kind], FOUNDED_TO);
        identity = `${feminine ? 'Créée' : 'Créé'} en ${year} ${where}, ${name} est ${KIND_WITH_ARTICLE[kind]}. La structure ${mission}.`;
        break;
      }
      default:
        identity = `${located} ${where}, ${name} ${mission}.`;
    }
    return `${identity} ${activities(kind, categories)} ${areaSentence(serviceArea, commune, dep)}`;
  }
}

/** Whether a tag has a reason to be on a supplier with these categories (its kind is checked apart). */
function tagFits(tag: TagSpec, categories: readonly DemoCategory[]): boolean {
  return !tag.categories || categories.some((category) => tag.categories!.includes(category.slug));
}

/** Category names as a list; " ; " between them, as the names hold "et" themselves. */
function categoryList(categories: readonly DemoCategory[]): string {
  return categories.map((c) => lowerInitial(c.name)).join(' ; ');
}

/** "Son cœur de métier : …. Ses prestations : … ; …. Autres activités : …." */
function activities(kind: SupplierKind, categories: readonly DemoCategory[]): string {
  const mainGroup = categories[0].groupSlug;
  const others = categories.filter((c) => c.groupSlug !== mainGroup);
  const phrase = GROUP_ACTIVITIES[mainGroup];
  if (mainGroup === STAFF_GROUP) {
    // The category named after the kind ("mise à disposition par une association intermédiaire") says nothing more.
    const staff = categories.filter((c) => c.groupSlug === STAFF_GROUP && c.slug !== KIND_STAFF_CATEGORY[kind]);
    const main = `Son cœur de métier : ${phrase ?? 'la mise à disposition de personnel'}.`;
    const detail = staff.length > 0 ? ` Ses prestations : ${categoryList(staff)}.` : '';
    const sectors = others.length > 0 ? ` Ses salariés sont mis à disposition notamment pour : ${categoryList(others)}.` : '';
    return main + detail + sectors;
  }
  const same = categories.filter((c) => c.groupSlug === mainGroup);
  const main = phrase === undefined
    ? `Son activité principale : ${categoryList(same)}.`
    : `Son cœur de métier : ${phrase}. Ses prestations : ${categoryList(same)}.`;
  return others.length === 0 ? main : `${main} Autres activités : ${categoryList(others)}.`;
}

/** The service area in words: "La structure intervient en Moselle et en Meurthe-et-Moselle." */
function areaSentence(serviceArea: ServiceArea, commune: DemoCommune, dep: DepartementInfo): string {
  switch (serviceArea.kind) {
    case ServiceAreaKind.NATIONAL:
      return 'La structure intervient dans toute la France.';
    case ServiceAreaKind.REGIONS: {
      // The supplier's own région first.
      const codes = [...serviceArea.regionCodes].sort((x, y) => Number(y === commune.regionCode) - Number(x === commune.regionCode));
      const regions = codes.map((code) => REGION_WORDS[code]);
      if (regions.some((region) => region === undefined)) {
        return regions.length > 1 ? 'La structure intervient dans sa région et la région voisine.' : 'La structure intervient dans toute sa région.';
      }
      if (regions.length === 1) {
        return dep.overseas ? `La structure intervient ${regions[0].in}.` : `La structure intervient dans toute la région ${regions[0].name}.`;
      }
      return `La structure intervient ${frenchList(regions.map((region) => region.in))}.`;
    }
    case ServiceAreaKind.DEPARTEMENTS: {
      const departements = serviceArea.departementCodes.map((code) => DEPARTEMENT_WORDS[code]);
      if (departements.some((words) => words === undefined)) {
        return departements.length > 1
          ? 'La structure intervient dans son département et les départements proches.'
          : 'La structure intervient dans tout son département.';
      }
      // The supplier's own département first.
      departements.sort((x, y) => Number(y === dep.words) - Number(x === dep.words));
      return `La structure intervient ${frenchList(departements.map((words) => words.in))}.`;
    }
    default:
      return `La structure intervient ${aCommune(commune.name)} et dans un rayon de ${serviceArea.radiusKm} km.`;
  }
}
