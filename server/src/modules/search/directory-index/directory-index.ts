import { invalidCursor } from '../../../core/graphql/pagination.js';
import { ServiceAreaKind } from '../../suppliers/service-area.js';
import { SupplierKind } from '../../suppliers/supplier-kind.js';
import { parseTsvectorCounts, slotDocument, splitLexemes, TextIndexBuilder, type TextIndex } from './text-index.js';

/** A published supplier's search row as the index loads it (directory-index.sql.ts). */
export interface IndexedSupplierRow {
  supplier_id: number;
  kind: SupplierKind;
  commune_code: string;
  municipality_code: string;
  departement_code: string;
  region_code: string;
  latitude: number | null;
  longitude: number | null;
  service_area_kind: ServiceAreaKind;
  service_area_region_codes: string[];
  service_area_departement_codes: string[];
  service_area_radius_km: number | null;
  /** Bit n: the n-th service type. */
  service_type_mask: number;
  tags: string[];
  category_ids: number[];
  /** Bit n: category group id n (a bigint, as text). */
  category_group_mask: string;
  min_entry_amount: number | null;
  /** Least entry amount of the published offerings, by category: ids and amounts in step. */
  priced_category_ids: number[] | null;
  priced_category_amounts: number[] | null;
  /** Categories of the published offerings (null: none). */
  offering_category_ids: number[] | null;
  sort_name: string;
  /** As PostgreSQL prints it (`updated_at::text`): cursors carry it to the microsecond. */
  updated_at: string;
  /** Last change of the row or of what it derives from (`changed_at::text`), for updatedSince. */
  changed_at: string;
  siret: string;
  /** Points of profile completeness (0 to 8). */
  completeness: number;
  /** Lexemes of the names, joined with LEXEME_SEPARATOR. */
  name_lexemes: string;
  /** The published offerings' titles and the descriptions, as tsvector text (with positions). */
  title_document: string | null;
  description_document: string | null;
}

export const KINDS = Object.values(SupplierKind);
export const AREA_KINDS = Object.values(ServiceAreaKind);

/**
 * Work arrays of one search's pass, reused by the next (passes run one at a time, each in one
 * synchronous piece): sized for the slots, zero between uses (each user clears what it set).
 */
export class PassScratch {
  documentBest = new Float32Array(0);
  categoryBest = new Float32Array(0);
  classBest = new Uint8Array(0);
  nameMask = new Uint32Array(0);
  touched = new Int32Array(0);
  named = new Int32Array(0);
  candidates = new Int32Array(0);

  /** Drops the arrays (a pass failed half-way: they may not be zero). */
  discard(): void {
    this.classBest = new Uint8Array(0);
  }

  /** The arrays, at least `slots` long. */
  sizedFor(slots: number): this {
    if (this.classBest.length < slots) {
      const size = Math.ceil(slots * 1.25);
      this.documentBest = new Float32Array(size);
      this.categoryBest = new Float32Array(size);
      this.classBest = new Uint8Array(size);
      this.nameMask = new Uint32Array(size);
      this.touched = new Int32Array(size);
      this.named = new Int32Array(size);
      this.candidates = new Int32Array(size);
    }
    return this;
  }
}

/** Codes as small integers, in the order first seen. */
export class CodeDictionary {
  private readonly ids = new Map<string, number>();
  readonly codes: string[] = [];

  idOf(code: string): number {
    let id = this.ids.get(code);
    if (id === undefined) {
      id = this.codes.length;
      this.ids.set(code, id);
      this.codes.push(code);
    }
    return id;
  }

  /** -1 for a code no row has: it matches nothing. */
  find(code: string): number {
    return this.ids.get(code) ?? -1;
  }
}

/**
 * A list of numbers per slot, all in one typed array (slots are appended in order): the
 * values of slot s are values[starts[s]] … values[starts[s + 1] - 1].
 */
export class SlotLists<T extends Int32Array | Float64Array> {
  starts = new Int32Array(1025);
  values: T;

  constructor(private readonly create: (length: number) => T) {
    this.values = create(4096);
  }

