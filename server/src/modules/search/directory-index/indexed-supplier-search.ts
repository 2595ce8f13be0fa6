import type { CursorKey, CursorValue } from '../../../core/graphql/pagination.js';
import { directPurchasePossible } from '../../offerings/offering.types.js';
import { ServiceAreaKind, ServiceType } from '../../suppliers/service-area.js';
import { SupplierOrder } from '../../suppliers/supplier.inputs.js';
import { KIND_FAMILIES, KindFamily, ReservedMarket, reservedMarketsOf, type SupplierKind } from '../../suppliers/supplier-kind.js';
import { TerritoryScope } from '../search.inputs.js';
import type { SlotReasons, SupplierFacetCounts, SupplierPageRow, SupplierSearchEngine } from '../supplier-search.engine.js';
import { countedWords, inverseDocumentFrequency, MATCH_CLASSES, requiredWords, type SupplierSearch, type SupplierTextSearch } from '../supplier-search.query.js';
import { distanceKm } from '../../territories/geo-distance.js';
import type { TerritoryZone } from '../territory-zone.js';
import { AREA_KINDS, KINDS, lookupTable, type DirectoryIndex, type SlotLists } from './directory-index.js';
import type { DirectoryReference } from './directory-reference.js';
import { descriptionCountOf, titleCountOf, trigramSimilarity, trigramsOf } from './text-index.js';

const SERVICE_TYPES = Object.values(ServiceType);
const FAMILIES = Object.values(KindFamily);
const RESERVED_MARKETS = Object.values(ReservedMarket);
const NATIONAL = AREA_KINDS.indexOf(ServiceAreaKind.NATIONAL);
const RADIUS = AREA_KINDS.indexOf(ServiceAreaKind.RADIUS);
/** Family and reserved markets of each kind, by kind index. */
const KIND_FAMILY_INDEX = KINDS.map((kind) => FAMILIES.indexOf(KIND_FAMILIES[kind as SupplierKind]));
const KIND_RESERVED_INDEXES = KINDS.map((kind) => reservedMarketsOf(kind as SupplierKind).map((market) => RESERVED_MARKETS.indexOf(market)));

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
// leaves its own out). Kinds, families and reserved markets are three dimensions: each facet
// applies the other two, so that what it shows is what ticking it finds.
const BASE = 1;
const KIND = 2;
const FAMILY = 4;
const RESERVED = 8;
const ACTIVITY = 16;
const SERVICE_TYPE = 32;
const SMALL_PURCHASE = 64;
const TAGS = 128;
const ALL_DIMENSIONS = KIND | FAMILY | RESERVED | ACTIVITY | SERVICE_TYPE | SMALL_PURCHASE | TAGS;
const MATCH = BASE | ALL_DIMENSIONS;

/** Where a supplier's document holds the words of a search: bits of TextMatchField, strongest first. */
export const FIELD_BITS = { SIRET: 1, NAME: 2, ACTIVITY: 4, OFFERING: 8, KEYWORD: 16, DESCRIPTION: 32 } as const;

/**
 * Text relevance (README, "Text relevance"): what one occurrence of a word counts in each
 * field, before saturation (BM25: k1, and b for descriptions, whose length varies most).
 */
export const FIELD_WEIGHTS = {
  name: 3,
  /** A category of the supplier whose name holds the word, with a published offering in it. */
  activitySold: 5,
  /** The same, a declared category without an offering. */
  activity: 4,
  offeringTitle: 3,
  /** A category keyword, or its group's name. */
  keyword: 2,
  description: 1,
} as const;
const K1 = 1.2;
const DESCRIPTION_B = 0.75;
/** A name counts as typed when the words cover this share of it (weighed by rarity). */
const TYPED_NAME_SHARE = 0.75;
/** …or, one word missing from it (a typo), when the text is this similar to the name (pg_trgm's similarity). */
const TYPED_NAME_SIMILARITY = 0.55;

/** A text as sort names are written (normalize_search_text): lowercase, unaccented, words of letters and digits. */
function normalizedName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
/** With categories searched: a supplier selling in one of them, or only declaring it. */
const CATEGORY_FILTER_SCORES = { sold: 2, declared: 1 } as const;

const saturated = (count: number) => (count * (K1 + 1)) / (count + K1);

/** Relevance keys of a slot, in cursor order: identified or named (how closely), tier, words matched, score, completeness, update, id. */
const RELEVANCE_KEYS: CursorKey[] = ['int4', 'int4', 'int4', 'float8', 'int4', 'float8', 'int4'];
/** The identity key of a structure whose SIRET or SIREN is in the text; a typed name has 1 to 254, by closeness. */
const IDENTIFIED = 255;

