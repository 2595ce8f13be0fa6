import { describe, expect, it } from 'vitest';
import { tokenDigest } from '../accounts/secret-token.js';
import { errorCode, signedIn, USER_ERRORS, VIEWER, type UserErrorData } from '../../test-support/accounts.js';
import { useTestServer, type TestBrowser } from '../../test-support/test-server.js';
import { MAX_ACTIVE_KEYS, USAGE_DAYS } from './api-key.service.js';

/** API keys through GraphQL over real HTTP and PostgreSQL: creation, lists, usage, revocation, who may do what. Keys: 4 requests a minute. */

const app = useTestServer({ env: { RATE_LIMIT_API_KEY_PER_MINUTE: '4' } });

const KEY = `id name prefix createdAt lastUsedAt revokedAt owner { email } usage { calls errors rateLimited days { day calls errors rateLimited } }`;
const CREATE = `mutation Create($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { ${KEY} } ${USER_ERRORS} } }`;
const REVOKE = `mutation Revoke($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { ${KEY} } ${USER_ERRORS} } }`;
const MY_KEYS = `{ viewer { apiKeys { ${KEY} } } }`;
const ALL_KEYS = `query All($first: Int, $after: String) { apiKeys(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${KEY} } } } }`;

interface KeyData {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  owner: { email: string };
  usage: { calls: number; errors: number; rateLimited: number; days: { day: string; calls: number; errors: number; rateLimited: number }[] };
}
type Created = { createApiKey: { key: string | null; apiKey: KeyData | null; userErrors: UserErrorData[] } };

async function create(browser: TestBrowser, name = 'Plateforme achats région') {
  const response = await browser.query<Created>(CREATE, { input: { name } });
  return { payload: response.data?.createApiKey, code: errorCode(response) };
}

async function createdKey(browser: TestBrowser, name?: string): Promise<{ key: string; apiKey: KeyData }> {
  const { payload } = await create(browser, name);
  if (!payload?.key || !payload.apiKey) throw new Error(`createApiKey failed: ${JSON.stringify(payload)}`);
  return { key: payload.key, apiKey: payload.apiKey };
}

async function revoke(browser: TestBrowser, apiKeyId: string) {
  const response = await browser.query<{ revokeApiKey: { apiKey: KeyData | null; userErrors: UserErrorData[] } }>(REVOKE, { input: { apiKeyId } });
  return { payload: response.data?.revokeApiKey, code: errorCode(response) };
}

async function myKeys(browser: TestBrowser): Promise<KeyData[]> {
  return (await browser.query<{ viewer: { apiKeys: KeyData[] } }>(MY_KEYS)).data!.viewer.apiKeys;
}

const withKey = (key: string, query = '{ categories { slug } }') => app.server.query(query, {}, { headers: { authorization: `Bearer ${key}` } });

describe('createApiKey', () => {
  it('gives the key once, stores only its SHA-256, and lists it with its prefix', async () => {
    const { browser, email } = await signedIn(app.server, app.database.db, 'BUYER');
    const { key, apiKey } = await createdKey(browser, '  ERP   Ville de Metz ');
    expect(key).toMatch(/^ai_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'ERP Ville de Metz', prefix: key.slice(0, 11), lastUsedAt: null, revokedAt: null, owner: { email } });

    const rows: { prefix: string; secret_digest: Buffer }[] = await app.database.db.query(
      'SELECT * FROM api_key WHERE prefix = $1',
      [apiKey.prefix],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].secret_digest.equals(tokenDigest(key))).toBe(true);
    // The secret part appears in no column.
    expect(JSON.stringify(rows[0])).not.toContain(key.slice(12));

    const listed = await myKeys(browser);
    expect(listed.map((entry) => entry.prefix)).toEqual([apiKey.prefix]);
    expect(JSON.stringify(listed)).not.toContain(key.slice(12));
  });

  it('refuses a blank or too long name, and anonymous callers', async () => {
    const { browser } = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    expect((await create(browser, '   ')).payload?.userErrors).toMatchObject([{ field: ['name'], code: 'BLANK' }]);
    expect((await create(browser, 'x'.repeat(101))).payload?.userErrors).toMatchObject([{ field: ['name'], code: 'TOO_LONG' }]);
    expect((await create(app.server.browser(), 'Anonyme')).code).toBe('UNAUTHENTICATED');
    expect(await myKeys(browser)).toEqual([]);
  });

  it(`allows at most ${MAX_ACTIVE_KEYS} working keys per account`, async () => {
    const { browser } = await signedIn(app.server, app.database.db, 'BUYER');
    const keys = [];
    for (let index = 0; index < MAX_ACTIVE_KEYS; index += 1) keys.push(await createdKey(browser, `Clé ${index}`));
    expect((await create(browser)).payload?.userErrors).toMatchObject([{ field: null, code: 'OUT_OF_RANGE' }]);
    await revoke(browser, keys[0].apiKey.id);
    expect((await create(browser)).payload?.userErrors).toEqual([]);
  });
});