  append(slot: number, list: readonly number[]): void {
    if (slot + 2 > this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
    const start = this.starts[slot];
    if (start + list.length > this.values.length) {
      const values = this.create(Math.max(this.values.length * 2, start + list.length));
      values.set(this.values);
      this.values = values;
    }
    for (let i = 0; i < list.length; i += 1) this.values[start + i] = list[i];
    this.starts[slot + 1] = start + list.length;
  }

  /** Whether the slot's list holds `value`. */
  anyIs(slot: number, value: number): boolean {
    for (let i = this.starts[slot]; i < this.starts[slot + 1]; i += 1) if (this.values[i] === value) return true;
    return false;
  }

  /** Whether one of the slot's values is set in `table` (a lookup by value). */
  anyIn(slot: number, table: Uint8Array): boolean {
    for (let i = this.starts[slot]; i < this.starts[slot + 1]; i += 1) if (table[this.values[i]] === 1) return true;
    return false;
  }
}

/** A lookup table of small integers: table[value] is 1 for the values given. */
export function lookupTable(values: readonly number[]): Uint8Array {
  const table = new Uint8Array(values.reduce((max, value) => Math.max(max, value + 1), 0));
  for (const value of values) if (value >= 0) table[value] = 1;
  return table;
}

/**
 * Microseconds since 1970 of a timestamptz as PostgreSQL prints it (`2026-03-01 10:00:00.000001+00`),
 * or in ISO 8601 (`2026-03-01T10:00:00Z`): the forms cursors may carry (core/graphql/pagination.ts).
 */
export function timestampMicros(text: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(?:Z|([+-]\d{2})(?::(\d{2}))?(?::(\d{2}))?)$/.exec(text);
  if (!match) return Number.NaN;
  const [, date, time, fraction = '', hours = '+00', minutes = '00', seconds = '00'] = match;
  const sign = hours.startsWith('-') ? '-' : '+';
  const offset = `${sign}${hours.slice(1)}:${minutes}`;
  const milliseconds = Date.parse(`${date}T${time}${offset}`) - (sign === '-' ? -1 : 1) * Number(seconds) * 1000;
  return milliseconds * 1000 + Number(fraction.padEnd(6, '0'));
}

/**
 * The published suppliers' search rows held in memory, column by column (one array per
 * field, indexed by slot), so that a search reads every supplier in a few milliseconds
 * (modules/search/README.md, "Directory index"). A change gives the supplier a new slot and
 * retires the old one: columns and text postings only ever grow, and a full reload
 * compacts them.
 */
export class DirectoryIndex {
  /** Directory version this index holds every change of. */
  version: number;
  slotCount = 0;
  deadSlots = 0;
  /** Slots held when the index was sealed: those added since sit in the text index's delta. */
  sealedSlotCount = 0;
  private capacity: number;

  readonly communes = new CodeDictionary();
  readonly departements = new CodeDictionary();
  readonly regions = new CodeDictionary();
  readonly tagNames = new CodeDictionary();
  /** Lexemes of names, as small integers (nameLexemeIds). */
  readonly nameLexemes = new CodeDictionary();

  alive: Uint8Array;
  supplierId: Int32Array;
  kind: Uint8Array;
  communeId: Int32Array;
  municipalityId: Int32Array;
  departementId: Int32Array;
  regionId: Int32Array;
  /** NaN when the supplier has no position. */
  latitude: Float64Array;
  longitude: Float64Array;
  areaKind: Uint8Array;
  /** NaN unless the area is a radius. */
  areaRadiusKm: Float64Array;
  serviceTypeMask: Uint8Array;
  /** NaN without a priced offering. */
  minEntryAmount: Float64Array;
  updatedMicros: Float64Array;
  changedMicros: Float64Array;
  /** Points of profile completeness. */
  completeness: Uint8Array;
  /** Occurrences of words in the descriptions (for the saturation of description matches). */
  descriptionLength: Uint16Array;
  /** Bits of the category groups (ids under 64), low and high words. */
  groupMaskLow: Uint32Array;
  groupMaskHigh: Uint32Array;
  readonly areaRegionIds = new SlotLists((length) => new Int32Array(length));
  readonly areaDepartementIds = new SlotLists((length) => new Int32Array(length));
  readonly categoryIds = new SlotLists((length) => new Int32Array(length));
  /** Categories of the published offerings (the activities the supplier sells in). */
  readonly offeringCategoryIds = new SlotLists((length) => new Int32Array(length));
  readonly tagIds = new SlotLists((length) => new Int32Array(length));
  readonly nameLexemeIds = new SlotLists((length) => new Int32Array(length));
  /** Least entry amount of the published offerings by category, in step: categories, amounts. */
  readonly pricedCategoryIds = new SlotLists((length) => new Int32Array(length));
  readonly pricedCategoryAmounts = new SlotLists((length) => new Float64Array(length));
  /** Slots of each category id (retired ones included: check `alive`). */
  readonly categorySlots: number[][] = [];
  /** Live slots whose name holds each name lexeme (nameLexemes id). */
  nameLexemeSlots = new Int32Array(256);
  /** Largest category id held (lookup tables of categories go up to it). */
  maxCategoryId = 0;
  readonly sortName: string[] = [];
  readonly updatedText: string[] = [];
  readonly siret: string[] = [];
  private readonly slotBySiret = new Map<string, number>();
  private readonly slotsBySiren = new Map<string, number[]>();
  /** Sum of descriptionLength over live slots. */
  private descriptionLengthSum = 0;

