import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { useTestServer } from '../../test-support/test-server.js';

const app = useTestServer();

const TERRITORY_FIELDS = `
  __typename
  ... on Commune { id code name kind postalCodes population centre { latitude longitude } centreApproximate
                   departement { code name } region { code name } parent { code } }
  ... on Departement { id code name region { code name } }
  ... on Region { id code name departements { code } }
`;

describe('territories query', () => {
  it('returns communes, départements and régions, best first', async () => {
    const response = await app.server.query<{ territories: { __typename: string; code: string; name: string }[] }>(
      `query ($search: String!) { territories(search: $search, first: 5) { ${TERRITORY_FIELDS} } }`,
      { search: 'metz' },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.territories[0]).toMatchObject({
      __typename: 'Commune',
      id: toGlobalId('Commune', '57463'),
      code: '57463',
      name: 'Metz',
      kind: 'COMMUNE',
      centreApproximate: false,
      departement: { code: '57', name: 'Moselle' },
      region: { code: '44', name: 'Grand Est' },
      parent: null,
    });
  });

  it('filters by kind', async () => {
    const response = await app.server.query<{ territories: { __typename: string; code: string }[] }>(
      `{ territories(search: "bretagne", kinds: [REGION]) { ${TERRITORY_FIELDS} } }`,
    );
    expect(response.data?.territories).toEqual([
      { __typename: 'Region', id: toGlobalId('Region', '53'), code: '53', name: 'Bretagne', departements: [{ code: '22' }, { code: '29' }, { code: '35' }, { code: '56' }] },
    ]);
  });

  it('refuses an empty search or too many results', async () => {
    const empty = await app.server.query(`{ territories(search: " ") { __typename } }`);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await app.server.query(`{ territories(search: "metz", first: 51) { __typename } }`);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('resolves nested territories without one query per row', async () => {
    const query = `query ($search: String!, $first: Int!) {
      territories(search: $search, kinds: [COMMUNE], first: $first) { ${TERRITORY_FIELDS} }
    }`;
    const few = await app.server.query<{ territories: unknown[] }>(query, { search: 'saint', first: 2 });
    const many = await app.server.query<{ territories: unknown[] }>(query, { search: 'saint', first: 40 });
    expect(many.data?.territories).toHaveLength(40);
    expect(few.sqlStatements.length).toBeGreaterThan(1);
    expect(many.sqlStatements.length).toBe(few.sqlStatements.length);
  });
});

describe('single territories', () => {
  it('finds a commune, an arrondissement and its city', async () => {
    const response = await app.server.query<{
      paris8: { name: string; kind: string; parent: { code: string; arrondissements: { code: string }[] } };
      metz: { arrondissements: unknown[] };
    }>(`{
      paris8: commune(code: "75108") { name kind postalCodes parent { code arrondissements { code } } }
      metz: commune(code: "57463") { arrondissements { code } }
      corsica: commune(code: "2a004") { name departement { code } }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.paris8).toMatchObject({ name: 'Paris 8e Arrondissement', kind: 'ARRONDISSEMENT', parent: { code: '75056' } });
    expect(response.data?.paris8.parent.arrondissements).toHaveLength(20);
    expect(response.data?.metz.arrondissements).toEqual([]);
    expect(response.data).toMatchObject({ corsica: { name: 'Ajaccio', departement: { code: '2A' } } });
  });

  it('finds régions and départements, and lists them', async () => {
    const response = await app.server.query<{
      region: { name: string };
      departement: { name: string; region: { code: string } };
      regions: { code: string; name: string }[];
      departements: { code: string }[];
      grandEst: { code: string }[];
    }>(`{
      region(code: "44") { name }
      departement(code: "971") { name region { code } }
      regions { code name }
      departements { code }
      grandEst: departements(regionCode: "44") { code }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.region.name).toBe('Grand Est');
    expect(response.data?.departement).toEqual({ name: 'Guadeloupe', region: { code: '01' } });
    expect(response.data?.regions).toHaveLength(26);
    expect(response.data?.departements).toHaveLength(109);
    expect(response.data?.grandEst).toHaveLength(10);
  });

  it('returns null for unknown codes and BAD_USER_INPUT for malformed ones', async () => {
    const unknown = await app.server.query(`{ region(code: "99") { name } departement(code: "96") { name } commune(code: "99999") { name } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ region: null, departement: null, commune: null });
    for (const field of ['region', 'departement', 'commune']) {
      const malformed = await app.server.query(`{ ${field}(code: "abc!") { name } }`);
      expect(malformed.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code' });
      expect(malformed.errors?.[0]?.message, field).toContain('"abc!" is not');
    }
  });

  it('fetches territories by global ID', async () => {
    const response = await app.server.query<{ node: { __typename: string; code: string } }>(
      `query ($id: ID!) { node(id: $id) { __typename ... on Departement { code } } }`,
      { id: toGlobalId('Departement', '2A') },
    );
    expect(response.data?.node).toEqual({ __typename: 'Departement', code: '2A' });
  });
});
