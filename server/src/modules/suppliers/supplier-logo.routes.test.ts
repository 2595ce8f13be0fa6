import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { insertSupplier } from '../../test-support/factories.js';
import { useTestServer, type TestBrowser } from '../../test-support/test-server.js';
import { sniffImageType } from './supplier-logo.routes.js';
import { signUpEditors, type Editors } from './supplier-profile.test-support.js';

/** Logo upload, removal and serving over real HTTP. */

const app = useTestServer();
let editors: Editors;
let supplierId: number;
let origin: string;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of a png')]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

beforeAll(async () => {
  origin = new URL(app.server.url).origin;
  supplierId = await insertSupplier(app.database.db);
  editors = await signUpEditors(app.server, app.database.db, supplierId, await insertSupplier(app.database.db));
});

function send(browser: TestBrowser, method: 'POST' | 'DELETE', body?: Buffer, contentType = 'image/png', id = toGlobalId('Supplier', supplierId)) {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (browser.cookies.size) headers.cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  if (browser.csrfToken) headers['x-csrf-token'] = browser.csrfToken;
  return fetch(`${origin}/api/structures/${id}/logo`, { method, headers, body: body && new Uint8Array(body) });
}

describe('sniffImageType', () => {
  it('reads the magic bytes, never the name or the header', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(SVG)).toBeNull();
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
  });
});

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
    expect(await noToken.json()).toMatchObject({ error: { code: 'CSRF_TOKEN_INVALID', message: expect.stringContaining('jeton') } });
    expect(await app.database.db.query('SELECT count(*)::int AS count FROM supplier_logo')).toEqual([{ count: 0 }]);
  });

  it('refuses SVG and unknown types (415), empty bodies (400) and images over 512 KB (413), in French', async () => {
    const svg = await send(editors.member, 'POST', SVG, 'image/png');
    expect(svg.status).toBe(415);
    expect((await svg.json()).error.message).toMatch(/PNG, JPEG ou WebP/);
    expect((await send(editors.member, 'POST', Buffer.alloc(0))).status).toBe(400);
    const huge = await send(editors.member, 'POST', Buffer.concat([PNG, Buffer.alloc(512 * 1024)]));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toMatch(/512 Ko/);
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
