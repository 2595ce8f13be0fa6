import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { CATEGORY_TAXONOMY } from './category-taxonomy.js';
import { syncCategoryTaxonomy } from './category.import.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

describe('category taxonomy sync', () => {
  it('runs at every start without using up group ids (they must stay under 63)', async () => {
    for (let start = 0; start < 5; start++) await syncCategoryTaxonomy(database.db);
    const [{ groups, max_id }] = await database.db.query('SELECT count(*)::int AS groups, max(id) AS max_id FROM category_group');
    expect(groups).toBe(CATEGORY_TAXONOMY.length);
    expect(max_id).toBe(CATEGORY_TAXONOMY.length);
  });
});