  documents!: TextIndex;
  /** Work arrays of the searches' passes. */
  readonly scratch = new PassScratch();
  /** Until sealed: the text index being built. */
  private builder: TextIndexBuilder | null = new TextIndexBuilder();

  private readonly slotBySupplier = new Map<number, number>();
  /** Live slots in name order (sort_name, then supplier id). */
  nameOrder: Int32Array = new Int32Array(0);
  /** Live slots from the most recently updated (then by supplier id, descending). */
  updateOrder: Int32Array = new Int32Array(0);

  /** An index of `expectedCount` suppliers or so, filled by `load()` (batches of rows), then sealed. */
  constructor(version: number, expectedCount: number) {
    this.version = version;
    this.capacity = Math.max(1024, Math.ceil(expectedCount * 1.25));
    this.alive = new Uint8Array(this.capacity);
    this.supplierId = new Int32Array(this.capacity);
    this.kind = new Uint8Array(this.capacity);
    this.communeId = new Int32Array(this.capacity);
    this.municipalityId = new Int32Array(this.capacity);
    this.departementId = new Int32Array(this.capacity);
    this.regionId = new Int32Array(this.capacity);
    this.latitude = new Float64Array(this.capacity);
    this.longitude = new Float64Array(this.capacity);
    this.areaKind = new Uint8Array(this.capacity);
    this.areaRadiusKm = new Float64Array(this.capacity);
    this.serviceTypeMask = new Uint8Array(this.capacity);
    this.minEntryAmount = new Float64Array(this.capacity);
    this.updatedMicros = new Float64Array(this.capacity);
    this.changedMicros = new Float64Array(this.capacity);
    this.completeness = new Uint8Array(this.capacity);
    this.descriptionLength = new Uint16Array(this.capacity);
    this.groupMaskLow = new Uint32Array(this.capacity);
    this.groupMaskHigh = new Uint32Array(this.capacity);
  }

  /** Adds rows before the index is sealed: a full load comes in batches, so that rows never pile up. */
  load(rows: readonly IndexedSupplierRow[]): void {
    for (const row of rows) this.builder!.add(this.store(row));
  }

  /** Builds the text index and the orders: the index is ready for searches and changes. */
  seal(): void {
    this.documents = this.builder!.build();
    this.builder = null;
    this.sealedSlotCount = this.slotCount;
    this.nameOrder = this.liveSlotsSorted(this.compareNames, []);
    this.updateOrder = this.liveSlotsSorted(this.compareUpdates, []);
  }

  get liveCount(): number {
    return this.slotCount - this.deadSlots;
  }

  /** Average number of word occurrences in the live slots' descriptions. */
  get averageDescriptionLength(): number {
    return this.liveCount === 0 ? 1 : Math.max(1, this.descriptionLengthSum / this.liveCount);
  }

  /** The live slot of a supplier, if it is published. */
  slotOf(supplierId: number): number | undefined {
    return this.slotBySupplier.get(supplierId);
  }

  /** The live slot of a SIRET, or those of a SIREN (all its establishments). */
  slotsOfIdentifier(identifier: string): number[] {
    if (identifier.length === 14) {
      const slot = this.slotBySiret.get(identifier);
      return slot === undefined ? [] : [slot];
    }
    return this.slotsBySiren.get(identifier) ?? [];
  }

