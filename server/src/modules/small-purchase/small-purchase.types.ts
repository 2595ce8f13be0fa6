import { Field, Float, ObjectType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';

@ObjectType('SmallPurchaseThreshold', {
  description:
    'A dated line of the legal threshold under which a buyer may buy without publicity or competition (art. R2122-8 code de la commande publique), in € HT.',
})
export class SmallPurchaseThresholdType {
  @Field(() => DateResolver, { description: 'First day the line applies; it applies until the next line.' })
  validFrom!: string;

  @Field(() => Float, { description: 'Threshold for supplies and services, € HT.' })
  suppliesAndServices!: number;

  @Field(() => Float, { description: 'Threshold for works, € HT.' })
  works!: number;

  @Field({ description: 'Legal text the line comes from.' })
  source!: string;
}

@ObjectType('SmallPurchaseRules', { description: 'The small-purchase rule ("achat sans publicité ni mise en concurrence").' })
export class SmallPurchaseRules {
  @Field(() => Float, {
    description: 'Amount in € HT that the small-purchase search filter uses when the buyer gives none (15 000).',
  })
  defaultAmount!: number;

  @Field(() => [SmallPurchaseThresholdType], { description: 'Legal thresholds over time, oldest first.' })
  thresholds!: SmallPurchaseThresholdType[];

  @Field(() => SmallPurchaseThresholdType, { nullable: true, description: 'The legal threshold in force today.' })
  current!: SmallPurchaseThresholdType | null;
}
