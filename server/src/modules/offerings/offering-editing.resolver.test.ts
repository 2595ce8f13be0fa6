import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { UserErrorData } from '../../test-support/accounts.js';
import { insertSupplier } from '../../test-support/factories.js';
import { useTestServer, type TestBrowser } from '../../test-support/test-server.js';
import { signUpEditors, signUpMember, type Editors } from '../suppliers/supplier-profile.test-support.js';

/** Offering editing over real HTTP: authorization matrix, validation, statuses, conflicts, change log, search. */

const app = useTestServer();
let editors: Editors;
let supplierId: number;

beforeAll(async () => {
  supplierId = await insertSupplier(app.database.db, { legalName: 'Atelier Couture Solidaire' });
  const otherSupplierId = await insertSupplier(app.database.db, { legalName: 'Autre structure' });
  editors = await signUpEditors(app.server, app.database.db, supplierId, otherSupplierId);
});

const OFFERING_FIELDS = 'id version status title description serviceType minimumOrderAmount leadTimeDays hasOwnServiceArea price { amountFrom amountTo unit } category { slug }';
const PAYLOAD = `{ offering { ${OFFERING_FIELDS} } userErrors { field code message } }`;
const CREATE = `mutation Create($input: CreateOfferingInput!) { createOffering(input: $input) ${PAYLOAD} }`;
const UPDATE = `mutation Update($input: UpdateOfferingInput!) { updateOffering(input: $input) ${PAYLOAD} }`;
const STATUS_MUTATIONS = {
  publish: `mutation Publish($input: OfferingStatusInput!) { publishOffering(input: $input) ${PAYLOAD} }`,
  unpublish: `mutation Unpublish($input: OfferingStatusInput!) { unpublishOffering(input: $input) ${PAYLOAD} }`,
  archive: `mutation Archive($input: OfferingStatusInput!) { archiveOffering(input: $input) ${PAYLOAD} }`,
};

interface OfferingData {
  id: string;
  version: number;
  status: string;
  title: string;
  [field: string]: unknown;
}
interface Payload {
  offering: OfferingData | null;
  userErrors: UserErrorData[];
}

const supplierGid = () => toGlobalId('Supplier', supplierId);
const category = toGlobalId('Category', 'entretien-espaces-verts');
const draft = (title = 'Retouches et ourlets') => ({ supplierId: supplierGid(), title, categoryId: category, serviceType: 'SERVICES' });

async function create(browser: TestBrowser, input: Record<string, unknown> = draft()): Promise<Payload> {
  const answer = await browser.query<{ createOffering: Payload }>(CREATE, { input });
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data.createOffering;
}

async function change(browser: TestBrowser, mutation: keyof typeof STATUS_MUTATIONS, offering: OfferingData) {
  const answer = await browser.query<Record<string, Payload>>(STATUS_MUTATIONS[mutation], { input: { offeringId: offering.id, version: offering.version } });
  return { errors: answer.errors, payload: answer.data && Object.values(answer.data)[0] };
}

async function versionOf(offering: OfferingData): Promise<number> {
  const [row] = await app.database.db.query('SELECT version FROM offering WHERE id = $1', [Number(Buffer.from(offering.id, 'base64url').toString().split(':')[1])]);
  return row.version;
}

