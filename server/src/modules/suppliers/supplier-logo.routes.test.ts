import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../core/graphql/errors.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { insertSupplier } from '../../test-support/factories.js';
import { startTestServer, useTestServer, type TestBrowser, type TestServer } from '../../test-support/test-server.js';
import { signUpEditors, type Editors } from './supplier-profile.test-support.js';

/** Logo upload, removal and serving over real HTTP. */

const app = useTestServer();
let editors: Editors;
let supplierId: number;
let origin: string;

const PNG = readFileSync(new URL('./test-images/logo.png', import.meta.url));
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

beforeAll(async () => {
  origin = new URL(app.server.url).origin;
  supplierId = await insertSupplier(app.database.db);
  editors = await signUpEditors(app.server, app.database.db, supplierId, await insertSupplier(app.database.db));
});

function send(browser: TestBrowser, method: 'POST' | 'DELETE', body?: Buffer, contentType = 'image/png', id = toGlobalId('Supplier', supplierId)) {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (browser.cookies.size) headers.cookie = cookieOf(browser);
  if (browser.csrfToken) headers['x-csrf-token'] = browser.csrfToken;
  return fetch(`${origin}/api/structures/${id}/logo`, { method, headers, body: body && new Uint8Array(body) });
}

interface ErrorBody {
  errors: { message: string; extensions: { code: string; [key: string]: unknown } }[];
}

/** A refusal: the API's error shape, one error whose code is in the closed set. */
async function refusal(response: Response): Promise<ErrorBody['errors'][number]> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as ErrorBody;
  expect(body.errors).toHaveLength(1);
  expect(Object.values(ErrorCode)).toContain(body.errors[0].extensions.code);
  return body.errors[0];
}

