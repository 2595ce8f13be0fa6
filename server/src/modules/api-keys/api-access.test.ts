import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testEmail } from '../../test-support/accounts.js';
import { startTestServer, useTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';
import { newApiKey } from './api-key-secret.js';

/** Authentication by API key and rate limits of /graphql, over real HTTP: 3 anonymous requests per IP and minute, 5 per key. */

const LIMITS = { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3', RATE_LIMIT_API_KEY_PER_MINUTE: '5', TRUST_PROXY: 'loopback' };
const app = useTestServer({ env: LIMITS });

const QUERY = '{ categories { slug } }';

/** A live key of a new account, written straight to the table (no sign-in: it would use the IP's budget). */
async function insertKey(db: DataSource): Promise<string> {
  const [{ id: accountId }] = await db.query(
    `INSERT INTO account (email, password_hash, display_name, role) VALUES ($1, '$argon2id$test', 'Plateforme achats', 'BUYER') RETURNING id`,
    [testEmail('cle')],
  );
  const key = newApiKey();
  await db.query('INSERT INTO api_key (account_id, name, prefix, secret_digest) VALUES ($1, $2, $3, $4)', [accountId, 'Test', key.prefix, key.digest]);
  return key.key;
}

let ipSequence = 0;
/** An address of its own for each test, so that their budgets never mix. */
function freshIp(): string {
  ipSequence += 1;
  return `203.0.113.${ipSequence}`;
}

function call(server: TestServer, ip: string, key?: string): Promise<GraphQLResponse<{ categories: unknown[] }>> {
  return server.query(QUERY, {}, { headers: { 'x-forwarded-for': ip, ...(key ? { authorization: `Bearer ${key}` } : {}) } });
}

async function statuses(server: TestServer, count: number, ip: string, key?: string): Promise<number[]> {
  const result: number[] = [];
  for (let index = 0; index < count; index += 1) result.push((await call(server, ip, key)).status);
  return result;
}

describe('anonymous calls, per IP', () => {
  it('are served up to the limit with RateLimit headers, then refused with 429, Retry-After and RATE_LIMITED', async () => {
    const ip = freshIp();
    const served = [await call(app.server, ip), await call(app.server, ip), await call(app.server, ip)];
    expect(served.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(served.map((response) => response.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0']);
    expect(served[0].headers.get('ratelimit-limit')).toBe('3');

    const refused = await call(app.server, ip);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } });
    expect(refused.errors?.[0].message).toMatch(/Trop de requêtes/);
  });

  it('are counted per IP: another address keeps its own budget', async () => {
    const first = freshIp();
    expect(await statuses(app.server, 4, first)).toEqual([200, 200, 200, 429]);
    expect(await statuses(app.server, 3, freshIp())).toEqual([200, 200, 200]);
  });
});

describe('requests counted by their cost', () => {
  // 100 suppliers × (edge, node, id, categories (1 + 10 × 2)): 2 302 points, counted as 3 requests.
  const HEAVY = '{ suppliers(first: 100) { edges { node { id categories { slug name } } } } }';
  // 3 402 points: counted as 4, more than the whole anonymous budget of these tests (3).
  const HEAVIER = '{ suppliers(first: 100) { edges { node { id categories { slug name id } } } } }';
  const send = (query: string, ip: string, key?: string) =>
    app.server.query(query, {}, { headers: { 'x-forwarded-for': ip, ...(key ? { authorization: `Bearer ${key}` } : {}) } });

  it('take a request of 2 302 points as 3 of the budget: the next one is refused', async () => {
    const ip = freshIp();
    const heavy = await send(HEAVY, ip);
    expect(heavy.status).toBe(200);
    expect(heavy.errors).toBeUndefined();
    expect(heavy.headers.get('ratelimit-remaining')).toBe('0');
    const next = await call(app.server, ip);
    expect(next.status).toBe(429);
    expect(next.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('refuse a request that counts for more than what is left, with 429 RATE_LIMITED and Retry-After', async () => {
    const ip = freshIp();
    const refused = await send(HEAVIER, ip);
    expect(refused.status).toBe(429);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(refused.errors?.[0].message).toMatch(/compte pour 4/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Light requests from another address are not affected.
    expect(await statuses(app.server, 3, freshIp())).toEqual([200, 200, 200]);
  });

  it('charge a key’s budget the same way', async () => {
    const key = await insertKey(app.database.db);
    const ip = freshIp();
    expect((await send(HEAVY, ip, key)).status).toBe(200);
    // 5 per key: 3 taken, 2 left.
    expect(await statuses(app.server, 3, ip, key)).toEqual([200, 200, 429]);
  });
});

describe('apiLimits', () => {
  it('tells clients the limits this deployment applies', async () => {
    const response = await app.server.query<{ apiLimits: Record<string, number> }>(
      '{ apiLimits { anonymousRequestsPerMinute apiKeyRequestsPerMinute maxPageSize maxDepth maxComplexity maxBodyBytes timeoutMs } }',
      {},
      { headers: { 'x-forwarded-for': freshIp() } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.apiLimits).toEqual({
      anonymousRequestsPerMinute: 3,
      apiKeyRequestsPerMinute: 5,
      maxPageSize: 100,
      maxDepth: 12,
      maxComplexity: 10_000,
      maxBodyBytes: 102_400,
      timeoutMs: 10_000,
    });
  });
});

describe('calls with an API key', () => {
  it('have the higher per-key limit, apart from the IP’s budget', async () => {
    const ip = freshIp();
    const key = await insertKey(app.database.db);
    expect(await statuses(app.server, 6, ip, key)).toEqual([200, 200, 200, 200, 200, 429]);
    // The same IP without a key still has its 3 anonymous requests…
    expect(await statuses(app.server, 4, ip)).toEqual([200, 200, 200, 429]);
    // …and another key, from the same IP, its own 5.
    expect(await statuses(app.server, 5, ip, await insertKey(app.database.db))).toEqual([200, 200, 200, 200, 200]);
  });

  it('follow the key from any IP', async () => {
    const key = await insertKey(app.database.db);
    const spread = [];
    for (let index = 0; index < 6; index += 1) spread.push((await call(app.server, freshIp(), key)).status);
    expect(spread).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('log one line per request with the key’s prefix, never the key', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const key = await insertKey(app.database.db);
    await call(app.server, freshIp(), key);
    const lines = log.mock.calls.map((args) => String(args[0])).filter((line) => line.startsWith('[api]'));
    log.mockRestore();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`key=${key.slice(0, 11)}`);
    expect(lines[0]).toContain('status=200');
    expect(lines[0]).not.toContain(key.slice(12));
  });
});

describe('refused keys', () => {
  it('answers an unknown key with 401 UNAUTHENTICATED, never as anonymous', async () => {
    const unknown = newApiKey().key;
    const response = await call(app.server, freshIp(), unknown);
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(response.errors?.[0].message).toMatch(/Clé d’API inconnue ou révoquée.*Unknown or revoked API key/);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer .*invalid_token/);
  });

  it('counts refused keys against the IP: wrong keys cannot be tried faster than anonymous calls', async () => {
    const ip = freshIp();
    expect(await statuses(app.server, 4, ip, newApiKey().key)).toEqual([401, 401, 401, 429]);
  });

  it('answers a key of another shape or another scheme with 401', async () => {
    for (const authorization of ['Bearer pas-une-cle', 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const response = await app.server.query(QUERY, {}, { headers: { 'x-forwarded-for': freshIp(), authorization } });
      expect(response.status, authorization).toBe(401);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a mutation sent with a key (keys are read-only): 403 FORBIDDEN', async () => {
    const key = await insertKey(app.database.db);
    const response = await app.server.query('mutation { signOut { signedOut } }', {}, { headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': freshIp() } });
    expect(response.status).toBe(403);
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('RATE_LIMIT_STORE=postgres', () => {
  const servers: TestServer[] = [];
  beforeAll(async () => {
    // Two API instances over one database: the counters live in its rate_limit table.
    for (let index = 0; index < 2; index += 1) {
      servers.push(await startTestServer(app.database.db, undefined, { env: { ...LIMITS, RATE_LIMIT_STORE: 'postgres' } }));
    }
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  it('shares the budget between instances', async () => {
    const ip = freshIp();
    expect(await statuses(servers[0], 2, ip)).toEqual([200, 200]);
    expect(await statuses(servers[1], 2, ip)).toEqual([200, 429]);
    const rows: { key: string; points: number }[] = await app.database.db.query('SELECT key, points FROM rate_limit WHERE key LIKE $1', [`%${ip}`]);
    expect(rows).toEqual([{ key: `api_ip:${ip}`, points: 4 }]);
  });
});