/** What one pass over the slots gives a search: every page, count and facet reads it. */
interface Pass {
  /** BASE when the slot meets the base conditions (words included), then its dimensions; 0 outside. */
  flags: Uint8Array;
  tiers: Uint8Array;
  matchCount: number;
  text: TextScores | null;
  /** Relevance of each slot (text and searched categories), 0 without either. */
  score: Float64Array | null;
  /** Without a territory: the best class of each term among the candidates of each département (by département id × term), for its facet. */
  departementBest: Uint8Array | null;
  /** The most words counted among the candidates of each département (by département id), for its facet. */
  bestByDepartement: Int32Array | null;
}

/** The text part of a pass. */
interface TextScores {
  termCount: number;
  /** Words that count for the slot (countedWords), set by the pass. */
  coverage: Uint8Array;
  /** MATCH_CLASSES of each term in the slot, 2 bits per term. */
  classes: Uint32Array;
  /** Bits of the terms the slot holds, at any class. */
  termMask: Uint32Array;
  fields: Uint8Array;
  /** 0, or the slot is the structure named: IDENTIFIED by its SIRET / SIREN, 1–254 by its name (the closer to the text, the higher). */
  identity: Uint8Array;
  /** Slots found by identifier (SIRET, SIREN), when the text holds one. */
  identified: Set<number> | null;
  /** Bits of the terms naming each category (by category id). */
  categoryTerms: Uint32Array;
  /** The words' score of each slot (the searched categories' is added by the pass). */
  score: Float64Array;
}

/**
 * A supplier search run on the directory index: every rule of the README of this folder's
 * parent, applied to every live slot in one pass (made on the first call, so that it runs on
 * the client's turn of the work queue).
 */
export class IndexedSupplierSearch implements SupplierSearchEngine {
  private computed: Pass | null = null;
  /** Lookup of the searched categories (and of their groups'), when some are. */
  private readonly activity: Uint8Array | null;

  constructor(
    private readonly index: DirectoryIndex,
    private readonly search: SupplierSearch,
    private readonly reference: DirectoryReference,
  ) {
    this.activity = search.activityCategoryIds ? lookupTable(search.activityCategoryIds) : null;
  }

  private pass(): Pass {
    if (!this.computed) {
      try {
        this.computed = this.runPass();
      } catch (error) {
        this.index.scratch.discard();
        throw error;
      }
    }
    return this.computed;
  }

  private runPass(): Pass {
    const { index, search } = this;
    const { slotCount, alive, areaKind, changedMicros, departementId } = index;
    const flags = new Uint8Array(slotCount);
    const tiers = new Uint8Array(slotCount);
    const text = search.text ? this.scoreText(search.text) : null;
    const words = text !== null && text.identified === null;
    const termCount = text?.termCount ?? 0;
    const tier = search.zone ? this.tierOf(search.zone) : null;
    const dimensions = this.dimensionFlags();
    const excludeNational = search.excludeNationalOnly;
    const since = search.updatedSince ? search.updatedSince.getTime() * 1000 : null;
    const score = text ? text.score : this.activity ? new Float64Array(slotCount) : null;
    const activityScores = this.activity !== null;

    // Slots meeting the base conditions but the words' threshold; the best class of each term
    // among them, overall and (without a territory) by département.
    const { candidates } = index.scratch.sizedFor(slotCount);
    let candidateCount = 0;
    const best = new Uint8Array(termCount);
    const departementCount = index.departements.codes.length;
    const departementBest = words && !search.zone ? new Uint8Array(departementCount * termCount) : null;
    const termMask = text?.termMask ?? null;
    const identified = text?.identified ?? null;
    const classesOf = text?.classes ?? null;
    for (let slot = 0; slot < slotCount; slot += 1) {
      if (alive[slot] === 0) continue;
      if (termMask !== null && (identified !== null ? !identified.has(slot) : termMask[slot] === 0)) continue;
      if (tier !== null) {
        const slotTier = tier(slot);
        if (slotTier < 0) continue;
        tiers[slot] = slotTier;
      } else if (excludeNational && areaKind[slot] === NATIONAL) {
        continue;
      }
      if (since !== null && !(changedMicros[slot] >= since)) continue;
      flags[slot] = dimensions(slot);
      candidates[candidateCount++] = slot;
      if (words) {
        const classes = classesOf![slot];
        const offset = departementId[slot] * termCount;
        for (let term = 0; term < termCount; term += 1) {
          const matchClass = (classes >>> (2 * term)) & 3;
          if (matchClass > best[term]) best[term] = matchClass;
          if (departementBest !== null && matchClass > departementBest[offset + term]) departementBest[offset + term] = matchClass;
        }
      }
      if (activityScores && (flags[slot] & ACTIVITY) !== 0) score![slot] += this.categoryFilterScore(slot);
    }
    let bestCount = 0;
    if (words) {
      for (let i = 0; i < candidateCount; i += 1) {
        const slot = candidates[i];
        const counted = countedWords(text.classes[slot], best, termCount);
        text.coverage[slot] = counted;
        if (counted > bestCount) bestCount = counted;
      }
    }
    const required = requiredWords(termCount, bestCount);
    const onTopic = this.onTopic();
    let matchCount = 0;
    for (let i = 0; i < candidateCount; i += 1) {
      const slot = candidates[i];
      if (words && !this.enoughWords(text.coverage[slot], required, slot, onTopic)) continue;
      flags[slot] |= BASE;
      if (flags[slot] === MATCH) matchCount += 1;
    }
    let bestByDepartement: Int32Array | null = null;
    if (departementBest) {
      // Without a territory, the département facet counts what ticking a département finds.
      bestByDepartement = new Int32Array(departementCount);
      for (let i = 0; i < candidateCount; i += 1) {
        const slot = candidates[i];
        const departement = departementId[slot];
        const counted = this.departementCount(text!.classes[slot], departement, departementBest);
        if (counted > bestByDepartement[departement]) bestByDepartement[departement] = counted;
      }
    }
    return { flags, tiers, matchCount, text, score, departementBest, bestByDepartement };
  }

