import type {
  CreateOfferingInput, EditableOfferingFragment, PriceUnit, ServiceType, UpdateOfferingInput,
} from '../../graphql/generated/graphql';
import { parseEuros, parseInteger } from './form-errors';
import { serviceAreaDraftOf, serviceAreaInputOf, type ServiceAreaDraft } from './service-area-draft';

/** What the offering form holds: text as typed (amounts with a decimal comma). */
export interface OfferingDraft {
  title: string;
  description: string;
  categoryId: string;
  serviceType: ServiceType;
  priceFrom: string;
  priceTo: string;
  priceUnit: PriceUnit | '';
  minimumOrderAmount: string;
  leadTimeDays: string;
  /** Its own service area; kind '' for its structure's. */
  area: ServiceAreaDraft;
}

export type OfferingDraftField = keyof OfferingDraft;

const euros = (amount: number | null | undefined) => (amount == null ? '' : String(amount).replace('.', ','));

export function offeringDraftOf(offering: EditableOfferingFragment | null): OfferingDraft {
  return {
    title: offering?.title ?? '',
    description: offering?.description ?? '',
    categoryId: offering?.category.id ?? '',
    serviceType: offering?.serviceType ?? 'SERVICES',
    priceFrom: euros(offering?.price?.amountFrom),
    priceTo: euros(offering?.price?.amountTo),
    priceUnit: offering?.price?.unit ?? '',
    minimumOrderAmount: euros(offering?.minimumOrderAmount),
    leadTimeDays: offering?.leadTimeDays == null ? '' : String(offering.leadTimeDays),
    area: serviceAreaDraftOf(offering?.hasOwnServiceArea ? offering.serviceArea : null),
  };
}

export function changedOfferingFields(from: OfferingDraft, to: OfferingDraft): OfferingDraftField[] {
  return (Object.keys(from) as OfferingDraftField[]).filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]));
}

const AMOUNT_PROBLEM = 'Indiquez un montant en euros (exemple : 12,50).';

export interface ParsedOffering {
  values: Omit<CreateOfferingInput, 'supplierId'>;
  /** Local problems by field path ("price.from"), in French. */
  problems: Record<string, string>;
}

/** The typed values as the API takes them; amounts accept "12,50", "12.50" and "1 200". */
export function parseOffering(draft: OfferingDraft): ParsedOffering {
  const problems: Record<string, string> = {};
  const amount = (typed: string, field: string) => {
    const value = parseEuros(typed);
    if (Number.isNaN(value)) problems[field] = AMOUNT_PROBLEM;
    return Number.isNaN(value) ? null : value;
  };
  const from = amount(draft.priceFrom, 'price.from');
  const to = amount(draft.priceTo, 'price.to');
  const minimumOrderAmount = amount(draft.minimumOrderAmount, 'minimumOrderAmount');
  const leadTimeDays = parseInteger(draft.leadTimeDays);
  if (Number.isNaN(leadTimeDays)) problems.leadTimeDays = 'Indiquez un nombre entier de jours (exemple : 15).';
  if (from === null && (to !== null || draft.priceUnit) && !problems['price.from']) {
    problems['price.from'] = 'Indiquez le prix, ou laissez les champs de prix vides pour une offre sur devis.';
  }
  if (!draft.categoryId) problems.categoryId = 'Choisissez une catégorie.';
  const { area, problems: areaProblems } = serviceAreaInputOf(draft.area);
  Object.assign(problems, areaProblems);
  return {
    values: {
      title: draft.title,
      description: draft.description,
      categoryId: draft.categoryId,
      serviceType: draft.serviceType,
      price: from === null ? null : { from, to, unit: draft.priceUnit || null },
      minimumOrderAmount,
      leadTimeDays: Number.isNaN(leadTimeDays) ? null : leadTimeDays,
      serviceArea: area,
    },
    problems,
  };
}

/** Only what changed since the version read, so that a colleague's other changes are kept. */
export function updateInput(draft: OfferingDraft, base: EditableOfferingFragment, values: ParsedOffering['values']): UpdateOfferingInput {
  const changed = new Set(changedOfferingFields(offeringDraftOf(base), draft));
  const input: UpdateOfferingInput = { offeringId: base.id, version: base.version };
  if (changed.has('title')) input.title = values.title;
  if (changed.has('description')) input.description = values.description;
  if (changed.has('categoryId')) input.categoryId = values.categoryId;
  if (changed.has('serviceType')) input.serviceType = values.serviceType;
  if (changed.has('priceFrom') || changed.has('priceTo') || changed.has('priceUnit')) input.price = values.price;
  if (changed.has('minimumOrderAmount')) input.minimumOrderAmount = values.minimumOrderAmount;
  if (changed.has('leadTimeDays')) input.leadTimeDays = values.leadTimeDays;
  if (changed.has('area')) input.serviceArea = values.serviceArea;
  return input;
}