describe('authorization', () => {
  it('lets members and admins create, edit, publish, withdraw and archive; refuses anonymous people, buyers and other members', async () => {
    const { offering } = await create(editors.member);
    expect(offering).toMatchObject({ status: 'DRAFT', version: 1 });
    const refusals = { anonymous: 'UNAUTHENTICATED', buyer: 'FORBIDDEN', outsider: 'FORBIDDEN' } as const;
    for (const [role, code] of Object.entries(refusals) as [keyof typeof refusals, string][]) {
      const browser = editors[role];
      expect((await browser.query(CREATE, { input: draft() })).errors?.[0].extensions?.code, `${role} create`).toBe(code);
      expect((await browser.query(UPDATE, { input: { offeringId: offering!.id, version: 1, title: 'Piraté' } })).errors?.[0].extensions?.code).toBe(code);
      for (const mutation of ['publish', 'unpublish', 'archive'] as const) {
        expect((await change(browser, mutation, offering!)).errors?.[0].extensions?.code, `${role} ${mutation}`).toBe(code);
      }
    }
    expect(await app.database.db.query('SELECT count(*)::int AS count FROM offering WHERE supplier_id = $1', [supplierId])).toEqual([{ count: 1 }]);

    for (const editor of [editors.member, editors.admin]) {
      const created = (await create(editor)).offering!;
      const updated = await editor.query<{ updateOffering: Payload }>(UPDATE, { input: { offeringId: created.id, version: created.version, title: 'Ourlets' } });
      expect(updated.data?.updateOffering).toMatchObject({ userErrors: [], offering: { title: 'Ourlets', version: 2 } });
      const published = await change(editor, 'publish', updated.data!.updateOffering.offering!);
      expect(published.payload).toMatchObject({ userErrors: [], offering: { status: 'PUBLISHED', version: 3 } });
      const withdrawn = await change(editor, 'unpublish', published.payload!.offering!);
      expect(withdrawn.payload).toMatchObject({ userErrors: [], offering: { status: 'UNPUBLISHED', version: 4 } });
      const archived = await change(editor, 'archive', withdrawn.payload!.offering!);
      expect(archived.payload).toMatchObject({ userErrors: [], offering: { status: 'ARCHIVED', version: 5 } });
    }
  });

  it('shows the structure\'s own list to its members and admins only', async () => {
    const query = `query List($id: ID!, $statuses: [OfferingStatus!]) { managedSupplier(id: $id) {
      managedOfferings(first: 50, statuses: $statuses) { totalCount edges { node { title status } } } } }`;
    const all = await editors.member.query<{ managedSupplier: { managedOfferings: { totalCount: number; edges: { node: { status: string } }[] } } }>(query, { id: supplierGid() });
    expect(all.data?.managedSupplier.managedOfferings.edges.every((edge) => edge.node.status !== 'ARCHIVED')).toBe(true);
    const archived = await editors.admin.query<{ managedSupplier: { managedOfferings: { totalCount: number } } }>(query, { id: supplierGid(), statuses: ['ARCHIVED'] });
    expect(archived.data?.managedSupplier.managedOfferings.totalCount).toBe(2);
    const publicView = await editors.buyer.query(`query { supplier(id: "${supplierGid()}") { managedOfferings { totalCount } } }`);
    expect(publicView.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('validation', () => {
  it.each([
    [['title'], 'TOO_SHORT', { title: 'Ab' }],
    [['title'], 'TOO_LONG', { title: 'x'.repeat(121) }],
    [['title'], 'BLANK', { title: '   ' }],
    [['description'], 'TOO_LONG', { description: 'x'.repeat(5001) }],
    [['description'], 'INVALID', { description: 'a\u0007b' }],
    [['categoryId'], 'NOT_FOUND', { categoryId: toGlobalId('Category', 'inconnue') }],
    [['price', 'unit'], 'BLANK', { price: { from: 10 } }],
    [['price', 'from'], 'OUT_OF_RANGE', { price: { from: -1, unit: 'HOUR' } }],
    [['price', 'from'], 'OUT_OF_RANGE', { price: { from: 10_000_000, unit: 'HOUR' } }],
    [['price', 'to'], 'OUT_OF_RANGE', { price: { from: 50, to: 40, unit: 'HOUR' } }],
    [['minimumOrderAmount'], 'OUT_OF_RANGE', { minimumOrderAmount: -5 }],
    [['leadTimeDays'], 'OUT_OF_RANGE', { leadTimeDays: 366 }],
    [['leadTimeDays'], 'OUT_OF_RANGE', { leadTimeDays: -1 }],
    [['serviceArea', 'radiusKm'], 'OUT_OF_RANGE', { serviceArea: { kind: 'RADIUS', radiusKm: 5000 } }],
  ])('answers at %j the code %s, creating nothing (%#)', async (field, code, changes) => {
    const [before] = await app.database.db.query('SELECT count(*)::int AS count FROM offering');
    const payload = await create(editors.member, { ...draft(), ...changes });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field, code, message: expect.stringMatching(/\S/) })]);
    expect(payload.offering).toBeNull();
    expect(await app.database.db.query('SELECT count(*)::int AS count FROM offering')).toEqual([before]);
  });

  it('stores prices rounded to the cent, and clears them with null', async () => {
    const { offering } = await create(editors.member, { ...draft(), price: { from: 12.345, to: 20, unit: 'HOUR' }, minimumOrderAmount: 100, leadTimeDays: 10 });
    expect(offering).toMatchObject({ price: { amountFrom: 12.35, amountTo: 20, unit: 'HOUR' }, minimumOrderAmount: 100, leadTimeDays: 10 });
    const cleared = await editors.member.query<{ updateOffering: Payload }>(UPDATE, { input: { offeringId: offering!.id, version: offering!.version, price: null } });
    expect(cleared.data?.updateOffering.offering).toMatchObject({ price: null, minimumOrderAmount: 100 });
  });
});

describe('statuses, conflicts, change log and search', () => {
  it('publishes for buyers, never an archived offering, and search sees published offerings only', async () => {
    const { offering } = await create(editors.member, { ...draft('Broderie personnalisée zygomorphe'), price: { from: 30, unit: 'PIECE' } });
    const search = `query { offerings(first: 10, filter: { text: "zygomorphe" }) { edges { node { id } } } }`;
    const hits = async () => (await app.server.query<{ offerings: { edges: { node: { id: string } }[] } }>(search)).data?.offerings.edges.map((edge) => edge.node.id);
    expect(await hits()).toEqual([]);
    const published = (await change(editors.member, 'publish', offering!)).payload!.offering!;
    expect(await hits()).toEqual([offering!.id]);
    const [projection] = await app.database.db.query('SELECT min_entry_amount FROM supplier_search WHERE supplier_id = $1', [supplierId]);
    expect(Number(projection.min_entry_amount)).toBeLessThanOrEqual(30);

    const archived = (await change(editors.member, 'archive', published)).payload!.offering!;
    expect(await hits()).toEqual([]);
    const again = await change(editors.member, 'publish', archived);
    expect(again.payload?.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED_NOW' })]);
    const edit = await editors.member.query<{ updateOffering: Payload }>(UPDATE, { input: { offeringId: archived.id, version: archived.version, title: 'Nouveau' } });
    expect(edit.data?.updateOffering.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED_NOW' })]);
    expect(await versionOf(archived)).toBe(archived.version);
  });

  it('answers STALE_VERSION to the second of two editors, overwriting nothing', async () => {
    const { offering } = await create(editors.member);
    const colleague = await signUpMember(app.server, app.database.db, [supplierId], 'Dominique Collègue');
    const first = await colleague.query<{ updateOffering: Payload }>(UPDATE, { input: { offeringId: offering!.id, version: 1, title: 'Titre de Dominique' } });
    expect(first.data?.updateOffering.userErrors).toEqual([]);
    const second = await editors.member.query<{ updateOffering: Payload }>(UPDATE, {
      input: { offeringId: offering!.id, version: 1, title: 'Titre de Camille', leadTimeDays: 3 },
    });
    expect(second.data?.updateOffering.userErrors).toEqual([expect.objectContaining({ field: ['version'], code: 'STALE_VERSION' })]);
    expect(second.data?.updateOffering.offering).toMatchObject({ title: 'Titre de Dominique', version: 2, leadTimeDays: null });
    expect((await change(editors.member, 'publish', offering!)).payload?.userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
  });

  it('records every change with its fields', async () => {
    const { offering } = await create(editors.member, { ...draft('Sacs en tissu recyclé'), leadTimeDays: 5 });
    await editors.member.query(UPDATE, { input: { offeringId: offering!.id, version: 1, leadTimeDays: 7, price: { from: 8, unit: 'PIECE' } } });
    await change(editors.member, 'publish', { ...offering!, version: 2 });
    const rows = await app.database.db.query(
      `SELECT l.action, l.changes, a.display_name FROM change_log l JOIN account a ON a.id = l.account_id
       WHERE l.offering_id = $1 ORDER BY l.id`,
      [Number(Buffer.from(offering!.id, 'base64url').toString().split(':')[1])],
    );
    expect(rows).toEqual([
      expect.objectContaining({ action: 'OFFERING_CREATED', display_name: 'Camille Martin', changes: expect.objectContaining({ title: { from: null, to: 'Sacs en tissu recyclé' } }) }),
      {
        action: 'OFFERING_UPDATED',
        display_name: 'Camille Martin',
        changes: { leadTimeDays: { from: 5, to: 7 }, price: { from: null, to: { from: 8, to: null, unit: 'PIECE' } } },
      },
      { action: 'OFFERING_PUBLISHED', display_name: 'Camille Martin', changes: { status: { from: 'DRAFT', to: 'PUBLISHED' } } },
    ]);
  });
});
