import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Hostile input for tests, above all the API fuzz test (app/fuzz.test.ts): values by input type,
 * the places in a field's arguments where they go, and the GraphQL documents that carry
 * them, as variables or as literals. Everything is derived from the schema, so a new
 * field or input is fuzzed without being listed anywhere.
 */

/** Fisher–Yates with the given generator. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** A number written as is in a document (`1e400`, which JSON cannot carry). */
export class RawLiteral {
  constructor(readonly text: string) {}
}

export type FuzzValue = null | boolean | number | string | RawLiteral | FuzzValue[] | { [key: string]: FuzzValue };

/** A value that must be refused cleanly wherever it goes. */
export interface Hostile {
  value: FuzzValue;
  /** Sent whatever the request budget: the kinds of value that reached SQL or threw (issue 13). */
  always?: boolean;
}

export const HUGE_STRING = 'a'.repeat(100_000);

const base64Json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
/** A global ID of any type name and key (toGlobalId takes only the API's types). */
export const globalId = (typeName: string, key: string | number) => Buffer.from(`${typeName}:${key}`, 'utf8').toString('base64url');

export const HOSTILE_STRINGS: Hostile[] = [
  { value: 'a\u0000b', always: true },
  { value: '\u0000' },
  { value: '\ud800', always: true },
  { value: 'x\udc00y' },
  { value: HUGE_STRING, always: true },
  { value: '' },
  { value: '   ' },
  { value: '🦄'.repeat(40) },
  { value: '9'.repeat(400) },
  { value: "'; SELECT pg_sleep(1); --" },
  { value: '%_\\' },
  { value: '\u202e\u200b\ufeff' },
  { value: 'NaN' },
  { value: 12 },
  { value: { a: 1 } },
];

export const HOSTILE_INTS: Hostile[] = [
  { value: 2_147_483_647, always: true },
  { value: -2_147_483_648, always: true },
  { value: 2_147_483_648 },
  { value: 2 ** 53 },
  { value: -1 },
  { value: 0 },
  { value: 1.5 },
  { value: '1' },
  { value: new RawLiteral('99999999999999999999') },
];

export const HOSTILE_FLOATS: Hostile[] = [
  { value: 5e-324, always: true },
  { value: -5e-324 },
  { value: 1e308, always: true },
  { value: -1e308 },
  { value: new RawLiteral('1e400'), always: true },
  { value: new RawLiteral('-1e400') },
  { value: 1e-300 },
  { value: 2 ** 31 },
  { value: 2 ** 53 + 2 },
  { value: -1 },
  { value: 0 },
  { value: 'NaN' },
  { value: 'Infinity' },
];

export const HOSTILE_DATES: Hostile[] = [
  { value: '0001-01-01T00:00:00Z' },
  { value: '9999-12-31T23:59:59.999Z' },
  { value: '2025-02-30T10:00:00Z' },
  { value: '2025-13-01T00:00:00Z' },
  { value: '+275760-09-13T00:00:00Z' },
  { value: '-000001-01-01T00:00:00Z' },
  { value: '2025-01-01' },
  { value: 'now' },
  { value: 'a\u0000', always: true },
  { value: 1e20 },
];

/** Malformed and tampered global IDs, around a type the position expects. */
export function hostileIds(typeName: string, otherTypeId: string): Hostile[] {
  return [
    { value: globalId(typeName, 2_147_483_648), always: true },
    { value: globalId(typeName, 2 ** 53 + 1) },
    { value: globalId(typeName, '99999999999999999999999') },
    { value: globalId(typeName, -1) },
    { value: globalId(typeName, 0) },
    { value: globalId(typeName, '1.5') },
    { value: globalId(typeName, '1e3') },
    { value: globalId(typeName, ' 1') },
    { value: globalId(typeName, 'a\u0000'), always: true },
    { value: globalId(typeName, 'x'.repeat(5_000)) },
    { value: globalId('Category', 'a\u0000b'), always: true },
    { value: globalId('Commune', '5746\u0000'), always: true },
    { value: globalId('Region', '9'.repeat(40)) },
    { value: globalId('Unicorn', 1) },
    { value: otherTypeId },
    { value: Buffer.from(typeName).toString('base64url') },
    { value: 'garbage!' },
    { value: '' },
    { value: HUGE_STRING },
    { value: '\u0000' },
    { value: 42 },
  ];
}

