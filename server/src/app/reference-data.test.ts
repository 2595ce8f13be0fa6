import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSqlStatements, type SqlStatistics } from '../core/database/sql-statistics.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { ReferenceData } from './reference-data.js';

describe('reference data kept by a serving process', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
  });

  afterAll(async () => {
    await test?.drop();
  });

  async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const statistics: SqlStatistics = { statements: [] };
    const result = await recordSqlStatements(statistics, work);
    return { result, statements: statistics.statements.length };
  }

  it('reads the database once per key, batching as per-request loaders do', async () => {
    const reference = new ReferenceData(test.db);
    const first = await statementsOf(() =>
      Promise.all([
        reference.territories.communeByCode.loadMany(['57463', '75056']),
        reference.territories.departementByCode.load('59'),
        reference.categories.groupById.load(1),
      ]),
    );
    expect(first.statements).toBe(3);
    expect(first.result[0].map((commune) => (commune as { name: string }).name)).toEqual(['Metz', 'Paris']);
    expect(first.result[1]?.name).toBe('Nord');

    const again = await statementsOf(() =>
      Promise.all([reference.territories.communeByCode.load('57463'), reference.territories.departementByCode.load('59'), reference.categories.groupById.load(1)]),
    );
    expect(again.statements).toBe(0);
    expect(again.result[0]).toBe(first.result[0][0]);
  });

  it('keeps unknown keys as null, and does not keep a failure', async () => {
    const reference = new ReferenceData(test.db);
    expect(await reference.territories.communeByCode.load('00000')).toBeNull();

    // The database unreachable for the first load only: the next one reads it again.
    let unreachable = true;
    const flaky = new Proxy(test.db, {
      get: (target, property, receiver) =>
        property === 'getRepository' && unreachable
          ? () => ({ findBy: () => Promise.reject(new Error('connection lost')) })
          : Reflect.get(target, property, receiver),
    });
    const flakyReference = new ReferenceData(flaky);
    await expect(flakyReference.territories.regionByCode.load('11')).rejects.toThrow('connection lost');
    unreachable = false;
    expect((await flakyReference.territories.regionByCode.load('11'))?.name).toBe('Île-de-France');
  });
});
