import type { PriceUnit, ServiceAreaKind, ServiceType } from '../graphql/generated/graphql';

/** What the offering card shows: a published offering, or the preview of the form. */
export interface OfferingCardData {
  title: string;
  description: string;
  serviceType: ServiceType;
  minimumOrderAmount?: number | null;
  leadTimeDays?: number | null;
  hasOwnServiceArea: boolean;
  category: { name: string } | null;
  price?: { amountFrom: number; amountTo?: number | null; unit: PriceUnit } | null;
  serviceArea?: { kind: ServiceAreaKind; radiusKm?: number | null; regions: { name: string }[]; departements: { name: string }[] } | null;
  /** On the supplier page: the API's `directPurchasePossible(amount)`. */
  directPurchasePossible?: boolean;
}
