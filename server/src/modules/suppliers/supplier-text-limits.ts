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

/** Characters of a text as the limits count them: code points (an emoji or a CJK character counts once). */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
