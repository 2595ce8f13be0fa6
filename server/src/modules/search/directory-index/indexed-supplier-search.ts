import type { TypedFastBitSet } from 'typedfastbitset';
import type { CursorKey, CursorValue } from '../../../core/graphql/pagination.js';
import { ServiceAreaKind, ServiceType } from '../../suppliers/service-area.js';
import { SupplierOrder } from '../../suppliers/supplier.inputs.js';
import type { SupplierKind } from '../../suppliers/supplier-kind.js';
import { TerritoryScope } from '../search.inputs.js';
import type { SupplierFacetCounts, SupplierPageRow, SupplierSearchEngine } from '../supplier-search.engine.js';
import { SupplierSearchSql, type SupplierSearch } from '../supplier-search.sql.js';
import type { TerritoryZone } from '../territory-zone.js';
import { distanceKm } from '../../territories/geo-distance.js';
import { AREA_KINDS, KINDS, lookupTable, type DirectoryIndex, type SlotLists } from './directory-index.js';

const SERVICE_TYPES = Object.values(ServiceType);
const NATIONAL = AREA_KINDS.indexOf(ServiceAreaKind.NATIONAL);
const RADIUS = AREA_KINDS.indexOf(ServiceAreaKind.RADIUS);

/**
 * Kilometres per degree of latitude, rounded down: a great-circle distance is never shorter
 * than its difference of latitude, so a point further in latitude alone is out of reach.
 */
const MIN_KM_PER_DEGREE = 111.19;

/** distanceKm(…) <= limit, without the trigonometry for points clearly too far north or south. */
function withinKm(latitude1: number, longitude1: number, latitude2: number, longitude2: number, limit: number): boolean {
  if (Math.abs(latitude2 - latitude1) * MIN_KM_PER_DEGREE > limit) return false;
  return distanceKm(latitude1, longitude1, latitude2, longitude2) <= limit;
}

// Per-slot flags of one search: the base conditions, then each filter dimension (a facet
// leaves its own out).
const BASE = 1;
const KIND = 2;
const ACTIVITY = 4;
const SERVICE_TYPE = 8;
const SMALL_PURCHASE = 16;
const TAGS = 32;
const ALL_DIMENSIONS = KIND | ACTIVITY | SERVICE_TYPE | SMALL_PURCHASE | TAGS;
const MATCH = BASE | ALL_DIMENSIONS;

/**
 * A supplier search run on the directory index: the rules of supplier-search.sql.ts
 * (README of this folder's parent), applied to every live slot in one pass.
 */
export class IndexedSupplierSearch implements SupplierSearchEngine {
  private readonly flags: Uint8Array;
  private readonly tiers: Uint8Array;
  /** How many slots meet every condition (their flags are MATCH). */
  private readonly matchCount: number;
  private readonly nameMatches: TypedFastBitSet | null;
  /** Lookup of the searched categories (and of their groups'), when some are. */
  private readonly activity: Uint8Array | null;
  /** Lookup of the categories the text names (relevance). */
  private readonly textCategories: Uint8Array;

  constructor(
    private readonly index: DirectoryIndex,
    private readonly search: SupplierSearch,
  ) {
    const { slotCount, alive, areaKind } = index;
    this.flags = new Uint8Array(slotCount);
    this.tiers = new Uint8Array(slotCount);
    const text = search.textTerms ? index.documents.match(search.textTerms) : null;
    this.nameMatches = search.textTerms && search.order === SupplierOrder.RELEVANCE ? index.names.match(search.textTerms) : null;
    this.textCategories = lookupTable(search.textCategoryIds);
    this.activity = search.activityCategoryIds ? lookupTable(search.activityCategoryIds) : null;
    const tier = search.zone ? this.tierOf(search.zone) : null;
    const dimensions = this.dimensionFlags();
    const excludeNational = search.excludeNationalOnly;

    // Flags stay 0 for the slots that fail the base conditions.
    let matchCount = 0;
    for (let slot = 0; slot < slotCount; slot += 1) {
      if (alive[slot] === 0) continue;
      if (text !== null && !text.has(slot)) continue;
      if (tier !== null) {
        const slotTier = tier(slot);
        if (slotTier < 0) continue;
        this.tiers[slot] = slotTier;
      } else if (excludeNational && areaKind[slot] === NATIONAL) {
        continue;
      }
      const flags = BASE | dimensions(slot);
      this.flags[slot] = flags;
      if (flags === MATCH) matchCount += 1;
    }
    this.matchCount = matchCount;
  }

