import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSupplier } from '../../test-support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';

/**
 * The search result cache serves repeated searches, and never a directory older than the
 * last write. It caches SQL statements: offering searches here (supplier searches run in the
 * directory index, and directory-index.service.test.ts checks that it sees writes).
 */
let database: TestDatabase;
let server: TestServer;

const SEARCH = `query($filter: OfferingFilter) { offerings(filter: $filter, first: 10) {
  totalCount edges { node { supplier { name } } } } }`;

type Result = { offerings: { totalCount: number; edges: { node: { supplier: { name: string } } }[] } };

const offerings = [{ title: 'Tonte', categorySlug: 'tonte-debroussaillage' }];

beforeAll(async () => {
  database = await createTestDatabase();
  await insertSupplier(database.db, { legalName: 'ESAT des Coteaux', kind: SupplierKind.ESAT, communeCode: '57463', offerings });
  server = await startTestServer(database.db);
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const search = (filter: Record<string, unknown>) => server.query<Result>(SEARCH, { filter });

describe('search result cache', () => {
  it('answers a repeated search without running its search statements again', async () => {
    const first = await search({ kinds: ['ESAT', 'EA'] });
    const again = await search({ kinds: ['ESAT', 'EA'] });
    expect(again.data).toEqual(first.data);
    const searchStatements = (response: typeof first) =>
      response.sqlStatements.filter((statement) => /FROM offering o/.test(statement.sql)).length;
    expect(searchStatements(first)).toBeGreaterThan(0);
    expect(searchStatements(again)).toBe(0);
  });

  it('sees a write at once: the write bumps the directory version', async () => {
    const before = await search({ kinds: ['ESAT', 'EA'] });
    expect(before.data!.offerings.totalCount).toBe(1);
    await insertSupplier(database.db, { legalName: 'EA du Val', kind: SupplierKind.EA, communeCode: '57463', offerings });
    const after = await search({ kinds: ['ESAT', 'EA'] });
    expect(after.data!.offerings.totalCount).toBe(2);
    expect(after.data!.offerings.edges.map((edge) => edge.node.supplier.name).sort()).toEqual(['EA du Val', 'ESAT des Coteaux']);
  });

  it('sees an unpublished supplier disappear', async () => {
    await search({});
    await database.db.transaction(async (manager) => {
      await manager.query(`UPDATE supplier SET published = false WHERE legal_name = 'EA du Val'`);
      await manager.query(`SELECT refresh_supplier_search(ARRAY(SELECT id FROM supplier WHERE legal_name = 'EA du Val'))`);
    });
    const after = await search({});
    expect(after.data!.offerings.edges.map((edge) => edge.node.supplier.name)).toEqual(['ESAT des Coteaux']);
  });
});
