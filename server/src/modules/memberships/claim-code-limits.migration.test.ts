import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimCodeLimits1764720000000 } from '../../core/database/migrations/1764720000000-claim-code-limits.js';
import { insertSupplier } from '../../test-support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';

/** The migration to `supplier_claim_code_event`, down and up on a database of its own: counts carried both ways. */

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
});

afterAll(async () => {
  await test?.drop();
});

describe('migration 1764720000000 (claim code limits)', () => {
  it('carries the mails of the last hour back to the claim, and the mails and wrong tries forward to events', async () => {
    const db = test.db;
    const supplierId = await insertSupplier(db);
    const [{ id: accountId }] = await db.query(
      `INSERT INTO account (email, password_hash, display_name, role) VALUES ('migration@exemple.fr', '$argon2id$test', 'Migration', 'SUPPLIER_MEMBER') RETURNING id`,
    );
    await db.query(
      `INSERT INTO supplier_claim (supplier_id, account_id, method, code_hash, code_sent_to, code_expires_at, failed_attempts)
       VALUES ($1, $2, 'EMAIL_CODE', decode(repeat('ab', 32), 'hex'), 'a@exemple.fr', now() + interval '30 minutes', 3)`,
      [supplierId, accountId],
    );
    await db.query(
      `INSERT INTO supplier_claim_code_event (supplier_id, account_id, kind, created_at)
       VALUES ($1, $2, 'SENT', now() - interval '10 minutes'), ($1, $2, 'SENT', now() - interval '5 minutes'), ($1, $2, 'SENT', now() - interval '2 hours')`,
      [supplierId, accountId],
    );
    const migration = new ClaimCodeLimits1764720000000();
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      const [claim] = await db.query('SELECT cardinality(code_sent_at) AS sends FROM supplier_claim WHERE supplier_id = $1', [supplierId]);
      expect(claim.sends).toBe(2);
      expect(await db.query(`SELECT to_regclass('supplier_claim_code_event') AS t`)).toEqual([{ t: null }]);

      await migration.up(runner);
      const events = await db.query(
        'SELECT kind, count(*)::int AS n FROM supplier_claim_code_event WHERE supplier_id = $1 AND account_id = $2 GROUP BY kind ORDER BY kind',
        [supplierId, accountId],
      );
      expect(events).toEqual([
        { kind: 'SENT', n: 2 },
        { kind: 'WRONG', n: 3 },
      ]);
      const [column] = await db.query(
        `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'supplier_claim' AND column_name = 'code_sent_at'`,
      );
      expect(column.n).toBe(0);
    } finally {
      await runner.release();
    }
  });
});