const cookieOf = (browser: TestBrowser) => [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');

describe('logo routes', () => {
  it('refuses anonymous people (401), missing CSRF tokens, buyers and other members (403)', async () => {
    expect((await send(editors.anonymous, 'POST', PNG)).status).toBe(401);
    expect((await send(editors.buyer, 'POST', PNG)).status).toBe(403);
    expect((await send(editors.outsider, 'POST', PNG)).status).toBe(403);
    const token = editors.member.csrfToken;
    editors.member.csrfToken = null;
    const noToken = await send(editors.member, 'POST', PNG);
    editors.member.csrfToken = token;
    expect(noToken.status).toBe(403);
    expect(await refusal(noToken)).toMatchObject({ message: expect.stringContaining('jeton'), extensions: { code: 'CSRF_TOKEN_INVALID' } });
    expect(await app.database.db.query('SELECT count(*)::int AS count FROM supplier_logo')).toEqual([{ count: 0 }]);
  });

  it('refuses SVG and unknown types (415), empty bodies (400) and images over 512 KB (413), in French', async () => {
    const svg = await send(editors.member, 'POST', SVG, 'image/png');
    expect(svg.status).toBe(415);
    expect(await refusal(svg)).toMatchObject({ message: expect.stringMatching(/PNG, JPEG ou WebP/), extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const empty = await send(editors.member, 'POST', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect((await refusal(empty)).extensions.code).toBe('BAD_USER_INPUT');
    const huge = await send(editors.member, 'POST', Buffer.concat([PNG, Buffer.alloc(512 * 1024)]));
    expect(huge.status).toBe(413);
    expect(await refusal(huge)).toMatchObject({ message: expect.stringMatching(/512 Ko/), extensions: { code: 'REQUEST_TOO_LARGE', maxBytes: 512 * 1024 } });
  });

  it('refuses a PNG header followed by HTML, and a whole PNG with HTML after it (415): the image is read to its end', async () => {
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    for (const body of [Buffer.concat([PNG.subarray(0, 33), html]), Buffer.concat([PNG, html])]) {
      const response = await send(editors.member, 'POST', body);
      expect(response.status).toBe(415);
      expect(await refusal(response)).toMatchObject({ message: expect.stringMatching(/illisible/), extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    }
    expect(await app.database.db.query('SELECT count(*)::int AS count FROM supplier_logo')).toEqual([{ count: 0 }]);
  });

  it('answers a body that is not what its Content-Encoding says with JSON 400, never a page with a stack', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const response = await fetch(`${origin}/api/structures/${toGlobalId('Supplier', supplierId)}/logo`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', 'content-encoding': encoding, 'x-csrf-token': editors.member.csrfToken!, cookie: cookieOf(editors.member) },
        body: new Uint8Array(PNG),
      });
      expect(response.status, encoding).toBe(400);
      expect((await refusal(response)).extensions.code, encoding).toBe('BAD_REQUEST');
    }
  });

  it('answers an unknown structure and an unknown logo with 404 BAD_USER_INPUT', async () => {
    const unknown = await send(editors.admin, 'POST', PNG, 'image/png', toGlobalId('Supplier', 999_999));
    expect(unknown.status).toBe(404);
    expect((await refusal(unknown)).extensions.code).toBe('BAD_USER_INPUT');
    const missing = await fetch(`${origin}/logos/${toGlobalId('Supplier', supplierId)}-${'0'.repeat(64)}.png`);
    expect(missing.status).toBe(404);
    expect((await refusal(missing)).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('stores a logo, serves it inert and immutable, logs the change, and removes it', async () => {
    const uploaded = await send(editors.member, 'POST', PNG, 'image/svg+xml');
    expect(uploaded.status).toBe(200);
    const { logoUrl } = (await uploaded.json()) as { logoUrl: string };
    expect(logoUrl).toMatch(new RegExp(`^/logos/${toGlobalId('Supplier', supplierId)}-[0-9a-f]{64}\\.png$`));
    const served = await fetch(`${origin}${logoUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
    expect((await fetch(`${origin}${logoUrl.replace(/[0-9a-f]{4}\.png$/, '0000.png')}`)).status).toBe(404);

    const viewed = await app.server.query<{ supplier: { logoUrl: string } }>(`query { supplier(id: "${toGlobalId('Supplier', supplierId)}") { logoUrl } }`);
    expect(viewed.data?.supplier.logoUrl).toBe(logoUrl);

    // One query for the logos of a whole page of results, whatever its size.
    await insertSupplier(app.database.db);
    const list = await app.server.query<{ suppliers: { edges: { node: { logoUrl: string | null } }[] } }>(
      `query { suppliers(first: 10, orderBy: NAME) { edges { node { logoUrl } } } }`,
    );
    expect(list.data!.suppliers.edges.length).toBeGreaterThanOrEqual(3);
    expect(list.data!.suppliers.edges.map((edge) => edge.node.logoUrl)).toContain(logoUrl);
    expect(list.sqlStatements.filter((statement) => statement.sql.includes('supplier_logo'))).toHaveLength(1);

    const removed = await send(editors.admin, 'DELETE');
    expect(removed.status).toBe(200);
    expect((await fetch(`${origin}${logoUrl}`)).status).toBe(404);
    const log = await app.database.db.query('SELECT action FROM change_log WHERE supplier_id = $1 ORDER BY id', [supplierId]);
    expect(log).toEqual([{ action: 'SUPPLIER_LOGO_UPDATED' }, { action: 'SUPPLIER_LOGO_REMOVED' }]);
  });
});

describe('logo routes under the rate limit', () => {
  let limited: TestServer;
  const LIMIT = 4;
  beforeAll(async () => {
    limited = await startTestServer(app.database.db, undefined, { env: { RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(LIMIT) } });
  });
  afterAll(() => limited?.close());

  it('counts uploads, removals and served logos against the IP budget of /graphql: 429 RATE_LIMITED with Retry-After past it', async () => {
    const limitedOrigin = new URL(limited.url).origin;
    const logo = `${limitedOrigin}/logos/${toGlobalId('Supplier', supplierId)}-${'0'.repeat(64)}.png`;
    const statuses: number[] = [];
    for (let request = 0; request < LIMIT - 1; request += 1) statuses.push((await fetch(logo)).status);
    statuses.push((await fetch(`${limitedOrigin}/api/structures/${toGlobalId('Supplier', supplierId)}/logo`, { method: 'DELETE' })).status);
    expect(statuses).toEqual([404, 404, 404, 401]);

    const over = await fetch(logo);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.headers.get('ratelimit-limit')).toBe(String(LIMIT));
    expect((await refusal(over)).extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    const upload = await fetch(`${limitedOrigin}/api/structures/${toGlobalId('Supplier', supplierId)}/logo`, { method: 'POST', body: new Uint8Array(PNG) });
    expect(upload.status).toBe(429);
    // One budget: /graphql is spent too.
    expect((await limited.query('{ __typename }')).status).toBe(429);
  });
});