  /**
   * Applies the changes up to `version`: `rows` are the suppliers' rows now (published),
   * `changedIds` every supplier changed (those without a row are unpublished or deleted).
   */
  apply(changedIds: readonly number[], rows: readonly IndexedSupplierRow[], version: number): void {
    for (const id of changedIds) {
      const slot = this.slotBySupplier.get(id);
      if (slot === undefined) continue;
      this.retire(slot);
    }
    const added = rows.map((row) => {
      const document = this.store(row);
      const slot = this.slotCount - 1;
      this.documents.add(slot, document);
      return slot;
    });
    this.nameOrder = this.liveSlotsSorted(this.compareNames, added, this.nameOrder);
    this.updateOrder = this.liveSlotsSorted(this.compareUpdates, added, this.updateOrder);
    this.version = Math.max(this.version, version);
  }

  private retire(slot: number): void {
    this.alive[slot] = 0;
    this.slotBySupplier.delete(this.supplierId[slot]);
    this.deadSlots += 1;
    this.descriptionLengthSum -= this.descriptionLength[slot];
    const siret = this.siret[slot];
    if (this.slotBySiret.get(siret) === slot) this.slotBySiret.delete(siret);
    const siren = this.slotsBySiren.get(siret.slice(0, 9));
    if (siren) {
      const remaining = siren.filter((other) => other !== slot);
      if (remaining.length > 0) this.slotsBySiren.set(siret.slice(0, 9), remaining);
      else this.slotsBySiren.delete(siret.slice(0, 9));
    }
    const { starts, values } = this.nameLexemeIds;
    for (let i = starts[slot]; i < starts[slot + 1]; i += 1) this.nameLexemeSlots[values[i]] -= 1;
  }

  /** Stores a row in a new slot; returns its text document (for the text index). */
  private store(row: IndexedSupplierRow) {
    if (this.slotCount === this.capacity) this.grow();
    const slot = this.slotCount;
    this.slotCount += 1;
    this.slotBySupplier.set(row.supplier_id, slot);
    this.alive[slot] = 1;
    this.supplierId[slot] = row.supplier_id;
    this.kind[slot] = KINDS.indexOf(row.kind);
    this.communeId[slot] = this.communes.idOf(row.commune_code);
    this.municipalityId[slot] = this.communes.idOf(row.municipality_code);
    this.departementId[slot] = this.departements.idOf(row.departement_code);
    this.regionId[slot] = this.regions.idOf(row.region_code);
    this.latitude[slot] = row.latitude ?? Number.NaN;
    this.longitude[slot] = row.longitude ?? Number.NaN;
    this.areaKind[slot] = AREA_KINDS.indexOf(row.service_area_kind);
    this.areaRadiusKm[slot] = row.service_area_radius_km ?? Number.NaN;
    this.serviceTypeMask[slot] = row.service_type_mask;
    this.minEntryAmount[slot] = row.min_entry_amount ?? Number.NaN;
    this.updatedMicros[slot] = timestampMicros(row.updated_at);
    this.changedMicros[slot] = timestampMicros(row.changed_at);
    this.completeness[slot] = row.completeness;
    this.areaRegionIds.append(slot, row.service_area_region_codes.map((code) => this.regions.idOf(code)));
    this.areaDepartementIds.append(slot, row.service_area_departement_codes.map((code) => this.departements.idOf(code)));
    this.categoryIds.append(slot, row.category_ids);
    for (const id of row.category_ids) {
      this.maxCategoryId = Math.max(this.maxCategoryId, id);
      (this.categorySlots[id] ??= []).push(slot);
    }
    this.offeringCategoryIds.append(slot, row.offering_category_ids ?? []);
    const groups = BigInt(row.category_group_mask);
    this.groupMaskLow[slot] = Number(groups & 0xffffffffn);
    this.groupMaskHigh[slot] = Number(groups >> 32n);
    this.tagIds.append(slot, row.tags.map((tag) => this.tagNames.idOf(tag)));
    this.pricedCategoryIds.append(slot, row.priced_category_ids ?? []);
    this.pricedCategoryAmounts.append(slot, row.priced_category_amounts ?? []);
    this.sortName[slot] = row.sort_name;
    this.updatedText[slot] = row.updated_at;
    this.siret[slot] = row.siret;
    this.slotBySiret.set(row.siret, slot);
    const siren = row.siret.slice(0, 9);
    const establishments = this.slotsBySiren.get(siren);
    if (establishments) establishments.push(slot);
    else this.slotsBySiren.set(siren, [slot]);

    const names = [...new Set(splitLexemes(row.name_lexemes))];
    const nameIds = names.map((lexeme) => this.nameLexemes.idOf(lexeme));
    if (this.nameLexemes.codes.length > this.nameLexemeSlots.length) {
      const larger = new Int32Array(this.nameLexemes.codes.length * 2);
      larger.set(this.nameLexemeSlots);
      this.nameLexemeSlots = larger;
    }
    for (const id of nameIds) this.nameLexemeSlots[id] += 1;
    this.nameLexemeIds.append(slot, nameIds);
    const descriptions = parseTsvectorCounts(row.description_document);
    const length = descriptions.reduce((sum, [, count]) => sum + count, 0);
    this.descriptionLength[slot] = Math.min(length, 65_535);
    this.descriptionLengthSum += this.descriptionLength[slot];
    return slotDocument(names, parseTsvectorCounts(row.title_document), descriptions);
  }

