import type { Caller } from '../accounts/viewer.js';
import { badUserInput } from '../../core/graphql/errors.js';
import { Category, CategoryGroup } from '../categories/category.types.js';
import { OfferingEntity } from '../offerings/offering.entity.js';
import { directPurchasePossible, Offering } from '../offerings/offering.types.js';
import { DEFAULT_SMALL_PURCHASE_AMOUNT } from '../small-purchase/small-purchase-thresholds.js';
import { ServiceType } from '../suppliers/service-area.js';
import type { DataSource, EntityMetadata } from 'typeorm';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { SupplierSearchEntity } from './supplier-search.entity.js';
import { SupplierOrder, type SupplierFilter } from '../suppliers/supplier.inputs.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { Departement } from '../territories/territory.types.js';
import { listFilter, smallPurchaseAmountOf } from './directory-criteria.js';
import type { DirectoryReference } from './directory-index/directory-reference.js';
import type { SearchStart } from './directory-index/directory-index.service.js';
import type { Capabilities } from '../../app/capabilities.js';
import { FIELD_BITS, IndexedSupplierSearch } from './directory-index/indexed-supplier-search.js';
import { fetchKeysetPage, settledLater } from './keyset-page.js';
import { explainOfferings } from './match-reasons.js';
import type { SupplierSearchDeps } from './search.deps.js';
import type { OfferingWords, PageSupplier, PageSupplierCard } from './directory-index/card-cache.js';
import { SqlSupplierSearch } from './sql-supplier-search.js';
import { onTurns, type RunTurn, type SlotReasons, type SupplierFacetCounts, type SupplierPageRow, type SupplierSearchEngine } from './supplier-search.engine.js';
import { resolveSupplierText, type SupplierSearch } from './supplier-search.query.js';
import {
  CategoryFacet, CategoryGroupFacet, DepartementFacet, KindFacet, KindFamilyFacet, ReservedMarketFacet, ServiceTypeFacet,
  SmallPurchaseFacet, SupplierConnection, SupplierEdge, SupplierFacets, SupplierMatchReasons, TagFacet, TerritoryMatch, TextMatchField,
} from './supplier-search.types.js';
import { radiusUnavailable, resolveTerritoryZone, type GeoPoint } from './territory-zone.js';
import { readBuyerText, type BuyerText } from './text-query.js';
import { syncStatementRunner } from '../sync/sync-horizon.js';
import { KindFamily, ReservedMarket } from '../suppliers/supplier-kind.js';

/** Coordinates are kept to 7 decimals (about 1 cm): a denormal one (5e-324) would underflow in SQL's trigonometry. */
const roundedDegrees = (degrees: number) => Math.round(degrees * 1e7) / 1e7;

function checkedPoint(point: GeoPoint): GeoPoint {
  const { latitude, longitude } = point;
  if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
    throw badUserInput('Point invalide : la latitude va de -90 à 90 et la longitude de -180 à 180.', 'filter.origin');
  }
  return { latitude: roundedDegrees(latitude), longitude: roundedDegrees(longitude) };
}

const TERRITORY_MATCHES = [TerritoryMatch.LOCATED_IN, TerritoryMatch.SERVES, TerritoryMatch.SERVES_NATIONALLY];

/** TextMatchField of each FIELD_BITS bit, strongest first. */
const TEXT_FIELDS: [number, TextMatchField][] = [
  [FIELD_BITS.SIRET, TextMatchField.SIRET],
  [FIELD_BITS.NAME, TextMatchField.NAME],
  [FIELD_BITS.ACTIVITY, TextMatchField.ACTIVITY],
  [FIELD_BITS.OFFERING, TextMatchField.OFFERING],
  [FIELD_BITS.KEYWORD, TextMatchField.KEYWORD],
  [FIELD_BITS.DESCRIPTION, TextMatchField.DESCRIPTION],
];

