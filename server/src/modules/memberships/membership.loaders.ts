import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { MembershipRole } from '../accounts/supplier-membership.entity.js';
import { INVITATION_COLUMNS, INVITATION_FROM, type InvitationRow, OPEN_INVITATION } from './membership.records.js';

export interface MemberRow {
  supplier_id: number;
  account_id: number;
  email: string;
  display_name: string;
  role: MembershipRole;
  created_at: Date;
}

function groupBy<TRow extends { supplier_id: number }>(ids: readonly number[], rows: TRow[]): TRow[][] {
  const bySupplier = new Map<number, TRow[]>(ids.map((id) => [id, []]));
  for (const row of rows) bySupplier.get(row.supplier_id)?.push(row);
  return ids.map((id) => bySupplier.get(id)!);
}

/** Per-request loaders: the members and open invitations of many suppliers in one query each. */
export function createMembershipLoaders(db: DataSource) {
  return {
    /** Owners first, then by seniority. */
    membersBySupplierId: new DataLoader<number, MemberRow[]>(async (ids) =>
      groupBy(
        ids,
        await db.query(
          `SELECT m.supplier_id, m.account_id, a.email, a.display_name, m.role, m.created_at
           FROM supplier_membership m JOIN account a ON a.id = m.account_id
           WHERE m.supplier_id = ANY($1::int[]) ORDER BY m.role = 'OWNER' DESC, m.created_at, m.account_id`,
          [[...ids]],
        ),
      ),
    ),
    /** Newest first. */
    openInvitationsBySupplierId: new DataLoader<number, InvitationRow[]>(async (ids) =>
      groupBy(
        ids,
        await db.query(
          `SELECT ${INVITATION_COLUMNS} FROM ${INVITATION_FROM}
           WHERE i.supplier_id = ANY($1::int[]) AND ${OPEN_INVITATION} ORDER BY i.created_at DESC, i.id DESC`,
          [[...ids]],
        ),
      ),
    ),
  };
}

export type MembershipLoaders = ReturnType<typeof createMembershipLoaders>;
