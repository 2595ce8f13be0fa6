import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an offering was first published: an unpublished offering is a draft (never shown to
 * buyers yet) or withdrawn ("dépubliée"), and its editors see which.
 */
export class OfferingFirstPublication1764420000000 implements MigrationInterface {
  name = 'OfferingFirstPublication1764420000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE offering ADD COLUMN first_published_at timestamptz,
        ADD CONSTRAINT offering_published_once CHECK (NOT published OR first_published_at IS NOT NULL);
      -- Offerings from imports and demo data were published on creation.
      UPDATE offering SET first_published_at = created_at WHERE published;
      ALTER TABLE offering ALTER COLUMN first_published_at SET DEFAULT now();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE offering DROP CONSTRAINT offering_published_once, DROP COLUMN first_published_at`);
  }
}