describe('calls with a key', () => {
  it('act as anonymous even with a session cookie, and cannot run mutations', async () => {
    const { browser } = await signedIn(app.server, app.database.db, 'BUYER');
    const { key } = await createdKey(browser);
    const asKey = await browser.query<{ viewer: unknown }>(VIEWER, {}, { headers: { authorization: `Bearer ${key}` } });
    expect(asKey.status).toBe(200);
    expect(asKey.data?.viewer).toBeNull();
    const mutation = await browser.query(CREATE, { input: { name: 'Par la clé' } }, { headers: { authorization: `Bearer ${key}` } });
    expect(mutation.status).toBe(403);
    expect(errorCode(mutation)).toBe('FORBIDDEN');
    expect(await myKeys(browser)).toHaveLength(1);
  });

  it('are counted per key (calls, errors, rate-limited) and shown to the owner with the last use', async () => {
    const { browser } = await signedIn(app.server, app.database.db, 'BUYER');
    const { key, apiKey } = await createdKey(browser);
    const other = await createdKey(browser, 'Autre clé');
    expect((await withKey(key)).status).toBe(200);
    expect((await withKey(key)).status).toBe(200);
    expect((await withKey(key, '{ nothingHere }')).status).toBe(400);
    expect((await withKey(key, '{ supplier(id: "bad") { id } }')).errors).toBeDefined();
    expect((await withKey(key)).status).toBe(429);
    expect((await withKey(key)).status).toBe(429);

    const [otherListed, listed] = await myKeys(browser);
    expect(otherListed.id).toBe(other.apiKey.id);
    expect(otherListed.usage).toMatchObject({ calls: 0, errors: 0, rateLimited: 0 });
    expect(listed.id).toBe(apiKey.id);
    expect(listed.usage).toMatchObject({ calls: 4, errors: 2, rateLimited: 2 });
    expect(listed.usage.days).toHaveLength(USAGE_DAYS);
    expect(listed.usage.days.at(-1)).toEqual({ day: new Date().toISOString().slice(0, 10), calls: 4, errors: 2, rateLimited: 2 });
    expect(listed.usage.days.slice(0, -1).every((day) => day.calls === 0)).toBe(true);
    expect(listed.lastUsedAt).not.toBeNull();

    // Written once, in one row for the hour, not a row per request.
    const rows = await app.database.db.query(
      'SELECT calls, errors, rate_limited FROM api_key_usage u JOIN api_key k ON k.id = u.api_key_id WHERE k.prefix = $1',
      [apiKey.prefix],
    );
    expect(rows).toEqual([{ calls: 4, errors: 2, rate_limited: 2 }]);
  });
});

describe('revokeApiKey', () => {
  it('takes effect at once: the next request with the key gets a 401', async () => {
    const { browser } = await signedIn(app.server, app.database.db, 'BUYER');
    const { key, apiKey } = await createdKey(browser);
    expect((await withKey(key)).status).toBe(200);
    const { payload } = await revoke(browser, apiKey.id);
    expect(payload?.userErrors).toEqual([]);
    expect(payload?.apiKey?.revokedAt).not.toBeNull();
    const refused = await withKey(key);
    expect(refused.status).toBe(401);
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect((await revoke(browser, apiKey.id)).payload?.userErrors).toMatchObject([{ field: ['apiKeyId'], code: 'NOT_ALLOWED_NOW' }]);
  });

  it('is for the owner or an admin only; others neither see nor revoke the key', async () => {
    const owner = await signedIn(app.server, app.database.db, 'BUYER');
    const { key, apiKey } = await createdKey(owner.browser);
    const stranger = await signedIn(app.server, app.database.db, 'SUPPLIER_MEMBER');
    expect(await myKeys(stranger.browser)).toEqual([]);
    expect((await revoke(stranger.browser, apiKey.id)).code).toBe('FORBIDDEN');
    expect((await revoke(app.server.browser(), apiKey.id)).code).toBe('UNAUTHENTICATED');
    expect((await withKey(key)).status).toBe(200);

    const admin = await signedIn(app.server, app.database.db, 'ADMIN');
    const { payload } = await revoke(admin.browser, apiKey.id);
    expect(payload?.apiKey).toMatchObject({ id: apiKey.id, owner: { email: owner.email } });
    expect((await withKey(key)).status).toBe(401);
  });
});

describe('apiKeys (admin list)', () => {
  it('pages through every key, newest first, with owners and usage; admins only', async () => {
    const owner = await signedIn(app.server, app.database.db, 'BUYER');
    const first = await createdKey(owner.browser, 'Première');
    const second = await createdKey(owner.browser, 'Seconde');
    await withKey(first.key);

    const admin = await signedIn(app.server, app.database.db, 'ADMIN');
    type Page = { apiKeys: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: KeyData }[] } };
    const page1 = (await admin.browser.query<Page>(ALL_KEYS, { first: 1 })).data!.apiKeys;
    const [{ count }] = await app.database.db.query('SELECT count(*)::int AS count FROM api_key');
    expect(page1.totalCount).toBe(count);
    expect(page1.edges.map((edge) => edge.node.id)).toEqual([second.apiKey.id]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await admin.browser.query<Page>(ALL_KEYS, { first: 1, after: page1.pageInfo.endCursor })).data!.apiKeys;
    expect(page2.edges[0].node).toMatchObject({ id: first.apiKey.id, owner: { email: owner.email }, usage: { calls: 1 } });

    expect(errorCode(await owner.browser.query(ALL_KEYS))).toBe('FORBIDDEN');
    expect(errorCode(await app.server.query(ALL_KEYS))).toBe('UNAUTHENTICATED');
  });
});
