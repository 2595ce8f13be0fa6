import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each code of an EMAIL_CODE claim was mailed: resends are limited per claim and per
 * hour (a claim must not become a way to flood a structure's mailbox).
 */
export class ClaimCodeSends1764410000000 implements MigrationInterface {
  name = 'ClaimCodeSends1764410000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE supplier_claim ADD COLUMN code_sent_at timestamptz[] NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE supplier_claim DROP COLUMN code_sent_at`);
  }
}
