import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createAppDataSource } from '../app/database.js';
import type { Config } from '../core/config/config.js';
import { startEmbeddedPostgres } from '../core/database/embedded-postgres.js';
import { syncCategoryTaxonomy } from '../modules/categories/category.import.js';
import { loadTerritories } from '../modules/territories/territory.import.js';

/**
 * The PostgreSQL server of the benchmarks: BENCH_DATABASE_URL or DATABASE_URL, else an
 * embedded one beside the application's (.data/bench-postgres), never the application's data.
 */
export async function startBenchPostgres(config: Config): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? config.databaseUrl;
  if (adminUrl) return { adminUrl, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({
    dataDir: path.resolve(config.embeddedDataDir, '../bench-postgres'),
    port: config.embeddedPort + 1,
    fast: true,
  });
  return { adminUrl: embedded.url, stop: embedded.stop };
}

/**
 * A benchmark database with migrations, taxonomy and territories: kept between runs, or
 * created afresh (`fresh`).
 */
export async function openBenchDatabase(
  adminUrl: string,
  name: string,
  config: Config,
  options: { fresh?: boolean; poolSize?: number } = {},
): Promise<DataSource> {
  const admin = createAppDataSource(adminUrl, { poolSize: 1 });
  await admin.initialize();
  if (options.fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.destroy();

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createAppDataSource(url.toString(), { poolSize: options.poolSize });
  await db.initialize();
  await db.runMigrations();
  await syncCategoryTaxonomy(db);
  await loadTerritories(db, { communeCentresPath: config.communeCentresPath, log: () => {} });
  return db;
}
