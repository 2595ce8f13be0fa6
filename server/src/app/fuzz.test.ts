import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, expect, it } from 'vitest';
import { addMembership, GOOD_PASSWORD, signedIn, testEmail, type ViewerData } from '../test-support/accounts.js';
import { insertSupplier, refreshSearchWords } from '../test-support/factories.js';
import {
  documentFor, globalId, HOSTILE_DATES, HOSTILE_FLOATS, HOSTILE_INTS, HOSTILE_STRINGS, hostileIds, HUGE_STRING, MALFORMED_CURSORS, placesOf, printLiteral, shuffled,
  tamperedCursors, withValueAt, type ArgumentPath, type FuzzValue, type Hostile, type Target,
} from '../test-support/hostile-input.js';
import type { GraphQLResponse, TestBrowser } from '../test-support/test-server.js';
import { useTestServer } from '../test-support/test-server.js';
import { seededRandom } from '../core/seeded-random.js';
import { buildAppSchema } from './schema.js';

/**
 * Fuzz test of the whole API over real HTTP and PostgreSQL: every root query and mutation
 * (and every field with arguments reached through one), as an anonymous client and as a
 * signed-in admin who owns a supplier (CSRF token sent), gets hostile values argument by
 * argument: huge strings, NUL, lone surrogates, out-of-range and denormal numbers, 2^31 and
 * 2^53, malformed and tampered global IDs and cursors, wrong enum values, odd input objects,
 * and more than 50 invalid variables. Any HTTP 5xx or INTERNAL_SERVER_ERROR fails, with the
 * request that caused it. Seeded and bounded: the same requests each run.
 */

const SEED = 13_02;
const MAX_REQUESTS = 3_000;
/** Share of the non-essential hostile values the anonymous client sends (it is stopped early by most mutations). */
const ANONYMOUS_SHARE = 0.25;

const NO_LIMIT = { points: 1_000_000, durationSeconds: 1 };
const app = useTestServer({
  throttleLimits: {
    signInPerEmailAndIp: NO_LIMIT, signInPerIp: NO_LIMIT, passwordResetPerEmail: NO_LIMIT, passwordResetPerIp: NO_LIMIT,
    signUpPerIp: NO_LIMIT, emailVerificationPerAccount: NO_LIMIT,
  },
});

let schema: GraphQLSchema;
/** Good values of the seeded records. */
const good = { supplierId: '', offeringId: '', shortlistId: '', categoryId: globalId('Category', 'tonte-debroussaillage'), siret: '' };
interface Admin {
  browser: TestBrowser;
  email: string;
  passwordHash: string;
}
/** Two admins who own the seeded supplier: one reads, the other runs the mutations (which may sign it out). */
const admins = {} as { reader: Admin; writer: Admin };

/** A signed-in admin, OWNER of the supplier, with the hash of its password (to put it back). */
async function ownerAdmin(supplierKey: number): Promise<Admin> {
  const { db } = app.database;
  const caller = await signedIn(app.server, db, 'ADMIN');
  await addMembership(db, caller.email, supplierKey, 'OWNER');
  const [{ password_hash: passwordHash }] = await db.query('SELECT password_hash FROM account WHERE email = $1', [caller.email]);
  return { ...caller, passwordHash };
}

beforeAll(async () => {
  schema = await buildAppSchema();
  const { db } = app.database;
  const supplierKey = await insertSupplier(db, {
    legalName: 'Les Jardins de Metz',
    tags: ['bio'],
    offerings: [{ title: 'Tonte des pelouses', categorySlug: 'tonte-debroussaillage', priceFrom: 35 }],
  });
  // Removed from the directory: the removal lists have rows (and cursors).
  const removedKey = await insertSupplier(db, { offerings: [{ title: 'Taille de haies', categorySlug: 'taille-haies', priceFrom: 50 }] });
  await db.query('UPDATE supplier SET published = false WHERE id = $1', [removedKey]);
  await db.query('SELECT refresh_supplier_search($1::int[])', [[removedKey]]);
  await refreshSearchWords(db);
  const [{ id: offeringKey, siret }] = await db.query(
    'SELECT o.id, s.siret FROM offering o JOIN supplier s ON s.id = o.supplier_id WHERE s.id = $1',
    [supplierKey],
  );
  Object.assign(good, { supplierId: globalId('Supplier', supplierKey), offeringId: globalId('Offering', offeringKey), siret });

  admins.reader = await ownerAdmin(supplierKey);
  admins.writer = await ownerAdmin(supplierKey);
  const list = await admins.writer.browser.query<{ createShortlist: { shortlist: { id: string } } }>(
    'mutation { createShortlist(input: { name: "Fuzz" }) { shortlist { id } } }',
  );
  good.shortlistId = list.data!.createShortlist.shortlist.id;
  await admins.writer.browser.query('mutation { createApiKey(input: { name: "Fuzz" }) { apiKey { id } } }');
});

