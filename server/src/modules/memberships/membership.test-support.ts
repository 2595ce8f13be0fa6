import type { DataSource } from 'typeorm';
import { mailsTo, signUpIn, type UserErrorData } from '../../test-support/accounts.js';
import type { TestServer } from '../../test-support/test-server.js';

/** Tests only: helpers of the membership tests. */

export const USER_ERRORS = 'userErrors { field code message }';
export type { UserErrorData };

/** A signed-in account of the role; admins are promoted in the database (as `pnpm admin:create` would). */
export async function signedIn(server: TestServer, db: DataSource, role: 'BUYER' | 'SUPPLIER_MEMBER' | 'ADMIN', displayName = 'Camille Martin') {
  const browser = server.browser();
  const viewer = await signUpIn(browser, { role: role === 'ADMIN' ? 'BUYER' : role, displayName });
  if (role === 'ADMIN') await db.query(`UPDATE account SET role = 'ADMIN' WHERE email = $1`, [viewer.account.email]);
  return { browser, email: viewer.account.email, accountId: viewer.account.id };
}

export async function addMembership(db: DataSource, email: string, supplierId: number, role: 'OWNER' | 'MEMBER'): Promise<void> {
  await db.query(`INSERT INTO supplier_membership (account_id, supplier_id, role) SELECT id, $2, $3 FROM account WHERE email = $1`, [
    email,
    supplierId,
    role,
  ]);
}

/** The 6-digit code of the last claim-code mail sent to an address. */
export async function lastCodeSentTo(db: DataSource, email: string): Promise<string> {
  const mails = await mailsTo(db, email, 'claim-code');
  const match = /^(\d{6})$/m.exec(mails[mails.length - 1]?.text ?? '');
  if (!match) throw new Error(`No code mailed to ${email}`);
  return match[1];
}

export async function changeActions(db: DataSource, supplierId: number): Promise<string[]> {
  const rows: { action: string }[] = await db.query('SELECT action FROM change_log WHERE supplier_id = $1 ORDER BY id', [supplierId]);
  return rows.map((row) => row.action);
}

export function errorCode(response: { errors?: { extensions?: Record<string, unknown> }[] }): unknown {
  return response.errors?.[0]?.extensions?.code;
}

