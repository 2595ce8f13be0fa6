import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { PriceUnit } from '../offerings/price-unit.js';
import { makeSiret } from '../suppliers/siret.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';
import { insertSupplier, refreshSearchWords } from '../../test-support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

/**
 * Global object identification: `node`, `nodes` and `supplier(id | siret)` over real HTTP.
 * Every ID under test comes from a query result, as a client would hold it.
 */
let database: TestDatabase;
let server: TestServer;

const PUBLISHED = 'Les Jardins de Metz';
const HIDDEN = 'Menuiserie Fantôme';

/** IDs read from query results in `beforeAll`, with what `node` must give back for them. */
const ids: Record<string, string> = {};
let publishedSiret: string;
let hiddenSiret: string;

async function data<TData>(query: string, variables: Record<string, unknown> = {}): Promise<TData> {
  const response = await server.query<TData>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const publishedId = await insertSupplier(db, {
    legalName: PUBLISHED,
    kind: SupplierKind.EI,
    communeCode: '57463',
    offerings: [
      { title: 'Tonte des pelouses communales', categorySlug: 'tonte-debroussaillage', priceFrom: 35, priceUnit: PriceUnit.HOUR },
      { title: 'Offre retirée', categorySlug: 'taille-haies', priceFrom: 50, priceUnit: PriceUnit.HOUR },
    ],
  });
  const hiddenId = await insertSupplier(db, {
    legalName: HIDDEN,
    kind: SupplierKind.EA,
    communeCode: '57463',
    description: 'Fabrication de nichoirs xylophages.',
    offerings: [{ title: 'Nichoirs en chêne massif', categorySlug: 'nichoirs-composteurs-bacs', priceFrom: 20, priceUnit: PriceUnit.PIECE }],
  });
  await refreshSearchWords(db);
  server = await startTestServer(db);

  // Every ID as a client gets it, while everything is still published.
  const found = await data<{
    suppliers: { edges: { node: { id: string; name: string; siret: string; offerings: { id: string; title: string }[] } }[] };
    category: { id: string; group: { id: string } };
    region: { id: string };
    departement: { id: string };
    commune: { id: string };
    arrondissement: { id: string };
  }>(`{
    suppliers(first: 10, orderBy: NAME) { edges { node { id name siret offerings { id title } } } }
    category(slug: "tonte-debroussaillage") { id group { id } }
    region(code: "44") { id }
    departement(code: "2A") { id }
    commune(code: "57463") { id }
    arrondissement: commune(code: "75108") { id }
  }`);
  const suppliers = new Map(found.suppliers.edges.map((edge) => [edge.node.name, edge.node]));
  const published = suppliers.get(PUBLISHED)!;
  const hidden = suppliers.get(HIDDEN)!;
  ids.supplier = published.id;
  ids.offering = published.offerings.find((offering) => offering.title === 'Tonte des pelouses communales')!.id;
  ids.withdrawnOffering = published.offerings.find((offering) => offering.title === 'Offre retirée')!.id;
  ids.hiddenSupplier = hidden.id;
  ids.hiddenOffering = hidden.offerings[0].id;
  ids.category = found.category.id;
  ids.categoryGroup = found.category.group.id;
  ids.region = found.region.id;
  ids.departement = found.departement.id;
  ids.commune = found.commune.id;
  ids.arrondissement = found.arrondissement.id;
  publishedSiret = published.siret;
  hiddenSiret = hidden.siret;

  // Then an offering is withdrawn and a supplier unpublished, as an operator would.
  await db.query(`UPDATE offering SET published = false WHERE title = 'Offre retirée'`);
  await db.query(`UPDATE supplier SET published = false WHERE id = $1`, [hiddenId]);
  // As the application does after any change to a supplier or its offerings.
  await db.query('SELECT refresh_supplier_search($1::int[])', [[publishedId, hiddenId]]);
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const NODE_FIELDS = `
  __typename id
  ... on Supplier { name }
  ... on Offering { title supplier { name } }
  ... on Category { slug group { slug } }
  ... on CategoryGroup { slug }
  ... on Region { code name }
  ... on Departement { code name }
  ... on Commune { code name kind }
`;
const NODE = `query($id: ID!) { node(id: $id) { ${NODE_FIELDS} } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { ${NODE_FIELDS} } }`;

type NodeResult = Record<string, unknown> | null;

/** What `node` must return for each ID of `ids`. */
function expectedNodes(): [string, NodeResult][] {
  return [
    ['supplier', { __typename: 'Supplier', id: ids.supplier, name: PUBLISHED }],
    ['offering', { __typename: 'Offering', id: ids.offering, title: 'Tonte des pelouses communales', supplier: { name: PUBLISHED } }],
    ['category', { __typename: 'Category', id: ids.category, slug: 'tonte-debroussaillage', group: { slug: 'espaces-verts' } }],
    ['categoryGroup', { __typename: 'CategoryGroup', id: ids.categoryGroup, slug: 'espaces-verts' }],
    ['region', { __typename: 'Region', id: ids.region, code: '44', name: 'Grand Est' }],
    ['departement', { __typename: 'Departement', id: ids.departement, code: '2A', name: 'Corse-du-Sud' }],
    ['commune', { __typename: 'Commune', id: ids.commune, code: '57463', name: 'Metz', kind: 'COMMUNE' }],
    ['arrondissement', { __typename: 'Commune', id: ids.arrondissement, code: '75108', name: 'Paris 8e Arrondissement', kind: 'ARRONDISSEMENT' }],
  ];
}

async function errorOf(query: string, variables: Record<string, unknown>) {
  const response = await server.query(query, variables);
  expect(response.status).toBe(200);
  return response.errors?.[0];
}

describe('node', () => {
  it('gives back each type of object from the ID a query returned', async () => {
    for (const [name, expected] of expectedNodes()) {
      const result = await data<{ node: NodeResult }>(NODE, { id: ids[name] });
      expect(result.node, name).toEqual(expected);
    }
  });

  it('gives distinct IDs to distinct objects', () => {
    const values = Object.values(ids);
    expect(new Set(values).size).toBe(values.length);
  });

  it('answers null for well-formed IDs of nothing', async () => {
    const unknown = [
      toGlobalId('Supplier', 999_999),
      toGlobalId('Offering', 999_999),
      toGlobalId('Category', 'licornes'),
      toGlobalId('CategoryGroup', 'licornes'),
      toGlobalId('Region', '99'),
      toGlobalId('Departement', '00'),
      toGlobalId('Commune', '99999'),
      Buffer.from('Unicorn:1').toString('base64url'),
      Buffer.from('constructor:1').toString('base64url'),
    ];
    for (const id of unknown) {
      expect((await data<{ node: NodeResult }>(NODE, { id })).node, id).toBeNull();
    }
  });

  it('refuses malformed IDs with BAD_USER_INPUT', async () => {
    const malformed = [
      'garbage!',
      '',
      Buffer.from('Supplier').toString('base64url'),
      Buffer.from(':1').toString('base64url'),
      Buffer.from('Supplier:').toString('base64url'),
      `${ids.supplier}==`,
    ];
    for (const id of malformed) {
      const error = await errorOf(NODE, { id });
      expect(error?.extensions?.code, id).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses IDs whose key does not fit its type (issue 13): integers beyond PostgreSQL\'s, slugs and codes of another shape', async () => {
    const tampered = [
      'U3VwcGxpZXI6MjE0NzQ4MzY0OA', // Supplier:2147483648, as reported
      toGlobalId('Supplier', 2 ** 53 + 1),
      toGlobalId('Offering', 2_147_483_648),
      toGlobalId('Supplier', 0),
      toGlobalId('Supplier', -1),
      toGlobalId('Supplier', '1.5'),
      toGlobalId('Supplier', '007'),
      toGlobalId('Supplier', 'abc'),
      toGlobalId('Category', 'tonte\u0000'),
      toGlobalId('Category', 'Tonte Débroussaillage'),
      toGlobalId('Commune', '5746\u0000'),
      toGlobalId('Region', '9'.repeat(40)),
    ];
    for (const id of tampered) {
      const error = await errorOf(NODE, { id });
      expect(error?.extensions, id).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
      expect(error?.message, id).toMatch(/^Identifiant invalide pour "id"/);
      const list = await errorOf(NODES, { ids: [ids.supplier, id] });
      expect(list?.extensions, id).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids.1' });
    }
    // The largest integer key is well-formed: nothing has it.
    expect((await data<{ node: NodeResult }>(NODE, { id: toGlobalId('Supplier', 2_147_483_647) })).node).toBeNull();
  });
});

describe('nodes', () => {
  it('gives back every type of object, in the order asked, with null for missing ones', async () => {
    const expected = expectedNodes();
    const asked = [...expected.map(([name]) => ids[name]), toGlobalId('Offering', 999_999), ids.region];
    const result = await data<{ nodes: NodeResult[] }>(NODES, { ids: asked });
    expect(result.nodes).toEqual([...expected.map(([, node]) => node), null, expected[4][1]]);
  });

  it('takes 100 IDs and no more', async () => {
    const hundred = Array.from({ length: 100 }, (_unused, index) => (index % 2 === 0 ? ids.supplier : ids.commune));
    const result = await data<{ nodes: NodeResult[] }>(NODES, { ids: hundred });
    expect(result.nodes).toHaveLength(100);
    expect(result.nodes[99]).toMatchObject({ __typename: 'Commune', code: '57463' });
    const error = await errorOf(NODES, { ids: [...hundred, ids.region] });
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
  });

  it('answers an empty list with an empty list', async () => {
    expect((await data<{ nodes: NodeResult[] }>(NODES, { ids: [] })).nodes).toEqual([]);
  });

  it('refuses a list holding a malformed ID', async () => {
    const error = await errorOf(NODES, { ids: [ids.supplier, 'garbage!'] });
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('supplier', () => {
  const SUPPLIER = `query($id: ID, $siret: String) { supplier(id: $id, siret: $siret) { id name siret } }`;

  it('finds a supplier by ID and by SIRET', async () => {
    const byId = await data<{ supplier: unknown }>(SUPPLIER, { id: ids.supplier });
    const bySiret = await data<{ supplier: unknown }>(SUPPLIER, { siret: publishedSiret });
    expect(byId.supplier).toEqual({ id: ids.supplier, name: PUBLISHED, siret: publishedSiret });
    expect(bySiret.supplier).toEqual(byId.supplier);
  });

  it('answers null for an unknown supplier', async () => {
    expect((await data<{ supplier: unknown }>(SUPPLIER, { id: toGlobalId('Supplier', 999_999) })).supplier).toBeNull();
    expect((await data<{ supplier: unknown }>(SUPPLIER, { siret: makeSiret('88888888', '0001') })).supplier).toBeNull();
  });

  it('requires exactly one of id and siret', async () => {
    expect((await errorOf(SUPPLIER, {}))?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await errorOf(SUPPLIER, { id: ids.supplier, siret: publishedSiret }))?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses the ID of another type, or a malformed one', async () => {
    for (const id of [ids.offering, ids.commune, 'garbage!', 'U3VwcGxpZXI6MjE0NzQ4MzY0OA']) {
      expect((await errorOf(SUPPLIER, { id }))?.extensions?.code, id).toBe('BAD_USER_INPUT');
    }
  });
});

describe('unpublished objects', () => {
  it('are invisible through node and nodes', async () => {
    for (const name of ['hiddenSupplier', 'hiddenOffering', 'withdrawnOffering']) {
      expect((await data<{ node: NodeResult }>(NODE, { id: ids[name] })).node, name).toBeNull();
    }
    const result = await data<{ nodes: NodeResult[] }>(NODES, {
      ids: [ids.hiddenSupplier, ids.supplier, ids.hiddenOffering, ids.withdrawnOffering],
    });
    expect(result.nodes.map((node) => node?.id ?? null)).toEqual([null, ids.supplier, null, null]);
  });

  it('are invisible through supplier', async () => {
    const SUPPLIER = `query($id: ID, $siret: String) { supplier(id: $id, siret: $siret) { name } }`;
    expect((await data<{ supplier: unknown }>(SUPPLIER, { id: ids.hiddenSupplier })).supplier).toBeNull();
    expect((await data<{ supplier: unknown }>(SUPPLIER, { siret: hiddenSiret })).supplier).toBeNull();
  });

  it('are invisible in the supplier search', async () => {
    const SEARCH = `query($filter: SupplierFilter) { suppliers(filter: $filter, first: 100) { totalCount edges { node { name } } } }`;
    const all = await data<{ suppliers: { totalCount: number; edges: { node: { name: string } }[] } }>(SEARCH, { filter: {} });
    expect(all.suppliers.edges.map((edge) => edge.node.name)).toEqual([PUBLISHED]);
    expect(all.suppliers.totalCount).toBe(1);
    const byText = await data<{ suppliers: { totalCount: number } }>(SEARCH, { filter: { text: 'Fantôme' } });
    expect(byText.suppliers.totalCount).toBe(0);
  });

  it('are invisible in the offering search, and so are withdrawn offerings', async () => {
    const SEARCH = `query($filter: OfferingFilter) { offerings(filter: $filter, first: 100) { totalCount edges { node { id title } } } }`;
    const all = await data<{ offerings: { totalCount: number; edges: { node: { id: string; title: string } }[] } }>(SEARCH, { filter: {} });
    expect(all.offerings.edges.map((edge) => edge.node.id)).toEqual([ids.offering]);
    expect(all.offerings.totalCount).toBe(1);
    for (const filter of [{ text: 'nichoirs' }, { supplierId: ids.hiddenSupplier }, { categorySlugs: ['nichoirs-composteurs-bacs'] }]) {
      const result = await data<{ offerings: { totalCount: number } }>(SEARCH, { filter });
      expect(result.offerings.totalCount, JSON.stringify(filter)).toBe(0);
    }
  });

  it('leave the supplier’s other offerings out of its list', async () => {
    const result = await data<{ supplier: { offerings: { id: string }[] } }>(
      `query($id: ID) { supplier(id: $id) { offerings { id } } }`,
      { id: ids.supplier },
    );
    expect(result.supplier.offerings).toEqual([{ id: ids.offering }]);
  });
});