/** The type of record an ID argument names, from its name (`supplierId`, `categoryIds`…). */
const ID_TYPES: Record<string, string> = {
  id: 'Supplier', ids: 'Supplier', supplierId: 'Supplier', supplierIds: 'Supplier', offeringId: 'Offering', shortlistId: 'Shortlist',
  categoryId: 'Category', categoryIds: 'Category', claimId: 'SupplierClaim', invitationId: 'SupplierInvitation',
  proposalId: 'SupplierProposal', apiKeyId: 'ApiKey', accountId: 'Account',
};

function goodId(name: string): string {
  const type = ID_TYPES[name] ?? 'Supplier';
  const known: Record<string, string> = { Supplier: good.supplierId, Offering: good.offeringId, Shortlist: good.shortlistId, Category: good.categoryId };
  return known[type] ?? globalId(type, 1);
}

/** Plausible values, so that a call gets past its first checks: by `field.argument`, then by name. */
const GOOD_STRINGS: Record<string, () => string> = {
  'region.code': () => '44',
  'departement.code': () => '57',
  'departements.regionCode': () => '44',
  'category.slug': () => 'tonte-debroussaillage',
  'supplier.siret': () => good.siret,
  code: () => '57463',
  communeCode: () => '57463',
  regionCode: () => '44',
  departementCode: () => '57',
  groupSlug: () => 'espaces-verts',
  search: () => 'metz',
  email: () => testEmail('fuzz'),
  password: () => GOOD_PASSWORD,
  currentPassword: () => GOOD_PASSWORD,
  newPassword: () => GOOD_PASSWORD,
};

/** A value for a place, or undefined to leave an optional one out (`first` is always given). */
function goodValue(fieldName: string, name: string, type: GraphQLInputType, required: boolean): FuzzValue | undefined {
  if (!required && name !== 'first') return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = goodValue(fieldName, name, nullable.ofType, true);
    return item === undefined ? [] : [item];
  }
  if (isInputObjectType(nullable)) return requiredFields(fieldName, nullable.getFields());
  if (isEnumType(nullable)) return nullable.getValues()[0].value as string;
  const scalar = getNamedType(type).name;
  if (scalar === 'ID') return goodId(name);
  if (scalar === 'Int') return name === 'first' ? 2 : 1;
  if (scalar === 'Float') return 1;
  if (scalar === 'Boolean') return false;
  if (scalar === 'DateTime') return '2025-01-01T00:00:00Z';
  if (scalar === 'Date') return '2025-01-01';
  return (GOOD_STRINGS[`${fieldName}.${name}`] ?? GOOD_STRINGS[name])?.() ?? 'Fuzz';
}

function requiredFields(fieldName: string, fields: Record<string, { name: string; type: GraphQLInputType; defaultValue?: unknown }>) {
  const value: Record<string, FuzzValue> = {};
  for (const field of Object.values(fields)) {
    const required = isNonNullType(field.type) && field.defaultValue === undefined;
    const item = goodValue(fieldName, field.name, field.type, required);
    if (item !== undefined) value[field.name] = item;
  }
  return value;
}

function goodArgs(fieldName: string, args: readonly GraphQLArgument[]): Record<string, FuzzValue> {
  return requiredFields(fieldName, Object.fromEntries(args.map((arg) => [arg.name, arg])));
}

