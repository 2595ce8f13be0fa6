import type { SqlRunner } from '../../core/database/sql-runner.js';
import { newSecretToken, tokenDigest } from './secret-token.js';
import type { SessionViewer } from './viewer.js';

/** A session is renewed (sliding expiry) at most once in this delay: not a write per request. */
const RENEW_AFTER_MS = 60 * 60 * 1000;

interface SessionRow {
  id: Buffer;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  account_id: number;
  email: string;
  display_name: string;
  role: SessionViewer['role'];
  email_verified_at: Date | null;
  created_at: Date;
  memberships: SessionViewer['memberships'];
}

const SELECT_SESSION = `
  SELECT s.id, s.csrf_token, s.last_seen_at, s.expires_at,
         a.id AS account_id, a.email, a.display_name, a.role, a.email_verified_at, a.created_at,
         coalesce((SELECT json_agg(json_build_object('supplierId', m.supplier_id, 'role', m.role) ORDER BY m.supplier_id)
                   FROM supplier_membership m WHERE m.account_id = a.id), '[]') AS memberships
  FROM account_session s
  JOIN account a ON a.id = s.account_id
  WHERE s.id = $1 AND s.expires_at > now()`;

function viewerOf(row: SessionRow): SessionViewer {
  return {
    accountId: row.account_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    emailVerifiedAt: row.email_verified_at,
    createdAt: row.created_at,
    memberships: row.memberships,
    sessionId: row.id,
    csrfToken: row.csrf_token,
  };
}

/**
 * Server-side sessions in the account_session table: the cookie carries a random token, the
 * table its SHA-256, so a stolen database gives no usable session, and signing out or
 * changing a password ends sessions at once.
 */
export class SessionStore {
  constructor(
    private readonly db: SqlRunner,
    private readonly ttlDays: number,
  ) {}

  /** Opens a session; returns the cookie token (shown once, never stored) and the viewer. */
  async create(accountId: number, userAgent: string | null): Promise<{ token: string; expiresAt: Date; viewer: SessionViewer }> {
    const token = newSecretToken();
    const id = tokenDigest(token);
    // The account's expired sessions go at the same time: the table does not grow forever.
    await this.db.query(`DELETE FROM account_session WHERE account_id = $1 AND expires_at <= now()`, [accountId]);
    await this.db.query(
      `INSERT INTO account_session (id, account_id, csrf_token, user_agent, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))`,
      [id, accountId, newSecretToken(), userAgent?.slice(0, 500) ?? null, this.ttlDays],
    );
    const [row]: SessionRow[] = await this.db.query(SELECT_SESSION, [id]);
    return { token, expiresAt: row.expires_at, viewer: viewerOf(row) };
  }

  /**
   * The viewer of a cookie token, or null when the session is unknown or expired.
   * `renewedUntil` is set when the sliding expiry moved (the cookie must be sent again).
   */
  async resolve(token: string): Promise<{ viewer: SessionViewer; renewedUntil: Date | null } | null> {
    if (token.length > 100) return null;
    const [row]: SessionRow[] = await this.db.query(SELECT_SESSION, [tokenDigest(token)]);
    if (!row) return null;
    let renewedUntil: Date | null = null;
    if (Date.now() - row.last_seen_at.getTime() > RENEW_AFTER_MS) {
      const [renewed]: { expires_at: Date }[] = await this.db.query(
        // In a CTE: TypeORM gives [rows, count] for a bare UPDATE … RETURNING.
        `WITH renewed AS (
           UPDATE account_session SET last_seen_at = now(), expires_at = now() + make_interval(days => $2)
           WHERE id = $1 RETURNING expires_at)
         SELECT expires_at FROM renewed`,
        [row.id, this.ttlDays],
      );
      renewedUntil = renewed?.expires_at ?? null;
    }
    return { viewer: viewerOf(row), renewedUntil };
  }

  async delete(sessionId: Buffer): Promise<void> {
    await this.db.query(`DELETE FROM account_session WHERE id = $1`, [sessionId]);
  }

  /** Ends every session of an account, but the one given (the browser that changed the password). */
  async deleteAllOf(accountId: number, except: Buffer | null = null): Promise<void> {
    await this.db.query(`DELETE FROM account_session WHERE account_id = $1 AND ($2::bytea IS NULL OR id <> $2)`, [accountId, except]);
  }
}
