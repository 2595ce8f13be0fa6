import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sync for third-party mirrors (modules/sync/README.md): every write of a supplier's search
 * row or of an offering is stamped with the id of its transaction, the key mirrors page on;
 * deleted suppliers and offerings leave a tombstone.
 */
export class Sync1764510000000 implements MigrationInterface {
  name = 'Sync1764510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- change_xid: the writing transaction (pg_current_xact_id() as bigint; 0 for rows
      -- written before this migration). changed_at: its start time, for updatedSince.
      ALTER TABLE supplier_search ADD COLUMN change_xid bigint NOT NULL DEFAULT 0, ADD COLUMN changed_at timestamptz;
      UPDATE supplier_search SET changed_at = updated_at;
      -- The defaults are those of the stamp trigger below (it also restamps updates).
      ALTER TABLE supplier_search ALTER COLUMN changed_at SET NOT NULL, ALTER COLUMN changed_at SET DEFAULT now(),
        ALTER COLUMN change_xid SET DEFAULT pg_current_xact_id()::text::bigint;
      ALTER TABLE offering ADD COLUMN change_xid bigint NOT NULL DEFAULT 0, ADD COLUMN changed_at timestamptz;
      UPDATE offering SET changed_at = updated_at;
      ALTER TABLE offering ALTER COLUMN changed_at SET NOT NULL, ALTER COLUMN changed_at SET DEFAULT now(),
        ALTER COLUMN change_xid SET DEFAULT pg_current_xact_id()::text::bigint;

      -- Per row, but cheap (no lookup): a statement trigger cannot change the rows it sees.
      CREATE FUNCTION stamp_directory_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        NEW.change_xid := pg_current_xact_id()::text::bigint;
        NEW.changed_at := now();
        RETURN NEW;
      END
      $$;
      CREATE TRIGGER supplier_search_stamp BEFORE INSERT OR UPDATE ON supplier_search
        FOR EACH ROW EXECUTE FUNCTION stamp_directory_change();
      CREATE TRIGGER offering_stamp BEFORE INSERT OR UPDATE ON offering
        FOR EACH ROW EXECUTE FUNCTION stamp_directory_change();

      -- A supplier unpublished or republished removes or brings back its offerings: they are
      -- restamped (by offering_stamp) so that offering mirrors see it too.
      CREATE FUNCTION restamp_offerings_of_flipped_suppliers() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE offering o SET change_xid = o.change_xid
        FROM new_rows n JOIN old_rows p ON p.supplier_id = n.supplier_id
        WHERE o.supplier_id = n.supplier_id AND n.published <> p.published;
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER supplier_search_published_flip AFTER UPDATE ON supplier_search
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION restamp_offerings_of_flipped_suppliers();

      -- Suppliers and offerings deleted (ids are never reused): what mirrors must delete.
      CREATE TABLE directory_tombstone (
        entity text NOT NULL CHECK (entity IN ('SUPPLIER', 'OFFERING')),
        entity_id integer NOT NULL,
        change_xid bigint NOT NULL,
        removed_at timestamptz NOT NULL,
        PRIMARY KEY (entity, entity_id)
      );
      CREATE INDEX directory_tombstone_sync_idx ON directory_tombstone (entity, change_xid, entity_id);
      CREATE INDEX directory_tombstone_removed_at_idx ON directory_tombstone (entity, removed_at);

      CREATE FUNCTION record_directory_tombstones() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO directory_tombstone (entity, entity_id, change_xid, removed_at)
        SELECT TG_ARGV[0], id, pg_current_xact_id()::text::bigint, now() FROM old_rows
        ON CONFLICT (entity, entity_id) DO UPDATE SET change_xid = excluded.change_xid, removed_at = excluded.removed_at;
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER supplier_tombstone AFTER DELETE ON supplier REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION record_directory_tombstones('SUPPLIER');
      CREATE TRIGGER offering_tombstone AFTER DELETE ON offering REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION record_directory_tombstones('OFFERING');

      -- The sync queries: visible rows and removed rows in change order, and updatedSince.
      CREATE INDEX supplier_search_sync_idx ON supplier_search (change_xid, supplier_id) WHERE published;
      CREATE INDEX supplier_search_removed_sync_idx ON supplier_search (change_xid, supplier_id) WHERE NOT published;
      CREATE INDEX supplier_search_changed_at_idx ON supplier_search (changed_at);
      CREATE INDEX offering_sync_idx ON offering (change_xid, id);
      CREATE INDEX offering_removed_sync_idx ON offering (change_xid, id) WHERE NOT published;
      CREATE INDEX offering_changed_at_idx ON offering (changed_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER offering_tombstone ON offering;
      DROP TRIGGER supplier_tombstone ON supplier;
      DROP FUNCTION record_directory_tombstones();
      DROP TABLE directory_tombstone;
      DROP TRIGGER supplier_search_published_flip ON supplier_search;
      DROP FUNCTION restamp_offerings_of_flipped_suppliers();
      DROP TRIGGER offering_stamp ON offering;
      DROP TRIGGER supplier_search_stamp ON supplier_search;
      DROP FUNCTION stamp_directory_change();
      ALTER TABLE offering DROP COLUMN changed_at, DROP COLUMN change_xid;
      ALTER TABLE supplier_search DROP COLUMN changed_at, DROP COLUMN change_xid;
    `);
  }
}