/** Hostile values for a place, by its type (and its name, for IDs and cursors). */
function hostileValues(name: string | number, type: GraphQLInputType): Hostile[] {
  const nullable = getNullableType(type);
  const structural: Hostile[] = [{ value: null }, { value: { deep: { deeper: { deepest: [1, 2, 3] } } } }];
  if (isListType(nullable)) {
    return [...structural, { value: [] }, { value: Array.from({ length: 1_000 }, (_unused, index) => `x${index}`) }, { value: [[['nested']]] }];
  }
  if (isInputObjectType(nullable)) {
    let deep: FuzzValue = {};
    for (let level = 0; level < 500; level += 1) deep = { unknownField: deep };
    return [...structural, { value: {} }, { value: deep }, { value: 'x' }];
  }
  if (isEnumType(nullable)) return [{ value: 'NOT_A_VALUE' }, { value: '' }, { value: 1 }, { value: nullable.getValues()[0].value.toLowerCase() }];
  switch (getNamedType(type).name) {
    case 'ID':
      return hostileIds(ID_TYPES[String(name)] ?? 'Supplier', good.offeringId);
    case 'Int':
      return HOSTILE_INTS;
    case 'Float':
      return HOSTILE_FLOATS;
    case 'Boolean':
      return [{ value: 'true' }, { value: 1 }];
    case 'DateTime':
    case 'Date':
      return HOSTILE_DATES;
    default:
      return name === 'after' ? MALFORMED_CURSORS : HOSTILE_STRINGS;
  }
}

interface FuzzRequest {
  target: Target;
  args: Record<string, FuzzValue>;
  asLiterals: boolean;
  always: boolean;
}

/** Every field to call: root fields, and fields with arguments of an object a root query returns. */
function targets(): Target[] {
  const roots = (operation: 'query' | 'mutation') => {
    const type = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    return Object.values(type.getFields()).map((field) => ({ operation, field, label: `${operation} ${field.name}`, wrap: (inner: string) => inner }));
  };
  const all: Target[] = [...roots('query'), ...roots('mutation')];
  const queries = Object.values(schema.getQueryType()!.getFields());
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type === schema.getQueryType() || type === schema.getMutationType() || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()).filter((candidate) => candidate.args.length > 0)) {
      // A root query returning the type itself, or a connection of it.
      for (const root of queries) {
        const returned = getNamedType(root.type);
        const node = isObjectType(returned) ? returned.getFields().edges && getNamedType(returned.getFields().edges.type) : undefined;
        const nodeType = node && isObjectType(node) ? getNamedType(node.getFields().node?.type) : undefined;
        if (returned !== type && nodeType !== type) continue;
        const args = goodArgs(root.name, root.args);
        const call = Object.keys(args).length
          ? `(${root.args.filter((arg) => args[arg.name] !== undefined).map((arg) => `${arg.name}: ${printLiteral(args[arg.name], arg.type)}`).join(', ')})`
          : '';
        const wrap = returned === type ? (inner: string) => `${root.name}${call} { ${inner} }` : (inner: string) => `${root.name}${call} { edges { node { ${inner} } } }`;
        all.push({ operation: 'query', field, label: `query ${root.name} > ${type.name}.${field.name}`, wrap });
        break;
      }
    }
  }
  return all;
}

type Caller = 'anonymous' | 'reader' | 'writer';

/** Requests sent so far (harvest of cursors and sign-ins again included). */
let sent = 0;

async function send(browser: TestBrowser | null, request: { query: string; variables: Record<string, unknown> }): Promise<GraphQLResponse<unknown>> {
  sent += 1;
  return browser ? browser.query(request.query, request.variables) : app.server.query(request.query, request.variables);
}

