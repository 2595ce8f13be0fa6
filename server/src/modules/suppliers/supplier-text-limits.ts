import { EMAIL_MAX_LENGTH } from '../accounts/email-address.js';

/**
 * Length limits of a supplier's text fields, in characters (Unicode code points, what a
 * person counts): one definition for what structures type (supplier-profile.rules.ts,
 * supplier-profile.service.ts) and what imports accept (imports/record-checks.ts), so that
 * a source cannot publish what the forms would refuse.
 */
export const SUPPLIER_TEXT_LIMITS = {
  legalName: 200,
  brandName: 120,
  description: 5000,
  /** Street line(s): number, street, complement. */
  address: 300,
  email: EMAIL_MAX_LENGTH,
  phone: 30,
  website: 500,
  /** One network or label. */
  tag: 60,
} as const;

export type SupplierTextField = keyof typeof SUPPLIER_TEXT_LIMITS;

export { characterCount } from '../../core/character-count.js';
