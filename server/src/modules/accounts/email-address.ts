import { isEmail } from 'class-validator';

export const EMAIL_MAX_LENGTH = 254;

/** How email addresses are stored and compared: trimmed, lower-cased, Unicode NFC. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** Why a normalised address is not acceptable (French), or null. */
export function emailProblem(email: string): { code: 'BLANK' | 'INVALID' | 'TOO_LONG'; message: string } | null {
  if (email === '') return { code: 'BLANK', message: 'Indiquez votre adresse électronique.' };
  if (email.length > EMAIL_MAX_LENGTH) {
    return { code: 'TOO_LONG', message: `L'adresse électronique ne peut pas dépasser ${EMAIL_MAX_LENGTH} caractères.` };
  }
  if (!isEmail(email)) {
    return { code: 'INVALID', message: "Cette adresse électronique n'est pas valide (exemple : prenom.nom@mairie-exemple.fr)." };
  }
  return null;
}
