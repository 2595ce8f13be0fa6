import type { DataSource } from 'typeorm';
import { mailsTo } from '../../test-support/accounts.js';

/** Tests only: helpers of the membership tests. */

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
