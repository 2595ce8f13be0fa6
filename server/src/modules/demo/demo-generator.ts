/**
 * Deterministic generator of fictional inclusive suppliers, for the demo directory and for
 * benchmarks. Pure: no I/O, no clock, no Math.random. Same options and seed, same output.
 *
 * - Streaming: `generateDemoSuppliers` yields one supplier at a time; memory depends on the
 *   size of the commune and category lists, not on `count`.
 * - Clearly fictional: every legal and brand name ends with " (démo)", e-mails and websites
 *   use the reserved example.org domain, phone numbers the +33 1 99 00 range set aside for
 *   fiction, SIRETs are valid but drawn from a deterministic sequence (never La Poste's).
 * - Communes without coordinates are skipped when placing suppliers: a demo supplier always
 *   has a position (jittered inside the commune bounding box, or the commune centre).
 * - Categories come from the caller (the taxonomy is not imported); offering templates and
 *   biases are keyed by category-group slug, and unknown groups fall back to generic text.
 */
import { PriceUnit } from '../offerings/price-unit.js';
import { type ServiceArea, ServiceAreaKind, ServiceType } from '../suppliers/service-area.js';
import { completeSiren, completeSiret } from '../suppliers/siret.js';
import { KIND_FRENCH_NAMES, SupplierKind } from '../suppliers/supplier-kind.js';
import {
  BRAND_NAME_PATTERNS,
  CATEGORY_KINDS,
  BUSINESS_PARKS,
  DEFAULT_GEIQ_SECTOR,
  DEFAULT_GROUP_WEIGHT,
  DEFAULT_TRADES,
  DEMO_SUFFIX,
  EMAIL_LOCAL_PARTS,
  GENERIC_TEMPLATES,
  GEIQ_SECTORS,
  HEADCOUNT_RANGES,
  KIND_GROUP_AFFINITY,
  KIND_IS_FEMININE,
  KIND_MISSIONS,
  KIND_SERVICE_TYPE_CHANCES,
  KIND_SHARES,
  LEAD_TIMES,
  LEGAL_NAME_PATTERNS,
  MINIMUM_ORDER_AMOUNTS,
  OFFERING_TEMPLATES,
  type OfferingTemplate,
  PLACES_METRO,
  PLACES_OVERSEAS,
  type PriceProfile,
  RADII_KM,
  STREET_NAMES,
  STREET_TYPES,
  TAGS,
  TRADES,
  VIRTUES,
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
/** Régions whose centroids are closer than this are neighbours (REGIONS service areas). */
const NEIGHBOUR_REGION_MAX_KM = 450;
/** SIREN bodies are 8-digit numbers 80 000 000 + a permutation of [0, 20 000 000). */
const SIREN_BASE = 80_000_000;
/** Odd, not a multiple of 5: coprime with 20 000 000, so i -> i * stride mod 2e7 is a bijection. */
const SIREN_STRIDE = 7_654_321;
const GOLDEN_RATIO_FRACTION = 0.6180339887498949;

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
}

interface Geography {
  communes: DemoCommune[];
  cumulative: Float64Array;
  departements: DepartementInfo[];
  departementByCode: Map<string, DepartementInfo>;
  /** Nearest other région when close enough (metropolitan neighbours), else absent. */
  neighbourRegion: Map<string, string>;
}

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 12_742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function weightOf(commune: DemoCommune): number {
  return Math.max(commune.population, 0) + 50;
}