  /** Whether one of the slot's published offerings costs at most `limit` (one of the searched categories, if any). */
  private readonly smallPurchase = (slot: number, limit: number): boolean => {
    const { minEntryAmount, pricedCategoryIds, pricedCategoryAmounts } = this.index;
    if (this.activity === null) return minEntryAmount[slot] <= limit;
    // With categories, the cheap offering must be one of them.
    const ids = pricedCategoryIds.values;
    const amounts = pricedCategoryAmounts.values;
    for (let i = pricedCategoryIds.starts[slot]; i < pricedCategoryIds.starts[slot + 1]; i += 1) {
      if (this.activity[ids[i]] === 1 && amounts[i] <= limit) return true;
    }
    return false;
  };

  /** Tier of a slot in the zone (0 located, 1 serves it, 2 only nationally), -1 outside. */
  private tierOf(zone: TerritoryZone): (slot: number) => number {
    const located = this.locatedIn(zone);
    if (zone.scope === TerritoryScope.LOCATED_IN) return (slot) => (located(slot) ? 0 : -1);
    const covers = this.covers(zone);
    const { index, search } = this;
    return (slot) => {
      if (located(slot)) return 0;
      if (covers(slot)) return 1;
      return !search.excludeNationalOnly && index.areaKind[slot] === NATIONAL ? 2 : -1;
    };
  }

  private locatedIn(zone: TerritoryZone): (slot: number) => boolean {
    const { index } = this;
    if (zone.level === 'DEPARTEMENT') {
      const departement = index.departements.find(zone.code);
      return (slot) => index.departementId[slot] === departement;
    }
    if (zone.level === 'REGION') {
      const region = index.regions.find(zone.code);
      return (slot) => index.regionId[slot] === region;
    }
    const commune = index.communes.find(zone.code);
    const inCommune = (slot: number) => index.municipalityId[slot] === commune || index.communeId[slot] === commune;
    const { centre, radiusKm } = zone;
    if (!radiusKm || !centre) return inCommune;
    return (slot) => inCommune(slot) || withinKm(centre.latitude, centre.longitude, index.latitude[slot], index.longitude[slot], radiusKm);
  }

  /** A service area other than national reaches the zone (territory.sql.ts, coversSql). */
  private covers(zone: TerritoryZone): (slot: number) => boolean {
    const { index } = this;
    const regions = lookupTable(zone.regionCodes.map((code) => index.regions.find(code)));
    const departements = lookupTable(zone.departementCodes.map((code) => index.departements.find(code)));
    const listed = (slot: number) => index.areaRegionIds.anyIn(slot, regions) || index.areaDepartementIds.anyIn(slot, departements);
    const { centre, box } = zone;
    if (!centre && !box) return listed;
    const extra = centre ? (zone.radiusKm ?? 0) : 0;
    const reaches = centre
      ? (slot: number, limit: number) => withinKm(centre.latitude, centre.longitude, index.latitude[slot], index.longitude[slot], limit)
      : (slot: number, limit: number) => {
          // Distance to the nearest point of the territory's box.
          const [minLatitude, minLongitude, maxLatitude, maxLongitude] = box!;
          const latitude = index.latitude[slot];
          const longitude = index.longitude[slot];
          return withinKm(
            latitude, longitude,
            Math.max(minLatitude, Math.min(maxLatitude, latitude)), Math.max(minLongitude, Math.min(maxLongitude, longitude)),
            limit,
          );
        };
    return (slot) => listed(slot) || (index.areaKind[slot] === RADIUS && reaches(slot, index.areaRadiusKm[slot] + extra));
  }

