import { Query, Resolver } from 'type-graphql';
import { DEFAULT_SMALL_PURCHASE_AMOUNT, SMALL_PURCHASE_THRESHOLDS, smallPurchaseThresholdOn } from './small-purchase-thresholds.js';
import { SmallPurchaseRules, SmallPurchaseThresholdType } from './small-purchase.types.js';

@Resolver()
export class SmallPurchaseResolver {
  @Query(() => SmallPurchaseRules, { description: 'The small-purchase rule: default amount and dated legal thresholds.' })
  smallPurchaseRules(): SmallPurchaseRules {
    const today = new Date().toISOString().slice(0, 10);
    const toType = (line: (typeof SMALL_PURCHASE_THRESHOLDS)[number]) => Object.assign(new SmallPurchaseThresholdType(), line);
    const current = smallPurchaseThresholdOn(today);
    return Object.assign(new SmallPurchaseRules(), {
      defaultAmount: DEFAULT_SMALL_PURCHASE_AMOUNT,
      thresholds: SMALL_PURCHASE_THRESHOLDS.map(toType),
      current: current && toType(current),
    });
  }
}
