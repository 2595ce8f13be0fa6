import type { EntityManager } from 'typeorm';
import type { SqlRunner } from '../../core/database/sql-runner.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { InputCheck } from '../../core/graphql/input-check.js';
import { ChangeAction, recordChange } from '../audit/change-log.js';
import type { MembershipRole } from '../accounts/supplier-membership.entity.js';
import {
  AccountSummary, type ClaimMethod, type ClaimStatus, type ProposalStatus, SupplierClaim, SupplierInvitation, SupplierMembership, SupplierProposal,
} from './membership.types.js';

/** Reads and writes shared by claims, invitations and proposals. */

export const MESSAGE_MAX_LENGTH = 2000;

/** A message or reason: plain multi-line text, optional unless `required`. */
export function checkMessage(check: InputCheck, field: string, raw: string | null | undefined, label: string, required = false): string | null {
  return check.text([field], raw ?? '', { label, max: MESSAGE_MAX_LENGTH, multiline: true, required });
}

/** "c•••@exemple.fr": enough to recognise one's own mailbox, not enough to harvest it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${[...email.slice(0, at)][0]}•••${email.slice(at)}`;
}

export function accountSummary(id: number, email: string, displayName: string): AccountSummary {
  return Object.assign(new AccountSummary(), { id: toGlobalId('Account', id), email, displayName });
}

/**
 * Makes the account act for the supplier (an OWNER stays OWNER; a MEMBER made OWNER is
 * promoted), logged as MEMBER_JOINED. In the caller's transaction.
 */
export async function grantMembership(
  manager: EntityManager,
  grant: { accountId: number; supplierId: number; role: MembershipRole; actorId: number; via: Record<string, unknown> },
): Promise<void> {
  await manager.query(
    `INSERT INTO supplier_membership (account_id, supplier_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (account_id, supplier_id) DO UPDATE SET role = CASE WHEN excluded.role = 'OWNER' THEN 'OWNER'::supplier_membership_role
       ELSE supplier_membership.role END`,
    [grant.accountId, grant.supplierId, grant.role],
  );
  await recordChange(manager, {
    accountId: grant.actorId,
    supplierId: grant.supplierId,
    action: ChangeAction.MEMBER_JOINED,
    changes: { memberAccountId: grant.accountId, role: grant.role, ...grant.via },
  });
}

interface MembershipRow {
  supplier_id: number;
  role: MembershipRole;
  created_at: Date;
}

function membershipOf(row: MembershipRow): SupplierMembership {
  return Object.assign(new SupplierMembership(), { supplierKey: row.supplier_id, role: row.role, since: row.created_at });
}

/** The memberships of an account, oldest first; of one supplier only when given. */
export async function membershipsOf(db: SqlRunner, accountId: number, supplierId?: number): Promise<SupplierMembership[]> {
  const rows: MembershipRow[] = await db.query(
    `SELECT supplier_id, role, created_at FROM supplier_membership
     WHERE account_id = $1 AND ($2::int IS NULL OR supplier_id = $2) ORDER BY created_at, supplier_id`,
    [accountId, supplierId ?? null],
  );
  return rows.map(membershipOf);
}

/** The account's membership of a supplier, if any (after a grant: the one it got). */
export async function membershipOfSupplier(db: SqlRunner, accountId: number, supplierId: number): Promise<SupplierMembership | null> {
  return (await membershipsOf(db, accountId, supplierId))[0] ?? null;
}

export interface ClaimRow {
  id: number;
  supplier_id: number;
  account_id: number;
  email: string;
  display_name: string;
  method: ClaimMethod;
  status: ClaimStatus;
  message: string;
  code_sent_to: string | null;
  code_expires_at: Date | null;
  decision_reason: string | null;
  decided_at: Date | null;
  created_at: Date;
}

export const CLAIM_COLUMNS = `c.id, c.supplier_id, c.account_id, a.email, a.display_name, c.method, c.status, c.message,
  c.code_sent_to, c.code_expires_at, c.decision_reason, c.decided_at, c.created_at`;

export function claimOf(row: ClaimRow): SupplierClaim {
  return Object.assign(new SupplierClaim(), {
    id: toGlobalId('SupplierClaim', row.id),
    supplierKey: row.supplier_id,
    claimant: accountSummary(row.account_id, row.email, row.display_name),
    method: row.method,
    status: row.status,
    message: row.message,
    codeSentTo: row.code_sent_to && maskEmail(row.code_sent_to),
    codeExpiresAt: row.status === 'PENDING' ? row.code_expires_at : null,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  });
}

/** How many of an account's claims `viewer.supplierClaims` lists (the latest ones). */
export const VIEWER_CLAIMS_LIMIT = 50;

/** An account's latest claims, newest first. */
export async function claimsOfAccount(db: SqlRunner, accountId: number): Promise<SupplierClaim[]> {
  const rows: ClaimRow[] = await db.query(
    `SELECT ${CLAIM_COLUMNS} FROM supplier_claim c JOIN account a ON a.id = c.account_id
     WHERE c.account_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT ${VIEWER_CLAIMS_LIMIT}`,
    [accountId],
  );
  return rows.map(claimOf);
}

export async function loadClaim(db: EntityManager | { query: EntityManager['query'] }, claimId: number): Promise<ClaimRow | null> {
  const [row]: ClaimRow[] = await db.query(
    `SELECT ${CLAIM_COLUMNS} FROM supplier_claim c JOIN account a ON a.id = c.account_id WHERE c.id = $1`,
    [claimId],
  );
  return row ?? null;
}

export interface InvitationRow {
  id: number;
  supplier_id: number;
  email: string;
  role: MembershipRole;
  invited_by_name: string | null;
  created_at: Date;
  expires_at: Date;
}

export const INVITATION_COLUMNS = `i.id, i.supplier_id, i.email, i.role, inviter.display_name AS invited_by_name, i.created_at, i.expires_at`;
export const INVITATION_FROM = `supplier_invitation i LEFT JOIN account inviter ON inviter.id = i.invited_by`;
export const OPEN_INVITATION = `i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`;

export function invitationOf(row: InvitationRow): SupplierInvitation {
  return Object.assign(new SupplierInvitation(), {
    id: toGlobalId('SupplierInvitation', row.id),
    supplierKey: row.supplier_id,
    email: row.email,
    role: row.role,
    invitedByName: row.invited_by_name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  });
}

export interface ProposalRow {
  id: number;
  supplier_id: number;
  proposed_by: number | null;
  email: string | null;
  display_name: string | null;
  status: ProposalStatus;
  message: string;
  decision_reason: string | null;
  decided_at: Date | null;
  created_at: Date;
}

export const PROPOSAL_COLUMNS = `p.id, p.supplier_id, p.proposed_by, a.email, a.display_name, p.status, p.message, p.decision_reason,
  p.decided_at, p.created_at`;

export function proposalOf(row: ProposalRow): SupplierProposal {
  return Object.assign(new SupplierProposal(), {
    id: toGlobalId('SupplierProposal', row.id),
    supplierKey: row.supplier_id,
    proposedBy: row.proposed_by === null ? null : accountSummary(row.proposed_by, row.email!, row.display_name!),
    status: row.status,
    message: row.message,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  });
}

export async function loadProposal(db: { query: EntityManager['query'] }, proposalId: number): Promise<ProposalRow | null> {
  const [row]: ProposalRow[] = await db.query(
    `SELECT ${PROPOSAL_COLUMNS} FROM supplier_proposal p LEFT JOIN account a ON a.id = p.proposed_by WHERE p.id = $1`,
    [proposalId],
  );
  return row ?? null;
}
