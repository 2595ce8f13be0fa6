import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createAppDataSource } from '../app/database.js';
import { TEMPLATE_DATABASE, databaseUrl } from './database-url.js';

export interface TestDatabase {
  db: DataSource;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file: a copy of the template (migrations, taxonomy and
 * territories already in), so files never see each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('databaseAdminUrl');
  const name = `achat_inclusif_test_${randomBytes(6).toString('hex')}`;
  const admin = createAppDataSource(adminUrl, { poolSize: 1 });
  await admin.initialize();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  await admin.destroy();

  const url = databaseUrl(adminUrl, name);
  const db = createAppDataSource(url);
  await db.initialize();
  return {
    db,
    url,
    async drop() {
      await db.destroy();
      const cleanup = createAppDataSource(adminUrl, { poolSize: 1 });
      await cleanup.initialize();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.destroy();
    },
  };
}
