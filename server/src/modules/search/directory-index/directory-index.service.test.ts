import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertSupplier } from '../../../test-support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test-support/test-database.js';
import { SupplierOrder } from '../../suppliers/supplier.inputs.js';
import { readDirectoryVersion } from '../search-result-cache.js';
import type { SupplierSearch } from '../supplier-search.sql.js';
import type { DirectoryIndex } from './directory-index.js';
import { DirectoryIndexService } from './directory-index.service.js';
import { IndexedSupplierSearch } from './indexed-supplier-search.js';

/** The directory index follows the database: every write committed before a search is in it. */
let database: TestDatabase;
let service: DirectoryIndexService | null = null;

beforeEach(async () => {
  database = await createTestDatabase();
});

afterEach(async () => {
  await service?.close();
  service = null;
  await database.drop();
});

const EVERY_SUPPLIER_BY_NAME: SupplierSearch = {
  tsquery: null, textTerms: null, textCategoryIds: [], activityCategoryIds: null, zone: null, excludeNationalOnly: false,
  kinds: null, serviceTypes: null, smallPurchaseAmount: null, smallPurchaseFacetAmount: 15_000, tags: null, updatedSince: null,
  origin: null, order: SupplierOrder.NAME,
};

async function startService(maxChangesCaughtUp?: number): Promise<DirectoryIndexService> {
  service = new DirectoryIndexService(database.db, () => {}, maxChangesCaughtUp);
  await service.load();
  expect(service.loaded).toBe(true);
  return service;
}

/** The index a search made now would use (null: SQL), and the supplier ids it finds, by name. */
async function searchNow(): Promise<{ index: DirectoryIndex | null; ids: number[] }> {
  const index = await service!.indexAt(await readDirectoryVersion(database.db));
  const rows = index ? await new IndexedSupplierSearch(index, EVERY_SUPPLIER_BY_NAME).page(null, 100) : [];
  return { index, ids: rows.map((row) => row.id) };
}

const unpublish = (id: number) =>
  database.db.transaction(async (manager) => {
    await manager.query('UPDATE supplier SET published = false WHERE id = $1', [id]);
    await manager.query('SELECT refresh_supplier_search($1::int[])', [[id]]);
  });

describe('directory index', () => {
  it('catches up with every write before a search: new, renamed, unpublished and deleted suppliers', async () => {
    const atelier = await insertSupplier(database.db, { legalName: 'Atelier Bleu' });
    await startService();
    const { index: loaded } = await searchNow();

    const jardins = await insertSupplier(database.db, { legalName: 'Jardins du Nord' });
    const cuisine = await insertSupplier(database.db, { legalName: 'Cuisine Solidaire' });
    expect((await searchNow()).ids).toEqual([atelier, cuisine, jardins]);

    await database.db.transaction(async (manager) => {
      await manager.query(`UPDATE supplier SET legal_name = 'Zèbre Atelier' WHERE id = $1`, [atelier]);
      await manager.query('SELECT refresh_supplier_search($1::int[])', [[atelier]]);
    });
    expect((await searchNow()).ids).toEqual([cuisine, jardins, atelier]);

    await unpublish(cuisine);
    await database.db.query('DELETE FROM supplier WHERE id = $1', [jardins]);
    const { index, ids } = await searchNow();
    expect(ids).toEqual([atelier]);
    // Caught up in place (retired slots skipped), not reloaded.
    expect(index).toBe(loaded);
    expect(index!.deadSlots).toBeGreaterThan(0);
  });

  it('reloads in full past the catch-up limit, searches running in SQL meanwhile', async () => {
    await startService(2);
    const { index: loaded } = await searchNow();
    const ids = [
      await insertSupplier(database.db, { legalName: 'A' }),
      await insertSupplier(database.db, { legalName: 'B' }),
      await insertSupplier(database.db, { legalName: 'C' }),
    ];
    // SQL (null) while the reload runs; it may already have ended on so small a directory.
    expect((await searchNow()).index).not.toBe(loaded);
    await service!.load();
    const { index, ids: found } = await searchNow();
    expect(index).not.toBe(loaded);
    expect(found).toEqual(ids);
  });

  it('reloads in full when the log was pruned past it, or the projection truncated', async () => {
    const first = await insertSupplier(database.db, { legalName: 'A' });
    await startService();
    const { index: loaded } = await searchNow();
    const second = await insertSupplier(database.db, { legalName: 'B' });
    await database.db.query('UPDATE directory_version SET change_log_pruned_through = version');
    expect((await searchNow()).index).not.toBe(loaded);
    await service!.load();
    const { index: reloaded, ids } = await searchNow();
    expect(ids).toEqual([first, second]);

    await database.db.query('TRUNCATE supplier CASCADE');
    expect((await searchNow()).index).not.toBe(reloaded);
    await service!.load();
    expect((await searchNow()).ids).toEqual([]);
  });

  it('prunes log entries older than a day, and stays current', async () => {
    const first = await insertSupplier(database.db, { legalName: 'A' });
    await database.db.query(`UPDATE supplier_search_change SET logged_at = now() - interval '2 days'`);
    const [{ old }] = await database.db.query<{ old: string }[]>('SELECT max(version)::text AS old FROM supplier_search_change');
    await startService();
    const second = await insertSupplier(database.db, { legalName: 'B' });
    const { index, ids } = await searchNow();
    expect(ids).toEqual([first, second]);
    // Pruning runs after the catch-up, in the background.
    await expect
      .poll(async () => (await database.db.query('SELECT change_log_pruned_through::text AS pruned FROM directory_version'))[0].pruned)
      .toBe(old);
    const [{ left }] = await database.db.query<{ left: number }[]>('SELECT count(*)::int AS left FROM supplier_search_change WHERE version <= $1', [old]);
    expect(left).toBe(0);
    expect((await searchNow()).index).toBe(index);
  });
});