/** Values a position of a cursor can be tampered with. */
const CURSOR_VALUES: FuzzValue[] = [
  'x', '', 'a\u0000b', '9'.repeat(30), '2025-13-45 99:99:99+00', '2025-02-30 10:00:00+00', '2025-01-01T00:00:00Z',
  2_147_483_648, -1, 1.5, 1e308, 0, true, false, null, { a: 1 }, [1],
];

const decodedCursor = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];

/**
 * Versions of a real cursor (base64url JSON `[ordering, ...values]`) that no list accepts:
 * each value replaced by one of another JSON type (a string where a number was…), the last
 * one (always an id) by 2^31 and 1.5, a value missing, one too many.
 */
export function wrongTypedCursors(cursor: string): string[] {
  const [ordering, ...values] = decodedCursor(cursor);
  const replaced = values.flatMap((value, index) => {
    const others = typeof value === 'number' ? ['x', null] : typeof value === 'string' ? [42, 'a\u0000'] : ['true', 0];
    const ids = index === values.length - 1 ? [2_147_483_648, 1.5] : [];
    return [...others, ...ids].map((wrong) => values.map((original, position) => (position === index ? wrong : original)));
  });
  return [...replaced, values.slice(1), [...values, 1]].map((wrongValues) => base64Json([ordering, ...wrongValues]));
}

/**
 * Tampered versions of a real cursor for the fuzz test: those of `wrongTypedCursors`, another
 * ordering name, and `perPosition` random values at each position (some may be valid).
 */
export function tamperedCursors(cursor: string, random: () => number, perPosition: number): string[] {
  const decoded = decodedCursor(cursor);
  const tampered: unknown[][] = [['NAME', ...decoded.slice(1)], ['x', ...decoded.slice(1)]];
  for (let position = 1; position < decoded.length; position += 1) {
    for (const value of shuffled(CURSOR_VALUES, random).slice(0, perPosition)) {
      tampered.push(decoded.map((original, index) => (index === position ? value : original)));
    }
  }
  return [...wrongTypedCursors(cursor), ...tampered.map(base64Json)];
}

/** Cursors that are no cursor of any list. */
export const MALFORMED_CURSORS: Hostile[] = [
  // The issue's own example: a NAME cursor whose id is a string.
  { value: 'WyJOQU1FIiwiYWFicyBkZW1vIiwieCJd', always: true },
  { value: base64Json(['NAME', 'a\u0000b', 1]), always: true },
  { value: base64Json(['NAME', 'abc', 2_147_483_648]), always: true },
  { value: Buffer.from('["NAME", 1e400, 1]').toString('base64url') },
  { value: base64Json([]) },
  { value: base64Json({ NAME: 1 }) },
  { value: base64Json(null) },
  { value: base64Json('NAME') },
  { value: 'garbage!' },
  { value: '' },
  { value: HUGE_STRING },
  { value: '\ud800' },
];

/** A place in a field's arguments: argument name, then input field names and list indexes. */
export type ArgumentPath = (string | number)[];

export interface Place {
  path: ArgumentPath;
  type: GraphQLInputType;
  /** The input object field the place is (or is an item of), with the object's path. */
  owner?: { type: GraphQLInputObjectType; field: string; path: ArgumentPath };
}

/** Every place of a field's arguments, down the input objects (to `maxDepth`) and into lists. */
export function placesOf(args: readonly GraphQLArgument[], maxDepth = 4): Place[] {
  const places: Place[] = [];
  const visit = (path: ArgumentPath, type: GraphQLInputType, depth: number, owner: Place['owner']) => {
    places.push({ path, type, owner });
    const nullable = getNullableType(type);
    if (isListType(nullable)) return visit([...path, 0], nullable.ofType, depth, owner);
    if (!isInputObjectType(nullable) || depth >= maxDepth) return;
    for (const field of Object.values(nullable.getFields())) {
      visit([...path, field.name], field.type, depth + 1, { type: nullable, field: field.name, path });
    }
  };
  for (const arg of args) visit([arg.name], arg.type, 0, undefined);
  return places;
}

