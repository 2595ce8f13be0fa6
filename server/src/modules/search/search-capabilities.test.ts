import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { insertSupplier } from '../../test-support/factories.js';

/** A deployment without commune centres runs, and says plainly what it cannot do. */
let database: TestDatabase;
let withoutCentres: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  await insertSupplier(database.db, { legalName: 'Atelier sans boussole', communeCode: '57463' });
  withoutCentres = await startTestServer(database.db, { radiusSearchAvailable: false });
});

afterAll(async () => {
  await withoutCentres?.close();
  await database?.drop();
});

describe('without commune centres', () => {
  it('says so in searchCapabilities', async () => {
    const response = await withoutCentres.query<{ searchCapabilities: { radiusSearchAvailable: boolean; message: string } }>(
      '{ searchCapabilities { radiusSearchAvailable message } }',
    );
    expect(response.data?.searchCapabilities.radiusSearchAvailable).toBe(false);
    expect(response.data?.searchCapabilities.message).toMatch(/unavailable/);
  });

  it('answers radius, origin and distance requests with FEATURE_UNAVAILABLE', async () => {
    for (const [filter, orderBy] of [
      [{ territory: { communeCode: '57463', radiusKm: 10 } }, null],
      [{ origin: { latitude: 49.1, longitude: 6.2 } }, null],
      [{ kinds: ['EI'] }, 'DISTANCE'],
    ] as const) {
      const response = await withoutCentres.query(
        'query($filter: SupplierFilter, $orderBy: SupplierOrder) { suppliers(filter: $filter, orderBy: $orderBy) { totalCount } }',
        { filter, orderBy },
      );
      expect(response.errors?.[0].extensions?.code).toBe('FEATURE_UNAVAILABLE');
      expect(response.errors?.[0].message).toMatch(/commune centres/);
    }
  });

  it('still searches by territory without a radius', async () => {
    const response = await withoutCentres.query<{ suppliers: { edges: { node: { name: string } }[] } }>(
      '{ suppliers(filter: { territory: { communeCode: "57463", scope: LOCATED_IN } }) { edges { node { name } } } }',
    );
    expect(response.data?.suppliers.edges.map((edge) => edge.node.name)).toEqual(['Atelier sans boussole']);
  });
});