  /**
   * Whether a slot of the words' candidates holds enough of them: the words required, or,
   * active in the query's trade (`onTopic`), one of them.
   */
  private enoughWords(counted: number, required: number, slot: number, onTopic: Uint8Array | null): boolean {
    if (counted === 0) return false;
    return counted >= required || (onTopic !== null && this.index.categoryIds.anyIn(slot, onTopic));
  }

  /** Lookup of the query's trade (SupplierTextSearch.topicCategoryIds), if any. */
  private onTopic(): Uint8Array | null {
    const topic = this.search.text?.topicCategoryIds;
    return topic ? lookupTable(topic) : null;
  }

  /** The words a slot counts against the best classes of its département (the département facet). */
  private departementCount(classes: number, departement: number, departementBest: Uint8Array): number {
    const termCount = this.search.text!.terms.length;
    return countedWords(classes, departementBest, termCount, departement * termCount);
  }

  /**
   * Scores every slot holding a word of the text: for each term, the best of its alternatives
   * in the documents (name, offering titles, descriptions) plus the best in the slot's
   * categories (names: its activity; keywords), weighed by the term's rarity (idf); and the
   * class of each term in each slot (MATCH_CLASSES).
   */
  private scoreText(text: SupplierTextSearch): TextScores {
    const { index } = this;
    const { slotCount, alive, descriptionLength } = index;
    const termCount = text.terms.length;
    const coverage = new Uint8Array(slotCount);
    const classes = new Uint32Array(slotCount);
    const termMask = new Uint32Array(slotCount);
    const fields = new Uint8Array(slotCount);
    const identity = new Uint8Array(slotCount);
    const termScores = new Float64Array(slotCount);
    const categoryTerms = new Uint32Array(Math.max(index.maxCategoryId, this.reference.maxCategoryId) + 1);
    // Work arrays (zero; cleared below where set): each term's best of each slot, the slots holding
    // the current term (each once), and those holding a word in their name.
    const { documentBest, categoryBest, classBest, nameMask, touched, named } = index.scratch.sizedFor(slotCount);
    let touchedCount = 0;
    let namedCount = 0;
    const live = Math.max(1, index.liveCount);
    const averageDescription = index.averageDescriptionLength;

    const averageNorm = DESCRIPTION_B / averageDescription;
    /** Adds one posting of an alternative (its factor) of the term (its bit) to the term's best of the slot. */
    const visit = (slot: number, code: number, factor: number, bit: number) => {
      if (alive[slot] === 0) return;
      let value = 0;
      let where = 0;
      let matchClass: number = MATCH_CLASSES.weak;
      if ((code & 1) === 1) {
        value += FIELD_WEIGHTS.name;
        where |= FIELD_BITS.NAME;
        matchClass = MATCH_CLASSES.strong;
        if (nameMask[slot] === 0) named[namedCount++] = slot;
        nameMask[slot] |= bit;
      }
      const titles = titleCountOf(code);
      if (titles > 0) {
        value += FIELD_WEIGHTS.offeringTitle * saturated(titles);
        where |= FIELD_BITS.OFFERING;
        matchClass = MATCH_CLASSES.strong;
      }
      const descriptions = descriptionCountOf(code);
      if (descriptions > 0) {
        const norm = 1 - DESCRIPTION_B + averageNorm * descriptionLength[slot];
        value += (FIELD_WEIGHTS.description * descriptions * (K1 + 1)) / (descriptions + K1 * norm);
        where |= FIELD_BITS.DESCRIPTION;
      }
      value *= factor;
      if (classBest[slot] === 0) touched[touchedCount++] = slot;
      if (value > documentBest[slot]) documentBest[slot] = value;
      if (matchClass > classBest[slot]) classBest[slot] = matchClass;
      fields[slot] |= where;
    };

    text.terms.forEach((term, position) => {
      const bit = 1 << position;
      for (const { lexeme, factor } of term.alternatives) {
        const { slots, codes, start, end, added } = index.documents.postingsOf(lexeme);
        for (let i = start; i < end; i += 1) visit(slots[i], codes[i], factor, bit);
        if (added) for (let i = 0; i < added.slots.length; i += 1) visit(added.slots[i], added.codes[i], factor, bit);
      }
      for (const category of term.categories) {
        // Reasons name the activities the words name, not those a keyword touches in passing.
        if (category.matchClass > MATCH_CLASSES.weak) categoryTerms[category.id] |= bit;
        const where = (category.nameFactor > 0 ? FIELD_BITS.ACTIVITY : 0) | (category.keywordFactor > 0 ? FIELD_BITS.KEYWORD : 0);
        const keywordWeight = category.matchClass === MATCH_CLASSES.weak ? FIELD_WEIGHTS.description : FIELD_WEIGHTS.keyword;
        for (const slot of index.categorySlots[category.id] ?? []) {
          if (alive[slot] === 0) continue;
          const sold = index.offeringCategoryIds.anyIs(slot, category.id);
          const value = Math.max(
            category.nameFactor * (sold ? FIELD_WEIGHTS.activitySold : FIELD_WEIGHTS.activity),
            category.keywordFactor * keywordWeight,
          );
          if (classBest[slot] === 0) touched[touchedCount++] = slot;
          if (value > categoryBest[slot]) categoryBest[slot] = value;
          if (category.matchClass > classBest[slot]) classBest[slot] = category.matchClass;
          fields[slot] |= where;
        }
      }
      // Its rarity: the live suppliers holding it, in a document or through a category.
      const weight = inverseDocumentFrequency(touchedCount, live);
      for (let i = 0; i < touchedCount; i += 1) {
        const slot = touched[i];
        termScores[slot] += weight * (documentBest[slot] + categoryBest[slot]);
        termMask[slot] |= bit;
        classes[slot] |= classBest[slot] << (2 * position);
        documentBest[slot] = 0;
        categoryBest[slot] = 0;
        classBest[slot] = 0;
      }
      touchedCount = 0;
    });

    // A name typed: every word in it, and the words cover most of it (rare words weigh more);
    // or, with a typo in one word, the text close to the name.
    if (termCount > 0) {
      const all = (2 ** termCount - 1) >>> 0;
      const typed = new Set(text.terms.flatMap((term) => term.alternatives.map((alternative) => alternative.lexeme)));
      const { starts, values } = index.nameLexemeIds;
      // A typo in a name: only when a word is unknown to the directory.
      const typedName = trigramsOf(normalizedName(text.typed));
      const typo = termCount >= 2 && text.terms.some((term) => !term.known);
      // Names typed rank by how close the text is to each (Bâti / Bâtiment share their stem).
      const closeness = (slot: number) => 1 + Math.round(253 * trigramSimilarity(typedName, trigramsOf(index.sortName[slot])));
      for (let i = 0; i < namedCount; i += 1) {
        const slot = named[i];
        if (nameMask[slot] >>> 0 !== all) {
          if (typo && popCount(nameMask[slot]) === termCount - 1 && trigramSimilarity(typedName, trigramsOf(index.sortName[slot])) >= TYPED_NAME_SIMILARITY) {
            identity[slot] = closeness(slot);
          }
          continue;
        }
        let total = 0;
        let covered = 0;
        for (let j = starts[slot]; j < starts[slot + 1]; j += 1) {
          const weight = inverseDocumentFrequency(index.nameLexemeSlots[values[j]], live);
          total += weight;
          if (typed.has(index.nameLexemes.codes[values[j]])) covered += weight;
        }
        if (total > 0 && covered >= TYPED_NAME_SHARE * total) identity[slot] = closeness(slot);
      }
    }
    for (let i = 0; i < namedCount; i += 1) nameMask[named[i]] = 0;
    let identified: Set<number> | null = null;
    if (text.identifiers.length > 0) {
      identified = new Set(text.identifiers.flatMap((identifier) => index.slotsOfIdentifier(identifier)));
      for (const slot of identified) {
        identity[slot] = IDENTIFIED;
        fields[slot] |= FIELD_BITS.SIRET;
      }
    }
    return { termCount, coverage, classes, termMask, fields, identity, identified, categoryTerms, score: termScores };
  }