/** Categories and category groups of slugs, from the reference data; BAD_USER_INPUT for an unknown one. */
function activityCategoryIdsOf(filter: SupplierFilter, reference: DirectoryReference): number[] | null {
  const categorySlugs = listFilter(filter.categorySlugs, 'filter.categorySlugs');
  const groupSlugs = listFilter(filter.categoryGroupSlugs, 'filter.categoryGroupSlugs');
  if (!categorySlugs && !groupSlugs) return null;
  const unknownCategories = (categorySlugs ?? []).filter((slug) => !reference.categoryBySlug.has(slug));
  if (unknownCategories.length > 0) {
    throw badUserInput(`Catégorie inconnue : ${unknownCategories.map((slug) => `« ${slug} »`).join(', ')}.`, 'filter.categorySlugs');
  }
  const unknownGroups = (groupSlugs ?? []).filter((slug) => !reference.groupBySlug.has(slug));
  if (unknownGroups.length > 0) {
    throw badUserInput(`Groupe de catégories inconnu : ${unknownGroups.map((slug) => `« ${slug} »`).join(', ')}.`, 'filter.categoryGroupSlugs');
  }
  const ids = [
    ...(categorySlugs ?? []).map((slug) => reference.categoryBySlug.get(slug)!.id),
    ...(groupSlugs ?? []).flatMap((slug) => (reference.categoriesByGroup.get(reference.groupBySlug.get(slug)!.id) ?? []).map((category) => category.id)),
  ];
  return [...new Set(ids)];
}

/**
 * Validates a client's filter and resolves it against the directory index held (its
 * reference data, and its lexicon for the words): the search both engines run.
 * `runTurn` runs the words' resolution, CPU work on the index, on the client's turn.
 */
export async function resolveSupplierSearch(
  filter: SupplierFilter,
  requestedOrder: SupplierOrder | null | undefined,
  start: SearchStart,
  capabilities: Capabilities,
  buyerText: BuyerText | null,
  runTurn: RunTurn = runAtOnce,
): Promise<SupplierSearch> {
  const smallPurchaseAmount = smallPurchaseAmountOf(filter);
  if (filter.origin && !capabilities.radiusSearchAvailable) throw radiusUnavailable();
  const origin = filter.origin ? checkedPoint(filter.origin) : null;
  const { index, reference } = start;
  const zone = filter.territory ? await resolveTerritoryZone(filter.territory, reference.territories(), capabilities) : null;
  const point = origin ?? zone?.centre ?? null;
  const order = requestedOrder ?? SupplierOrder.RELEVANCE;
  if (order === SupplierOrder.DISTANCE && !point) {
    if (!capabilities.radiusSearchAvailable) throw radiusUnavailable();
    throw badUserInput("L'ordre DISTANCE demande un point : une commune comme territoire, ou `origin`.", 'orderBy');
  }
  return {
    text: buyerText ? await runTurn(() => resolveSupplierText(buyerText, start.tokens, index, reference)) : null,
    activityCategoryIds: activityCategoryIdsOf(filter, reference),
    zone,
    excludeNationalOnly: filter.excludeNationalOnly ?? false,
    kinds: listFilter(filter.kinds, 'filter.kinds'),
    kindFamilies: listFilter(filter.kindFamilies, 'filter.kindFamilies'),
    reservedMarkets: listFilter(filter.reservedMarkets, 'filter.reservedMarkets'),
    serviceTypes: listFilter(filter.serviceTypes, 'filter.serviceTypes'),
    smallPurchaseAmount,
    smallPurchaseFacetAmount: smallPurchaseAmount ?? DEFAULT_SMALL_PURCHASE_AMOUNT,
    tags: listFilter(filter.tags, 'filter.tags'),
    updatedSince: filter.updatedSince ?? null,
    origin: point,
    order,
  };
}

/** Runs work at once (no work queue): tests and benchmarks. */
const runAtOnce: RunTurn = <T>(work: () => T) => Promise.resolve(work()) as Promise<Awaited<T>>;

