import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCapabilities } from '../../../app/capabilities.js';
import { startHttpServer } from '../../../app/http-server.js';
import { buildAppSchema } from '../../../app/schema.js';
import { loadConfig } from '../../../core/config/config.js';
import { insertSupplier } from '../../../test-support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test-support/test-database.js';
import { SupplierOrder } from '../../suppliers/supplier.inputs.js';
import { readDirectoryVersion } from '../search-result-cache.js';
import type { SupplierSearch } from '../supplier-search.query.js';
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
  text: null, activityCategoryIds: null, zone: null, excludeNationalOnly: false, kinds: null, kindFamilies: null,
  reservedMarkets: null, serviceTypes: null, smallPurchaseAmount: null, smallPurchaseFacetAmount: 15_000, tags: null,
  updatedSince: null, origin: null, order: SupplierOrder.NAME,
};

async function startService(maxChangesCaughtUp?: number): Promise<DirectoryIndexService> {
  service = new DirectoryIndexService(database.db, () => {}, maxChangesCaughtUp);
  await service.load();
  expect(service.loaded).toBe(true);
  return service;
}

/** The index a search made now would use, and the supplier ids it finds, by name. */
async function searchNow(): Promise<{ index: DirectoryIndex; ids: number[] }> {
  const index = await service!.indexAt(await readDirectoryVersion(database.db));
  const rows = await new IndexedSupplierSearch(index, EVERY_SUPPLIER_BY_NAME, service!.referenceData!).page(null, 100);
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

  it('reloads in full past the catch-up limit, a search waiting for the reload', async () => {
    await startService(2);
    const { index: loaded } = await searchNow();
    const ids = [
      await insertSupplier(database.db, { legalName: 'A' }),
      await insertSupplier(database.db, { legalName: 'B' }),
      await insertSupplier(database.db, { legalName: 'C' }),
    ];
    const { index, ids: found } = await searchNow();
    expect(index).not.toBe(loaded);
    expect(found).toEqual(ids);
  });

  it('makes a search wait for the first load, and refuses it past the wait (SERVICE_UNAVAILABLE, in French)', async () => {
    await insertSupplier(database.db, { legalName: 'A' });
    service = new DirectoryIndexService(database.db, () => {}, undefined, 0);
    await expect(service.start(null)).rejects.toMatchObject({
      message: expect.stringMatching(/^La recherche de structures démarre/),
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 },
    });
    await service.load();
    const { index, tokens } = await service.start('Nettoyage pour les bureaux');
    expect(index.liveCount).toBe(1);
    // As PostgreSQL stems them: "pour" is a stop word, "les" is not (FILLER_WORDS drops it later).
    expect(tokens.map((token) => [token.token, token.lexemes])).toEqual([
      ['Nettoyage', ['nettoyag']],
      ['pour', []],
      ['les', ['le']],
      ['bureaux', ['bureau']],
    ]);
  });

  it('answers a supplier search 503 SERVICE_UNAVAILABLE with Retry-After over HTTP until the first load ends', async () => {
    await insertSupplier(database.db, { legalName: 'A' });
    service = new DirectoryIndexService(database.db, () => {}, undefined, 0);
    const config = loadConfig({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000' });
    const server = await startHttpServer(
      await buildAppSchema(),
      { db: database.db, config, capabilities: await readCapabilities(database.db), directoryIndex: service },
      { port: 0 },
    );
    try {
      const search = () =>
        fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ suppliers { totalCount } }' }) });
      const refused = await search();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      const body = (await refused.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } });
      expect(body.errors[0].extensions).not.toHaveProperty('http');
      await service.load();
      const answered = await search();
      expect(answered.status).toBe(200);
      expect(await answered.json()).toEqual({ data: { suppliers: { totalCount: 1 } } });
    } finally {
      await server.close();
    }
  });

  it('reloads in full when the log was pruned past it, or the projection truncated', async () => {
    const first = await insertSupplier(database.db, { legalName: 'A' });
    await startService();
    const { index: loaded } = await searchNow();
    const second = await insertSupplier(database.db, { legalName: 'B' });
    await database.db.query('UPDATE directory_version SET change_log_pruned_through = version');
    const { index: reloaded, ids } = await searchNow();
    expect(reloaded).not.toBe(loaded);
    expect(ids).toEqual([first, second]);

    await database.db.query('TRUNCATE supplier CASCADE');
    const { index: emptied, ids: none } = await searchNow();
    expect(emptied).not.toBe(reloaded);
    expect(none).toEqual([]);
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
