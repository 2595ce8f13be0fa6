import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, InputType, registerEnumType } from 'type-graphql';
import { ServiceType } from '../suppliers/service-area.js';
import { KindFamily, ReservedMarket, SupplierKind } from '../suppliers/supplier-kind.js';
import '../suppliers/supplier.enums.js';

export enum TerritoryScope {
  LOCATED_IN = 'LOCATED_IN',
  SERVES = 'SERVES',
}

registerEnumType(TerritoryScope, {
  name: 'TerritoryScope',
  description: 'What it means for a supplier to match a territory.',
  valuesConfig: {
    LOCATED_IN: { description: 'The supplier\'s site is in the territory (or within the radius around the commune).' },
    SERVES: {
      description:
        'The supplier works in the territory: its service area covers it (national, its région, its département, or a radius around its site that reaches it), or it is located there.',
    },
  },
});

@InputType({
  description:
    'A territory to search in: exactly one of communeCode, departementCode, regionCode (INSEE codes), with an optional radius around a commune.',
})
export class TerritoryFilter {
  @Field(() => String, { nullable: true, description: 'INSEE code of a commune, or of a municipal arrondissement (Paris, Lyon, Marseille).' })
  communeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Code of a département, e.g. "57", "2A", "974".' })
  departementCode?: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of a région, e.g. "44" (Grand Est).' })
  regionCode?: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Radius in km around the commune centre (with communeCode only), from 0 to 500, rounded to 0.1 km (under 0.05 km: the commune alone).',
  })
  radiusKm?: number | null;

  @Field(() => TerritoryScope, {
    defaultValue: TerritoryScope.SERVES,
    description: 'Located in the territory, or serving it. Default SERVES.',
  })
  scope!: TerritoryScope;
}

@InputType({ description: 'Keep only what a buyer can buy directly under an amount (small purchase without publicity or competition).' })
export class SmallPurchaseFilter {
  @Field(() => Float, {
    nullable: true,
    description: 'Amount in € HT; default 15 000. An offering qualifies when the least one can spend on it (its price, or its minimum order if higher) is at most this amount.',
  })
  maxAmount?: number | null;
}

@InputType({ description: 'A point on the map (WGS84).' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Latitude in degrees, from -90 to 90 (kept to 7 decimals, about 1 cm).' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in degrees, from -180 to 180 (kept to 7 decimals, about 1 cm).' })
  longitude!: number;
}

/** Criteria shared by supplier and offering searches. */
@InputType()
export abstract class DirectoryFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Free text, in French: matches names, descriptions, offerings and category keywords; accents, case and small typos are ignored.',
  })
  text?: string | null;

  @Field(() => [String], { nullable: true, description: 'Slugs of categories (any of them).' })
  categorySlugs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Slugs of category groups: any category of these groups.' })
  categoryGroupSlugs?: string[] | null;

  @Field(() => TerritoryFilter, { nullable: true, description: 'Territory the suppliers are located in or serve.' })
  territory?: TerritoryFilter | null;

  @Field({
    defaultValue: false,
    description: 'Leave out what matches only because it is offered in all of France (suppliers located in the territory stay).',
  })
  excludeNationalOnly!: boolean;

  @Field(() => [SupplierKind], { nullable: true, description: 'Kinds of structure.' })
  kinds?: SupplierKind[] | null;

  @Field(() => [KindFamily], { nullable: true, description: 'Families of kinds (insertion, disability).' })
  kindFamilies?: KindFamily[] | null;

  @Field(() => [ReservedMarket], { nullable: true, description: 'Structures eligible to markets reserved on any of these legal bases.' })
  reservedMarkets?: ReservedMarket[] | null;

  @Field(() => [ServiceType], { nullable: true, description: 'Service types.' })
  serviceTypes?: ServiceType[] | null;

  @Field(() => SmallPurchaseFilter, {
    nullable: true,
    description: 'Small purchase: only offerings (for suppliers: at least one offering, in the searched categories if any) under the amount.',
  })
  smallPurchase?: SmallPurchaseFilter | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      'Only what changed at or after this instant (a supplier changes with its categories and offerings too; unpublished ones are in the removal lists). A change is dated when its transaction started, so one committed late can carry an earlier time: to mirror the directory, keep the last cursor of orderBy UPDATED_ASC rather than a time.',
  })
  updatedSince?: Date | null;
}