function prepareGeography(input: DemoCommune[]): Geography {
  const located = input.filter(
    (c) => c.latitude !== null && c.longitude !== null && Number.isFinite(c.latitude) && Number.isFinite(c.longitude),
  );
  // Without commune centres at all (no centres file), suppliers get no position.
  const communes = (located.length > 0 ? located : input)
    .slice()
    .sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  if (communes.length === 0) throw new RangeError('generateDemoSuppliers: no commune');

  const byDepartement = new Map<string, DemoCommune[]>();
  for (const commune of communes) {
    const list = byDepartement.get(commune.departementCode);
    if (list) list.push(commune);
    else byDepartement.set(commune.departementCode, [commune]);
  }

  const departements: DepartementInfo[] = [];
  const regionSums = new Map<string, { lat: number; lon: number; w: number }>();
  for (const code of [...byDepartement.keys()].sort()) {
    const list = byDepartement.get(code)!;
    let lat = 0;
    let lon = 0;
    let w = 0;
    for (const c of list) {
      const cw = weightOf(c);
      lat += c.latitude! * cw;
      lon += c.longitude! * cw;
      w += cw;
    }
    const info: DepartementInfo = {
      code,
      regionCode: list[0].regionCode,
      communes: list,
      cumulative: cumulativeOf(list.map(weightOf)),
      lat: lat / w,
      lon: lon / w,
      nearbyInRegion: [],
    };
    departements.push(info);
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
    departementByCode: new Map(departements.map((d) => [d.code, d])),
    neighbourRegion,
  };
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
 * Whether a supplier of this kind, selling these service types (mask), can be classified in
 * the category: the kind is allowed, and the supplier has something to offer there (staff
 * can be provided in any sector; an unknown category takes generic offerings).
 */
function categoryFits(category: IndexedCategory, kind: SupplierKind, mask: number): boolean {
  if (category.kinds !== null && !category.kinds.includes(kind)) return false;
  if ((mask & STAFF_MASK) !== 0 || category.templates.length === 0) return true;
  return (category.templateTypes & mask) !== 0;
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

function fill(pattern: string, tokens: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, key: string) => tokens[key] ?? '');
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
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


const CATEGORY_COUNTS = new WeightedTable<number>([[1, 30], [2, 35], [3, 22], [4, 13]]);
const OFFERING_COUNTS = new WeightedTable<number>([[1, 14], [2, 24], [3, 26], [4, 18], [5, 11], [6, 7]]);
const TAG_COUNTS = new WeightedTable<number>([[0, 25], [1, 40], [2, 25], [3, 10]]);
const EXTRA_DEPARTEMENT_COUNTS = new WeightedTable<number>([[0, 35], [1, 30], [2, 20], [3, 15]]);
const RADII = new WeightedTable(RADII_KM);
const MINIMUM_ORDERS = new WeightedTable(MINIMUM_ORDER_AMOUNTS);
const LEAD_TIME_DAYS = new WeightedTable(LEAD_TIMES);


interface CategoryChoice {
  /** Groups with at least one fitting category, weighted by the kind's affinity; null when none. */
  groups: WeightedTable<string> | null;
  fitting: Map<string, IndexedCategory[]>;
}

function area(kind: ServiceAreaKind, regionCodes: string[], departementCodes: string[], radiusKm: number | null): ServiceArea {
  return { kind, regionCodes, departementCodes, radiusKm };
}

/**
 * Yields `options.count` fictional suppliers, deterministically for a given seed. See the
 * module comment for what makes them recognisably fictional.
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

  // Small caches keyed by kind, service types and group: bounded, whatever `count`.
  const choiceCache = new Map<string, CategoryChoice>();

  for (let index = 0; index < count; index++) {
    yield makeSupplier(index);
  }

  function makeSupplier(index: number): DemoSupplier {
    const kind = kindAt(index, kindOffset);
    const commune = pickCommune(index);
    const dep = geo.departementByCode.get(commune.departementCode)!;
    const serviceTypes = pickServiceTypes(kind);
    const categories = pickCategories(kind, serviceTypes);
    const mainGroup = categories[0].groupSlug;

    const { legalCore, brandCore } = makeNames(kind, mainGroup, categories, commune);
    const legalName = legalCore + DEMO_SUFFIX;
    const brandName = brandCore === null ? null : brandCore + DEMO_SUFFIX;
    const slug = `${slugify(brandCore ?? legalCore).slice(0, 32).replace(/-+$/, '') || 'structure'}-${index.toString(36)}`;

    const position = pickPosition(commune);
    const serviceArea = pickServiceArea(commune, dep);
    const offerings = makeOfferings(kind, serviceTypes, categories, commune, dep);
    const tags = pickTags(kind, categories);

    const [hcMin, hcMax] = HEADCOUNT_RANGES[kind];
    const updatedAt = UPDATED_FROM + Math.floor((random.next() * (UPDATED_TO - UPDATED_FROM)) / 1000) * 1000;

    return {
      siret: siretAt(index),
      legalName,
      brandName,
      kind,
      description: describe(kind, legalCore, commune, categories, serviceArea),
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
      if (r < 0.55) return geo.communes[pickCumulative(geo.cumulative, random)];
      dep = random.pick(geo.departements);
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
      const fitting = new Map<string, IndexedCategory[]>();
      const pairs: Array<[string, number]> = [];
      for (const group of cats.groups) {
        const weight = affinity[group] ?? DEFAULT_GROUP_WEIGHT;
        if (weight <= 0) continue;
        const list = cats.byGroup.get(group)!.filter((category) => categoryFits(category, kind, mask));
        if (list.length === 0) continue;
        fitting.set(group, list);
        pairs.push([group, weight]);
      }
      choice = { groups: pairs.length === 0 ? null : new WeightedTable(pairs), fitting };
      choiceCache.set(key, choice);
    }
    return choice;
  }

  function pickCategories(kind: SupplierKind, types: readonly ServiceType[]): IndexedCategory[] {
    const choice = categoryChoice(kind, typesMask(types));
    // Nothing fits (e.g. only kind-restricted categories given): any category, generic offerings.
    if (choice.groups === null) return [random.pick(cats.all)];
    const target = CATEGORY_COUNTS.pick(random);
    const mainGroup = choice.groups.pick(random);
    const chosen: IndexedCategory[] = [random.pick(choice.fitting.get(mainGroup)!)];
    for (let attempt = 0; chosen.length < target && attempt < target * 4; attempt++) {
      // Most suppliers stay in their main sector; some add a neighbouring activity.
      const group = random.chance(0.55) ? mainGroup : choice.groups.pick(random);
      const candidate = random.pick(choice.fitting.get(group)!);
      if (!chosen.includes(candidate)) chosen.push(candidate);
    }
    return chosen;
  }

  /** Adds a fitting category the supplier does not have yet, if one is found quickly. */
  function addCategory(kind: SupplierKind, mask: number, categories: IndexedCategory[]): void {
    const choice = categoryChoice(kind, mask);
    if (choice.groups === null) return;
    const group = random.chance(0.7) ? categories[0].groupSlug : choice.groups.pick(random);
    const list = choice.fitting.get(group);
    if (list === undefined) return;
    for (let attempt = 0; attempt < 3; attempt++) {
      const candidate = random.pick(list);
      if (!categories.includes(candidate)) {
        categories.push(candidate);
        return;
      }
    }
  }

  function makeNames(
    kind: SupplierKind,
    mainGroup: string,
    categories: readonly DemoCategory[],
    commune: DemoCommune,
  ): { legalCore: string; brandCore: string | null } {
    // Overseas départements and collectivités have INSEE codes 97x / 98x.
    const overseas = commune.departementCode.startsWith('97') || commune.departementCode.startsWith('98');
    const place = random.chance(0.3) ? deCommune(commune.name) : random.pick(overseas ? PLACES_OVERSEAS : PLACES_METRO);
    const tokens = {
      Trade: random.pick(TRADES[mainGroup] ?? DEFAULT_TRADES),
      Virtue: random.pick(VIRTUES),
      place,
      Sector: categories.map((c) => GEIQ_SECTORS[c.groupSlug]).find((sector) => sector !== undefined) ?? DEFAULT_GEIQ_SECTOR,
      Commune: commune.name,
    };
    const legalCore = fill(random.pick(LEGAL_NAME_PATTERNS[kind]), tokens);
    let brandCore: string | null = null;
    if (random.chance(0.4)) {
      const initials = legalCore
        .split(/[\s'-]+/)
        .filter((word) => /^[A-ZÉÈÂ]/.test(word))
        .map((word) => word[0].normalize('NFD')[0])
        .join('');
      brandCore = initials.length >= 3 && random.chance(0.4) ? initials : fill(random.pick(BRAND_NAME_PATTERNS), tokens);
      if (brandCore === legalCore) brandCore = null;
    }
    return { legalCore, brandCore };
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

  function departementArea(dep: DepartementInfo, maxOthers: number): ServiceArea {
    const wanted = Math.min(EXTRA_DEPARTEMENT_COUNTS.pick(random), maxOthers, dep.nearbyInRegion.length);
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

  function pickServiceArea(commune: DemoCommune, dep: DepartementInfo): ServiceArea {
    const r = random.next();
    // Few inclusive structures work all over France: most are local by nature.
    if (r < 0.03) return area(ServiceAreaKind.NATIONAL, [], [], null);
    if (r < 0.2) return regionArea(commune, 0.3);
    if (r < 0.6) return departementArea(dep, 3);
    return area(ServiceAreaKind.RADIUS, [], [], RADII.pick(random));
  }

  function pickOverride(type: ServiceType, commune: DemoCommune, dep: DepartementInfo): ServiceArea {
    if (type === ServiceType.GOODS) {
      return random.chance(0.7) ? area(ServiceAreaKind.NATIONAL, [], [], null) : regionArea(commune, 0.5);
    }
    return random.chance(0.5) ? area(ServiceAreaKind.RADIUS, [], [], RADII.pick(random)) : departementArea(dep, 0);
  }

  /**
   * Offering templates a supplier selling `types` may use in `category`: the category's own
   * templates of those types, plus generic staff provision when the supplier provides staff
   * and the category has no staff template; generic templates for an unknown category.
   */
  function templatesFor(category: IndexedCategory, types: readonly ServiceType[], mask: number): readonly OfferingTemplate[] {
    let candidates = category.candidates[mask];
    if (candidates === undefined) {
      const own = category.templates.filter((tpl) => types.includes(tpl.serviceType));
      const staff =
        (mask & STAFF_MASK) !== 0 && (category.templateTypes & STAFF_MASK) === 0 ? GENERIC_TEMPLATES[ServiceType.STAFF_PROVISION] : [];
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
   * one more category (up to 4), usually from its main group: `categories` can grow.
   */
  function makeOfferings(
    kind: SupplierKind,
    types: readonly ServiceType[],
    categories: IndexedCategory[],
    commune: DemoCommune,
    dep: DepartementInfo,
  ): DemoOffering[] {
    const target = OFFERING_COUNTS.pick(random);
    const offerings: DemoOffering[] = [];
    const titles = new Set<string>();
    const mask = typesMask(types);
    for (let attempt = 0; offerings.length < target && attempt < target * 4; attempt++) {
      // The first category (the main activity) gets more offerings.
      const category = random.chance(0.4) ? categories[0] : random.pick(categories);
      const template = random.pick(templatesFor(category, types, mask));
      const title = template.title.replace('{category}', category.name);
      if (titles.has(title)) {
        if (categories.length < 4 && random.chance(0.4)) addCategory(kind, mask, categories);
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
        serviceAreaOverride: random.chance(0.1) ? pickOverride(template.serviceType, commune, dep) : null,
      });
    }
    return offerings;
  }

  function pickTags(kind: SupplierKind, categories: readonly DemoCategory[]): string[] {
    const wanted = TAG_COUNTS.pick(random);
    if (wanted === 0) return [];
    const groups = new Set(categories.map((c) => c.groupSlug));
    const eligible = TAGS.filter(
      (tag) => (!tag.kinds || tag.kinds.includes(kind)) && (!tag.groups || tag.groups.some((g) => groups.has(g))),
    );
    const tags: string[] = [];
    for (let attempt = 0; tags.length < wanted && attempt < wanted * 4 && eligible.length > 0; attempt++) {
      const label = random.pick(eligible).label;
      if (!tags.includes(label)) tags.push(label);
    }
    return tags;
  }

  function makeAddress(): string {
    const number = random.int(1, 120);
    const suffix = random.chance(0.06) ? ' bis' : '';
    const street = `${number}${suffix} ${random.pick(STREET_TYPES)} ${random.pick(STREET_NAMES)}`;
    return random.chance(0.15) ? `${random.pick(BUSINESS_PARKS)}, ${street}` : street;
  }

  function describe(
    kind: SupplierKind,
    name: string,
    commune: DemoCommune,
    categories: readonly DemoCategory[],
    serviceArea: ServiceArea,
  ): string {
    const located = KIND_IS_FEMININE[kind] ? 'implantée' : 'implanté';
    const first = random.chance(0.5)
      ? `${KIND_FRENCH_NAMES[kind]} ${located} ${aCommune(commune.name)}, la structure ${random.pick(KIND_MISSIONS[kind])}.`
      : `${name} est une structure fictive de démonstration : ${lowerInitial(KIND_FRENCH_NAMES[kind])} ${located} ${aCommune(commune.name)} qui ${random.pick(KIND_MISSIONS[kind])}.`;
    const domains = categories.map((c) => lowerInitial(c.name));
    const second =
      domains.length === 1
        ? `Son activité principale : ${domains[0]}.`
        : `Ses équipes interviennent notamment dans les domaines suivants : ${frenchList(domains)}.`;
    if (!random.chance(0.5)) return `${first} ${second}`;
    let third: string;
    switch (serviceArea.kind) {
      case ServiceAreaKind.NATIONAL:
        third = 'Elle intervient sur tout le territoire national.';
        break;
      case ServiceAreaKind.REGIONS:
        third = serviceArea.regionCodes.length > 1 ? 'Elle intervient dans sa région et la région voisine.' : 'Elle intervient dans toute sa région.';
        break;
      case ServiceAreaKind.DEPARTEMENTS:
        third =
          serviceArea.departementCodes.length > 1
            ? 'Elle intervient dans son département et les départements proches.'
            : 'Elle intervient dans tout son département.';
        break;
      default:
        third = `Elle intervient dans un rayon de ${serviceArea.radiusKm} km autour de son site.`;
    }
    return `${first} ${second} ${third}`;
  }
}
