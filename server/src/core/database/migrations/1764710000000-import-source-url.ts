import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `pnpm run import <https-url>` (modules/imports/README.md): a run records the address it
 * downloaded its file from (secret query parameters masked); `file` is then the downloaded
 * copy kept in the downloads folder. NULL for a local file.
 */
export class ImportSourceUrl1764710000000 implements MigrationInterface {
  name = 'ImportSourceUrl1764710000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE import_run ADD COLUMN source_url text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE import_run DROP COLUMN source_url`);
  }
}
