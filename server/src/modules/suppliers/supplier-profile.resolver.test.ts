import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { UserErrorData } from '../../test-support/accounts.js';
import { insertSupplier } from '../../test-support/factories.js';
import { useTestServer, type TestBrowser } from '../../test-support/test-server.js';
import { runImport } from '../imports/import-run.js';
import type { ReadResult } from '../imports/source-record.js';
import { ServiceAreaKind } from './service-area.js';
import { SupplierKind } from './supplier-kind.js';
import { SupplierSource } from './supplier-source.js';
import { signUpEditors, signUpMember, type Editors } from './supplier-profile.test-support.js';

/** Profile editing over real HTTP: authorization, validation, conflicts, change log, imports. */

const app = useTestServer();
let editors: Editors;
let supplierId: number;
let otherSupplierId: number;

beforeAll(async () => {
  supplierId = await insertSupplier(app.database.db, { legalName: 'Les Jardins de Metz', description: 'Espaces verts.' });
  otherSupplierId = await insertSupplier(app.database.db, { legalName: 'Autre structure' });
  editors = await signUpEditors(app.server, app.database.db, supplierId, otherSupplierId);
});

const SUPPLIER_FIELDS = `id version name brandName description headcount tags serviceTypes updatedAt published
  contact { email phone website }
  serviceArea { kind radiusKm regions { code } departements { code } }
  categories { slug }`;

const MANAGED = `query Managed($id: ID!) { managedSupplier(id: $id) { ${SUPPLIER_FIELDS} } }`;
const UPDATE = `mutation Update($input: UpdateSupplierProfileInput!) {
  updateSupplierProfile(input: $input) { supplier { ${SUPPLIER_FIELDS} } userErrors { field code message } }
}`;
const CHANGE_LOG = `query Log($id: ID!) { managedSupplier(id: $id) {
  changeLog(first: 10) { totalCount edges { node { action authorName createdAt offeringTitle changes { field before after } } } }
  profileCompleteness { percent missing }
} }`;

interface SupplierData {
  id: string;
  version: number;
  description: string;
  brandName: string | null;
  tags: string[];
  contact: { email: string | null; phone: string | null; website: string | null };
  [field: string]: unknown;
}
interface UpdateData {
  updateSupplierProfile: { supplier: SupplierData | null; userErrors: UserErrorData[] };
}

const gid = (id: number) => toGlobalId('Supplier', id);

async function currentVersion(id = supplierId): Promise<number> {
  const [row] = await app.database.db.query('SELECT version FROM supplier WHERE id = $1', [id]);
  return row.version;
}

async function update(browser: TestBrowser, changes: Record<string, unknown>, id = supplierId) {
  return browser.query<UpdateData>(UPDATE, { input: { supplierId: gid(id), version: await currentVersion(id), ...changes } });
}

