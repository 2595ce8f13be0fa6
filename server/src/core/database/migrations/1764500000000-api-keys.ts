import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys of third parties (modules/api-keys/README.md): stored as the SHA-256 of the key
 * with a visible prefix, their hourly usage counters, and the shared rate limiter table
 * used when RATE_LIMIT_STORE=postgres.
 */
export class ApiKeys1764500000000 implements MigrationInterface {
  name = 'ApiKeys1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE api_key (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        account_id integer NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 100),
        -- Shown in lists and logs to tell keys apart ("ai_" and 8 characters); not a secret.
        prefix text NOT NULL UNIQUE CHECK (prefix ~ '^ai_[a-z0-9]{8}$'),
        -- SHA-256 of the whole key: the key itself is shown once at creation and never stored.
        secret_digest bytea NOT NULL UNIQUE CHECK (length(secret_digest) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX api_key_account ON api_key (account_id);

      -- Requests per key and hour, written in batches by the API servers.
      CREATE TABLE api_key_usage (
        api_key_id integer NOT NULL REFERENCES api_key (id) ON DELETE CASCADE,
        hour timestamptz NOT NULL,
        calls integer NOT NULL DEFAULT 0 CHECK (calls >= 0),
        errors integer NOT NULL DEFAULT 0 CHECK (errors >= 0),
        rate_limited integer NOT NULL DEFAULT 0 CHECK (rate_limited >= 0),
        PRIMARY KEY (api_key_id, hour)
      );

      -- Counters of rate-limiter-flexible's RateLimiterPostgres (shape it expects), shared by
      -- every API instance when RATE_LIMIT_STORE=postgres.
      CREATE UNLOGGED TABLE rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limit; DROP TABLE api_key_usage; DROP TABLE api_key;`);
  }
}