  /** The flags of the filter dimensions a slot meets (every dimension not filtered on). */
  private dimensionFlags(): (slot: number) => number {
    const { index, search } = this;
    const { kind, serviceTypeMask, categoryIds, tagIds } = index;
    const kinds = search.kinds ? lookupTable(search.kinds.map((value) => KINDS.indexOf(value))) : null;
    const { activity } = this;
    const serviceTypes = search.serviceTypes ? search.serviceTypes.reduce((mask, type) => mask | (1 << SERVICE_TYPES.indexOf(type)), 0) : null;
    const tags = search.tags ? lookupTable(search.tags.map((tag) => index.tagNames.find(tag))) : null;
    const amount = search.smallPurchaseAmount;
    const smallPurchase = this.smallPurchase;
    return (slot) => {
      let flags = 0;
      if (kinds === null || kinds[kind[slot]] === 1) flags |= KIND;
      if (activity === null || categoryIds.anyIn(slot, activity)) flags |= ACTIVITY;
      if (serviceTypes === null || (serviceTypeMask[slot] & serviceTypes) !== 0) flags |= SERVICE_TYPE;
      if (amount === null || smallPurchase(slot, amount)) flags |= SMALL_PURCHASE;
      if (tags === null || tagIds.anyIn(slot, tags)) flags |= TAGS;
      return flags;
    };
  }

  private distanceOf(slot: number): number | null {
    const { origin } = this.search;
    if (!origin || Number.isNaN(this.index.latitude[slot])) return null;
    return distanceKm(origin.latitude, origin.longitude, this.index.latitude[slot], this.index.longitude[slot]);
  }

  /** Whether the tier is a sort key: only when serving a zone can it differ between rows. */
  private get tierSorts(): boolean {
    return this.search.zone?.scope === TerritoryScope.SERVES;
  }

  /** The SQL engine's keys: cursors pass from one engine to the other, checked the same way. */
  sortKeyTypes(): CursorKey[] {
    return new SupplierSearchSql(this.search).sortKeyTypes();
  }

  async page(after: CursorValue[] | null, limit: number): Promise<SupplierPageRow[]> {
    const { order } = this.search;
    if (order === SupplierOrder.DISTANCE) return this.pageByDistance(after, limit);
    if (order === SupplierOrder.UPDATED_ASC) throw new Error('UPDATED_ASC pages are read in SQL (sync horizon)');
    return this.pageInKeptOrder(after, limit + 1).map((slot) => this.row(slot, this.rankedKeyValues(slot)));
  }

  /**
   * The other orders are a bucket (tier and text relevance, for RELEVANCE) then an order the
   * index keeps (names, or updates): walking that order, each bucket's first rows are its best.
   */
  private pageInKeptOrder(after: CursorValue[] | null, size: number): number[] {
    const recent = this.search.order === SupplierOrder.RECENTLY_UPDATED;
    const order = recent ? this.index.updateOrder : this.index.nameOrder;
    const bucketed = this.search.order === SupplierOrder.RELEVANCE;
    const cursor = after ? this.keptOrderCursor(after) : { bucket: 0, position: 0 };
    const buckets: number[][] = [];
    // Without buckets, the rows after the cursor's start at its position.
    for (let position = bucketed ? 0 : cursor.position; position < order.length; position += 1) {
      const slot = order[position];
      if (this.flags[slot] !== MATCH) continue;
      const bucket = bucketed ? this.bucketOf(slot) : 0;
      if (bucket < cursor.bucket || (bucket === cursor.bucket && position < cursor.position)) continue;
      const rows = (buckets[bucket] ??= []);
      if (rows.length < size) rows.push(slot);
      // Nothing comes before a full first bucket.
      if (bucket === cursor.bucket && rows.length === size) break;
    }
    return buckets.flat().slice(0, size);
  }

