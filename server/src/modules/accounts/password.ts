import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the parameters OWASP recommends (19 MiB, 2 passes, 1 lane); these are the
 * library's defaults, spelled out so that a library upgrade cannot change them silently.
 */
const PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${PARAMETERS.memoryCost},t=${PARAMETERS.timeCost},p=${PARAMETERS.parallelism}$`;

export const PASSWORD_MIN_LENGTH = 12;
/** Far above any passphrase; stops megabyte "passwords" sent to burn CPU. */
export const PASSWORD_MAX_LENGTH = 256;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMETERS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash made with other parameters is replaced at the next successful sign-in. */
export function needsRehash(passwordHash: string): boolean {
  return !passwordHash.startsWith(CURRENT_PREFIX);
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the time of a real verification for an unknown email address, so that the answer
 * time does not tell whether an account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
  return false;
}

export type PasswordProblem = { code: 'TOO_SHORT' | 'TOO_LONG' | 'WEAK_PASSWORD'; message: string };

/** The password policy; null when the password is acceptable. Length counts characters, not bytes. */
export function passwordProblem(password: string, email: string | null): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return {
      code: 'TOO_SHORT',
      message:
        `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères. ` +
        'La longueur protège mieux que la complexité : une phrase de quelques mots, facile à retenir, convient très bien.',
    };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { code: 'TOO_LONG', message: `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.` };
  }
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return { code: 'WEAK_PASSWORD', message: "Le mot de passe ne peut pas être votre adresse électronique." };
  }
  return null;
}