  /** With categories searched: how central they are to the supplier (it sells in one, or only declares it). */
  private categoryFilterScore(slot: number): number {
    const { starts, values } = this.index.categoryIds;
    const activity = this.activity!;
    let best = 0;
    for (let i = starts[slot]; i < starts[slot + 1]; i += 1) {
      const category = values[i];
      if (activity[category] !== 1) continue;
      best = Math.max(best, this.index.offeringCategoryIds.anyIs(slot, category) ? CATEGORY_FILTER_SCORES.sold : CATEGORY_FILTER_SCORES.declared);
    }
    return best;
  }

  /**
   * Whether one of a slot's published offerings costs at most the amount (one of the searched
   * categories, if any): directPurchasePossible, over the index's columns (a NaN entry amount,
   * none, is never under).
   */
  private smallPurchaseTest(limit: number): (slot: number) => boolean {
    const { minEntryAmount, pricedCategoryIds, pricedCategoryAmounts } = this.index;
    const { activity } = this;
    if (activity === null) return (slot) => minEntryAmount[slot] <= limit;
    // With categories, the cheap offering must be one of them.
    const { starts, values: ids } = pricedCategoryIds;
    const amounts = pricedCategoryAmounts.values;
    return (slot) => {
      for (let i = starts[slot]; i < starts[slot + 1]; i += 1) if (activity[ids[i]] === 1 && directPurchasePossible(amounts[i], limit)) return true;
      return false;
    };
  }

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

