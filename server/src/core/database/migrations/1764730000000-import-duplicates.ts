import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import reports (modules/imports/README.md, "The report"): rows not imported because an
 * earlier row of the file had their SIRET (`duplicates`, a row outcome), and changes made to
 * imported rows (`warnings`: a description cut to the directory's limit, a contact value too
 * long left out). Both are counted whole and listed up to their first 100 rows by line
 * (`duplicate_rows`: line, siret, firstLine; `warning_rows`: line, reason, value), merged
 * batch by batch with `jsonb_first_rows`.
 */
export class ImportDuplicates1764730000000 implements MigrationInterface {
  name = 'ImportDuplicates1764730000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE import_run
        ADD COLUMN duplicates integer NOT NULL DEFAULT 0,
        ADD COLUMN duplicate_rows jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN warnings integer NOT NULL DEFAULT 0,
        ADD COLUMN warning_rows jsonb NOT NULL DEFAULT '[]';

      -- The n elements of smallest "line" of two arrays of objects, by line.
      CREATE FUNCTION jsonb_first_rows(a jsonb, b jsonb, n integer) RETURNS jsonb
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$
          SELECT coalesce(jsonb_agg(e ORDER BY (e ->> 'line')::int), '[]')
          FROM (SELECT e FROM jsonb_array_elements(a || b) AS e ORDER BY (e ->> 'line')::int LIMIT n) AS first_rows
        $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION jsonb_first_rows(jsonb, jsonb, integer);
      ALTER TABLE import_run DROP COLUMN duplicates, DROP COLUMN duplicate_rows, DROP COLUMN warnings, DROP COLUMN warning_rows;
    `);
  }
}
