import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory: territories, category taxonomy, suppliers and offerings, with the
 * search machinery (unaccented French full text, trigram lexicon for typos, earth
 * distance) that the supplier search runs on.
 */
export class InitialDirectory1764000000000 implements MigrationInterface {
  name = 'InitialDirectory1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE EXTENSION IF NOT EXISTS unaccent;
      CREATE EXTENSION IF NOT EXISTS pg_trgm;

      -- unaccent() is only STABLE (it reads a dictionary by name); index expressions need
      -- an IMMUTABLE function, which pinning the dictionary makes safe.
      CREATE FUNCTION immutable_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

      -- "Saint-Étienne", "saint etienne" and "ST ETIENNE " compare equal after this.
      CREATE FUNCTION normalize_search_text(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT btrim(regexp_replace(lower(immutable_unaccent($1)), '[^a-z0-9]+', ' ', 'g')) $$;

      -- Great-circle distance in km (haversine), NULL when a point is missing. Plain float
      -- arithmetic that the planner inlines: earthdistance's ll_to_earth() checks its domain
      -- on every call and costs ten times more per row. (Not STRICT, or it is not inlined;
      -- no least() guard, or NULLs would turn into 20 015 km: French territories are never
      -- antipodal enough for rounding to push the sine above 1.)
      CREATE FUNCTION distance_km(latitude1 float8, longitude1 float8, latitude2 float8, longitude2 float8)
        RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT 12742.0 * asin(sqrt(
          power(sin(radians(latitude2 - latitude1) / 2), 2) +
          cos(radians(latitude1)) * cos(radians(latitude2)) * power(sin(radians(longitude2 - longitude1) / 2), 2))) $$;

      CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = pg_catalog.french);
      ALTER TEXT SEARCH CONFIGURATION french_unaccent
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    `);

    await db.query(`
      CREATE TABLE region (
        code text PRIMARY KEY,
        name text NOT NULL,
        search_name text NOT NULL,
        min_latitude double precision,
        min_longitude double precision,
        max_latitude double precision,
        max_longitude double precision
      );

      CREATE TABLE departement (
        code text PRIMARY KEY,
        name text NOT NULL,
        search_name text NOT NULL,
        region_code text NOT NULL REFERENCES region (code),
        min_latitude double precision,
        min_longitude double precision,
        max_latitude double precision,
        max_longitude double precision
      );
      CREATE INDEX departement_region_idx ON departement (region_code);

      CREATE TYPE commune_kind AS ENUM ('COMMUNE', 'ARRONDISSEMENT');

      CREATE TABLE commune (
        code text PRIMARY KEY,
        name text NOT NULL,
        search_name text NOT NULL,
        kind commune_kind NOT NULL,
        -- For a municipal arrondissement (Paris, Lyon, Marseille): the city it belongs to.
        parent_code text REFERENCES commune (code),
        departement_code text NOT NULL REFERENCES departement (code),
        region_code text NOT NULL REFERENCES region (code),
        postal_codes text[] NOT NULL DEFAULT '{}',
        population integer,
        latitude double precision,
        longitude double precision,
        centre_approximate boolean NOT NULL DEFAULT false,
        CHECK ((latitude IS NULL) = (longitude IS NULL)),
        CHECK ((kind = 'ARRONDISSEMENT') = (parent_code IS NOT NULL))
      );
      CREATE INDEX commune_search_name_trgm_idx ON commune USING gin (search_name gin_trgm_ops);
      CREATE INDEX commune_search_name_prefix_idx ON commune (search_name text_pattern_ops);
      CREATE INDEX commune_postal_codes_idx ON commune USING gin (postal_codes);
      CREATE INDEX commune_departement_idx ON commune (departement_code);
      CREATE INDEX commune_parent_idx ON commune (parent_code);
    `);

    await db.query(`
      CREATE TABLE category_group (
        -- Under 63: a supplier's groups are a bit mask in supplier_search.
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY CHECK (id < 63),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        description text NOT NULL,
        position integer NOT NULL
      );