  private bucketOf(slot: number): number {
    let bucket = this.tierSorts ? this.tiers[slot] : 0;
    if (this.search.textTerms) {
      bucket = bucket * 2 + (this.nameMatches!.has(slot) ? 0 : 1);
      bucket = bucket * 2 + (this.index.categoryIds.anyIn(slot, this.textCategories) ? 0 : 1);
    }
    return bucket;
  }

  /**
   * Where the rows after the cursor's start: its bucket, and the first position after it in
   * the kept order. The cursor's values have their keys' types (`sortKeyTypes`, checked when
   * it was decoded).
   */
  private keptOrderCursor(after: CursorValue[]): { bucket: number; position: number } {
    const values = [...after];
    const id = values.pop() as number;
    if (this.search.order === SupplierOrder.RECENTLY_UPDATED) return { bucket: 0, position: this.index.updatePosition(values.pop() as string, id) };
    const position = this.index.namePosition(values.pop() as string, id);
    let bucket = this.tierSorts && this.search.order === SupplierOrder.RELEVANCE ? (values.shift() as number) : 0;
    if (this.search.order === SupplierOrder.RELEVANCE && this.search.textTerms) {
      bucket = bucket * 2 + (values.shift() ? 0 : 1);
      bucket = bucket * 2 + (values.shift() ? 0 : 1);
    }
    return { bucket, position };
  }

  /** The sort key values of a row, as the SQL engine returns them (cursors are interchangeable). */
  private rankedKeyValues(slot: number): CursorValue[] {
    const { index } = this;
    const id = index.supplierId[slot];
    if (this.search.order === SupplierOrder.RECENTLY_UPDATED) return [index.updatedText[slot], id];
    if (this.search.order === SupplierOrder.NAME) return [index.sortName[slot], id];
    return [
      ...(this.tierSorts ? [this.tiers[slot]] : []),
      ...(this.search.textTerms
        ? [this.nameMatches!.has(slot), index.categoryIds.anyIn(slot, this.textCategories)]
        : []),
      index.sortName[slot],
      id,
    ];
  }

  private pageByDistance(after: CursorValue[] | null, limit: number): SupplierPageRow[] {
    // Keys: beyond the local tiers (serving only nationally), distance (none: last), id.
    const keyOf = (slot: number): [number, number, number] => [
      this.tierSorts && this.tiers[slot] === 2 ? 1 : 0,
      this.distanceOf(slot) ?? 1e9,
      this.index.supplierId[slot],
    ];
    let threshold: [number, number, number] = [-1, -1, -1];
    if (after) {
      const values = [...after];
      const far = this.tierSorts ? (values.shift() ? 1 : 0) : 0;
      threshold = [far, values.shift() as number, values.shift() as number];
    }
    return topSlotsByKey(this.flags, limit + 1, keyOf, threshold).map((slot) => {
      const [far, distance, id] = keyOf(slot);
      return this.row(slot, [...(this.tierSorts ? [far === 1] : []), distance, id]);
    });
  }

  private row(slot: number, keys: CursorValue[]): SupplierPageRow {
    const row: SupplierPageRow = { id: this.index.supplierId[slot], distance_km: this.distanceOf(slot), tier: this.tiers[slot] };
    keys.forEach((value, index) => (row[`k${index}`] = value));
    return row;
  }

  async count(): Promise<number> {
    return this.matchCount;
  }

