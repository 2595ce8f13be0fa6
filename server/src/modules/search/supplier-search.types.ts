import { Extensions, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, EdgeType } from '../../core/graphql/pagination.js';
import { Category, CategoryGroup } from '../categories/category.types.js';
import { Offering } from '../offerings/offering.types.js';
import { ServiceType } from '../suppliers/service-area.js';
import { KindFamily, ReservedMarket, SupplierKind } from '../suppliers/supplier-kind.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { Departement } from '../territories/territory.types.js';

export enum TerritoryMatch {
  LOCATED_IN = 'LOCATED_IN',
  SERVES = 'SERVES',
  SERVES_NATIONALLY = 'SERVES_NATIONALLY',
}

registerEnumType(TerritoryMatch, {
  name: 'TerritoryMatch',
  description: 'Why a supplier matched the territory of a search.',
  valuesConfig: {
    LOCATED_IN: { description: 'Its site is in the territory (or within the radius).' },
    SERVES: { description: 'Its service area (régions, départements or radius) reaches the territory.' },
    SERVES_NATIONALLY: { description: 'It serves all of France.' },
  },
});

export enum TextMatchField {
  NAME = 'NAME',
  SIRET = 'SIRET',
  ACTIVITY = 'ACTIVITY',
  OFFERING = 'OFFERING',
  KEYWORD = 'KEYWORD',
  DESCRIPTION = 'DESCRIPTION',
}

registerEnumType(TextMatchField, {
  name: 'TextMatchField',
  description: 'Where the words of a search were found in a supplier\'s profile.',
  valuesConfig: {
    NAME: { description: 'Its name (legal or brand name).' },
    SIRET: { description: 'Its SIRET or SIREN, given in the text.' },
    ACTIVITY: { description: 'The name of one of its activities (categories, declared or of its offerings).' },
    OFFERING: { description: 'The title of one of its published offerings.' },
    KEYWORD: { description: 'A keyword or synonym of one of its activities, or the name of their group.' },
    DESCRIPTION: { description: 'Its presentation, an offering\'s description, or its networks and labels.' },
  },
});

@ObjectType('SupplierMatchReasons', { description: 'Why a supplier is in the results of a search: what of it matched.' })
export class SupplierMatchReasons {
  @Field(() => [Category], {
    description: 'Its activities that the search named: the categories searched, or whose name or keywords hold a word of the text. Those it sells in first.',
  })
  categories!: Category[];

  @Field(() => [Offering], {
    description:
      'Its published offerings matching the search (the categories searched, and the text: as many of its words as the best offering of the supplier, a third fewer from three words on), best first: more words, then title over description, then cheaper. At most 3; empty when the search has neither text nor categories.',
  })
  // The query cost counts this list for what it can hold (core/graphql/limits/query-limits.ts).
  @Extensions({ maxItems: 3 })
  offerings!: Offering[];

  @Field(() => [TextMatchField], { description: 'Where the words of the text were found, strongest first (SIRET, name, activities, offering titles, keywords, descriptions); empty without text.' })
  textFields!: TextMatchField[];

  @Field(() => [String], { description: 'Words of the text the supplier matches, as typed (stop words left out); SIRET or SIREN included.' })
  matchedWords!: string[];

  @Field(() => [String], { description: 'Words of the text the supplier does not match, as typed (stop words left out).' })
  missingWords!: string[];
}

@ObjectType('SupplierEdge', { description: 'A supplier in a search result.' })
export class SupplierEdge extends EdgeType(Supplier, 'supplier') {
  @Field(() => Float, { nullable: true, description: 'Distance in km from the search\'s point (commune centre or origin) to the supplier\'s site.' })
  distanceKm!: number | null;

  @Field(() => TerritoryMatch, { nullable: true, description: 'Why the supplier matched the territory; null without a territory filter.' })
  territoryMatch!: TerritoryMatch | null;

  supplierKey!: number;
  loadCheapestMatchingOffering!: () => Offering | null;
  loadMatchReasons!: () => SupplierMatchReasons | Promise<SupplierMatchReasons>;
  loadDirectPurchasePossible!: () => boolean;

  @Field(() => Offering, {
    nullable: true,
    description:
      'The cheapest priced offering of the supplier that matches the search: in its categories, with its text (as `matchReasons.offerings`), and under its small-purchase amount when that filter is on. Null when none does: never an unrelated offering.',
  })
  cheapestMatchingOffering(): Offering | null {
    return this.loadCheapestMatchingOffering();
  }

  @Field(() => SupplierMatchReasons, { description: 'Why the supplier matched: its activities and offerings the search named, and where the words were found.' })
  matchReasons(): SupplierMatchReasons | Promise<SupplierMatchReasons> {
    return this.loadMatchReasons();
  }

  @Field(() => Boolean, {
    description:
      'Whether a buyer can buy from it directly under the search\'s small-purchase amount (the filter\'s, else the default 15 000 € HT): one of its published offerings, in the searched categories if any, has an entry amount at most that amount. The rule of the smallPurchase filter and of `Offering.directPurchasePossible`.',
  })
  directPurchasePossible(): boolean {
    return this.loadDirectPurchasePossible();
  }
}

@ObjectType('KindFacet', { description: 'Number of matching suppliers of a kind.' })
export class KindFacet {
  @Field(() => SupplierKind, { description: 'The kind.' })
  kind!: SupplierKind;

  @Field(() => Int, { description: 'Number of matching suppliers, ignoring the kind filter (the family and reserved-market filters apply): what `kinds: [kind]` finds.' })
  count!: number;
}