  /** A service area other than national reaches the zone (README, "Territory"). */
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
    // Kinds, families and reserved markets depend on the kind alone: one lookup.
    const kindFlags = new Uint8Array(KINDS.length);
    KINDS.forEach((_kind, id) => {
      const market = KIND_RESERVED_INDEXES[id];
      kindFlags[id] =
        (search.kinds === null || search.kinds.includes(KINDS[id] as SupplierKind) ? KIND : 0) |
        (search.kindFamilies === null || search.kindFamilies.includes(FAMILIES[KIND_FAMILY_INDEX[id]]) ? FAMILY : 0) |
        (search.reservedMarkets === null || market.some((value) => search.reservedMarkets!.includes(RESERVED_MARKETS[value])) ? RESERVED : 0);
    });
    const { activity } = this;
    const serviceTypes = search.serviceTypes ? search.serviceTypes.reduce((mask, type) => mask | (1 << SERVICE_TYPES.indexOf(type)), 0) : null;
    const tags = search.tags ? lookupTable(search.tags.map((tag) => index.tagNames.find(tag))) : null;
    const amount = search.smallPurchaseAmount;
    const smallPurchase = amount === null ? null : this.smallPurchaseTest(amount);
    const always = (activity === null ? ACTIVITY : 0) | (serviceTypes === null ? SERVICE_TYPE : 0) | (tags === null ? TAGS : 0);
    return (slot) => {
      let flags = kindFlags[kind[slot]] | always;
      if (activity !== null && categoryIds.anyIn(slot, activity)) flags |= ACTIVITY;
      if (serviceTypes !== null && (serviceTypeMask[slot] & serviceTypes) !== 0) flags |= SERVICE_TYPE;
      if (smallPurchase === null || smallPurchase(slot)) flags |= SMALL_PURCHASE;
      if (tags !== null && tagIds.anyIn(slot, tags)) flags |= TAGS;
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

  sortKeyTypes(): CursorKey[] {
    switch (this.search.order) {
      case SupplierOrder.RELEVANCE:
        return RELEVANCE_KEYS;
      case SupplierOrder.DISTANCE:
        return ['boolean', 'float8', 'int4'];
      case SupplierOrder.NAME:
        return ['text', 'int4'];
      case SupplierOrder.RECENTLY_UPDATED:
        return ['timestamptz', 'int4'];
      case SupplierOrder.UPDATED_ASC:
        throw new Error('UPDATED_ASC pages are read in SQL (sync horizon)');
    }
  }

  async page(after: CursorValue[] | null, limit: number): Promise<SupplierPageRow[]> {
    const { order } = this.search;
    if (order === SupplierOrder.DISTANCE) return this.pageByDistance(after, limit);
    if (order === SupplierOrder.RELEVANCE) return this.pageByRelevance(after, limit);
    if (order === SupplierOrder.UPDATED_ASC) throw new Error('UPDATED_ASC pages are read in SQL (sync horizon)');
    return this.pageInKeptOrder(after, limit + 1).map((slot) =>
      this.row(slot, order === SupplierOrder.NAME ? [this.index.sortName[slot], this.index.supplierId[slot]] : [this.index.updatedText[slot], this.index.supplierId[slot]]),
    );
  }

  /** Names and updates: orders the index keeps, walked from the cursor's position. */
  private pageInKeptOrder(after: CursorValue[] | null, size: number): number[] {
    const { index } = this;
    const { flags } = this.pass();
    const recent = this.search.order === SupplierOrder.RECENTLY_UPDATED;
    const order = recent ? index.updateOrder : index.nameOrder;
    let position = 0;
    if (after) {
      const [key, id] = after as [string, number];
      position = recent ? index.updatePosition(key, id) : index.namePosition(key, id);
    }
    const slots: number[] = [];
    for (; position < order.length && slots.length < size; position += 1) if (flags[order[position]] === MATCH) slots.push(order[position]);
    return slots;
  }

  /** The relevance keys of a slot, as its cursor carries them. */
  private relevanceKeys(slot: number): CursorValue[] {
    const { index } = this;
    const { tiers, text, score } = this.pass();
    return [
      text !== null ? text.identity[slot] : 0,
      this.tierSorts ? tiers[slot] : 0,
      text ? text.coverage[slot] : 0,
      score ? score[slot] : 0,
      index.completeness[slot],
      index.updatedMicros[slot],
      index.supplierId[slot],
    ];
  }

  /**
   * Relevance (README, "Ranking"): a typed name or identifier first, then local first (the
   * tier), then more of the words, then the score, then completeness and freshness; the id
   * last, so that keys are unique. Negative: `a` comes first.
   */
  private relevanceComparator(): (a: number, b: number) => number {
    const { completeness, updatedMicros, supplierId } = this.index;
    const { tiers, text, score } = this.pass();
    const identity = text?.identity ?? null;
    const coverage = text?.coverage ?? null;
    const tierSorts = this.tierSorts;
    return (a, b) => {
      if (identity !== null && identity[a] !== identity[b]) return identity[b] - identity[a];
      if (tierSorts && tiers[a] !== tiers[b]) return tiers[a] - tiers[b];
      if (coverage !== null && coverage[a] !== coverage[b]) return coverage[b] - coverage[a];
      if (score !== null && score[a] !== score[b]) return score[b] > score[a] ? 1 : -1;
      if (completeness[a] !== completeness[b]) return completeness[b] - completeness[a];
      if (updatedMicros[a] !== updatedMicros[b]) return updatedMicros[b] > updatedMicros[a] ? 1 : -1;
      return supplierId[a] - supplierId[b];
    };
  }

  /** How a slot compares with a cursor's keys (RELEVANCE_KEYS, checked when decoded): > 0 after it. */
  private compareWithCursor(slot: number, after: CursorValue[]): number {
    const keys = this.relevanceKeys(slot);
    // Directions: identified first, tier ascending, then descending, the id ascending.
    const descending = [true, false, true, true, true, true, false];
    for (let i = 0; i < keys.length; i += 1) {
      const a = typeof keys[i] === 'boolean' ? Number(keys[i]) : (keys[i] as number);
      const b = typeof after[i] === 'boolean' ? Number(after[i]) : (after[i] as number);
      if (a === b) continue;
      return (a < b ? -1 : 1) * (descending[i] ? -1 : 1);
    }
    return 0;
  }

  private pageByRelevance(after: CursorValue[] | null, limit: number): SupplierPageRow[] {
    const { flags } = this.pass();
    const best = topSlots(flags, limit + 1, this.relevanceComparator(), after ? (slot) => this.compareWithCursor(slot, after) > 0 : null);
    return best.map((slot) => this.row(slot, this.relevanceKeys(slot)));
  }

  private pageByDistance(after: CursorValue[] | null, limit: number): SupplierPageRow[] {
    const { flags, tiers } = this.pass();
    // Keys: beyond the local tiers (serving only nationally), distance (none: last), id.
    const keyOf = (slot: number): [number, number, number] => [
      this.tierSorts && tiers[slot] === 2 ? 1 : 0,
      this.distanceOf(slot) ?? 1e9,
      this.index.supplierId[slot],
    ];
    let threshold: [number, number, number] = [-1, -1, -1];
    if (after) {
      const [far, distance, id] = after as [boolean, number, number];
      threshold = [far ? 1 : 0, distance, id];
    }
    return topSlotsByKey(flags, limit + 1, keyOf, threshold).map((slot) => {
      const [far, distance, id] = keyOf(slot);
      return this.row(slot, [far === 1, distance, id]);
    });
  }

  private row(slot: number, keys: CursorValue[]): SupplierPageRow {
    const row: SupplierPageRow = {
      id: this.index.supplierId[slot],
      distance_km: this.distanceOf(slot),
      tier: this.pass().tiers[slot],
      reasons: this.reasonsOf(slot),
    };
    keys.forEach((value, index) => (row[`k${index}`] = value));
    return row;
  }

  /** Why a slot matched: the words it holds, where, and its categories the search named. */
  private reasonsOf(slot: number): SlotReasons {
    const { text } = this.pass();
    const { starts, values } = this.index.categoryIds;
    const categoryIds: number[] = [];
    for (let i = starts[slot]; i < starts[slot + 1]; i += 1) {
      const category = values[i];
      if (this.activity?.[category] === 1 || (text !== null && (text.categoryTerms[category] ?? 0) !== 0)) categoryIds.push(category);
    }
    const sold = (category: number) => (this.index.offeringCategoryIds.anyIs(slot, category) ? 0 : 1);
    categoryIds.sort((a, b) => sold(a) - sold(b));
    return {
      matchedTerms: text ? text.termMask[slot] : 0,
      identified: text?.identified?.has(slot) ?? false,
      fields: text ? text.fields[slot] : 0,
      categoryIds,
    };
  }

  /** Why each of these suppliers matched (for pages read elsewhere: UPDATED_ASC in SQL). */
  async explain(supplierIds: readonly number[]): Promise<Map<number, SlotReasons>> {
    const reasons = new Map<number, SlotReasons>();
    for (const id of supplierIds) {
      const slot = this.index.slotOf(id);
      if (slot !== undefined) reasons.set(id, this.reasonsOf(slot));
    }
    return reasons;
  }

  async count(): Promise<number> {
    return this.pass().matchCount;
  }

  async facets(): Promise<SupplierFacetCounts> {
    const { index, search } = this;
    const { flags, text, departementBest, bestByDepartement } = this.pass();
    const termCount = text?.termCount ?? 0;
    const onTopic = this.onTopic();
    const { departementId, kind, serviceTypeMask, groupMaskLow, groupMaskHigh } = index;
    const departements = new Int32Array(index.departements.codes.length);
    const kinds = new Int32Array(KINDS.length);
    const families = new Int32Array(FAMILIES.length);
    const reserved = new Int32Array(RESERVED_MARKETS.length);
    const groups = new Int32Array(64);
    const serviceTypes = new Int32Array(SERVICE_TYPES.length);
    let smallPurchase = 0;
    const facetSmallPurchase = this.smallPurchaseTest(search.smallPurchaseFacetAmount);
    // With a small-purchase filter, the category facets re-check it in each category: ticking one makes it the searched one.
    const activityLeftOut = ACTIVITY | (search.smallPurchaseAmount !== null ? SMALL_PURCHASE : 0);
    const groupOfCategory = this.groupOfCategory();
    const cheapMask = new Uint32Array(2);
    const { slotCount } = index;
    for (let slot = 0; slot < slotCount; slot += 1) {
      const slotFlags = flags[slot];
      if (slotFlags === 0) continue;
      const missing = ~slotFlags & ALL_DIMENSIONS;
      if (missing === 0) {
        const departement = departementId[slot];
        if (departementBest === null || bestByDepartement === null) {
          if ((slotFlags & BASE) !== 0) departements[departement] += 1;
        } else if (
          this.enoughWords(
            this.departementCount(text!.classes[slot], departement, departementBest),
            requiredWords(termCount, bestByDepartement[departement]),
            slot,
            onTopic,
          )
        ) {
          departements[departement] += 1;
        }
      }
      if ((slotFlags & BASE) === 0) continue;
      // A facet counts the slots that miss no dimension but its own.
      const slotKind = kind[slot];
      if ((missing & ~KIND) === 0) kinds[slotKind] += 1;
      if ((missing & ~FAMILY) === 0) families[KIND_FAMILY_INDEX[slotKind]] += 1;
      if ((missing & ~RESERVED) === 0) for (const market of KIND_RESERVED_INDEXES[slotKind]) reserved[market] += 1;
      if ((missing & ~activityLeftOut) === 0) {
        if (search.smallPurchaseAmount === null) {
          countBits(groupMaskLow[slot], groups, 0);
          countBits(groupMaskHigh[slot], groups, 32);
        } else {
          this.cheapGroups(slot, search.smallPurchaseAmount, groupOfCategory, cheapMask);
          countBits(cheapMask[0], groups, 0);
          countBits(cheapMask[1], groups, 32);
        }
      }
      if ((missing & ~SERVICE_TYPE) === 0) countBits(serviceTypeMask[slot], serviceTypes, 0);
      if ((missing & ~SMALL_PURCHASE) === 0 && facetSmallPurchase(slot)) smallPurchase += 1;
    }
    return {
      matches: this.pass().matchCount,
      departements: nonZero(departements, (id) => index.departements.codes[id]),
      kinds: nonZero(kinds, (id) => KINDS[id] as SupplierKind),
      kindFamilies: new Map(FAMILIES.map((family, id) => [family, families[id]])),
      reservedMarkets: new Map(RESERVED_MARKETS.map((market, id) => [market, reserved[id]])),
      categoryGroups: nonZero(groups, (bit) => bit),
      serviceTypes: nonZero(serviceTypes, (bit) => SERVICE_TYPES[bit]),
      smallPurchase,
    };
  }

  private groupOfCategory(): Int32Array {
    const groups = new Int32Array(this.reference.maxCategoryId + 1).fill(-1);
    for (const [id, category] of this.reference.categories) groups[id] = category.groupId;
    return groups;
  }

  /** Groups of the slot's categories with a published offering at most `limit`, as a mask (low and high words) in `mask`. */
  private cheapGroups(slot: number, limit: number, groupOfCategory: Int32Array, mask: Uint32Array): void {
    const { pricedCategoryIds, pricedCategoryAmounts } = this.index;
    mask[0] = 0;
    mask[1] = 0;
    for (let i = pricedCategoryIds.starts[slot]; i < pricedCategoryIds.starts[slot + 1]; i += 1) {
      const group = groupOfCategory[pricedCategoryIds.values[i]] ?? -1;
      if (group < 0 || group >= 64 || !directPurchasePossible(pricedCategoryAmounts.values[i], limit)) continue;
      if (group < 32) mask[0] |= 1 << group;
      else mask[1] |= 1 << (group - 32);
    }
  }

  async categories(): Promise<Map<number, number>> {
    const { smallPurchaseAmount } = this.search;
    const leftOut = ACTIVITY | (smallPurchaseAmount !== null ? SMALL_PURCHASE : 0);
    if (smallPurchaseAmount === null) {
      return nonZero(this.countValues(leftOut, this.index.categoryIds, this.index.maxCategoryId + 1), (id) => id);
    }
    // Ticking a category makes it the searched one: its own offerings must be cheap enough.
    const { pricedCategoryIds, pricedCategoryAmounts } = this.index;
    const counts = new Int32Array(this.index.maxCategoryId + 1);
    const { flags } = this.pass();
    for (let slot = 0; slot < this.index.slotCount; slot += 1) {
      if ((flags[slot] & BASE) === 0 || ((flags[slot] | leftOut) & MATCH) !== MATCH) continue;
      for (let i = pricedCategoryIds.starts[slot]; i < pricedCategoryIds.starts[slot + 1]; i += 1) {
        if (directPurchasePossible(pricedCategoryAmounts.values[i], smallPurchaseAmount)) counts[pricedCategoryIds.values[i]] += 1;
      }
    }
    return nonZero(counts, (id) => id);
  }

  async tags(): Promise<Map<string, number>> {
    return nonZero(this.countValues(TAGS, this.index.tagIds, this.index.tagNames.codes.length), (id) => this.index.tagNames.codes[id]);
  }

  /** Counts by value of a slot list, over the slots that miss no dimension but `leftOut`. */
  private countValues(leftOut: number, lists: SlotLists<Int32Array>, size: number): Int32Array {
    const counts = new Int32Array(size);
    const { flags } = this.pass();
    for (let slot = 0; slot < this.index.slotCount; slot += 1) {
      if ((flags[slot] & BASE) === 0 || ((flags[slot] | leftOut) & MATCH) !== MATCH) continue;
      for (let i = lists.starts[slot]; i < lists.starts[slot + 1]; i += 1) counts[lists.values[i]] += 1;
    }
    return counts;
  }
}

function popCount(mask: number): number {
  let count = 0;
  for (let bits = mask >>> 0; bits !== 0; bits &= bits - 1) count += 1;
  return count;
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

/**
 * The `size` matching slots (flags MATCH) that come first by `compare`, after the cursor
 * (`isAfter`), in order: a sorted array of the best so far, most candidates rejected by one
 * comparison with the last.
 */
function topSlots(flags: Uint8Array, size: number, compare: (a: number, b: number) => number, isAfter: ((slot: number) => boolean) | null): number[] {
  const best: number[] = [];
  if (size <= 0) return best;
  for (let slot = 0; slot < flags.length; slot += 1) {
    if (flags[slot] !== MATCH) continue;
    if (best.length === size && compare(slot, best[size - 1]) >= 0) continue;
    if (isAfter && !isAfter(slot)) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(best[middle], slot) < 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, slot);
    if (best.length > size) best.pop();
  }
  return best;
}

type SortKey = readonly number[];

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** As topSlots, by key arrays (distance order): the `size` matching slots of lowest key above `threshold`. */
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