      CREATE TABLE category (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        group_id integer NOT NULL REFERENCES category_group (id),
        name text NOT NULL,
        description text NOT NULL,
        keywords text[] NOT NULL DEFAULT '{}',
        cpv_prefixes text[] NOT NULL DEFAULT '{}',
        position integer NOT NULL
      );
      CREATE INDEX category_group_idx ON category (group_id);
    `);

    await db.query(`
      CREATE TYPE supplier_kind AS ENUM ('EI', 'AI', 'ACI', 'ETTI', 'EITI', 'GEIQ', 'EA', 'EATT', 'ESAT');
      CREATE TYPE service_type AS ENUM ('STAFF_PROVISION', 'SERVICES', 'GOODS');
      CREATE TYPE service_area_kind AS ENUM ('NATIONAL', 'REGIONS', 'DEPARTEMENTS', 'RADIUS');
      CREATE TYPE position_source AS ENUM ('ADDRESS', 'COMMUNE_CENTRE');
      CREATE TYPE data_source AS ENUM ('DEMO', 'DATA_INCLUSION', 'FINESS', 'MARCHE_INCLUSION', 'EMPLOIS_INCLUSION', 'SUPPLIER');
      CREATE TYPE price_unit AS ENUM ('FLAT', 'HOUR', 'HALF_DAY', 'DAY', 'MONTH', 'PIECE', 'SQUARE_METRE',
        'LINEAR_METRE', 'KILOGRAM', 'TONNE', 'MEAL', 'PERSON');

      CREATE TABLE supplier (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        siret char(14) NOT NULL UNIQUE CHECK (siret ~ '^[0-9]{14}$'),
        siren char(9) GENERATED ALWAYS AS (left(siret, 9)) STORED,
        legal_name text NOT NULL CHECK (btrim(legal_name) <> ''),
        brand_name text,
        kind supplier_kind NOT NULL,
        description text NOT NULL DEFAULT '',
        address text,
        postal_code text,
        commune_code text NOT NULL REFERENCES commune (code),
        -- Denormalised from the commune so that territory filters need no join.
        municipality_code text NOT NULL REFERENCES commune (code),
        departement_code text NOT NULL REFERENCES departement (code),
        region_code text NOT NULL REFERENCES region (code),
        latitude double precision,
        longitude double precision,
        position_source position_source,
        email text,
        phone text,
        website text,
        headcount integer CHECK (headcount >= 0),
        tags text[] NOT NULL DEFAULT '{}',
        service_types service_type[] NOT NULL DEFAULT '{}',
        service_area_kind service_area_kind NOT NULL,
        service_area_region_codes text[] NOT NULL DEFAULT '{}',
        service_area_departement_codes text[] NOT NULL DEFAULT '{}',
        service_area_radius_km integer CHECK (service_area_radius_km BETWEEN 1 AND 2000),
        data_source data_source NOT NULL,
        source_updated_at timestamptz,
        published boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((latitude IS NULL) = (longitude IS NULL)),
        CHECK ((latitude IS NULL) = (position_source IS NULL)),
        CHECK ((service_area_kind = 'RADIUS') = (service_area_radius_km IS NOT NULL)),
        -- Code lists only on areas of their kind (search relies on it).
        CHECK (coalesce(service_area_kind = 'REGIONS', false) OR service_area_region_codes = '{}'),
        CHECK (coalesce(service_area_kind = 'DEPARTEMENTS', false) OR service_area_departement_codes = '{}')
      );
      CREATE INDEX supplier_siren_idx ON supplier (siren);
      CREATE INDEX supplier_commune_idx ON supplier (commune_code);