/** The words of a text to stem: null when it has none (no text, or identifiers only). */
export function wordsToStem(buyerText: BuyerText | null): string | null {
  return buyerText && buyerText.words !== '' ? buyerText.words : null;
}

/**
 * Runs a supplier search (README): resolves the filter against the directory index's
 * reference data, then the page, and the count and facets when selected. Two statements at
 * most: the directory version with the text's words, and the page's suppliers with their
 * offerings (those not in the index service's cards); what else the results and facets show
 * comes from memory.
 */
export async function searchSuppliers(
  deps: SupplierSearchDeps,
  caller: Caller,
  filter: SupplierFilter,
  requestedOrder: SupplierOrder | null | undefined,
  page: { first?: number | null; after?: string | null },
  selected: { facets: boolean; totalCount: boolean },
): Promise<SupplierConnection> {
  const service = deps.directoryIndex;
  // Checked before anything reaches SQL or the index.
  const buyerText = readBuyerText(filter.text);
  smallPurchaseAmountOf(filter);
  const start = await service.start(wordsToStem(buyerText));
  // Index searches are CPU work on this process's one event loop: shared fairly between client IPs.
  const workQueue = service.workQueue;
  const search = await resolveSupplierSearch(filter, requestedOrder, start, deps.capabilities, buyerText, (work) => workQueue.run(caller.ip, work));
  const { index, reference } = start;
  const indexed = onTurns(new IndexedSupplierSearch(index, search, reference), (work) => workQueue.run(caller.ip, work));
  // Sync pages read SQL: they follow the sync horizon (modules/sync); everything else, the index.
  const engine: SupplierSearchEngine =
    search.order === SupplierOrder.UPDATED_ASC ? new SqlSupplierSearch(search, deps.runSearchStatement, syncStatementRunner(deps)) : indexed;
  return pageOf(search, engine, indexed, reference, page, deps, selected);
}

/**
 * The page's suppliers, published, with their search row and their published offerings
 * (cheapest first) and the words of these (title and description lexemes), as JSON: one
 * statement, read without TypeORM's joins (their hydration cost more than the search).
 */
const PAGE_SUPPLIERS_SQL = `SELECT to_jsonb(s) AS supplier,
  jsonb_build_object('supplier_id', ss.supplier_id, 'category_ids', ss.category_ids, 'min_entry_amount', ss.min_entry_amount) AS search,
  (SELECT coalesce(jsonb_agg(jsonb_build_object(
      'row', to_jsonb(o) - 'search_document',
      'title', array_to_string(tsvector_to_array(ts_filter(o.search_document, '{a}')), chr(31)),
      'description', array_to_string(tsvector_to_array(ts_filter(o.search_document, '{c}')), chr(31))
    ) ORDER BY o.entry_amount NULLS LAST, o.id), '[]')
   FROM offering o WHERE o.supplier_id = s.id AND o.published) AS offerings
FROM supplier s
LEFT JOIN supplier_search ss ON ss.supplier_id = s.id
WHERE s.id = ANY($1::int[]) AND s.published`;

/** An entity from a row as JSON (`to_jsonb`): each mapped column by its database name, dates and transformers applied. */
function hydrated<T extends object>(entity: T, metadata: EntityMetadata, json: Record<string, unknown>): T {
  for (const column of metadata.columns) {
    let value = json[column.databaseName];
    if (value === undefined) continue;
    if (value !== null && (column.type === 'timestamptz' || column.type === 'timestamp' || column.type === Date)) value = new Date(value as string);
    if (value !== null && column.transformer && !Array.isArray(column.transformer)) value = column.transformer.from(value);
    (entity as Record<string, unknown>)[column.propertyName] = value;
  }
  return entity;
}

