import 'reflect-metadata';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../core/config/config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../core/database/embedded-postgres.js';
import { createAppDataSource } from '../app/database.js';
import { syncCategoryTaxonomy } from '../modules/categories/category.import.js';
import { loadTerritories } from '../modules/territories/territory.import.js';
import { TEMPLATE_DATABASE, databaseUrl } from './database-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
  }
}

/**
 * Starts one real PostgreSQL for the whole run (the embedded one, or DATABASE_URL) and
 * builds a template database with the migrations and reference data; each test file
 * then copies it into a database of its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'achat-inclusif-test-pg-'));
    // mkdtemp makes it private; as root, the embedded PostgreSQL runs as 'postgres' and must reach it.
    await chmod(dataDir, 0o755);
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'data'),
      port: 55000 + Math.floor(Math.random() * 5000),
      fast: true,
    });
    adminUrl = embedded.url;
  }

  const admin = createAppDataSource(adminUrl);
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.destroy();

  const template = createAppDataSource(databaseUrl(adminUrl, TEMPLATE_DATABASE));
  await template.initialize();
  await template.runMigrations();
  await syncCategoryTaxonomy(template);
  await loadTerritories(template, { communeCentresPath: loadConfig().communeCentresPath, log: () => {} });
  await template.destroy();

  project.provide('databaseAdminUrl', adminUrl);
  return async () => {
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
