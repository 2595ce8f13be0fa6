import { randomInt } from 'node:crypto';
import { newSecretToken, tokenDigest } from '../accounts/secret-token.js';

/**
 * An API key reads `ai_<8 characters>_<43 characters>`: the first part (`ai_` and 8
 * characters) is the visible prefix, shown in lists and logs; the rest is 256 random bits.
 * Only the SHA-256 of the whole key is stored.
 */
const KEY_PATTERN = /^(ai_[a-z0-9]{8})_[A-Za-z0-9_-]{43}$/;
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export interface NewApiKey {
  key: string;
  prefix: string;
  digest: Buffer;
}

export function newApiKey(): NewApiKey {
  const prefix = `ai_${Array.from({ length: 8 }, () => PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)]).join('')}`;
  const key = `${prefix}_${newSecretToken()}`;
  return { key, prefix, digest: tokenDigest(key) };
}

/** The prefix and digest of a key as sent by a client; null when it cannot be one of ours. */
export function parseApiKey(key: string): { prefix: string; digest: Buffer } | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { prefix: match[1], digest: tokenDigest(key) } : null;
}

