/**
 * SIRET (14 digits: SIREN of 9 + NIC of 5) and SIREN (9 digits) checks and helpers.
 * Pure module: no I/O.
 *
 * Both numbers carry a Luhn checksum, with one historical exception: the establishments
 * of La Poste (SIREN 356 000 000) were numbered before the rule and only satisfy "the sum
 * of the 14 digits is a multiple of 5". Its head office, 356 000 000 00048, passes Luhn
 * but not that rule, so it is accepted through Luhn (same treatment as python-stdnum).
 */

/** SIREN of La Poste, whose establishments do not follow the Luhn rule. */
export const LA_POSTE_SIREN = '356000000';
/** La Poste's head office: passes Luhn, not the sum-of-digits rule. */
export const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

const DIGITS_ONLY = /^[0-9]+$/;
/** Separators people type or paste: spaces, non-breaking and narrow spaces, dots, dashes. */
const SEPARATORS = /[\s\u00a0\u202f.\-\u2010\u2011\u2012\u2013]/g;

/** Luhn sum of a digit string, doubling every second digit from the right. */
function luhnSum(digits: string, doubleRightmost: boolean): number {
  let sum = 0;
  let double = doubleRightmost;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}

/** True when a digit string (any length) passes the Luhn checksum. */
export function passesLuhn(digits: string): boolean {
  return DIGITS_ONLY.test(digits) && luhnSum(digits, false) % 10 === 0;
}

/** The digit to append to `digits` so that the result passes Luhn. */
export function luhnCheckDigit(digits: string): string {
  if (!DIGITS_ONLY.test(digits)) throw new RangeError(`Luhn check digit needs digits only, got "${digits}"`);
  return String((10 - (luhnSum(digits, true) % 10)) % 10);
}

function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += digits.charCodeAt(i) - 48;
  return sum;
}

/** Strips spaces, non-breaking spaces, dots and dashes. Does not validate. */
export function normalizeSiret(input: string): string {
  return input.replace(SEPARATORS, '');
}

export function isValidSiren(value: string): boolean {
  return value.length === 9 && passesLuhn(value);
}

export function isValidSiret(value: string): boolean {
  return siretError(value) === null;
}

/** First 9 digits of a SIRET. */
export function sirenOf(siret: string): string {
  return siret.slice(0, 9);
}

/**
 * Null when `input` is a valid SIRET as given (call normalizeSiret first to accept
 * "123 456 789 00012"), else an English message saying why, fit for an API error.
 */
export function siretError(input: string): string | null {
  if (input.length === 0) return 'SIRET is empty: expected 14 digits.';
  if (!DIGITS_ONLY.test(input)) return `SIRET "${input}" contains characters other than digits: expected 14 digits.`;
  if (input.length !== 14) return `SIRET "${input}" has ${input.length} digits: expected 14.`;
  if (input.startsWith(LA_POSTE_SIREN) && input !== LA_POSTE_HEAD_OFFICE_SIRET) {
    return digitSum(input) % 5 === 0
      ? null
      : `SIRET "${input}" fails the La Poste checksum (the sum of its digits must be a multiple of 5).`;
  }
  if (!passesLuhn(input)) return `SIRET "${input}" fails the checksum (Luhn): a digit is probably wrong.`;
  if (!isValidSiren(sirenOf(input))) return `SIRET "${input}" has an invalid SIREN part (Luhn checksum of the first 9 digits fails).`;
  return null;
}

/** A valid SIREN from its first 8 digits (appends the Luhn check digit). */
export function completeSiren(first8: string): string {
  if (first8.length !== 8 || !DIGITS_ONLY.test(first8)) throw new RangeError(`completeSiren needs 8 digits, got "${first8}"`);
  return first8 + luhnCheckDigit(first8);
}

/**
 * A valid SIRET from its first 13 digits (appends the Luhn check digit). The SIREN part
 * (first 9 digits) must already be valid; La Poste's SIREN is refused since its
 * establishments follow another rule.
 */
export function completeSiret(first13: string): string {
  if (first13.length !== 13 || !DIGITS_ONLY.test(first13)) throw new RangeError(`completeSiret needs 13 digits, got "${first13}"`);
  const siren = sirenOf(first13);
  if (!isValidSiren(siren)) throw new RangeError(`completeSiret: SIREN "${siren}" is not valid`);
  if (siren === LA_POSTE_SIREN) throw new RangeError('completeSiret: La Poste SIRETs do not use the Luhn rule');
  return first13 + luhnCheckDigit(first13);
}

/**
 * A valid SIRET from an 8-digit SIREN body and the first 4 digits of the NIC: the SIREN
 * check digit and the SIRET check digit (last digit of the NIC) are computed.
 */
export function makeSiret(sirenBody8: string, nicFirst4: string): string {
  if (nicFirst4.length !== 4 || !DIGITS_ONLY.test(nicFirst4)) throw new RangeError(`makeSiret needs 4 NIC digits, got "${nicFirst4}"`);
  return completeSiret(completeSiren(sirenBody8) + nicFirst4);
}