/** Cursors of real pages, by target and argument variant (order and filter), to tamper with. */
async function harvestCursors(target: Target): Promise<{ args: Record<string, FuzzValue>; cursor: string }[]> {
  const base = goodArgs(target.field.name, target.field.args);
  const orderBy = target.field.args.find((arg) => arg.name === 'orderBy');
  const filter = target.field.args.find((arg) => arg.name === 'filter');
  const orderType = orderBy && getNullableType(orderBy.type);
  const orders: (string | undefined)[] = isEnumType(orderType) ? orderType.getValues().map((value) => value.value as string) : [undefined];
  // For directory searches: without filter, with a commune and text (relevance, distance), and
  // with updatedSince (supplier searches then run in SQL, else in the directory index).
  const filters: (Record<string, FuzzValue> | undefined)[] = filter
    ? [undefined, { text: 'tonte', territory: { communeCode: '57463', radiusKm: 30 } }, { updatedSince: '2000-01-01T00:00:00Z' }]
    : [undefined];
  const found: { args: Record<string, FuzzValue>; cursor: string }[] = [];
  for (const order of orders) {
    for (const filterValue of filters) {
      const args = { ...base, first: 1, ...(order ? { orderBy: order } : {}), ...(filterValue ? { filter: filterValue } : {}) };
      const response = await send(admins.reader.browser, documentFor(schema, target, args, false));
      const cursor = /"endCursor":"([^"]+)"/.exec(JSON.stringify(response.data ?? {}))?.[1];
      if (cursor) found.push({ args, cursor });
    }
  }
  return found;
}

/** Sibling values without which a place is not read at all (a radius counts only around a commune). */
const COMPANIONS: Record<string, Record<string, FuzzValue>> = {
  'TerritoryFilter.radiusKm': { communeCode: '57463' },
  'TerritoryFilter.scope': { communeCode: '57463' },
  'ServiceAreaInput.radiusKm': { kind: 'RADIUS' },
  'ServiceAreaInput.departementCodes': { kind: 'DEPARTEMENTS' },
  'ServiceAreaInput.regionCodes': { kind: 'REGIONS' },
};

async function requestsFor(target: Target, random: () => number): Promise<FuzzRequest[]> {
  const base = goodArgs(target.field.name, target.field.args);
  const requests: FuzzRequest[] = [{ target, args: base, asLiterals: false, always: true }];
  const places = placesOf(target.field.args);
  // A new input object on the way to a place gets its required fields.
  const fill = (objectPath: ArgumentPath) => {
    const objectType = getNullableType(places.find((candidate) => sameArgumentPath(candidate.path, objectPath))!.type);
    return isInputObjectType(objectType) ? requiredFields(target.field.name, objectType.getFields()) : {};
  };
  for (const place of places) {
    const name = place.path[place.path.length - 1];
    const companions = place.owner ? Object.entries(COMPANIONS[`${place.owner.type.name}.${place.owner.field}`] ?? {}) : [];
    for (const hostile of hostileValues(name, place.type)) {
      let args = withValueAt(base, place.path, hostile.value, fill);
      for (const [field, value] of companions) args = withValueAt(args, [...place.owner!.path, field], value, fill);
      requests.push({ target, args, asLiterals: random() < 0.3, always: Boolean(hostile.always) });
    }
  }
  if (target.field.args.some((arg) => arg.name === 'after')) {
    for (const { args, cursor } of await harvestCursors(target)) {
      requests.push({ target, args: { ...args, after: cursor }, asLiterals: false, always: true });
      for (const tampered of tamperedCursors(cursor, random, 3)) requests.push({ target, args: { ...args, after: tampered }, asLiterals: false, always: true });
    }
  }
  return requests;
}

const sameArgumentPath = (a: ArgumentPath, b: ArgumentPath) => a.length === b.length && a.every((key, index) => key === b[index]);

/** More than 50 invalid variable values in one request (graphql-js stops at 50). */
function tooManyInvalidVariables() {
  const names = Array.from({ length: 60 }, (_unused, index) => `v${index}`);
  return {
    query: `query Fuzz(${names.map((name) => `$${name}: ID!`).join(', ')}) { nodes(ids: [${names.map((name) => `$${name}`).join(', ')}]) { id } }`,
    variables: Object.fromEntries(names.map((name) => [name, { not: 'an ID' }])),
  };
}

