import { describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config/config.js';
import { createTestDatabase } from '../test-support/test-database.js';
import { openDatabase, prepareDatabase } from './bootstrap.js';

/** The server's pool and the preparation of the database, as main.ts opens them. */

describe('openDatabase and prepareDatabase', () => {
  it('give the pool the request time limit as statement timeout, and prepare the database without it', async () => {
    const database = await createTestDatabase();
    const config = loadConfig({ DATABASE_URL: database.url, GRAPHQL_TIMEOUT_MS: '20', DEMO_SUPPLIERS: '200' });
    const opened = await openDatabase(config, null);
    try {
      expect(await opened.db.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '20ms' }]);
      await expect(opened.db.query('SELECT pg_sleep(0.2)')).rejects.toMatchObject({ code: '57014' });
      // The demo load and the VACUUM FULL after it take far more than 20 ms a statement.
      await prepareDatabase(opened.db, config, () => {});
      expect(await opened.db.query('SELECT count(*)::int AS count FROM supplier')).toEqual([{ count: 200 }]);
    } finally {
      await opened.close();
      await database.drop();
    }
  });
});
