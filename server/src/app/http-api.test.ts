import { createHash } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPLIER_SEARCH } from '../bench/search-mix.js';
import { signedIn } from '../test-support/accounts.js';
import { startTestServer, useTestServer, type TestServer } from '../test-support/test-server.js';

/**
 * GraphQL over HTTP as a third party sees it, black-box: GET and POST, status codes and
 * content types, body, depth, cost and alias limits, CORS, persisted queries, cache
 * headers and the time limit.
 */
const app = useTestServer();

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function get(params: Record<string, unknown>, headers: Record<string, string> = {}) {
  const url = new URL(app.server.url);
  for (const [name, value] of Object.entries(params)) {
    url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const response = await fetch(url, { headers });
  return { response, body: (await response.json()) as GraphQLBody };
}

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(app.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { response, body: (await response.json()) as GraphQLBody };
}

const codeOf = (body: GraphQLBody) => body.errors?.[0]?.extensions?.code;

const CATEGORY_GROUPS = '{ categoryGroups { slug name } }';

describe('GET', () => {
  it('runs a query from a plain URL, without special headers, cacheable for a minute', async () => {
    const { response, body } = await get({ query: CATEGORY_GROUPS });
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.categoryGroups).toHaveLength(20);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('vary')).toMatch(/Authorization/);
    expect(response.headers.get('vary')).toMatch(/Cookie/);
  });

  it('takes variables as JSON in the URL', async () => {
    const { response, body } = await get({
      query: 'query Category($slug: String!) { category(slug: $slug) { group { slug } } }',
      variables: { slug: 'tonte-debroussaillage' },
    });
    expect(response.status).toBe(200);
    expect(body.data).toEqual({ category: { group: { slug: 'espaces-verts' } } });
  });

  it('answers application/graphql-response+json when the client asks for it', async () => {
    const { response } = await get({ query: CATEGORY_GROUPS }, { accept: 'application/graphql-response+json' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  });

  it('is private when the request carries a cookie', async () => {
    const { response } = await get({ query: CATEGORY_GROUPS }, { cookie: 'preference=1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuses a mutation with 405: nothing changes through a link', async () => {
    const { response, body } = await get({ query: 'mutation { signOut { signedOut } }' });
    expect(response.status).toBe(405);
    expect(codeOf(body)).toBe('BAD_REQUEST');
  });

  it('answers a syntax error with 400, not cacheable', async () => {
    const { response, body } = await get({ query: '{ categoryGroups { slug ' });
    expect(response.status).toBe(400);
    expect(codeOf(body)).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('POST', () => {
  it('runs a JSON query, never cached', async () => {
    const { response, body } = await post({ query: CATEGORY_GROUPS });
    expect(response.status).toBe(200);
    expect(body.data?.categoryGroups).toHaveLength(20);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuses what a form or another site can send without a preflight with 415', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await fetch(app.server.url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: JSON.stringify({ query: CATEGORY_GROUPS }),
      });
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(codeOf((await response.json()) as GraphQLBody)).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('answers a body over 100 KB with 413 and a GraphQL error', async () => {
    const { response, body } = await post({ query: CATEGORY_GROUPS, variables: { padding: 'x'.repeat(101 * 1024) } });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(codeOf(body)).toBe('REQUEST_TOO_LARGE');
    expect(body.errors?.[0]?.extensions?.maxBytes).toBe(100 * 1024);
  });

  it('answers malformed JSON with 400 and a GraphQL error', async () => {
    const { response, body } = await post('{"query": ');
    expect(response.status).toBe(400);
    expect(codeOf(body)).toBe('BAD_REQUEST');
  });

  it('answers a query that does not fit the schema with 400', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const { response, body } = await post({ query: '{ noSuchField }' }, { accept });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain(accept);
      expect(codeOf(body)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});

describe('query limits', () => {
  /** categoryGroups { categories { group { categories { … } } } }, `levels` fields deep. */
  function nested(levels: number): string {
    let selection = 'slug';
    for (let level = levels - 1; level >= 1; level -= 1) {
      selection = `${level === 1 ? 'categoryGroups' : level % 2 === 0 ? 'categories' : 'group'} { ${selection} }`;
    }
    return `{ ${selection} }`;
  }

  it('refuses more than 12 levels before running anything', async () => {
    // 12 levels of lists within lists are within the depth limit (but far over the cost budget).
    expect(codeOf((await post({ query: nested(12) })).body)).toBe('QUERY_TOO_COMPLEX');
    const { response, body } = await post({ query: nested(13) });
    expect(response.status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('13 niveaux'),
      extensions: { code: 'QUERY_TOO_DEEP', depth: 13, maxDepth: 12 },
    });
  });

  it('lets the full introspection query through (GraphiQL, code generators)', async () => {
    const { response, body } = await post({ query: getIntrospectionQuery() });
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.__schema).toBeDefined();
  });

  it('refuses introspection that walks the fields of the type of a field again', async () => {
    const { response, body } = await post({ query: '{ __schema { types { fields { type { fields { type { name } } } } } } }' });
    expect(response.status).toBe(400);
    expect(codeOf(body)).toBe('QUERY_TOO_DEEP');
  });

  it("accepts the buyer SPA's search with 100 results per page", async () => {
    const { response, body } = await post({ query: SUPPLIER_SEARCH, variables: { filter: {}, first: 100 } });
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('refuses pages within pages over the budget, saying the cost and the limit', async () => {
    const query = `{ suppliers(first: 100) { edges { node { managedOfferings(first: 100) { edges { node { id title } } } } } } }`;
    const { response, body } = await post({ query });
    expect(response.status).toBe(400);
    const error = body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 10_000 });
    const cost = error?.extensions?.cost as number;
    // 100 suppliers × 100 offerings × (edge, node, id, title).
    expect(cost).toBeGreaterThan(100 * 100 * 3);
    expect(error?.message).toContain(`coûte ${cost.toLocaleString('fr-FR').replace(/\s/g, ' ')} points, la limite est 10 000`);
    expect(error?.message).toContain('first');
  });

  it('counts the page size given in variables', async () => {
    const query = 'query Page($first: Int) { suppliers(first: $first) { edges { node { managedOfferings(first: 100) { edges { node { id } } } } } } }';
    expect((await post({ query, variables: { first: 1 } })).body.errors).toBeUndefined();
    expect(codeOf((await post({ query, variables: { first: 100 } })).body)).toBe('QUERY_TOO_COMPLEX');
  });

  it("gives administrators a larger budget: the import runs page with every run's rejected rows", async () => {
    const query = '{ importRuns(first: 50) { edges { node { id rejections(first: 100) { line reason value } } } } }';
    expect(codeOf((await post({ query })).body)).toBe('QUERY_TOO_COMPLEX');
    const { browser } = await signedIn(app.server, app.database.db, 'ADMIN');
    const response = await browser.query(query);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ importRuns: { edges: [] } });
  });

  it('refuses more than 30 aliases', async () => {
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: categoryGroups { slug }`).join(' ')} }`;
    expect((await post({ query: aliases(30) })).body.errors).toBeUndefined();
    const { response, body } = await post({ query: aliases(31) });
    expect(response.status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', aliases: 31, maxAliases: 30 });
  });

  it('refuses a document over 5 000 tokens at parsing', async () => {
    const { response, body } = await post({ query: `{ categoryGroups { ${'slug '.repeat(5_000)} } }` });
    expect(response.status).toBe(400);
    expect(codeOf(body)).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('CORS', () => {
  it('answers a preflight with the methods and headers a third-party page may use, cached a day, without credentials', async () => {
    const response = await fetch(app.server.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://annuaire.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
    const allowed = response.headers.get('access-control-allow-headers')?.toLowerCase().split(',') ?? [];
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'apollo-require-preflight']));
    expect(response.headers.get('access-control-max-age')).toBe('86400');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets a page of another origin read the rate-limit headers of an answer', async () => {
    const response = await fetch(app.server.url, {
      method: 'POST',
      headers: { origin: 'https://annuaire.example.org', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ categoryGroups { slug } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = response.headers.get('access-control-expose-headers')?.toLowerCase().split(',') ?? [];
    expect(exposed).toEqual(expect.arrayContaining(['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy']));
    expect(response.headers.get('ratelimit-limit')).not.toBeNull();
  });
});

describe('automatic persisted queries', () => {
  it('asks for an unknown hash, registers it with the query, then serves it by GET, cacheable', async () => {
    const query = '{ categoryGroups { slug } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };

    const unknown = await get({ extensions });
    expect(unknown.response.status).toBe(200);
    expect(codeOf(unknown.body)).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.body.errors?.[0]?.message).toBe('PersistedQueryNotFound');
    expect(unknown.response.headers.get('cache-control')).toBe('private, no-store');

    const registered = await post({ query, extensions });
    expect(registered.body.errors).toBeUndefined();

    const hit = await get({ extensions });
    expect(hit.response.status).toBe(200);
    expect(hit.body.data?.categoryGroups).toHaveLength(20);
    expect(hit.response.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('refuses a query that does not match its hash', async () => {
    const { response, body } = await post({
      query: '{ categoryGroups { slug } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    });
    expect(response.status).toBe(400);
    expect(codeOf(body)).toBe('BAD_REQUEST');
  });
});

describe('time limit', () => {
  let slow: TestServer;
  beforeAll(async () => {
    // 1 ms: any request that reaches the database is over it.
    slow = await startTestServer(app.database.db, undefined, { env: { GRAPHQL_TIMEOUT_MS: '1' } });
  });
  afterAll(() => slow?.close());

  it('answers 503 TIMEOUT once the limit is reached', async () => {
    const response = await fetch(slow.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SUPPLIER_SEARCH, variables: { filter: { text: 'nettoyage' }, first: 100 } }),
    });
    expect(response.status).toBe(503);
    const body = (await response.json()) as GraphQLBody;
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'TIMEOUT', timeoutMs: 1 });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });
});
