import type { DataSource } from 'typeorm';
import type { Config } from '../core/config/config.js';
import type { EmbeddedDatabase } from '../core/database/embedded-postgres.js';
import { syncCategoryTaxonomy } from '../modules/categories/category.import.js';
import { loadDemoDirectory } from '../modules/demo/demo-directory.js';
import { loadTerritories } from '../modules/territories/territory.import.js';
import { readCapabilities, type Capabilities } from './capabilities.js';
import { createAppDataSource } from './database.js';
import { runOnce } from './seed-run.js';

export type Log = (message: string) => void;

export interface OpenDatabase {
  db: DataSource;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or else to the embedded PostgreSQL (started by main.ts while the
 * application's modules load).
 */
export async function openDatabase(config: Config, embedded: EmbeddedDatabase | null): Promise<OpenDatabase> {
  const url = config.databaseUrl || embedded?.url;
  if (!url) throw new Error('No database: DATABASE_URL is not set and no embedded PostgreSQL was started');
  // The server's pool: no statement outlives a request, no request waits long for a connection.
  const db = createAppDataSource(url, {
    printQueries: config.logSql,
    statementTimeoutMs: config.graphqlTimeoutMs,
    connectTimeoutMs: config.databaseConnectTimeoutMs,
  });
  await db.initialize();
  return {
    db,
    embedded,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

/**
 * Brings the database to the current schema and reference data: migrations, the category
 * taxonomy (kept in code, synced every start), territories and the demo directory (first
 * start only). This runs on a connection of its own: the server's pool has the request
 * time limit as statement timeout, and a migration or a bulk load may take longer.
 */
export async function prepareDatabase(db: DataSource, config: Config, log: Log): Promise<Capabilities> {
  const maintenance = createAppDataSource((db.options as { url: string }).url, { printQueries: config.logSql });
  await maintenance.initialize();
  try {
    return await prepare(maintenance, config, log);
  } finally {
    await maintenance.destroy();
  }
}

async function prepare(db: DataSource, config: Config, log: Log): Promise<Capabilities> {
  const applied = await db.runMigrations({ transaction: 'each' });
  for (const migration of applied) log(`Applied migration ${migration.name}`);
  await syncCategoryTaxonomy(db);
  const territories = await loadTerritories(db, { communeCentresPath: config.communeCentresPath, log });
  const capabilities = await readCapabilities(db);
  if (!capabilities.radiusSearchAvailable) {
    log(
      `Commune centres are missing (${territories.centresMessage}): radius search and distances are unavailable. ` +
        'Fix or unset COMMUNE_CENTRES_PATH (unset, the centres file shipped in server/data is used) and restart.',
    );
  }
  if (config.demoSupplierCount > 0) {
    const loaded = await runOnce(db, 'demo-directory', async (sql) => {
      log(`Loading the demo directory (${config.demoSupplierCount} fictional suppliers)…`);
      const report = await loadDemoDirectory(sql, { count: config.demoSupplierCount, seed: config.demoSeed });
      log(`Demo directory loaded: ${report.suppliers} suppliers, ${report.offerings} offerings`);
    });
    if (loaded) await compactAfterBulkLoad(db);
  }
  return capabilities;
}

/**
 * A bulk load writes each supplier twice (insert, then its search columns): rewrite the
 * tables so that searches scan half the pages, and give the planner fresh statistics.
 */
export async function compactAfterBulkLoad(db: DataSource): Promise<void> {
  await db.query('VACUUM (FULL, ANALYZE) supplier, supplier_search_document, offering, supplier_category');
}
