import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports of the real directory from official open data (modules/imports/README.md):
 * which source records feed each supplier, the runs and their reports, what a supplier
 * edited itself (never overwritten by an import), antenna SIRETs; and a set-based
 * refresh_supplier_search() (same result, a third cheaper: bulk imports call it on every
 * batch).
 */
export class Imports1764100000000 implements MigrationInterface {
  name = 'Imports1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE supplier
        -- Les emplois de l'inclusion numbers the antennas of a structure SIREN + 999xx: not
        -- a real establishment, usually not Luhn-valid, accepted and flagged.
        ADD COLUMN siret_is_antenna boolean NOT NULL DEFAULT false,
        -- Fields the structure edited itself: imports never overwrite them. The names are
        -- those of modules/suppliers/self-edited-fields.ts.
        ADD COLUMN self_edited_fields text[] NOT NULL DEFAULT '{}'
          CHECK (self_edited_fields <@ ARRAY['legalName', 'brandName', 'kind', 'description', 'address', 'email',
            'phone', 'website', 'serviceTypes', 'tags', 'categories', 'serviceArea']);

      -- normalize_search_text() with a schema-qualified body: index expressions are evaluated
      -- with an empty search_path by CREATE INDEX, ANALYZE and VACUUM.
      CREATE FUNCTION match_name(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT btrim(regexp_replace(lower(public.immutable_unaccent($1)), '[^a-z0-9]+', ' ', 'g')) $$;

      -- A commune name as sources write it, in the form of commune.search_name: "METZ CEDEX 1"
      -- gives "metz", "St-Dié" gives "saint die".
      CREATE FUNCTION commune_search_key(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT nullif(regexp_replace(regexp_replace(regexp_replace(match_name($1),
          ' cedex( [0-9]+)?$|^cedex( [0-9]+)?$', ''), '(^| )st( |$)', '\\1saint\\2', 'g'), '(^| )ste( |$)', '\\1sainte\\2', 'g'), '') $$;

      -- Duplicates across sources: the same normalised name (legal or brand) in the same city.
      CREATE INDEX supplier_match_name_idx ON supplier (municipality_code, match_name(legal_name));
      CREATE INDEX supplier_match_brand_idx ON supplier (municipality_code, match_name(brand_name))
        WHERE brand_name IS NOT NULL;

      CREATE TYPE import_run_status AS ENUM ('RUNNING', 'COMPLETED', 'FAILED');

      -- One run of \`pnpm import\`, with its report; counts are updated in the transaction of
      -- each batch, so an interrupted run shows exactly what it committed.
      CREATE TABLE import_run (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source data_source NOT NULL,
        format text NOT NULL,
        file text NOT NULL,
        -- A file that is not the whole source: nothing is unpublished for being absent.
        partial boolean NOT NULL,
        dry_run boolean NOT NULL,
        status import_run_status NOT NULL DEFAULT 'RUNNING',
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        duration_ms integer,
        rows_read integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        merged integer NOT NULL DEFAULT 0,
        republished integer NOT NULL DEFAULT 0,
        unpublished integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        skipped integer NOT NULL DEFAULT 0,
        commune_centre_positions integer NOT NULL DEFAULT 0,
        -- reason → rows
        skipped_reasons jsonb NOT NULL DEFAULT '{}',
        -- activity value as the source writes it → rows
        unmapped_activities jsonb NOT NULL DEFAULT '{}',
        error text
      );
      CREATE INDEX import_run_started_idx ON import_run (started_at DESC);

      CREATE TABLE import_rejection (
        run_id integer NOT NULL REFERENCES import_run (id) ON DELETE CASCADE,
        line integer NOT NULL,
        reason text NOT NULL,
        value text
      );
      CREATE INDEX import_rejection_run_idx ON import_rejection (run_id, line);

      -- A structure as a source knows it, and the supplier it feeds. A supplier found in
      -- several sources (same SIRET, or same name in the same city) has several records;
      -- its primary record gives its official fields, the others fill what it lacks.
      CREATE TABLE supplier_source_record (
        source data_source NOT NULL,
        source_id text NOT NULL,
        supplier_id integer NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
        -- As the source gives it (a merge by name may attach a record with another SIRET).
        siret char(14) NOT NULL,
        is_primary boolean NOT NULL,
        -- In the last full file of its source (false: absent, the supplier may be unpublished).
        present boolean NOT NULL DEFAULT true,
        -- Of what the record writes; NULL makes the next import rewrite it.
        content_hash text,
        -- Activities as the source writes them, and the categories they map to.
        activities text[] NOT NULL DEFAULT '{}',
        category_ids integer[] NOT NULL DEFAULT '{}',
        source_updated_at timestamptz,
        -- import_run ids, without foreign keys: two checks a row cost a bulk import more than
        -- they protect (runs are never deleted by the application).
        first_run_id integer,
        last_changed_run_id integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, source_id)
      );
      CREATE INDEX supplier_source_record_supplier_idx ON supplier_source_record (supplier_id);
      CREATE UNIQUE INDEX supplier_source_record_primary_idx ON supplier_source_record (supplier_id) WHERE is_primary;
    `);

    await db.query(`
      -- {"a": 1} and {"a": 2, "b": 1} give {"a": 3, "b": 1}: counters by value in a run's report.
      CREATE FUNCTION jsonb_add_counts(a jsonb, b jsonb) RETURNS jsonb
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$
          SELECT coalesce(jsonb_object_agg(key, total), '{}')
          FROM (
            SELECT key, sum(value::bigint) AS total
            FROM (SELECT * FROM jsonb_each_text(a) UNION ALL SELECT * FROM jsonb_each_text(b)) counts
            GROUP BY key
          ) sums
        $$;

      CREATE AGGREGATE tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

      -- Same projection as before, computed set-wise: each category's words are parsed once
      -- per call (not once per supplier), offerings reuse their stored document, and the
      -- names are parsed once for both vectors. (Positions in the document differ; searches
      -- only test lexemes.)
      CREATE OR REPLACE FUNCTION refresh_supplier_search(supplier_ids integer[]) RETURNS void
      LANGUAGE sql AS $$
        WITH offs AS MATERIALIZED (
          SELECT o.supplier_id, min(o.entry_amount) AS min_entry_amount,
                 tsvector_agg(setweight(ts_filter(o.search_document, '{a}'), 'B') || ts_filter(o.search_document, '{c}')) AS document
          FROM offering o
          WHERE o.supplier_id = ANY(supplier_ids) AND o.published
          GROUP BY o.supplier_id
        ),
        links AS MATERIALIZED (
          SELECT sc.supplier_id, sc.category_id FROM supplier_category sc WHERE sc.supplier_id = ANY(supplier_ids)
          UNION
          SELECT o.supplier_id, o.category_id FROM offering o WHERE o.supplier_id = ANY(supplier_ids) AND o.published
        ),
        category_documents AS MATERIALIZED (
          SELECT c.id, c.group_id,
                 setweight(to_tsvector('french_unaccent', c.name || ' ' || g.name || ' ' || array_to_string(c.keywords, ' ')), 'B') AS document
          FROM category c JOIN category_group g ON g.id = c.group_id
          WHERE c.id IN (SELECT category_id FROM links)
        ),
        cats AS MATERIALIZED (
          SELECT l.supplier_id, array_agg(l.category_id ORDER BY l.category_id) AS ids,
                 bit_or(1::bigint << cd.group_id) AS group_mask, tsvector_agg(cd.document) AS document
          FROM links l JOIN category_documents cd ON cd.id = l.category_id
          GROUP BY l.supplier_id
        ),
        computed AS MATERIALIZED (
          SELECT s.*, coalesce(cats.ids, '{}') AS category_ids, coalesce(cats.group_mask, 0) AS category_group_mask,
                 offs.min_entry_amount, n.name_document,
                 setweight(n.name_document, 'A') || coalesce(cats.document, '') || coalesce(offs.document, '') ||
                   setweight(to_tsvector('french_unaccent', s.description || ' ' || array_to_string(s.tags, ' ')), 'C') AS document
          FROM supplier s
          CROSS JOIN LATERAL (
            SELECT to_tsvector('french_unaccent', s.legal_name || ' ' || coalesce(s.brand_name, '')) AS name_document
          ) n
          LEFT JOIN cats ON cats.supplier_id = s.id
          LEFT JOIN offs ON offs.supplier_id = s.id
          WHERE s.id = ANY(supplier_ids)
        ),
        documents AS (
          INSERT INTO supplier_search_document (supplier_id, document)
          SELECT id, document FROM computed
          ON CONFLICT (supplier_id) DO UPDATE SET document = excluded.document
        )
        INSERT INTO supplier_search AS target (supplier_id, published, kind, commune_code, municipality_code,
          departement_code, region_code, latitude, longitude, service_area_kind, service_area_region_codes,
          service_area_departement_codes, service_area_radius_km, service_types, tags, category_ids,
          category_group_mask, service_type_mask, min_entry_amount, sort_name, name_document,
          updated_at)
        SELECT c.id, c.published, c.kind, c.commune_code, c.municipality_code, c.departement_code, c.region_code,
          c.latitude, c.longitude, c.service_area_kind, c.service_area_region_codes, c.service_area_departement_codes,
          c.service_area_radius_km, c.service_types, c.tags, c.category_ids, c.category_group_mask,
          (SELECT coalesce(bit_or(1 << (array_position(enum_range(NULL::service_type), t) - 1)), 0)
             FROM unnest(c.service_types) AS t),
          c.min_entry_amount, normalize_search_text(coalesce(c.brand_name, c.legal_name)), c.name_document, c.updated_at
        FROM computed c
        ON CONFLICT (supplier_id) DO UPDATE SET
          published = excluded.published, kind = excluded.kind, commune_code = excluded.commune_code,
          municipality_code = excluded.municipality_code, departement_code = excluded.departement_code,
          region_code = excluded.region_code, latitude = excluded.latitude, longitude = excluded.longitude,
          service_area_kind = excluded.service_area_kind, service_area_region_codes = excluded.service_area_region_codes,
          service_area_departement_codes = excluded.service_area_departement_codes,
          service_area_radius_km = excluded.service_area_radius_km, service_types = excluded.service_types,
          tags = excluded.tags, category_ids = excluded.category_ids,
          category_group_mask = excluded.category_group_mask, service_type_mask = excluded.service_type_mask,
          min_entry_amount = excluded.min_entry_amount, sort_name = excluded.sort_name,
          name_document = excluded.name_document, updated_at = excluded.updated_at
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    // The refresh function of 1764000000000, as it was.
    await db.query(`
      CREATE OR REPLACE FUNCTION refresh_supplier_search(supplier_ids integer[]) RETURNS void
      LANGUAGE sql AS $$
        WITH computed AS (
          SELECT s.*,
                 cats.ids AS category_ids,
                 cats.group_ids AS category_group_ids,
                 offs.min_entry_amount,
                 setweight(to_tsvector('french_unaccent', s.legal_name || ' ' || coalesce(s.brand_name, '')), 'A') ||
                 setweight(to_tsvector('french_unaccent', coalesce(cats.words, '') || ' ' || coalesce(offs.titles, '')), 'B') ||
                 setweight(to_tsvector('french_unaccent',
                   s.description || ' ' || coalesce(offs.descriptions, '') || ' ' || array_to_string(s.tags, ' ')), 'C') AS document
          FROM supplier s
          CROSS JOIN LATERAL (
            SELECT coalesce(array_agg(c.id ORDER BY c.id), '{}') AS ids,
                   coalesce(array_agg(DISTINCT c.group_id), '{}') AS group_ids,
                   string_agg(c.name || ' ' || g.name || ' ' || array_to_string(c.keywords, ' '), ' ') AS words
            FROM category c
            JOIN category_group g ON g.id = c.group_id
            WHERE c.id IN (
              SELECT sc.category_id FROM supplier_category sc WHERE sc.supplier_id = s.id
              UNION
              SELECT o.category_id FROM offering o WHERE o.supplier_id = s.id AND o.published
            )
          ) cats
          CROSS JOIN LATERAL (
            SELECT min(o.entry_amount) AS min_entry_amount,
                   string_agg(o.title, ' ') AS titles,
                   string_agg(o.description, ' ') AS descriptions
            FROM offering o
            WHERE o.supplier_id = s.id AND o.published
          ) offs
          WHERE s.id = ANY(supplier_ids)
        ),
        documents AS (
          INSERT INTO supplier_search_document (supplier_id, document)
          SELECT id, document FROM computed
          ON CONFLICT (supplier_id) DO UPDATE SET document = excluded.document
        )
        INSERT INTO supplier_search AS target (supplier_id, published, kind, commune_code, municipality_code,
          departement_code, region_code, latitude, longitude, service_area_kind, service_area_region_codes,
          service_area_departement_codes, service_area_radius_km, service_types, tags, category_ids,
          category_group_mask, service_type_mask, min_entry_amount, sort_name, name_document,
          updated_at)
        SELECT c.id, c.published, c.kind, c.commune_code, c.municipality_code, c.departement_code, c.region_code,
          c.latitude, c.longitude, c.service_area_kind, c.service_area_region_codes, c.service_area_departement_codes,
          c.service_area_radius_km, c.service_types, c.tags, c.category_ids,
          (SELECT coalesce(bit_or(1::bigint << g), 0) FROM unnest(c.category_group_ids) AS g),
          (SELECT coalesce(bit_or(1 << (array_position(enum_range(NULL::service_type), t) - 1)), 0)
             FROM unnest(c.service_types) AS t),
          c.min_entry_amount, normalize_search_text(coalesce(c.brand_name, c.legal_name)),
          to_tsvector('french_unaccent', c.legal_name || ' ' || coalesce(c.brand_name, '')), c.updated_at
        FROM computed c
        ON CONFLICT (supplier_id) DO UPDATE SET
          published = excluded.published, kind = excluded.kind, commune_code = excluded.commune_code,
          municipality_code = excluded.municipality_code, departement_code = excluded.departement_code,
          region_code = excluded.region_code, latitude = excluded.latitude, longitude = excluded.longitude,
          service_area_kind = excluded.service_area_kind, service_area_region_codes = excluded.service_area_region_codes,
          service_area_departement_codes = excluded.service_area_departement_codes,
          service_area_radius_km = excluded.service_area_radius_km, service_types = excluded.service_types,
          tags = excluded.tags, category_ids = excluded.category_ids,
          category_group_mask = excluded.category_group_mask, service_type_mask = excluded.service_type_mask,
          min_entry_amount = excluded.min_entry_amount, sort_name = excluded.sort_name,
          name_document = excluded.name_document, updated_at = excluded.updated_at
      $$;
      DROP AGGREGATE tsvector_agg(tsvector);
      DROP FUNCTION jsonb_add_counts(jsonb, jsonb);
      DROP TABLE supplier_source_record, import_rejection, import_run;
      DROP TYPE import_run_status;
      DROP INDEX supplier_match_brand_idx, supplier_match_name_idx;
      DROP FUNCTION commune_search_key(text), match_name(text);
      ALTER TABLE supplier DROP COLUMN self_edited_fields, DROP COLUMN siret_is_antenna;
    `);
  }
}
