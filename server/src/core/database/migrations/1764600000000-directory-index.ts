import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The in-memory directory index (modules/search/directory-index) catches up with writes
 * from a change log: every statement that writes the search projection bumps the directory
 * version (as before) and logs the suppliers it wrote under the new version. Version bumps
 * lock the single version row until commit, so versions follow commit order: a reader that
 * sees version V sees every change logged at or below V.
 *
 * Name order compares bytes (COLLATE "C") in SQL as in the index, whatever the database's
 * default collation: both engines must page through the same order.
 */
export class DirectoryIndex1764600000000 implements MigrationInterface {
  name = 'DirectoryIndex1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE supplier_search_change (
        version bigint NOT NULL,
        -- NULL: every supplier (the projection was truncated).
        supplier_id integer,
        logged_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX supplier_search_change_version_idx ON supplier_search_change (version);
      -- Entries at or below it were pruned: an index older than that reloads in full.
      ALTER TABLE directory_version ADD COLUMN change_log_pruned_through bigint NOT NULL DEFAULT 0;

      CREATE FUNCTION log_supplier_search_changes() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        new_version bigint;
      BEGIN
        UPDATE directory_version SET version = version + 1 RETURNING version INTO new_version;
        IF TG_OP = 'TRUNCATE' THEN
          INSERT INTO supplier_search_change (version, supplier_id) VALUES (new_version, NULL);
        ELSE
          INSERT INTO supplier_search_change (version, supplier_id) SELECT new_version, supplier_id FROM changed_rows;
        END IF;
        RETURN NULL;
      END
      $$;

      -- A trigger with a transition table fires on one event only: one trigger per event.
      DROP TRIGGER supplier_search_changed ON supplier_search;
      CREATE TRIGGER supplier_search_inserted AFTER INSERT ON supplier_search
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION log_supplier_search_changes();
      CREATE TRIGGER supplier_search_updated AFTER UPDATE ON supplier_search
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION log_supplier_search_changes();
      CREATE TRIGGER supplier_search_deleted AFTER DELETE ON supplier_search
        REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION log_supplier_search_changes();
      CREATE TRIGGER supplier_search_truncated AFTER TRUNCATE ON supplier_search
        FOR EACH STATEMENT EXECUTE FUNCTION log_supplier_search_changes();

      DROP INDEX supplier_search_sort_name_idx;
      CREATE INDEX supplier_search_sort_name_idx ON supplier_search (sort_name COLLATE "C", supplier_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX supplier_search_sort_name_idx;
      CREATE INDEX supplier_search_sort_name_idx ON supplier_search (sort_name, supplier_id);
      DROP TRIGGER supplier_search_truncated ON supplier_search;
      DROP TRIGGER supplier_search_deleted ON supplier_search;
      DROP TRIGGER supplier_search_updated ON supplier_search;
      DROP TRIGGER supplier_search_inserted ON supplier_search;
      CREATE TRIGGER supplier_search_changed
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supplier_search
        FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
      DROP FUNCTION log_supplier_search_changes();
      ALTER TABLE directory_version DROP COLUMN change_log_pruned_through;
      DROP TABLE supplier_search_change;
    `);
  }
}
