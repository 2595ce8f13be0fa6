import { isEmail } from 'class-validator';
import { isStorableText } from '../../core/graphql/input-text.js';

export const EMAIL_MAX_LENGTH = 254;

/** How email addresses are stored and compared: trimmed, lower-cased, Unicode NFC. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/**
 * Whether a string is an e-mail address. Never throws: class-validator's isEmail measures
 * with encodeURI, which throws URIError on a lone surrogate, so such text is refused first.
 */
export function isEmailAddress(value: string): boolean {
  return isStorableText(value) && isEmail(value);
}

/** Why a normalised address is not acceptable (French), or null. */
export function emailProblem(email: string): { code: 'BLANK' | 'INVALID' | 'TOO_LONG'; message: string } | null {
  if (email === '') return { code: 'BLANK', message: 'Indiquez votre adresse électronique.' };
  if (email.length > EMAIL_MAX_LENGTH) {
    return { code: 'TOO_LONG', message: `L'adresse électronique ne peut pas dépasser ${EMAIL_MAX_LENGTH} caractères.` };
  }
  if (!isEmailAddress(email)) {
    return { code: 'INVALID', message: "Cette adresse électronique n'est pas valide (exemple : prenom.nom@mairie-exemple.fr)." };
  }
  return null;
}
