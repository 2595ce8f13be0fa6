import { SelfEditableField } from './self-edited-fields.js';
import { DESCRIPTION_COMPLETE_LENGTH, ProfileCompleteness, ProfileField } from './supplier-profile.types.js';
import type { Supplier } from './supplier.types.js';

/**
 * One point per part of the profile that helps a buyer choose; the percentage is the share
 * of points earned. The service area counts once the structure chose it (imports only guess
 * its own département).
 */
export function profileCompleteness(supplier: Supplier, has: { logo: boolean; publishedOffering: boolean }): ProfileCompleteness {
  const done: Record<ProfileField, boolean> = {
    [ProfileField.DESCRIPTION]: [...supplier.description].length >= DESCRIPTION_COMPLETE_LENGTH,
    [ProfileField.CONTACT]: !!(supplier.contact.email || supplier.contact.phone),
    [ProfileField.WEBSITE]: !!supplier.contact.website,
    [ProfileField.SERVICE_TYPES]: supplier.serviceTypes.length > 0,
    [ProfileField.SERVICE_AREA]: supplier.selfEditedFields.includes(SelfEditableField.SERVICE_AREA),
    [ProfileField.CATEGORIES]: supplier.categoryKeys.length > 0,
    [ProfileField.LOGO]: has.logo,
    [ProfileField.PUBLISHED_OFFERING]: has.publishedOffering,
  };
  const fields = Object.values(ProfileField);
  const missing = fields.filter((field) => !done[field]);
  return Object.assign(new ProfileCompleteness(), {
    percent: Math.round((100 * (fields.length - missing.length)) / fields.length),
    missing,
  });
}
