import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, EdgeType } from '../../core/graphql/pagination.js';
import { CategoryGroup } from '../categories/category.types.js';
import { Offering } from '../offerings/offering.types.js';
import { ServiceType } from '../suppliers/service-area.js';
import { KindFamily, SupplierKind } from '../suppliers/supplier-kind.js';
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
  description: 'Counts of the current search by kind, category group, département, service type and small purchase. Each facet ignores its own filter and applies the others.',
})
export class SupplierFacets {
  @Field(() => [KindFacet], { description: 'By kind, most frequent first.' })
  kinds!: KindFacet[];

  @Field(() => [KindFamilyFacet], { description: 'By family of kinds.' })
  kindFamilies!: KindFamilyFacet[];

  @Field(() => [CategoryGroupFacet], { description: 'By category group, most frequent first.' })
  categoryGroups!: CategoryGroupFacet[];

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
