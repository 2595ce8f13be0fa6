import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
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

@ObjectType('SupplierEdge', { description: 'A supplier in a search result.' })
export class SupplierEdge extends EdgeType(Supplier, 'supplier') {
  @Field(() => Float, { nullable: true, description: 'Distance in km from the search\'s point (commune centre or origin) to the supplier\'s site.' })
  distanceKm!: number | null;

  @Field(() => TerritoryMatch, { nullable: true, description: 'Why the supplier matched the territory; null without a territory filter.' })
  territoryMatch!: TerritoryMatch | null;

  supplierKey!: number;
  loadCheapestMatchingOffering!: () => Promise<Offering | null>;

  @Field(() => Offering, {
    nullable: true,
    description: 'The cheapest priced offering of the supplier that matches the search\'s categories and small-purchase amount, if any.',
  })
  cheapestMatchingOffering(): Promise<Offering | null> {
    return this.loadCheapestMatchingOffering();
  }
}

@ObjectType('KindFacet', { description: 'Number of matching suppliers of a kind.' })
export class KindFacet {
  @Field(() => SupplierKind, { description: 'The kind.' })
  kind!: SupplierKind;

  @Field(() => Int, { description: 'Number of matching suppliers, ignoring the kind filters.' })
  count!: number;
}

@ObjectType('KindFamilyFacet', { description: 'Number of matching suppliers of a family of kinds.' })
export class KindFamilyFacet {
  @Field(() => KindFamily, { description: 'The family.' })
  family!: KindFamily;

  @Field(() => Int, { description: 'Number of matching suppliers, ignoring the kind filters.' })
  count!: number;
}

@ObjectType('CategoryGroupFacet', { description: 'Number of matching suppliers active in a category group.' })
export class CategoryGroupFacet {
  @Field(() => CategoryGroup, { description: 'The group.' })
  group!: CategoryGroup;

  @Field(() => Int, { description: 'Number of matching suppliers, ignoring the category filters.' })
  count!: number;
}

@ObjectType('CategoryFacet', { description: 'Number of matching suppliers active in a category.' })
export class CategoryFacet {
  @Field(() => Category, { description: 'The category.' })
  category!: Category;

  @Field(() => Int, { description: 'Number of matching suppliers, ignoring the category filters.' })
  count!: number;
}

@ObjectType('ReservedMarketFacet', { description: 'Number of matching suppliers eligible to a kind of reserved market.' })
export class ReservedMarketFacet {
  @Field(() => ReservedMarket, { description: 'The kind of reserved market.' })
  reservedMarket!: ReservedMarket;

  @Field(() => Int, { description: 'Number of matching suppliers eligible, ignoring the kind, family and reserved-market filters.' })
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

  @Field(() => Int, { description: 'Number of matching suppliers located there.' })
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
    'Counts of the current search by kind, reserved market, category group, category, département, service type, tag and small purchase. Each facet ignores its own filter and applies the others.',
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
