import { badUserInput } from './errors.js';

/**
 * Global object identification (Relay): an opaque ID that names the type and the key.
 * Clients must not parse it; we keep it readable base64url of "Type:key".
 */
export function toGlobalId(typeName: string, key: string | number): string {
  return Buffer.from(`${typeName}:${key}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  typeName: string;
  key: string;
}

export function fromGlobalId(id: string, argument = 'id'): DecodedGlobalId {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0 || separator === decoded.length - 1 || toGlobalId(decoded.slice(0, separator), decoded.slice(separator + 1)) !== id) {
    throw badUserInput(`"${id}" is not a valid ID`, argument);
  }
  return { typeName: decoded.slice(0, separator), key: decoded.slice(separator + 1) };
}

/** Decodes an ID that must name the given type and carry an integer key. */
export function integerKeyOf(id: string, typeName: string, argument = 'id'): number {
  const decoded = fromGlobalId(id, argument);
  const key = Number(decoded.key);
  if (decoded.typeName !== typeName || !Number.isSafeInteger(key) || key <= 0) {
    throw badUserInput(`"${id}" is not the ID of a ${typeName}`, argument);
  }
  return key;
}
