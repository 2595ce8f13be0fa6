import type { EditableProfileFragment, ServiceType, UpdateSupplierProfileInput } from '../../graphql/generated/graphql';
import { parseInteger } from './form-errors';
import { serviceAreaDraftOf, serviceAreaInputOf, type ServiceAreaDraft } from './service-area-draft';

/** What the profile form holds: text as typed, so that nothing typed is ever lost. */
export interface ProfileDraft {
  description: string;
  brandName: string;
  email: string;
  phone: string;
  website: string;
  headcount: string;
  serviceTypes: ServiceType[];
  area: ServiceAreaDraft;
  /** Comma-separated. */
  tags: string;
  categoryIds: string[];
}

export type DraftField = keyof ProfileDraft;

export function draftOf(supplier: EditableProfileFragment): ProfileDraft {
  return {
    description: supplier.description,
    brandName: supplier.brandName ?? '',
    email: supplier.contact.email ?? '',
    phone: supplier.contact.phone ?? '',
    website: supplier.contact.website ?? '',
    headcount: supplier.headcount == null ? '' : String(supplier.headcount),
    serviceTypes: [...supplier.serviceTypes].sort(),
    area: serviceAreaDraftOf(supplier.serviceArea),
    tags: supplier.tags.join(', '),
    categoryIds: supplier.categories.map((category) => category.id).sort(),
  };
}

/** Fields whose values differ between two drafts. */
export function changedFields(from: ProfileDraft, to: ProfileDraft): DraftField[] {
  return (Object.keys(from) as DraftField[]).filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]));
}

/**
 * The edit to send: only the fields changed since the version read (a colleague's change
 * to another field is kept). Local problems (a headcount that is not a number) come back
 * by field, in French; the server checks the rest.
 */
export function profileInput(
  draft: ProfileDraft,
  base: EditableProfileFragment,
): { input: UpdateSupplierProfileInput; problems: Record<string, string> } {
  const changed = new Set(changedFields(draftOf(base), draft));
  const input: UpdateSupplierProfileInput = { supplierId: base.id, version: base.version };
  const problems: Record<string, string> = {};
  for (const field of ['description', 'brandName', 'email', 'phone', 'website'] as const) {
    if (changed.has(field)) input[field] = draft[field];
  }
  if (changed.has('headcount')) {
    const headcount = parseInteger(draft.headcount);
    if (Number.isNaN(headcount)) problems.headcount = 'Indiquez un nombre entier de personnes (exemple : 25).';
    else input.headcount = headcount;
  }
  if (changed.has('serviceTypes')) input.serviceTypes = draft.serviceTypes;
  if (changed.has('tags')) input.tags = draft.tags.split(',').map((tag) => tag.trim()).filter(Boolean);
  if (changed.has('categoryIds')) input.categoryIds = draft.categoryIds;
  if (changed.has('area')) {
    const { area, problems: areaProblems } = serviceAreaInputOf(draft.area);
    Object.assign(problems, areaProblems);
    if (area) input.serviceArea = area;
  }
  return { input, problems };
}
