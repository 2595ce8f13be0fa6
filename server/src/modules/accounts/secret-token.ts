import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh unguessable token (256 bits, base64url: 43 characters) for a cookie or a link. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored for a token: its SHA-256 (a database leak gives no usable session or link). */
export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Compares two secrets in constant time. */
export function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