/** The cards of these published suppliers, read in one statement (PAGE_SUPPLIERS_SQL). */
async function readCards(db: DataSource, ids: number[]): Promise<PageSupplierCard[]> {
  type Row = {
    supplier: Record<string, unknown>;
    search: Record<string, unknown> | null;
    offerings: { row: Record<string, unknown>; title: string; description: string }[];
  };
  const rows = await db.query<Row[]>(PAGE_SUPPLIERS_SQL, [ids]);
  const supplierMetadata = db.getMetadata(SupplierEntity);
  const searchMetadata = db.getMetadata(SupplierSearchEntity);
  const offeringMetadata = db.getMetadata(OfferingEntity);
  const words = (joined: string) => new Set(joined ? joined.split('\u001f') : []);
  return rows.map((row) => {
    const supplier = hydrated(new SupplierEntity(), supplierMetadata, row.supplier) as PageSupplier;
    if (row.search) supplier.search = hydrated(new SupplierSearchEntity(), searchMetadata, row.search);
    const offeringWords = new Map<number, OfferingWords>();
    supplier.publishedOfferings = row.offerings.map((offering) => {
      const entity = hydrated(new OfferingEntity(), offeringMetadata, offering.row);
      offeringWords.set(entity.id, { title: words(offering.title), description: words(offering.description) });
      return entity;
    });
    return { supplier, offeringWords };
  });
}

/**
 * The page's suppliers with their offerings and the offerings' words: from the cards kept
 * by the directory index, the others in one statement. Primes the request's loaders with
 * them, and with the territories and categories the cards show (from the reference data).
 */
async function loadPageSuppliers(
  ids: number[],
  deps: SupplierSearchDeps,
  reference: DirectoryReference,
  offeringWords: Map<number, OfferingWords>,
): Promise<(PageSupplier | null)[]> {
  if (ids.length === 0) return [];
  const { cards } = deps.directoryIndex;
  const stamp = cards.stamp;
  const byId = new Map<number, PageSupplierCard>();
  for (const id of ids) {
    const card = cards.get(id);
    if (card) byId.set(id, card);
  }
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    for (const card of await readCards(deps.db, missing)) {
      byId.set(card.supplier.id, card);
      cards.remember(card.supplier.id, card, stamp);
    }
  }
  const { loaders } = deps;
  for (const { supplier, offeringWords: words } of byId.values()) {
    for (const [offeringId, offering] of words) offeringWords.set(offeringId, offering);
    loaders.suppliers.supplierById.prime(supplier.id, supplier);
    loaders.offerings.offeringsBySupplierId.prime(supplier.id, supplier.publishedOfferings);
    for (const offering of supplier.publishedOfferings) loaders.offerings.offeringById.prime(offering.id, offering);
    primeTerritories(deps, reference, [supplier.communeCode], supplier.serviceAreaDepartementCodes, supplier.serviceAreaRegionCodes);
    primeCategories(deps, reference, [...(supplier.search?.categoryIds ?? []), ...supplier.publishedOfferings.map((offering) => offering.categoryId)]);
  }
  return ids.map((id) => byId.get(id)?.supplier ?? null);
}

/** Communes (with their parent city), départements and régions, from the reference data into the request's loaders. */
function primeTerritories(deps: SupplierSearchDeps, reference: DirectoryReference, communeCodes: string[], departementCodes: string[], regionCodes: string[]): void {
  const { territories } = deps.loaders;
  const departements = new Set(departementCodes);
  const regions = new Set(regionCodes);
  for (const code of communeCodes) {
    const commune = reference.communes.get(code);
    if (!commune) continue;
    territories.communeByCode.prime(code, commune);
    const parent = commune.parentCode ? reference.communes.get(commune.parentCode) : undefined;
    if (parent) territories.communeByCode.prime(parent.code, parent);
    departements.add(commune.departementCode);
    regions.add(commune.regionCode);
  }
  for (const code of departements) {
    const departement = reference.departements.get(code);
    if (!departement) continue;
    territories.departementByCode.prime(code, departement);
    regions.add(departement.regionCode);
  }
  for (const code of regions) {
    const region = reference.regions.get(code);
    if (region) territories.regionByCode.prime(code, region);
  }
}

