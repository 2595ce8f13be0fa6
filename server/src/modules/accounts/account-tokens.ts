import type { SqlRunner } from '../../core/database/sql-runner.js';
import { AccountTokenPurpose } from './account-token.entity.js';
import { newSecretToken, tokenDigest } from './secret-token.js';

/** How long a link sent by mail works. */
export const TOKEN_LIFETIME_MINUTES: Record<AccountTokenPurpose, number> = {
  [AccountTokenPurpose.PASSWORD_RESET]: 60,
  [AccountTokenPurpose.EMAIL_VERIFICATION]: 7 * 24 * 60,
};

/** Issues a single-use token for a link; only its digest is stored. */
export async function issueToken(db: SqlRunner, accountId: number, purpose: AccountTokenPurpose): Promise<string> {
  const token = newSecretToken();
  await db.query(
    `INSERT INTO account_token (id, account_id, purpose, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
    [tokenDigest(token), accountId, purpose, TOKEN_LIFETIME_MINUTES[purpose]],
  );
  return token;
}

/** The account a usable (known, unused, unexpired) token belongs to, or null. Does not use it. */
export async function accountOfToken(
  db: SqlRunner,
  token: string,
  purpose: AccountTokenPurpose,
): Promise<{ accountId: number; email: string } | null> {
  if (token.length > 100) return null;
  const [row]: { account_id: number; email: string }[] = await db.query(
    `SELECT t.account_id, a.email FROM account_token t JOIN account a ON a.id = t.account_id
     WHERE t.id = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > now()`,
    [tokenDigest(token), purpose],
  );
  return row ? { accountId: row.account_id, email: row.email } : null;
}

/**
 * Uses a token: true for the one caller that got it while usable (the update is the check,
 * so two concurrent uses cannot both succeed). Other tokens of the same purpose and account
 * are used up with it.
 */
export async function useToken(db: SqlRunner, token: string, purpose: AccountTokenPurpose): Promise<number | null> {
  const [row]: { account_id: number }[] = await db.query(
    // In a CTE: TypeORM gives [rows, count] for a bare UPDATE … RETURNING.
    `WITH used AS (
       UPDATE account_token SET used_at = now()
       WHERE id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now() RETURNING account_id)
     SELECT account_id FROM used`,
    [tokenDigest(token), purpose],
  );
  if (!row) return null;
  await db.query(`UPDATE account_token SET used_at = now() WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL`, [
    row.account_id,
    purpose,
  ]);
  return row.account_id;
}
