import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppDataSource } from '../../app/database.js';
import { databaseUrl } from '../../test-support/database-url.js';

/**
 * The migrations are the schema; the entities describe part of it (server/README.md, "Data
 * access"). Here both meet: an empty database gets every migration, then TypeORM's schema
 * builder lists the SQL it would run to make that database fit the entities. Any statement
 * means an entity says something the migrations do not (a type, a nullability, a default,
 * an index, a check, a foreign key, a generated column): fix the entity, or write a
 * migration if the schema must change. What TypeORM cannot express is declared on the
 * entity with `synchronize: false` and a comment saying why.
 */

const name = `achat_inclusif_entities_${randomBytes(6).toString('hex')}`;
let db: DataSource;

beforeAll(async () => {
  const adminUrl = inject('databaseAdminUrl');
  const admin = createAppDataSource(adminUrl, { poolSize: 1 });
  await admin.initialize();
  // Not a copy of the test template: a database that never saw anything but the migrations.
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.destroy();
  db = createAppDataSource(databaseUrl(adminUrl, name), { poolSize: 2 });
  await db.initialize();
  await db.runMigrations();
  await recordGenerationExpressions(db);
});

afterAll(async () => {
  await db?.destroy();
  const admin = createAppDataSource(inject('databaseAdminUrl'), { poolSize: 1 });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.destroy();
});

/**
 * TypeORM does not read a generated column's expression from PostgreSQL but from rows of its
 * typeorm_metadata table, which migrations it generates fill and ours (plain SQL) do not.
 * Written here as PostgreSQL prints the expressions back (spaces collapsed), they are then
 * compared with the entities' `asExpression`.
 */
async function recordGenerationExpressions(dataSource: DataSource): Promise<void> {
  await dataSource.query(`
    INSERT INTO typeorm_metadata (database, schema, "table", type, name, value)
    SELECT current_database(), table_schema, table_name, 'GENERATED_COLUMN', column_name,
           btrim(regexp_replace(generation_expression, '\\s+', ' ', 'g'))
    FROM information_schema.columns
    WHERE table_schema = 'public' AND is_generated = 'ALWAYS'`);
}

describe('entities and migrations', () => {
  it('agree: after the migrations, the schema builder has nothing to change', async () => {
    const pending = await db.driver.createSchemaBuilder().log();
    const statements = pending.upQueries.map((query) => query.query);
    expect(
      statements,
      `The entities disagree with the migrated schema: TypeORM would run\n${statements.map((sql) => `  ${sql};`).join('\n')}\n` +
        'Fix the entity decorators to match the migrations (or add a migration if the schema must change).\n',
    ).toEqual([]);
  });
});