@ObjectType('KindFamilyFacet', { description: 'Number of matching suppliers of a family of kinds.' })
export class KindFamilyFacet {
  @Field(() => KindFamily, { description: 'The family.' })
  family!: KindFamily;

  @Field(() => Int, { description: 'Number of matching suppliers, ignoring the family filter (the kind and reserved-market filters apply): what `kindFamilies: [family]` finds.' })
  count!: number;
}

@ObjectType('CategoryGroupFacet', { description: 'Number of matching suppliers active in a category group.' })
export class CategoryGroupFacet {
  @Field(() => CategoryGroup, { description: 'The group.' })
  group!: CategoryGroup;

  @Field(() => Int, { description: 'Number of matching suppliers, ignoring the category filters (with a small-purchase filter: with a cheap enough offering in the group).' })
  count!: number;
}

@ObjectType('CategoryFacet', { description: 'Number of matching suppliers active in a category.' })
export class CategoryFacet {
  @Field(() => Category, { description: 'The category.' })
  category!: Category;

  @Field(() => Int, { description: 'Number of matching suppliers, ignoring the category filters (with a small-purchase filter: with a cheap enough offering in the category).' })
  count!: number;
}

@ObjectType('ReservedMarketFacet', { description: 'Number of matching suppliers eligible to a kind of reserved market.' })
export class ReservedMarketFacet {
  @Field(() => ReservedMarket, { description: 'The kind of reserved market.' })
  reservedMarket!: ReservedMarket;

  @Field(() => Int, { description: 'Number of matching suppliers eligible, ignoring the reserved-market filter (the kind and family filters apply): what `reservedMarkets: [reservedMarket]` finds.' })
  count!: number;
}

@ObjectType('TagFacet', { description: 'Number of matching suppliers with a network or label.' })
export class TagFacet {
  @Field(() => String, { description: 'The network or label, as in `Supplier.tags`.' })
  tag!: string;

  @Field(() => Int, { description: 'Number of matching suppliers, ignoring the tag filter.' })
  count!: number;
}

@ObjectType('DepartementFacet', { description: 'Number of matching suppliers located in a département.' })
export class DepartementFacet {
  @Field(() => Departement, { description: 'The département.' })
  departement!: Departement;

  @Field(() => Int, {
    description:
      'Number of matching suppliers located there. Without a territory filter: what the same search finds in that département (territory LOCATED_IN), whose words threshold is that of the département.',
  })
  count!: number;
}

@ObjectType('ServiceTypeFacet', { description: 'Number of matching suppliers offering a service type.' })
export class ServiceTypeFacet {
  @Field(() => ServiceType, { description: 'The service type.' })
  serviceType!: ServiceType;

  @Field(() => Int, { description: 'Number of matching suppliers, ignoring the service type filter.' })
  count!: number;
}

@ObjectType('SmallPurchaseFacet', { description: 'How many matching suppliers allow a small purchase.' })
export class SmallPurchaseFacet {
  @Field(() => Float, { description: 'Amount in € HT counted with: the filter\'s amount, or the default 15 000.' })
  maxAmount!: number;

  @Field(() => Int, { description: 'Number of matching suppliers with an offering under the amount, ignoring the small-purchase filter.' })
  count!: number;
}

@ObjectType('SupplierFacets', {
  description:
    'Counts of the current search by kind, reserved market, category group, category, département, service type, tag and small purchase. Each facet ignores its own filter and applies the others: a value\'s count is the `totalCount` of the same search with that value as its filter\'s only value.',
})
export class SupplierFacets {
  loadCategories!: () => Promise<CategoryFacet[]>;
  loadTags!: () => Promise<TagFacet[]>;

  @Field(() => [KindFacet], { description: 'By kind, most frequent first.' })
  kinds!: KindFacet[];

  @Field(() => [KindFamilyFacet], { description: 'By family of kinds.' })
  kindFamilies!: KindFamilyFacet[];

  @Field(() => [CategoryGroupFacet], { description: 'By category group, most frequent first.' })
  categoryGroups!: CategoryGroupFacet[];

  @Field(() => [ReservedMarketFacet], { description: 'By kind of reserved market the suppliers are eligible to.' })
  reservedMarkets!: ReservedMarketFacet[];

  @Field(() => [CategoryFacet], { description: 'By category, most frequent first (counted only when selected).' })
  categories(): Promise<CategoryFacet[]> {
    return this.loadCategories();
  }

  @Field(() => [TagFacet], { description: 'By network or label, most frequent first (counted only when selected).' })
  tags(): Promise<TagFacet[]> {
    return this.loadTags();
  }

  @Field(() => [DepartementFacet], { description: 'By département of the site, most frequent first.' })
  departements!: DepartementFacet[];

  @Field(() => [ServiceTypeFacet], { description: 'By service type.' })
  serviceTypes!: ServiceTypeFacet[];

  @Field(() => SmallPurchaseFacet, { description: 'Small purchase availability.' })
  smallPurchase!: SmallPurchaseFacet;
}

@ObjectType('SupplierConnection', { description: 'A page of suppliers (Relay connection).' })
export class SupplierConnection extends ConnectionType(SupplierEdge, 'suppliers') {
  loadFacets!: () => Promise<SupplierFacets>;

  @Field(() => SupplierFacets, { description: 'Facet counts over all matches (computed only when selected).' })
  facets(): Promise<SupplierFacets> {
    return this.loadFacets();
  }
}
