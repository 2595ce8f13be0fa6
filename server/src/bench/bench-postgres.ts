import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { compactAfterBulkLoad } from '../app/bootstrap.js';
import { createAppDataSource } from '../app/database.js';
import type { Config } from '../core/config/config.js';
import { startEmbeddedPostgres } from '../core/database/embedded-postgres.js';
import { syncCategoryTaxonomy } from '../modules/categories/category.import.js';
import { loadDemoDirectory } from '../modules/demo/demo-directory.js';
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

  const db = createAppDataSource(databaseUrlOf(adminUrl, name), { poolSize: options.poolSize });
  await db.initialize();
  await db.runMigrations();
  await syncCategoryTaxonomy(db);
  await loadTerritories(db, { communeCentresPath: config.communeCentresPath, log: () => {} });
  return db;
}

function databaseUrlOf(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const seededDatabaseName = (size: number) => `achat_inclusif_bench_${size}`;

/** Address of the benchmark directory of `size` suppliers (openSeededBenchDatabase). */
export function benchDatabaseUrl(adminUrl: string, size: number): string {
  return databaseUrlOf(adminUrl, seededDatabaseName(size));
}

/** The modules the demo directory is made from: a change to any of them makes another directory. */
const DEMO_SOURCES = ['../modules/demo/demo-generator.js', '../modules/demo/demo-vocabulary.js', '../modules/demo/demo-directory.js', '../modules/categories/category-taxonomy.js'];

/** What the demo directory of this build is made from (its modules' code). */
async function demoFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of DEMO_SOURCES) hash.update(await readFile(new URL(source, import.meta.url)));
  return hash.digest('hex');
}

/**
 * The benchmark directory of `size` demo suppliers (achat_inclusif_bench_<size>), seeded
 * the first time (slow at 100 000) and kept while the demo generator and the taxonomy stay
 * the same (their fingerprint is kept beside it): figures and relevance are judged on the
 * directory this build makes.
 */
export async function openSeededBenchDatabase(adminUrl: string, size: number, config: Config): Promise<DataSource> {
  const name = seededDatabaseName(size);
  const db = await openBenchDatabase(adminUrl, name, config);
  const fingerprint = `${await demoFingerprint()}:${config.demoSeed}`;
  await db.query('CREATE TABLE IF NOT EXISTS bench_seed (fingerprint text NOT NULL)');
  const [{ count }] = await db.query('SELECT count(*)::int AS count FROM supplier');
  const [seeded] = await db.query<{ fingerprint: string }[]>('SELECT fingerprint FROM bench_seed');
  if (count !== size || seeded?.fingerprint !== fingerprint) {
    const started = performance.now();
    await db.query('TRUNCATE supplier CASCADE');
    await db.transaction(async (manager) => {
      await loadDemoDirectory(manager, {
        count: size,
        seed: config.demoSeed,
        onProgress: (done) => process.stdout.write(`\r  seeding ${size}: ${done}`),
      });
      await manager.query('DELETE FROM bench_seed');
      await manager.query('INSERT INTO bench_seed (fingerprint) VALUES ($1)', [fingerprint]);
    });
    await compactAfterBulkLoad(db);
    console.log(`\r  seeded ${size} suppliers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return db;
}