/** Categories and their groups, from the reference data into the request's loaders. */
function primeCategories(deps: SupplierSearchDeps, reference: DirectoryReference, categoryIds: Iterable<number>, groupIds: Iterable<number> = []): void {
  const { categories } = deps.loaders;
  const groups = new Set(groupIds);
  for (const id of categoryIds) {
    const category = reference.categories.get(id);
    if (!category) continue;
    categories.categoryById.prime(id, category);
    groups.add(category.groupId);
  }
  for (const id of groups) {
    const group = reference.groups.get(id);
    if (group) categories.groupById.prime(id, group);
  }
}

async function pageOf(
  search: SupplierSearch,
  engine: SupplierSearchEngine,
  indexed: SupplierSearchEngine,
  reference: DirectoryReference,
  page: { first?: number | null; after?: string | null },
  deps: SupplierSearchDeps,
  selected: { facets: boolean; totalCount: boolean },
): Promise<SupplierConnection> {
  // Facets count the matches too: one pass serves both fields.
  const facets = selected.facets ? settledLater(engine.facets()) : null;
  const count = !selected.facets && selected.totalCount ? settledLater(engine.count()) : null;
  const offeringWords = new Map<number, OfferingWords>();
  const result = await fetchKeysetPage<SupplierPageRow, PageSupplier>(
    engine,
    search.order,
    page,
    (ids) => loadPageSuppliers(ids, deps, reference, offeringWords),
    { skipMissing: true },
  );
  // Pages read in SQL (UPDATED_ASC) are explained by the index.
  const missingReasons = result.items.filter((item) => !item.row.reasons).map((item) => item.row.id);
  const explained = missingReasons.length > 0 && indexed.explain ? settledLater(indexed.explain(missingReasons)) : null;
  const noReasons: SlotReasons = { matchedTerms: 0, identified: false, fields: 0, categoryIds: [] };
  const activity = search.activityCategoryIds ? new Set(search.activityCategoryIds) : null;

  const connection = new SupplierConnection();
  connection.edges = result.items.map(({ row, entity, cursor }) => {
    const explainedOfferings = explainOfferings(entity.publishedOfferings, offeringWords, search, reference);
    const node = Supplier.from(entity);
    // What the card shows, already at hand: no loader round per field.
    node.preloaded = {
      categories: node.categoryKeys.flatMap((id) => reference.categories.get(id) ?? []),
      offerings: entity.publishedOfferings,
    };
    node.address.preloadedCommune = reference.communes.get(entity.communeCode);
    return Object.assign(new SupplierEdge(), {
      cursor,
      node,
      distanceKm: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
      territoryMatch: search.zone ? TERRITORY_MATCHES[row.tier] : null,
      supplierKey: row.id,
      loadCheapestMatchingOffering: () => {
        const cheapest = explainedOfferings.cheapest(search.smallPurchaseAmount);
        return cheapest && Offering.from(cheapest);
      },
      loadDirectPurchasePossible: () =>
        entity.publishedOfferings.some(
          (offering) => (!activity || activity.has(offering.categoryId)) && directPurchasePossible(offering.entryAmount, search.smallPurchaseFacetAmount),
        ),
      loadMatchReasons: () =>
        row.reasons
          ? matchReasonsOf(row.reasons, explainedOfferings.best(3), search, reference)
          : (explained ?? Promise.resolve(null)).then((reasons) => matchReasonsOf(reasons?.get(row.id) ?? noReasons, explainedOfferings.best(3), search, reference)),
    });
  });
  connection.pageInfo = result.pageInfo;
  connection.loadFacets = async () => supplierFacets(await (facets ?? engine.facets()), engine, search, reference, deps);
  connection.countAll = async () => (facets ? (await facets).matches : await (count ?? engine.count()));
  return connection;
}