      -- What searches read of a supplier, one narrow row each (a tenth of a supplier row,
      -- so that broad searches and facets scan little), derived by refresh_supplier_search()
      -- from the supplier, its declared categories and its published offerings.
      CREATE TABLE supplier_search (
        supplier_id integer PRIMARY KEY REFERENCES supplier (id) ON DELETE CASCADE,
        published boolean NOT NULL,
        kind supplier_kind NOT NULL,
        commune_code text NOT NULL,
        municipality_code text NOT NULL,
        departement_code text NOT NULL,
        region_code text NOT NULL,
        latitude double precision,
        longitude double precision,
        service_area_kind service_area_kind NOT NULL,
        service_area_region_codes text[] NOT NULL,
        service_area_departement_codes text[] NOT NULL,
        service_area_radius_km integer,
        service_types service_type[] NOT NULL,
        tags text[] NOT NULL,
        category_ids integer[] NOT NULL,
        -- Bit n set for category group id n, and for the n-th value of the service_type
        -- enum: facets count with bit tests, far cheaper per row than arrays.
        category_group_mask bigint NOT NULL,
        service_type_mask integer NOT NULL,
        min_entry_amount numeric(12, 2),
        sort_name text NOT NULL,
        -- Names only: relevance ranks name matches first without reading the document.
        name_document tsvector NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (service_area_kind = 'REGIONS' OR service_area_region_codes = '{}'),
        CHECK (service_area_kind = 'DEPARTEMENTS' OR service_area_departement_codes = '{}')
      );
      CREATE INDEX supplier_search_commune_idx ON supplier_search (commune_code);
      CREATE INDEX supplier_search_municipality_idx ON supplier_search (municipality_code);
      CREATE INDEX supplier_search_departement_idx ON supplier_search (departement_code);
      CREATE INDEX supplier_search_region_idx ON supplier_search (region_code);
      CREATE INDEX supplier_search_kind_idx ON supplier_search (kind);
      CREATE INDEX supplier_search_category_ids_idx ON supplier_search USING gin (category_ids);
      CREATE INDEX supplier_search_tags_idx ON supplier_search USING gin (tags);
      CREATE INDEX supplier_search_min_entry_amount_idx ON supplier_search (min_entry_amount);
      -- Radius searches prefilter on a box around the centre with this index.
      CREATE INDEX supplier_search_position_idx ON supplier_search USING gist (point(longitude, latitude))
        WHERE latitude IS NOT NULL;
      -- "Serves this territory" is an OR of these, so that it can be a BitmapOr of indexes.
      CREATE INDEX supplier_search_radius_area_idx ON supplier_search USING gist (point(longitude, latitude))
        WHERE service_area_kind = 'RADIUS';
      CREATE INDEX supplier_search_radius_km_idx ON supplier_search (service_area_radius_km)
        WHERE service_area_radius_km IS NOT NULL;
      CREATE INDEX supplier_search_area_regions_idx ON supplier_search USING gin (service_area_region_codes);
      CREATE INDEX supplier_search_area_departements_idx ON supplier_search USING gin (service_area_departement_codes);
      CREATE INDEX supplier_search_national_idx ON supplier_search (supplier_id) WHERE service_area_kind = 'NATIONAL';
      CREATE INDEX supplier_search_sort_name_idx ON supplier_search (sort_name, supplier_id);
      CREATE INDEX supplier_search_updated_at_idx ON supplier_search (updated_at DESC, supplier_id DESC);

      -- The full-text document of a supplier, apart from supplier_search to keep it narrow.
      CREATE TABLE supplier_search_document (
        supplier_id integer PRIMARY KEY REFERENCES supplier (id) ON DELETE CASCADE,
        document tsvector NOT NULL
      );
      CREATE INDEX supplier_search_document_idx ON supplier_search_document USING gin (document);

      -- Sectors a supplier declares (or a source gives) besides those of its offerings.
      CREATE TABLE supplier_category (
        supplier_id integer NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
        category_id integer NOT NULL REFERENCES category (id),
        PRIMARY KEY (supplier_id, category_id)
      );
      CREATE INDEX supplier_category_category_idx ON supplier_category (category_id);

