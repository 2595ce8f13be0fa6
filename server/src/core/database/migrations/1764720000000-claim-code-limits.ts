import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claim codes mailed and wrong codes typed, one row each, kept apart from claims so that
 * cancelling, asking again or opening a new claim resets no count: limits hold per
 * structure and per account (modules/memberships/claim-code-limits.ts). Replaces
 * `supplier_claim.code_sent_at` (per claim only); the counts known so far are carried over.
 */
export class ClaimCodeLimits1764720000000 implements MigrationInterface {
  name = 'ClaimCodeLimits1764720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TYPE supplier_claim_code_event_kind AS ENUM ('SENT', 'WRONG');
      -- Append only; rows past the longest window (7 days) are deleted by the hourly clean-up.
      CREATE TABLE supplier_claim_code_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        supplier_id integer NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
        -- SET NULL: the structure's counts survive the account.
        account_id integer REFERENCES account (id) ON DELETE SET NULL,
        kind supplier_claim_code_event_kind NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- The two lookups (a structure's or an account's recent events of a kind), newest first.
      CREATE INDEX supplier_claim_code_event_supplier_idx ON supplier_claim_code_event (supplier_id, kind, created_at);
      CREATE INDEX supplier_claim_code_event_account_idx ON supplier_claim_code_event (account_id, kind, created_at);
      -- The clean-up.
      CREATE INDEX supplier_claim_code_event_created_idx ON supplier_claim_code_event (created_at);

      INSERT INTO supplier_claim_code_event (supplier_id, account_id, kind, created_at)
        SELECT c.supplier_id, c.account_id, 'SENT', sent.at FROM supplier_claim c, unnest(c.code_sent_at) AS sent (at);
      -- Wrong tries were only counted, not dated: dated at the claim's last change.
      INSERT INTO supplier_claim_code_event (supplier_id, account_id, kind, created_at)
        SELECT c.supplier_id, c.account_id, 'WRONG', c.updated_at FROM supplier_claim c, generate_series(1, c.failed_attempts)
        WHERE c.updated_at > now() - interval '7 days';

      ALTER TABLE supplier_claim DROP COLUMN code_sent_at;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE supplier_claim ADD COLUMN code_sent_at timestamptz[] NOT NULL DEFAULT '{}';
      UPDATE supplier_claim c SET code_sent_at = ARRAY(
        SELECT e.created_at FROM supplier_claim_code_event e
        WHERE e.supplier_id = c.supplier_id AND e.account_id = c.account_id AND e.kind = 'SENT' AND e.created_at > now() - interval '1 hour'
        ORDER BY e.created_at)
      WHERE c.status = 'PENDING';
      DROP TABLE supplier_claim_code_event;
      DROP TYPE supplier_claim_code_event_kind;
    `);
  }
}