describe('managedSupplier', () => {
  it('answers members and admins only, unpublished suppliers included', async () => {
    const hidden = await insertSupplier(app.database.db, { legalName: 'Proposition en attente' });
    await app.database.db.query('UPDATE supplier SET published = false WHERE id = $1', [hidden]);
    const member = await signUpMember(app.server, app.database.db, [hidden]);
    const answer = await member.query<{ managedSupplier: SupplierData }>(MANAGED, { id: gid(hidden) });
    expect(answer.data?.managedSupplier).toMatchObject({ id: gid(hidden), published: false, version: 1 });
    expect((await editors.admin.query<{ managedSupplier: SupplierData }>(MANAGED, { id: gid(hidden) })).data?.managedSupplier?.id).toBe(gid(hidden));

    expect((await editors.anonymous.query(MANAGED, { id: gid(hidden) })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const browser of [editors.buyer, editors.outsider, editors.member]) {
      expect((await browser.query(MANAGED, { id: gid(hidden) })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('updateSupplierProfile', () => {
  it('is refused to anonymous people, buyers and members of other suppliers; allowed to members and admins', async () => {
    const before = await app.database.db.query('SELECT description, version FROM supplier WHERE id = $1', [supplierId]);
    expect((await update(editors.anonymous, { description: 'Piraté' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await update(editors.buyer, { description: 'Piraté' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await update(editors.outsider, { description: 'Piraté' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await app.database.db.query('SELECT description, version FROM supplier WHERE id = $1', [supplierId])).toEqual(before);

    const byMember = await update(editors.member, { headcount: 12 });
    expect(byMember.data?.updateSupplierProfile).toMatchObject({ userErrors: [], supplier: { headcount: 12 } });
    const byAdmin = await update(editors.admin, { headcount: 13 });
    expect(byAdmin.data?.updateSupplierProfile).toMatchObject({ userErrors: [], supplier: { headcount: 13 } });
  });

  it('refuses a mutation without the CSRF token', async () => {
    const token = editors.member.csrfToken;
    editors.member.csrfToken = null;
    try {
      const answer = await update(editors.member, { description: 'Sans jeton' });
      expect(answer.errors?.[0].extensions?.code).toBe('CSRF_TOKEN_INVALID');
    } finally {
      editors.member.csrfToken = token;
    }
  });

  it('saves normalised values, bumps the version, records the change and feeds the search', async () => {
    const version = await currentVersion();
    const answer = await update(editors.member, {
      description: '  Entretien des espaces verts\r\net élagage.  ',
      brandName: '  Jardins   de Metz ',
      email: ' Contact@Jardins-Metz.FR ',
      phone: '+33 (0)3 87 12 34 56',
      website: 'jardins-metz.fr',
      tags: ['UNEA', ' Label RSEi ', 'UNEA'],
      serviceTypes: ['SERVICES', 'GOODS'],
      serviceArea: { kind: 'REGIONS', regionCodes: ['44'] },
      categoryIds: [toGlobalId('Category', 'entretien-espaces-verts')],
    });
    expect(answer.data?.updateSupplierProfile.userErrors).toEqual([]);
    expect(answer.data?.updateSupplierProfile.supplier).toMatchObject({
      version: version + 1,
      name: 'Jardins de Metz',
      description: 'Entretien des espaces verts\net élagage.',
      contact: { email: 'contact@jardins-metz.fr', phone: '03 87 12 34 56', website: 'https://jardins-metz.fr/' },
      tags: ['UNEA', 'Label RSEi'],
      serviceTypes: ['GOODS', 'SERVICES'],
      serviceArea: { kind: 'REGIONS', regions: [{ code: '44' }], departements: [] },
      categories: [{ slug: 'entretien-espaces-verts' }],
    });
    const [row] = await app.database.db.query('SELECT self_edited_fields, updated_at > now() - interval \'1 minute\' AS fresh FROM supplier WHERE id = $1', [supplierId]);
    expect(row.fresh).toBe(true);
    expect([...row.self_edited_fields].sort()).toEqual(
      ['brandName', 'categories', 'description', 'email', 'phone', 'serviceArea', 'serviceTypes', 'tags', 'website'],
    );
    const [log] = await app.database.db.query(
      `SELECT account_id IS NOT NULL AS by_account, action, changes FROM change_log WHERE supplier_id = $1 ORDER BY id DESC LIMIT 1`,
      [supplierId],
    );
    expect(log).toMatchObject({ by_account: true, action: 'SUPPLIER_PROFILE_UPDATED' });
    expect(log.changes.phone).toEqual({ from: null, to: '03 87 12 34 56' });
    expect(log.changes.serviceArea.to).toEqual({ kind: 'REGIONS', regionCodes: ['44'], departementCodes: [], radiusKm: null });
    expect(Object.keys(log.changes).sort()).toEqual(
      ['brandName', 'categories', 'description', 'email', 'phone', 'serviceArea', 'serviceTypes', 'tags', 'website'],
    );
    // The search projection follows in the same transaction.
    const [search] = await app.database.db.query('SELECT tags, service_area_kind FROM supplier_search WHERE supplier_id = $1', [supplierId]);
    expect(search).toEqual({ tags: ['UNEA', 'Label RSEi'], service_area_kind: 'REGIONS' });
    const found = await app.server.query<{ suppliers: { edges: { node: { id: string } }[] } }>(
      `query { suppliers(first: 5, filter: { text: "Jardins de Metz" }) { edges { node { id } } } }`,
    );
    expect(found.data?.suppliers.edges.map((edge) => edge.node.id)).toContain(gid(supplierId));
  });

  it('changes nothing, and records nothing, when the values are the same', async () => {
    const version = await currentVersion();
    const [{ count }] = await app.database.db.query('SELECT count(*)::int AS count FROM change_log WHERE supplier_id = $1', [supplierId]);
    const answer = await update(editors.member, { phone: '03 87 12 34 56' });
    expect(answer.data?.updateSupplierProfile).toMatchObject({ userErrors: [], supplier: { version } });
    expect(await app.database.db.query('SELECT count(*)::int AS count FROM change_log WHERE supplier_id = $1', [supplierId])).toEqual([{ count }]);
  });

  it.each([
    [['email'], 'INVALID', { email: 'pas-une-adresse' }],
    [['phone'], 'INVALID', { phone: '12345' }],
    [['website'], 'INVALID', { website: 'javascript:alert(1)' }],
    [['website'], 'INVALID', { website: 'ftp://exemple.fr' }],
    [['website'], 'INVALID', { website: 'data:text/html,<script>alert(1)</script>' }],
    [['headcount'], 'OUT_OF_RANGE', { headcount: -1 }],
    [['headcount'], 'OUT_OF_RANGE', { headcount: 100_001 }],
    [['serviceArea', 'radiusKm'], 'OUT_OF_RANGE', { serviceArea: { kind: 'RADIUS', radiusKm: 0 } }],
    [['serviceArea', 'radiusKm'], 'OUT_OF_RANGE', { serviceArea: { kind: 'RADIUS', radiusKm: 2001 } }],
    [['serviceArea', 'radiusKm'], 'BLANK', { serviceArea: { kind: 'RADIUS' } }],
    [['serviceArea', 'regionCodes'], 'NOT_FOUND', { serviceArea: { kind: 'REGIONS', regionCodes: ['99'] } }],
    [['serviceArea', 'departementCodes'], 'BLANK', { serviceArea: { kind: 'DEPARTEMENTS', departementCodes: [] } }],
    [['serviceArea', 'departementCodes'], 'NOT_FOUND', { serviceArea: { kind: 'DEPARTEMENTS', departementCodes: ['57', '00'] } }],
    [['categoryIds', '0'], 'NOT_FOUND', { categoryIds: [toGlobalId('Category', 'inconnue')] }],
    [['tags'], 'TOO_LONG', { tags: Array.from({ length: 21 }, (_, index) => `Label ${index}`) }],
    [['tags', '1'], 'TOO_LONG', { tags: ['UNEA', 'x'.repeat(61)] }],
    [['tags', '0'], 'BLANK', { tags: ['  '] }],
    [['description'], 'TOO_LONG', { description: 'é'.repeat(5001) }],
    [['description'], 'INVALID', { description: 'Texte\u0007caché' }],
    [['brandName'], 'TOO_LONG', { brandName: 'x'.repeat(121) }],
    [['brandName'], 'INVALID', { brandName: 'Nom\nsur deux lignes' }],
    [['brandName'], 'INVALID', { brandName: 'Nom\u202e' }],
  ])('answers at %j the code %s, saving nothing (%#)', async (field, code, changes) => {
    const before = await app.database.db.query('SELECT * FROM supplier WHERE id = $1', [supplierId]);
    const answer = await update(editors.member, { headcount: 7, ...changes });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.updateSupplierProfile.userErrors).toEqual([expect.objectContaining({ field, code, message: expect.stringMatching(/\S/) })]);
    expect(await app.database.db.query('SELECT * FROM supplier WHERE id = $1', [supplierId])).toEqual(before);
  });

  it('refuses a NUL or a lone surrogate anywhere in the input as BAD_USER_INPUT, before any check (issue 13)', async () => {
    const before = await app.database.db.query('SELECT * FROM supplier WHERE id = $1', [supplierId]);
    for (const [argument, changes] of [
      ['input.description', { description: 'Texte\u0000caché' }],
      ['input.email', { email: '\ud800' }],
      ['input.tags.1', { tags: ['UNEA', 'bio\u0000'] }],
    ] as const) {
      const answer = await update(editors.member, changes);
      expect(answer.errors?.[0]?.extensions, argument).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    expect(await app.database.db.query('SELECT * FROM supplier WHERE id = $1', [supplierId])).toEqual(before);
  });

    it('answers STALE_VERSION to the second of two editors, saving nothing and showing the current values', async () => {
    const version = await currentVersion();
    const colleague = await signUpMember(app.server, app.database.db, [supplierId], 'Dominique Collègue');
    const first = await colleague.query<UpdateData>(UPDATE, { input: { supplierId: gid(supplierId), version, description: 'Version de Dominique' } });
    expect(first.data?.updateSupplierProfile.userErrors).toEqual([]);
    const second = await editors.member.query<UpdateData>(UPDATE, {
      input: { supplierId: gid(supplierId), version, description: 'Version de Camille', headcount: 99 },
    });
    expect(second.data?.updateSupplierProfile.userErrors).toEqual([expect.objectContaining({ field: ['version'], code: 'STALE_VERSION' })]);
    expect(second.data?.updateSupplierProfile.supplier).toMatchObject({ version: version + 1, description: 'Version de Dominique' });
    const [row] = await app.database.db.query('SELECT description, headcount, version FROM supplier WHERE id = $1', [supplierId]);
    expect(row).toMatchObject({ description: 'Version de Dominique', version: version + 1 });
    expect(row.headcount).not.toBe(99);
  });

  it('keeps what the structure edited when an import runs afterwards', async () => {
    const [{ siret }] = await app.database.db.query('SELECT siret FROM supplier WHERE id = $1', [supplierId]);
    await update(editors.member, { description: 'Notre présentation', website: 'https://nous.example.org' });
    async function* records(): AsyncIterable<ReadResult> {
      yield {
        record: {
          line: 2, source: SupplierSource.DATA_INCLUSION, sourceId: 'jardins', siret, legalName: 'LES JARDINS DE METZ (OFFICIEL)',
          brandName: 'Nom de la source', kind: SupplierKind.EI, description: 'Texte de la source', position: null,
          address: { street: '2 rue Haute', postalCode: '57000', communeCode: '57463', communeName: 'Metz' },
          email: 'source@example.org', phone: '0102030405', website: 'https://source.example.org', serviceTypes: [], tags: ['Source'],
          activities: [], sourceUpdatedAt: new Date('2026-01-15T00:00:00Z'),
        },
      };
    }
    const report = await runImport(app.database.db, records(), {
      source: SupplierSource.DATA_INCLUSION, format: 'data-inclusion-csv', file: 'test.csv', partial: true, dryRun: false,
    });
    expect(report.updated + report.merged).toBeGreaterThan(0);
    const [row] = await app.database.db.query(
      'SELECT legal_name, brand_name, description, website, phone, tags, service_area_kind FROM supplier WHERE id = $1',
      [supplierId],
    );
    expect(row).toEqual({
      legal_name: 'LES JARDINS DE METZ (OFFICIEL)',
      brand_name: 'Jardins de Metz',
      description: 'Notre présentation',
      website: 'https://nous.example.org/',
      phone: '03 87 12 34 56',
      tags: ['UNEA', 'Label RSEi'],
      service_area_kind: ServiceAreaKind.REGIONS,
    });
  });
});

describe('changeLog and profileCompleteness', () => {
  it('list who changed what, newest first, for members and admins only', async () => {
    const answer = await editors.member.query<{
      managedSupplier: {
        changeLog: { totalCount: number; edges: { node: { action: string; authorName: string; changes: { field: string; before: unknown; after: unknown }[] } }[] };
        profileCompleteness: { percent: number; missing: string[] };
      };
    }>(CHANGE_LOG, { id: gid(supplierId) });
    const log = answer.data!.managedSupplier.changeLog;
    expect(log.totalCount).toBeGreaterThanOrEqual(4);
    expect(log.edges[0].node).toMatchObject({
      action: 'SUPPLIER_PROFILE_UPDATED',
      authorName: 'Camille Martin',
      changes: expect.arrayContaining([{ field: 'description', before: 'Version de Dominique', after: 'Notre présentation' }]),
    });
    expect(log.edges.some((edge) => edge.node.authorName === 'Dominique Collègue')).toBe(true);
    // Website, contact, service area, categories and types are set; no logo, no offering, a short description.
    expect(answer.data!.managedSupplier.profileCompleteness).toEqual({ percent: 63, missing: ['DESCRIPTION', 'LOGO', 'PUBLISHED_OFFERING'] });

    const buyerView = await editors.buyer.query(`query { supplier(id: "${gid(supplierId)}") { name changeLog { totalCount } profileCompleteness { percent } } }`);
    expect(buyerView.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(buyerView.data).toEqual({ supplier: { name: 'Jardins de Metz', changeLog: null, profileCompleteness: null } });
  });

  it('names "Achat inclusif" for changes without an account', async () => {
    await app.database.db.query(
      `INSERT INTO change_log (account_id, supplier_id, action, changes) VALUES (NULL, $1, 'SUPPLIER_PROPOSAL_APPROVED', '{"reason": "ok"}')`,
      [supplierId],
    );
    const answer = await editors.admin.query<{ managedSupplier: { changeLog: { edges: { node: { authorName: string; changes: unknown[] } }[] } } }>(
      CHANGE_LOG,
      { id: gid(supplierId) },
    );
    expect(answer.data!.managedSupplier.changeLog.edges[0].node).toMatchObject({ authorName: 'Achat inclusif', changes: [] });
  });
});