function matchReasonsOf(reasons: SlotReasons, offerings: OfferingEntity[], search: SupplierSearch, reference: DirectoryReference): SupplierMatchReasons {
  const terms = search.text?.terms ?? [];
  const identifiers = search.text?.identifiers ?? [];
  const matchedWords = terms.filter((_term, position) => (reasons.matchedTerms >>> position) & 1).map((term) => term.typed);
  const missingWords = terms.filter((_term, position) => !((reasons.matchedTerms >>> position) & 1)).map((term) => term.typed);
  (reasons.identified ? matchedWords : missingWords).push(...identifiers);
  return Object.assign(new SupplierMatchReasons(), {
    categories: reasons.categoryIds.flatMap((id) => {
      const category = reference.categories.get(id);
      return category ? [Category.from(category)] : [];
    }),
    offerings: offerings.map((offering) => Offering.from(offering)),
    textFields: TEXT_FIELDS.filter(([bit]) => (reasons.fields & bit) !== 0).map(([, field]) => field),
    matchedWords,
    missingWords,
  });
}

function byCountThenLabel<T extends { count: number }>(label: (facet: T) => string) {
  return (a: T, b: T) => b.count - a.count || label(a).localeCompare(label(b));
}

async function supplierFacets(
  counts: SupplierFacetCounts,
  engine: SupplierSearchEngine,
  search: SupplierSearch,
  reference: DirectoryReference,
  deps: SupplierSearchDeps,
): Promise<SupplierFacets> {
  const kinds = [...counts.kinds].map(([kind, count]) => Object.assign(new KindFacet(), { kind, count }));
  const families = Object.values(KindFamily).map((family) =>
    Object.assign(new KindFamilyFacet(), { family, count: counts.kindFamilies.get(family) ?? 0 }),
  );
  const reservedMarkets = Object.values(ReservedMarket).map((reservedMarket) =>
    Object.assign(new ReservedMarketFacet(), { reservedMarket, count: counts.reservedMarkets.get(reservedMarket) ?? 0 }),
  );
  primeCategories(deps, reference, [], counts.categoryGroups.keys());
  primeTerritories(deps, reference, [], [...counts.departements.keys()], []);
  return Object.assign(new SupplierFacets(), {
    kinds: kinds.sort(byCountThenLabel((facet) => facet.kind)),
    kindFamilies: families,
    reservedMarkets,
    loadCategories: () => categoryFacets(engine, reference, deps),
    loadTags: () => tagFacets(engine),
    categoryGroups: [...counts.categoryGroups]
      .flatMap(([id, count]) => {
        const group = reference.groups.get(id);
        return group ? [Object.assign(new CategoryGroupFacet(), { group: CategoryGroup.from(group), count })] : [];
      })
      .sort(byCountThenLabel((facet) => facet.group.slug)),
    departements: [...counts.departements]
      .flatMap(([code, count]) => {
        const departement = reference.departements.get(code);
        return departement ? [Object.assign(new DepartementFacet(), { departement: Departement.from(departement), count })] : [];
      })
      .sort(byCountThenLabel((facet) => facet.departement.code)),
    serviceTypes: Object.values(ServiceType).flatMap((serviceType) => {
      const count = counts.serviceTypes.get(serviceType);
      return count ? [Object.assign(new ServiceTypeFacet(), { serviceType, count })] : [];
    }),
    smallPurchase: Object.assign(new SmallPurchaseFacet(), { maxAmount: search.smallPurchaseFacetAmount, count: counts.smallPurchase }),
  });
}

async function categoryFacets(engine: SupplierSearchEngine, reference: DirectoryReference, deps: SupplierSearchDeps): Promise<CategoryFacet[]> {
  const counts = [...(await engine.categories())];
  primeCategories(deps, reference, counts.map(([id]) => id));
  return counts
    .flatMap(([id, count]) => {
      const category = reference.categories.get(id);
      return category ? [Object.assign(new CategoryFacet(), { category: Category.from(category), count })] : [];
    })
    .sort(byCountThenLabel((facet) => facet.category.slug));
}

async function tagFacets(engine: SupplierSearchEngine): Promise<TagFacet[]> {
  return [...(await engine.tags())].map(([tag, count]) => Object.assign(new TagFacet(), { tag, count })).sort(byCountThenLabel((facet) => facet.tag));
}
