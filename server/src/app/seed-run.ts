import type { DataSource } from 'typeorm';
import type { SqlRunner } from '../core/database/sql-runner.js';

/**
 * Runs a one-time load unless it already ran on this database. The load and its marker
 * share one transaction, so a load interrupted half-way leaves nothing and runs again.
 */
export async function runOnce(db: DataSource, name: string, load: (sql: SqlRunner) => Promise<void>): Promise<boolean> {
  return db.transaction(async (manager) => {
    // Serialises concurrent starts on one database.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
    const done = await manager.query('SELECT 1 FROM seed_run WHERE name = $1', [name]);
    if (done.length > 0) return false;
    await load(manager);
    await manager.query('INSERT INTO seed_run (name) VALUES ($1)', [name]);
    return true;
  });
}
