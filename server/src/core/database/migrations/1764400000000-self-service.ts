import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supplier self-service: claims and invitations (how an account comes to act for a
 * supplier), proposals of missing structures, version numbers for optimistic concurrency,
 * offering archiving, logos, the change log (who changed what, when) and buyers' server
 * shortlists.
 */
export class SelfService1764400000000 implements MigrationInterface {
  name = 'SelfService1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Every edit sends the version it read; a stale one is a conflict, never an overwrite.
      ALTER TABLE supplier ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
      ALTER TABLE offering
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        -- Archived offerings leave the supplier's lists but stay for the change log.
        ADD COLUMN archived_at timestamptz,
        ADD CONSTRAINT offering_archived_unpublished CHECK (archived_at IS NULL OR NOT published);
      CREATE INDEX offering_supplier_list_idx ON offering (supplier_id, created_at DESC, id DESC);

      CREATE TYPE supplier_claim_method AS ENUM ('EMAIL_CODE', 'ADMIN_REVIEW');
      CREATE TYPE supplier_claim_status AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED');

      -- A request of an account to act for a supplier: proven by a code mailed to the
      -- supplier's address on record, or decided by an admin.
      CREATE TABLE supplier_claim (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        supplier_id integer NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
        account_id integer NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        method supplier_claim_method NOT NULL,
        status supplier_claim_status NOT NULL DEFAULT 'PENDING',
        -- What the claimant tells the admin (role in the structure, how to check).
        message text NOT NULL DEFAULT '' CHECK (length(message) <= 2000),
        -- EMAIL_CODE: SHA-256 of the code, where it went, until when, wrong tries.
        code_hash bytea CHECK (code_hash IS NULL OR length(code_hash) = 32),
        code_sent_to text,
        code_expires_at timestamptz,
        failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        decided_by integer REFERENCES account (id) ON DELETE SET NULL,
        decided_at timestamptz,
        decision_reason text CHECK (length(decision_reason) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (method <> 'EMAIL_CODE' OR status <> 'PENDING' OR (code_hash IS NOT NULL AND code_expires_at IS NOT NULL)),
        CHECK ((status IN ('PENDING', 'CANCELLED')) = (decided_at IS NULL))
      );
      -- One open claim per account and supplier.
      CREATE UNIQUE INDEX supplier_claim_one_pending ON supplier_claim (supplier_id, account_id) WHERE status = 'PENDING';
      CREATE INDEX supplier_claim_account_idx ON supplier_claim (account_id, created_at DESC);
      -- The admins' queue.
      CREATE INDEX supplier_claim_review_queue_idx ON supplier_claim (created_at, id)
        WHERE status = 'PENDING' AND method = 'ADMIN_REVIEW';

      -- A colleague invited by a member of a claimed supplier; accepted through a mailed link.
      CREATE TABLE supplier_invitation (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        supplier_id integer NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
        email citext NOT NULL CHECK (email::text = lower(btrim(email::text)) AND length(email::text) <= 254),
        role supplier_membership_role NOT NULL DEFAULT 'MEMBER',
        invited_by integer REFERENCES account (id) ON DELETE SET NULL,
        -- SHA-256 of the token in the link.
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by integer REFERENCES account (id) ON DELETE SET NULL,
        revoked_at timestamptz,
        CHECK (accepted_at IS NULL OR revoked_at IS NULL)
      );
      CREATE UNIQUE INDEX supplier_invitation_one_open ON supplier_invitation (supplier_id, email)
        WHERE accepted_at IS NULL AND revoked_at IS NULL;
      CREATE INDEX supplier_invitation_email_idx ON supplier_invitation (email) WHERE accepted_at IS NULL AND revoked_at IS NULL;

      CREATE TYPE supplier_proposal_status AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

      -- A structure missing from the directory, proposed by an account: its supplier row
      -- exists unpublished (data_source SUPPLIER) until an admin approves it.
      CREATE TABLE supplier_proposal (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        supplier_id integer NOT NULL UNIQUE REFERENCES supplier (id) ON DELETE CASCADE,
        proposed_by integer REFERENCES account (id) ON DELETE SET NULL,
        status supplier_proposal_status NOT NULL DEFAULT 'PENDING',
        message text NOT NULL DEFAULT '' CHECK (length(message) <= 2000),
        decided_by integer REFERENCES account (id) ON DELETE SET NULL,
        decided_at timestamptz,
        decision_reason text CHECK (length(decision_reason) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'PENDING') = (decided_at IS NULL))
      );
      CREATE INDEX supplier_proposal_review_queue_idx ON supplier_proposal (created_at, id) WHERE status = 'PENDING';
      CREATE INDEX supplier_proposal_proposed_by_idx ON supplier_proposal (proposed_by);

      -- A supplier's logo, sniffed and size-checked on upload (never SVG: it can carry script).
      CREATE TABLE supplier_logo (
        supplier_id integer PRIMARY KEY REFERENCES supplier (id) ON DELETE CASCADE,
        media_type text NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp')),
        content bytea NOT NULL CHECK (length(content) BETWEEN 1 AND 524288),
        -- SHA-256 of the content: part of the logo's URL, so that it can be cached for ever.
        content_hash bytea NOT NULL CHECK (length(content_hash) = 32),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- Who changed what and when, for every self-service write and moderation decision.
      CREATE TABLE change_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- Null when the account was deleted since.
        account_id integer REFERENCES account (id) ON DELETE SET NULL,
        supplier_id integer REFERENCES supplier (id) ON DELETE CASCADE,
        offering_id integer REFERENCES offering (id) ON DELETE SET NULL,
        -- What happened, a closed set of names (modules/audit/change-log.ts).
        action text NOT NULL CHECK (action ~ '^[A-Z_]+$'),
        -- Changed fields: {"field": {"from": …, "to": …}}; other details for decisions.
        changes jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX change_log_supplier_idx ON change_log (supplier_id, created_at DESC, id DESC);
      CREATE INDEX change_log_account_idx ON change_log (account_id);
      CREATE INDEX change_log_offering_idx ON change_log (offering_id) WHERE offering_id IS NOT NULL;

      -- A buyer's named lists of suppliers, with a note per supplier.
      CREATE TABLE shortlist (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        account_id integer NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 100),
        -- Random, URL-safe: the read-only share link's key (null: not shared).
        share_token text UNIQUE CHECK (share_token ~ '^[A-Za-z0-9_-]{22,}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX shortlist_account_idx ON shortlist (account_id, created_at);

      CREATE TABLE shortlist_entry (
        shortlist_id integer NOT NULL REFERENCES shortlist (id) ON DELETE CASCADE,
        supplier_id integer NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shortlist_id, supplier_id)
      );
      CREATE INDEX shortlist_entry_supplier_idx ON shortlist_entry (supplier_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE shortlist_entry;
      DROP TABLE shortlist;
      DROP TABLE change_log;
      DROP TABLE supplier_logo;
      DROP TABLE supplier_proposal;
      DROP TYPE supplier_proposal_status;
      DROP TABLE supplier_invitation;
      DROP TABLE supplier_claim;
      DROP TYPE supplier_claim_status;
      DROP TYPE supplier_claim_method;
      DROP INDEX offering_supplier_list_idx;
      ALTER TABLE offering DROP CONSTRAINT offering_archived_unpublished, DROP COLUMN archived_at, DROP COLUMN version;
      ALTER TABLE supplier DROP COLUMN version;
    `);
  }
}