/** Puts the admin back as it was after a mutation that changed its session (signed it out, signed another account in…). */
async function restoreAdmin(admin: Admin): Promise<void> {
  const viewer = (await send(admin.browser, { query: '{ viewer { account { email } } }', variables: {} })) as GraphQLResponse<{ viewer: ViewerData | null }>;
  if (viewer.data?.viewer?.account.email === admin.email) return;
  await app.database.db.query(`UPDATE account SET password_hash = $2, role = 'ADMIN' WHERE email = $1`, [admin.email, admin.passwordHash]);
  admin.browser.cookies.clear();
  admin.browser.csrfToken = null;
  const signIn = (await send(admin.browser, {
    query: 'mutation($input: SignInInput!) { signIn(input: $input) { viewer { csrfToken account { email } } } }',
    variables: { input: { email: admin.email, password: GOOD_PASSWORD } },
  })) as GraphQLResponse<{ signIn: { viewer: ViewerData | null } }>;
  admin.browser.csrfToken = signIn.data?.signIn.viewer?.csrfToken ?? null;
  if (!admin.browser.csrfToken) throw new Error(`The admin could not sign in again: ${JSON.stringify(signIn)}`);
}

/** Requests as written in a failure message: huge strings shortened. */
function describeRequest(request: { query: string; variables: Record<string, unknown> }): string {
  const short = (text: string) => text.split(HUGE_STRING).join('<100 000 × "a">');
  return `${short(request.query).slice(0, 2_000)}\nvariables: ${short(JSON.stringify(request.variables)).slice(0, 2_000)}`;
}

it('answers every hostile input with a client error, never a server error', { timeout: 180_000 }, async () => {
  const random = seededRandom(SEED);
  const started = Date.now();
  const planned: { caller: Caller; request: FuzzRequest }[] = [];
  for (const target of targets()) {
    const admin = target.operation === 'mutation' ? 'writer' : 'reader';
    for (const request of await requestsFor(target, random)) {
      planned.push({ caller: admin, request });
      if (request.always || random() < ANONYMOUS_SHARE) planned.push({ caller: 'anonymous', request });
    }
  }
  // Within the budget: every essential request, then a seeded sample of the others (room is
  // kept for the admin's sign-ins again and the last two requests).
  const essential = planned.filter((entry) => entry.request.always);
  const room = MAX_REQUESTS - sent - essential.length - 30;
  const chosen = new Set([...essential, ...shuffled(planned.filter((entry) => !entry.request.always), random).slice(0, Math.max(0, room))]);

  const failures: string[] = [];
  const check = (label: string, request: { query: string; variables: Record<string, unknown> }, response: GraphQLResponse<unknown>) => {
    const internal = response.errors?.filter((error) => !error.extensions?.code || error.extensions.code === 'INTERNAL_SERVER_ERROR');
    if (response.status >= 500 || internal?.length) {
      failures.push(`${label}: HTTP ${response.status} ${JSON.stringify(response.errors).slice(0, 500)}\n${describeRequest(request)}`);
    }
  };
  // Three clients at once, each in its order: anonymous, the reading admin, the writing admin.
  const lanes = (['anonymous', 'reader', 'writer'] as const).map(async (caller) => {
    const admin = caller === 'anonymous' ? null : admins[caller];
    for (const { request } of planned.filter((entry) => entry.caller === caller && chosen.has(entry))) {
      const document = documentFor(schema, request.target, request.args, request.asLiterals);
      const cookies = JSON.stringify([...(admin?.browser.cookies ?? [])]);
      check(`${caller} ${request.target.label}`, document, await send(admin?.browser ?? null, document));
      if (admin && JSON.stringify([...admin.browser.cookies]) !== cookies) await restoreAdmin(admin);
    }
  });
  await Promise.all(lanes);
  for (const browser of [null, admins.reader.browser]) {
    const request = tooManyInvalidVariables();
    const response = await send(browser, request);
    check('more than 50 invalid variables', request, response);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }

  console.log(`API fuzz: ${sent} requests (${essential.length} essential) in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} failures`);
  expect(sent, 'over budget: send fewer essential values, or raise MAX_REQUESTS if the run stays short').toBeLessThanOrEqual(MAX_REQUESTS);
  expect(failures, failures.slice(0, 10).join('\n\n')).toEqual([]);
});