/** The value with `value` at `path`, building the objects and lists on the way (with `fill` for new objects). */
export function withValueAt(
  root: Record<string, FuzzValue>,
  path: ArgumentPath,
  value: FuzzValue,
  fill: (objectPath: ArgumentPath) => Record<string, FuzzValue>,
): Record<string, FuzzValue> {
  const copy = structuredCopy(root) as Record<string, FuzzValue>;
  let node: Record<string | number, FuzzValue> = copy;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = path[index + 1];
    const existing = node[key];
    if (typeof next === 'number') {
      if (!Array.isArray(existing)) node[key] = [];
    } else if (existing === null || typeof existing !== 'object' || Array.isArray(existing) || existing instanceof RawLiteral) {
      node[key] = fill(path.slice(0, index + 1));
    }
    node = node[key] as Record<string | number, FuzzValue>;
  });
  return copy;
}

function structuredCopy(value: FuzzValue): FuzzValue {
  if (value instanceof RawLiteral || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(structuredCopy);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, structuredCopy(item)]));
}

/** Whether a value holds a RawLiteral (then it can only travel as a literal). */
export function holdsRawLiteral(value: FuzzValue): boolean {
  if (value instanceof RawLiteral) return true;
  if (value === null || typeof value !== 'object') return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(holdsRawLiteral);
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A value written as a GraphQL literal for a place of the given type (enum names bare). */
export function printLiteral(value: FuzzValue, type: GraphQLInputType | undefined): string {
  if (value instanceof RawLiteral) return value.text;
  if (value === null) return 'null';
  const nullable = type && getNullableType(type);
  if (typeof value === 'string') return isEnumType(nullable) && NAME.test(value) ? value : JSON.stringify(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) {
    const itemType = isListType(nullable) ? nullable.ofType : undefined;
    return `[${value.map((item) => printLiteral(item, itemType)).join(', ')}]`;
  }
  const fields = isInputObjectType(nullable) ? nullable.getFields() : {};
  return `{${Object.entries(value)
    .map(([key, item]) => `${NAME.test(key) ? key : 'invalidName'}: ${printLiteral(item, fields[key]?.type)}`)
    .join(', ')}}`;
}

/**
 * A small selection of an output type: its scalar fields without arguments and, one level
 * down, those of its object fields (enough to reach cursors: `edges { cursor }`,
 * `pageInfo { endCursor }`).
 */
export function selectionOf(schema: GraphQLSchema, type: GraphQLNamedType, depth = 0): string {
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.length > 0) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (depth === 0 && (isObjectType(named) || isInterfaceType(named))) parts.push(`${field.name} { ${selectionOf(schema, named, depth + 1)} }`);
  }
  if (isInterfaceType(type)) parts.push(...schema.getPossibleTypes(type).slice(0, 3).map((possible) => `... on ${possible.name} { __typename }`));
  return parts.join(' ');
}

/** A field to call: a root field, or a field of an object reached through a root field (`wrap`). */
export interface Target {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  label: string;
  /** Puts the field's call inside the root field that leads to its object. */
  wrap: (inner: string) => string;
}

/** One call of a target with its argument values, as variables or as literals. */
export function documentFor(schema: GraphQLSchema, target: Target, args: Record<string, FuzzValue>, asLiterals: boolean) {
  const given = target.field.args.filter((arg) => args[arg.name] !== undefined);
  const literal = asLiterals || given.some((arg) => holdsRawLiteral(args[arg.name]));
  const call = given.length
    ? `(${given.map((arg, index) => `${arg.name}: ${literal ? printLiteral(args[arg.name], arg.type) : `$a${index}`}`).join(', ')})`
    : '';
  const declarations = literal || !given.length ? '' : `(${given.map((arg, index) => `$a${index}: ${String(arg.type)}`).join(', ')})`;
  const selection = selectionOf(schema, getNamedType(target.field.type));
  const body = `${target.field.name}${call}${selection ? ` { ${selection} }` : ''}`;
  const query = `${target.operation} Fuzz${declarations} { ${target.wrap(body)} }`;
  const variables = literal ? {} : Object.fromEntries(given.map((arg, index) => [`a${index}`, args[arg.name]]));
  return { query, variables };
}
