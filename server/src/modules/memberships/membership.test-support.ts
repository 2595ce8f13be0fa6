import type { DataSource } from 'typeorm';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { mailsTo, USER_ERRORS, type UserErrorData } from '../../test-support/accounts.js';
import { insertSupplier } from '../../test-support/factories.js';
import type { TestBrowser } from '../../test-support/test-server.js';

/** Tests only: helpers of the membership tests. */

/** The 6-digit code of the last claim-code mail sent to an address. */
export async function lastCodeSentTo(db: DataSource, email: string): Promise<string> {
  const mails = await mailsTo(db, email, 'claim-code');
  const match = /^(\d{6})$/m.exec(mails[mails.length - 1]?.text ?? '');
  if (!match) throw new Error(`No code mailed to ${email}`);
  return match[1];
}

/** A 6-digit code other than `code` (the `n`-th one after it, so that guesses differ). */
export function wrongCode(code: string, n = 0): string {
  return String((Number(code) + 1 + n) % 1_000_000).padStart(6, '0');
}

export async function changeActions(db: DataSource, supplierId: number): Promise<string[]> {
  const rows: { action: string }[] = await db.query('SELECT action FROM change_log WHERE supplier_id = $1 ORDER BY id', [supplierId]);
  return rows.map((row) => row.action);
}

/** A published supplier from official data, with this address on record. */
export async function insertOfficialSupplier(db: DataSource, email: string | null = 'contact@jardins-metz.fr'): Promise<number> {
  const id = await insertSupplier(db, { legalName: 'Les Jardins de Metz' });
  await db.query('UPDATE supplier SET email = $2 WHERE id = $1', [id, email]);
  return id;
}

export const CLAIM_FIELDS = `id method status message codeSentTo codeExpiresAt decisionReason decidedAt createdAt
  supplier { id name } claimant { id email displayName }`;
export const REQUEST_CLAIM = `mutation Request($input: RequestSupplierClaimInput!) {
  requestSupplierClaim(input: $input) { claim { ${CLAIM_FIELDS} } membership { role } ${USER_ERRORS} } }`;
const CONFIRM = `mutation Confirm($input: ConfirmSupplierClaimInput!) {
  confirmSupplierClaim(input: $input) { claim { ${CLAIM_FIELDS} } membership { role since supplier { id published } } ${USER_ERRORS} } }`;
export const CANCEL_CLAIM = `mutation Cancel($input: CancelSupplierClaimInput!) { cancelSupplierClaim(input: $input) { claim { status } ${USER_ERRORS} } }`;

export interface ClaimData {
  id: string;
  method: string;
  status: string;
  message: string;
  codeSentTo: string | null;
  decisionReason: string | null;
  supplier: { id: string; name: string };
  claimant: { email: string; displayName: string };
}

export interface ClaimPayload {
  claim: ClaimData | null;
  membership: { role: string } | null;
  userErrors: UserErrorData[];
}

export async function requestClaim(browser: TestBrowser, supplierId: number, method = 'EMAIL_CODE', message?: string): Promise<ClaimPayload> {
  const response = await browser.query<{ requestSupplierClaim: ClaimPayload }>(REQUEST_CLAIM, {
    input: { supplierId: toGlobalId('Supplier', supplierId), method, message },
  });
  return response.data!.requestSupplierClaim;
}

export async function confirmClaim(browser: TestBrowser, claimId: string, code: string): Promise<ClaimPayload> {
  return (await browser.query<{ confirmSupplierClaim: ClaimPayload }>(CONFIRM, { input: { claimId, code } })).data!.confirmSupplierClaim;
}

export async function cancelClaim(browser: TestBrowser, claimId: string): Promise<ClaimPayload> {
  return (await browser.query<{ cancelSupplierClaim: ClaimPayload }>(CANCEL_CLAIM, { input: { claimId } })).data!.cancelSupplierClaim;
}
