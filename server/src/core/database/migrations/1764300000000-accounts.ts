import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts of buyers, supplier staff and admins, their sessions, one-time tokens sent by
 * mail, supplier memberships, and the local mail outbox (modules/accounts/README.md).
 * Secrets are never stored in clear: a session or mail token is kept as its SHA-256.
 */
export class Accounts1764300000000 implements MigrationInterface {
  name = 'Accounts1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE EXTENSION IF NOT EXISTS citext;

      -- What the person is; the suppliers a SUPPLIER_MEMBER may act for are supplier_membership
      -- rows, never the role alone.
      CREATE TYPE account_role AS ENUM ('BUYER', 'SUPPLIER_MEMBER', 'ADMIN');

      CREATE TABLE account (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- Stored trimmed and lower-cased by the application; citext keeps it unique whatever the case.
        email citext NOT NULL UNIQUE CHECK (email::text = lower(btrim(email::text)) AND length(email::text) <= 254),
        -- argon2id, PHC string with its parameters.
        password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        display_name text NOT NULL CHECK (btrim(display_name) <> '' AND length(display_name) <= 100),
        role account_role NOT NULL,
        email_verified_at timestamptz,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TYPE supplier_membership_role AS ENUM ('OWNER', 'MEMBER');

      -- Who may act for a supplier (filled by claims and invitations).
      CREATE TABLE supplier_membership (
        account_id integer NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        supplier_id integer NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
        role supplier_membership_role NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, supplier_id)
      );
      CREATE INDEX supplier_membership_supplier ON supplier_membership (supplier_id);

      CREATE TABLE account_session (
        -- SHA-256 of the random token in the ai_session cookie.
        id bytea PRIMARY KEY CHECK (length(id) = 32),
        account_id integer NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        -- Sent back by the SPA in the X-CSRF-Token header of every mutation.
        csrf_token text NOT NULL,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX account_session_account ON account_session (account_id);
      CREATE INDEX account_session_expires ON account_session (expires_at);

      CREATE TYPE account_token_purpose AS ENUM ('PASSWORD_RESET', 'EMAIL_VERIFICATION');

      -- Single-use tokens sent by mail (password reset, email verification).
      CREATE TABLE account_token (
        -- SHA-256 of the token in the link.
        id bytea PRIMARY KEY CHECK (length(id) = 32),
        account_id integer NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        purpose account_token_purpose NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX account_token_account ON account_token (account_id, purpose);

      -- Every message when no SMTP server is configured (viewable at /dev/outbox in development).
      CREATE TABLE mail_outbox (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        recipient text NOT NULL,
        -- Name of the template (modules/mail/mail-templates.ts), for reading and tests.
        template text NOT NULL,
        subject text NOT NULL,
        text text NOT NULL,
        html text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient, created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE mail_outbox;
      DROP TABLE account_token;
      DROP TYPE account_token_purpose;
      DROP TABLE account_session;
      DROP TABLE supplier_membership;
      DROP TYPE supplier_membership_role;
      DROP TABLE account;
      DROP TYPE account_role;
    `);
  }
}
