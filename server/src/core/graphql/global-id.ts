import { badUserInput } from './errors.js';

/**
 * Global object identification (Relay): an opaque ID that names the type and the key.
 * Clients must not parse it; we keep it readable base64url of "Type:key".
 *
 * The one decoder (`fromGlobalId`) checks the key against the shape of its type's keys, so
 * that no resolver receives a key the database would choke on (an integer beyond
 * PostgreSQL's `integer`, a NUL in a slug…): a tampered ID is BAD_USER_INPUT wherever it
 * is given (`node`, `nodes`, arguments, input fields, filters).
 */

interface KeyShape<TKind extends string> {
  kind: TKind;
  test(key: string): boolean;
}

const INT4_MAX = 2_147_483_647;
const INT8_MAX = 9_223_372_036_854_775_807n;

/** An identity key in PostgreSQL's `integer`: 1 to 2 147 483 647, digits only. */
const INT4_KEY: KeyShape<'int4'> = { kind: 'int4', test: (key) => /^[1-9]\d{0,9}$/.test(key) && Number(key) <= INT4_MAX };
/** An identity key in PostgreSQL's `bigint`. */
const INT8_KEY: KeyShape<'int8'> = { kind: 'int8', test: (key) => /^[1-9]\d{0,18}$/.test(key) && BigInt(key) <= INT8_MAX };
/** A slug of the category taxonomy: kebab-case ASCII. */
const SLUG_KEY: KeyShape<'slug'> = { kind: 'slug', test: (key) => key.length <= 100 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key) };
/** An official territory code (région "84", département "2A" or "971", commune "57463"). */
const CODE_KEY: KeyShape<'code'> = { kind: 'code', test: (key) => /^[0-9][0-9AB][0-9]{0,3}$/.test(key) };

/** Every type that has global IDs, with the shape of its keys. */
const KEY_SHAPES = {
  Account: INT4_KEY,
  ApiKey: INT4_KEY,
  Category: SLUG_KEY,
  CategoryGroup: SLUG_KEY,
  ChangeLogEntry: INT8_KEY,
  Commune: CODE_KEY,
  Departement: CODE_KEY,
  Offering: INT4_KEY,
  Region: CODE_KEY,
  Shortlist: INT4_KEY,
  Supplier: INT4_KEY,
  SupplierClaim: INT4_KEY,
  SupplierInvitation: INT4_KEY,
  SupplierProposal: INT4_KEY,
};

export type GlobalIdType = keyof typeof KEY_SHAPES;
type TypesKeyedBy<TKind extends string> = { [T in GlobalIdType]: (typeof KEY_SHAPES)[T] extends KeyShape<TKind> ? T : never }[GlobalIdType];
/** Types whose key is an `integer` identity. */
export type IntegerKeyedType = TypesKeyedBy<'int4'>;
/** Types whose key is a slug or a code. */
export type TextKeyedType = TypesKeyedBy<'slug' | 'code'>;

export function toGlobalId(typeName: GlobalIdType, key: string | number): string {
  return Buffer.from(`${typeName}:${key}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  /** A type of this API, or another name (never a type of ours: `node` answers null). */
  typeName: string;
  key: string;
}

function isGlobalIdType(typeName: string): typeName is GlobalIdType {
  return Object.hasOwn(KEY_SHAPES, typeName);
}

/** The ID as shown in a message: quoted, cut when long. */
function shown(id: string): string {
  return JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id);
}

function invalidId(id: string, argument: string, expected?: GlobalIdType) {
  const what = expected ? `l'identifiant d'un objet ${expected} est attendu` : 'ce n\'est pas un identifiant de cette API';
  return badUserInput(`Identifiant invalide pour "${argument}" : ${shown(id)} (${what}).`, argument);
}

/**
 * Decodes a global ID; BAD_USER_INPUT when it is malformed or when its key does not have
 * the shape of its type's keys. A well-formed ID of a type we do not have is returned as is.
 */
export function fromGlobalId(id: string, argument = 'id'): DecodedGlobalId {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  const typeName = decoded.slice(0, separator);
  const key = decoded.slice(separator + 1);
  if (separator <= 0 || key === '' || Buffer.from(decoded, 'utf8').toString('base64url') !== id) throw invalidId(id, argument);
  if (isGlobalIdType(typeName) && !KEY_SHAPES[typeName].test(key)) throw invalidId(id, argument);
  return { typeName, key };
}

function keyOf(id: string, typeName: GlobalIdType, argument: string): string {
  const decoded = fromGlobalId(id, argument);
  if (decoded.typeName !== typeName) throw invalidId(id, argument, typeName);
  return decoded.key;
}

/** The key of an ID that must name the given type, whose keys are `integer` identities. */
export function integerKeyOf(id: string, typeName: IntegerKeyedType, argument = 'id'): number {
  return Number(keyOf(id, typeName, argument));
}

/** The key (slug or code) of an ID that must name the given type. */
export function textKeyOf(id: string, typeName: TextKeyedType, argument = 'id'): string {
  return keyOf(id, typeName, argument);
}