  async facets(): Promise<SupplierFacetCounts> {
    const { index } = this;
    const { departementId, kind, serviceTypeMask, groupMaskLow, groupMaskHigh } = index;
    const departements = new Int32Array(index.departements.codes.length);
    const kinds = new Int32Array(KINDS.length);
    const groups = new Int32Array(64);
    const serviceTypes = new Int32Array(SERVICE_TYPES.length);
    let smallPurchase = 0;
    const facetAmount = this.search.smallPurchaseFacetAmount;
    const { slotCount } = index;
    for (let slot = 0; slot < slotCount; slot += 1) {
      const flags = this.flags[slot];
      if (flags === 0) continue;
      const missing = ~flags & ALL_DIMENSIONS;
      // A facet counts the slots that miss no dimension but its own.
      if (missing === 0) departements[departementId[slot]] += 1;
      if ((missing & ~KIND) === 0) kinds[kind[slot]] += 1;
      if ((missing & ~ACTIVITY) === 0) {
        countBits(groupMaskLow[slot], groups, 0);
        countBits(groupMaskHigh[slot], groups, 32);
      }
      if ((missing & ~SERVICE_TYPE) === 0) countBits(serviceTypeMask[slot], serviceTypes, 0);
      if ((missing & ~SMALL_PURCHASE) === 0 && this.smallPurchase(slot, facetAmount)) smallPurchase += 1;
    }
    return {
      matches: this.matchCount,
      departements: nonZero(departements, (id) => index.departements.codes[id]),
      kinds: nonZero(kinds, (id) => KINDS[id] as SupplierKind),
      categoryGroups: nonZero(groups, (bit) => bit),
      serviceTypes: nonZero(serviceTypes, (bit) => SERVICE_TYPES[bit]),
      smallPurchase,
    };
  }

  async categories(): Promise<Map<number, number>> {
    return nonZero(this.countValues(ACTIVITY, this.index.categoryIds, this.index.maxCategoryId + 1), (id) => id);
  }

  async tags(): Promise<Map<string, number>> {
    return nonZero(this.countValues(TAGS, this.index.tagIds, this.index.tagNames.codes.length), (id) => this.index.tagNames.codes[id]);
  }

  /** Counts by value of a slot list, over the slots that miss no dimension but `leftOut`. */
  private countValues(leftOut: number, lists: SlotLists<Int32Array>, size: number): Int32Array {
    const counts = new Int32Array(size);
    for (let slot = 0; slot < this.index.slotCount; slot += 1) {
      if (((this.flags[slot] | leftOut) & MATCH) !== MATCH) continue;
      for (let i = lists.starts[slot]; i < lists.starts[slot + 1]; i += 1) counts[lists.values[i]] += 1;
    }
    return counts;
  }
}

/** Adds one to counts[offset + n] for each bit n set in a 32-bit mask. */
function countBits(mask: number, counts: Int32Array, offset: number): void {
  for (let bits = mask >>> 0; bits !== 0; bits &= bits - 1) counts[offset + 31 - Math.clz32(bits & -bits)] += 1;
}

function nonZero<K>(counts: Int32Array, keyOf: (index: number) => K): Map<K, number> {
  const map = new Map<K, number>();
  counts.forEach((count, index) => {
    if (count > 0) map.set(keyOf(index), count);
  });
  return map;
}

type SortKey = readonly number[];

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * The `size` matching slots (flags MATCH) of lowest key above `threshold`, in order (keys
 * are unique): sorted arrays of the best so far, most candidates rejected by one comparison
 * with the last.
 */
function topSlotsByKey(flags: Uint8Array, size: number, keyOf: (slot: number) => SortKey, threshold: SortKey): number[] {
  const keys: SortKey[] = [];
  const best: number[] = [];
  for (let slot = 0; slot < flags.length; slot += 1) {
    if (flags[slot] !== MATCH) continue;
    const key = keyOf(slot);
    if (compareKeys(key, threshold) <= 0 || (best.length === size && compareKeys(key, keys[size - 1]) >= 0)) continue;
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareKeys(keys[middle], key) < 0) low = middle + 1;
      else high = middle;
    }
    keys.splice(low, 0, key);
    best.splice(low, 0, slot);
    if (best.length > size) {
      keys.pop();
      best.pop();
    }
  }
  return best;
}
