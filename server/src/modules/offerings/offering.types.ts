import { Arg, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Node } from '../../core/graphql/node.js';
import { badUserInput } from '../../core/graphql/errors.js';
import { DEFAULT_SMALL_PURCHASE_AMOUNT } from '../small-purchase/small-purchase-thresholds.js';
import { ServiceType } from '../suppliers/service-area.js';
import { ServiceAreaType } from '../suppliers/supplier.types.js';
import type { OfferingEntity } from './offering.entity.js';
import { PriceUnit } from './price-unit.js';

registerEnumType(PriceUnit, {
  name: 'PriceUnit',
  description: 'What a price is for.',
  valuesConfig: {
    FLAT: { description: 'The whole service or package ("forfait").' },
    HOUR: { description: 'Per hour.' },
    HALF_DAY: { description: 'Per half day.' },
    DAY: { description: 'Per day.' },
    MONTH: { description: 'Per month.' },
    PIECE: { description: 'Per piece or item.' },
    SQUARE_METRE: { description: 'Per square metre.' },
    LINEAR_METRE: { description: 'Per linear metre.' },
    KILOGRAM: { description: 'Per kilogram.' },
    TONNE: { description: 'Per tonne.' },
    MEAL: { description: 'Per meal.' },
    PERSON: { description: 'Per person.' },
  },
});

/** Where an offering stands for its editors; buyers only ever see PUBLISHED ones. */
export enum OfferingStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  UNPUBLISHED = 'UNPUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(OfferingStatus, {
  name: 'OfferingStatus',
  description: 'Where an offering stands.',
  valuesConfig: {
    DRAFT: { description: 'Never published yet ("brouillon").' },
    PUBLISHED: { description: 'Shown to buyers ("publiée").' },
    UNPUBLISHED: { description: 'Published before, withdrawn from buyers since ("dépubliée").' },
    ARCHIVED: { description: 'Archived: out of the lists, cannot be published again ("archivée").' },
  },
});

/**
 * The one rule of direct purchase (small purchase without publicity or competition, art.
 * R2122-8): an offering can be bought directly under `amount` € HT when the least a buyer
 * can spend on it (its entry amount) is at most that amount; an offering on quote cannot.
 * The search filter, the results' badge and the supplier page all apply it.
 */
export function directPurchasePossible(entryAmount: number | null, amount: number): boolean {
  return entryAmount !== null && entryAmount <= amount;
}

/** Amounts above this are a slip (the search filter's bound too). */
const MAX_DIRECT_PURCHASE_AMOUNT = 100_000_000;

export function offeringStatusOf(entity: Pick<OfferingEntity, 'published' | 'archivedAt' | 'firstPublishedAt'>): OfferingStatus {
  if (entity.archivedAt) return OfferingStatus.ARCHIVED;
  if (entity.published) return OfferingStatus.PUBLISHED;
  return entity.firstPublishedAt ? OfferingStatus.UNPUBLISHED : OfferingStatus.DRAFT;
}

@ObjectType('OfferingPrice', { description: 'Price of an offering in € HT (excluding VAT): a single price, or a range "from … to …".' })
export class OfferingPrice {
  @Field(() => Float, { description: 'Price, or lower bound of the range, in € HT.' })
  amountFrom!: number;

  @Field(() => Float, { nullable: true, description: 'Upper bound of the range in € HT; null for a single price.' })
  amountTo!: number | null;

  @Field(() => PriceUnit, { description: 'What the price is for.' })
  unit!: PriceUnit;
}

@ObjectType('Offering', { implements: Node, description: 'Something a supplier sells ("prestation" or "offre"), with its price.' })
export class Offering implements Node {
  @Field(() => ID, { description: 'Global ID.' })
  id!: string;

  @Field({ description: 'Title, in French.' })
  title!: string;

  @Field({ description: 'Description, in French (plain text).' })
  description!: string;

  @Field(() => ServiceType, { description: 'How the offering is delivered.' })
  serviceType!: ServiceType;

  @Field(() => OfferingPrice, { nullable: true, description: 'Price; null when the offering is priced on quote only.' })
  price!: OfferingPrice | null;

  @Field(() => Float, { nullable: true, description: 'Minimum order in € HT, when the supplier sets one.' })
  minimumOrderAmount!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Least amount in € HT a buyer can spend on it: the price, or the minimum order if higher. Compared with the small-purchase amount.',
  })
  entryAmount!: number | null;

  @Field(() => Boolean, {
    description:
      'Whether a buyer can buy it directly (small purchase without publicity or competition) under the amount: its entry amount is at most the amount. False when it is priced on quote.',
  })
  directPurchasePossible(
    @Arg('amount', () => Float, {
      nullable: true,
      description: `Amount in € HT, above 0; default ${DEFAULT_SMALL_PURCHASE_AMOUNT.toLocaleString('en').replace(',', ' ')} (the product's small-purchase amount, not the legal threshold: see smallPurchaseRules).`,
    })
    amount?: number | null,
  ): boolean {
    const limit = amount ?? DEFAULT_SMALL_PURCHASE_AMOUNT;
    if (!Number.isFinite(limit) || limit <= 0 || limit > MAX_DIRECT_PURCHASE_AMOUNT) {
      throw badUserInput(
        `Montant d'achat direct invalide (${limit}) : donnez un montant en € HT supérieur à 0 et d'au plus ${MAX_DIRECT_PURCHASE_AMOUNT.toLocaleString('fr-FR')} €.`,
        'amount',
      );
    }
    return directPurchasePossible(this.entryAmount, limit);
  }

  @Field(() => Int, { nullable: true, description: 'Usual lead time in days.' })
  leadTimeDays!: number | null;

  @Field({ description: 'True when the offering has its own service area instead of the supplier\'s.' })
  hasOwnServiceArea!: boolean;

  @Field(() => DateTimeResolver, { description: 'Last change of the offering.' })
  updatedAt!: Date;

  @Field(() => Int, { description: 'Edit version, bumped by every change: send it back with an edit (conflict detection).' })
  version!: number;

  @Field(() => OfferingStatus, { description: 'Draft, published, withdrawn or archived.' })
  status!: OfferingStatus;

  key!: number;
  supplierKey!: number;
  categoryKey!: number;
  ownServiceArea!: ServiceAreaType | null;

  static from(entity: OfferingEntity): Offering {
    return Object.assign(new Offering(), {
      id: toGlobalId('Offering', entity.id),
      title: entity.title,
      description: entity.description,
      serviceType: entity.serviceType,
      price:
        entity.priceFrom !== null && entity.priceUnit !== null
          ? Object.assign(new OfferingPrice(), { amountFrom: entity.priceFrom, amountTo: entity.priceTo, unit: entity.priceUnit })
          : null,
      minimumOrderAmount: entity.minimumOrderAmount,
      entryAmount: entity.entryAmount,
      leadTimeDays: entity.leadTimeDays,
      hasOwnServiceArea: entity.serviceAreaKind !== null,
      updatedAt: entity.updatedAt,
      version: entity.version,
      status: offeringStatusOf(entity),
      key: entity.id,
      supplierKey: entity.supplierId,
      categoryKey: entity.categoryId,
      ownServiceArea:
        entity.serviceAreaKind === null
          ? null
          : ServiceAreaType.of(entity.serviceAreaKind, entity.serviceAreaRegionCodes, entity.serviceAreaDepartementCodes, entity.serviceAreaRadiusKm),
    });
  }
}
