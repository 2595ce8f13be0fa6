import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version number of the searchable directory, bumped by every statement that writes the
 * search projection, in the writer's transaction: search results cached under a version
 * (modules/search/search-result-cache.ts) are served only while it holds.
 */
export class DirectoryVersion1764050000000 implements MigrationInterface {
  name = 'DirectoryVersion1764050000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE directory_version (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version bigint NOT NULL
      );
      INSERT INTO directory_version (version) VALUES (1);

      CREATE FUNCTION bump_directory_version() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE directory_version SET version = version + 1;
        RETURN NULL;
      END
      $$;

      -- Per statement, not per row: a batch of a thousand suppliers is one bump.
      CREATE TRIGGER supplier_search_changed
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supplier_search
        FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER supplier_search_changed ON supplier_search;
      DROP FUNCTION bump_directory_version();
      DROP TABLE directory_version;
    `);
  }
}