  private grow(): void {
    this.capacity *= 2;
    const grown = <T extends Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array>(array: T): T => {
      const larger = new (array.constructor as new (length: number) => T)(this.capacity);
      larger.set(array);
      return larger;
    };
    this.alive = grown(this.alive);
    this.supplierId = grown(this.supplierId);
    this.kind = grown(this.kind);
    this.communeId = grown(this.communeId);
    this.municipalityId = grown(this.municipalityId);
    this.departementId = grown(this.departementId);
    this.regionId = grown(this.regionId);
    this.latitude = grown(this.latitude);
    this.longitude = grown(this.longitude);
    this.areaKind = grown(this.areaKind);
    this.areaRadiusKm = grown(this.areaRadiusKm);
    this.serviceTypeMask = grown(this.serviceTypeMask);
    this.minEntryAmount = grown(this.minEntryAmount);
    this.updatedMicros = grown(this.updatedMicros);
    this.changedMicros = grown(this.changedMicros);
    this.completeness = grown(this.completeness);
    this.descriptionLength = grown(this.descriptionLength);
    this.groupMaskLow = grown(this.groupMaskLow);
    this.groupMaskHigh = grown(this.groupMaskHigh);
  }

  // Name order is byte order (sort_name is ASCII: normalize_search_text), as `COLLATE "C"` in SQL.
  private readonly compareNames = (a: number, b: number): number =>
    compareNameKeys(this.sortName[a], this.supplierId[a], this.sortName[b], this.supplierId[b]);

  private readonly compareUpdates = (a: number, b: number): number =>
    this.updatedMicros[b] - this.updatedMicros[a] || this.supplierId[b] - this.supplierId[a];

  /** The live slots of `previous` and `added`, in order: a merge when few are added. */
  private liveSlotsSorted(compare: (a: number, b: number) => number, added: number[], previous?: Int32Array): Int32Array {
    if (!previous) {
      const slots: number[] = [];
      for (let slot = 0; slot < this.slotCount; slot += 1) if (this.alive[slot]) slots.push(slot);
      return Int32Array.from(slots.sort(compare));
    }
    const fresh = added.filter((slot) => this.alive[slot]).sort(compare);
    const merged = new Int32Array(this.liveCount);
    let next = 0;
    let freshIndex = 0;
    for (const slot of previous) {
      if (!this.alive[slot]) continue;
      while (freshIndex < fresh.length && compare(fresh[freshIndex], slot) < 0) merged[next++] = fresh[freshIndex++];
      merged[next++] = slot;
    }
    while (freshIndex < fresh.length) merged[next++] = fresh[freshIndex++];
    return merged;
  }

  /** How many live slots come at or before (name, id) in name order. */
  namePosition(name: string, id: number): number {
    return upperBound(this.nameOrder, (slot) => compareNameKeys(this.sortName[slot], this.supplierId[slot], name, id));
  }

  /** How many live slots come at or before (updated, id) from the most recent. */
  updatePosition(updated: string, id: number): number {
    const micros = timestampMicros(updated);
    // Unreachable for a decoded cursor (its timestamp was checked): no position rather than a wrong one.
    if (Number.isNaN(micros)) throw invalidCursor();
    return upperBound(this.updateOrder, (slot) => micros - this.updatedMicros[slot] || id - this.supplierId[slot]);
  }
}

function compareNameKeys(nameA: string, idA: number, nameB: string, idB: number): number {
  return nameA < nameB ? -1 : nameA > nameB ? 1 : idA - idB;
}

/** Number of leading entries for which `compareToKey` is ≤ 0 (entries sorted). */
function upperBound(sorted: Int32Array, compareToKey: (slot: number) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareToKey(sorted[middle]) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