      CREATE TABLE offering (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        supplier_id integer NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
        title text NOT NULL CHECK (btrim(title) <> ''),
        description text NOT NULL DEFAULT '',
        category_id integer NOT NULL REFERENCES category (id),
        service_type service_type NOT NULL,
        price_from numeric(12, 2) CHECK (price_from >= 0),
        price_to numeric(12, 2),
        price_unit price_unit,
        minimum_order_amount numeric(12, 2) CHECK (minimum_order_amount >= 0),
        lead_time_days integer CHECK (lead_time_days >= 0),
        service_area_kind service_area_kind,
        service_area_region_codes text[] NOT NULL DEFAULT '{}',
        service_area_departement_codes text[] NOT NULL DEFAULT '{}',
        service_area_radius_km integer CHECK (service_area_radius_km BETWEEN 1 AND 2000),
        -- The least a buyer can spend: what the small-purchase filter compares.
        entry_amount numeric(12, 2) GENERATED ALWAYS AS (
          CASE WHEN price_from IS NULL THEN NULL ELSE GREATEST(price_from, minimum_order_amount) END
        ) STORED,
        search_document tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('french_unaccent', title), 'A') ||
          setweight(to_tsvector('french_unaccent', description), 'C')
        ) STORED,
        published boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((price_from IS NULL) = (price_unit IS NULL)),
        CHECK (price_to IS NULL OR (price_from IS NOT NULL AND price_to >= price_from)),
        CHECK ((service_area_kind = 'RADIUS') = (service_area_radius_km IS NOT NULL)),
        -- Code lists only on areas of their kind (search relies on it).
        CHECK (coalesce(service_area_kind = 'REGIONS', false) OR service_area_region_codes = '{}'),
        CHECK (coalesce(service_area_kind = 'DEPARTEMENTS', false) OR service_area_departement_codes = '{}')
      );
      CREATE INDEX offering_supplier_idx ON offering (supplier_id, entry_amount);
      CREATE INDEX offering_category_idx ON offering (category_id);
      CREATE INDEX offering_entry_amount_idx ON offering (entry_amount, id);
      CREATE INDEX offering_updated_at_idx ON offering (updated_at DESC, id DESC);
      CREATE INDEX offering_search_document_idx ON offering USING gin (search_document);

      -- One-time loads already done (territories dataset, demo directory), so that a
      -- restart never loads them again, even after an operator deleted their rows.
      CREATE TABLE seed_run (
        name text PRIMARY KEY,
        ran_at timestamptz NOT NULL DEFAULT now()
      );

      -- Words of the directory, for typo-tolerant search: a misspelt query word is
      -- replaced by its nearest known words (trigram similarity).
      CREATE TABLE search_word (
        word text PRIMARY KEY
      );
      CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops);
    `);

    await db.query(`
      CREATE FUNCTION refresh_supplier_search(supplier_ids integer[]) RETURNS void
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

      CREATE FUNCTION refresh_search_words() RETURNS void
      LANGUAGE sql AS $$
        INSERT INTO search_word (word)
        SELECT word FROM ts_stat(
          'SELECT d.document FROM supplier_search_document d JOIN supplier s ON s.id = d.supplier_id WHERE s.published')
        WHERE length(word) >= 3
        ON CONFLICT DO NOTHING
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION refresh_search_words();
      DROP FUNCTION refresh_supplier_search(integer[]);
      DROP TABLE seed_run, search_word, offering, supplier_category, supplier_search_document, supplier_search, supplier, category, category_group,
        commune, departement, region;
      DROP TYPE price_unit, data_source, position_source, service_area_kind, service_type,
        supplier_kind, commune_kind;
      DROP TEXT SEARCH CONFIGURATION french_unaccent;
      DROP FUNCTION distance_km(float8, float8, float8, float8);
      DROP FUNCTION normalize_search_text(text);
      DROP FUNCTION immutable_unaccent(text);
    `);
  }
}
