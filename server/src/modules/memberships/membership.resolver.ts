import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context.js';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { Viewer } from '../accounts/account.types.js';
import { requireSupplierAccess } from '../accounts/authorization.js';
import type { MembershipRole } from '../accounts/supplier-membership.entity.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { pendingInvitations } from './invitation.service.js';
import { accountSummary, CLAIM_COLUMNS, claimOf, type ClaimRow, invitationOf } from './membership.records.js';
import { SupplierClaim, SupplierInvitation, SupplierMember, SupplierMembership } from './membership.types.js';

/** How many of an account's claims `viewer.supplierClaims` lists (the latest ones). */
export const VIEWER_CLAIMS_LIMIT = 50;

interface MembershipRow {
  supplier_id: number;
  role: MembershipRole;
  created_at: Date;
}

function membershipOf(row: MembershipRow): SupplierMembership {
  return Object.assign(new SupplierMembership(), { supplierKey: row.supplier_id, role: row.role, since: row.created_at });
}

/** The memberships of an account, oldest first; of one supplier only when given. */
export async function membershipsOf(ctx: RequestContext, accountId: number, supplierId?: number): Promise<SupplierMembership[]> {
  const rows: MembershipRow[] = await ctx.db.query(
    `SELECT supplier_id, role, created_at FROM supplier_membership
     WHERE account_id = $1 AND ($2::int IS NULL OR supplier_id = $2) ORDER BY created_at, supplier_id`,
    [accountId, supplierId ?? null],
  );
  return rows.map(membershipOf);
}

/** A supplier referenced by a claim, an invitation, a membership or a proposal: published or not (batched). */
export async function referencedSupplier(ctx: RequestContext, supplierKey: number): Promise<Supplier> {
  const entity = await ctx.loaders.suppliers.managedSupplierById.load(supplierKey);
  return Supplier.from(entity!);
}

@Resolver(() => Viewer)
export class ViewerMembershipsResolver {
  @FieldResolver(() => [SupplierMembership], { description: 'The suppliers this account acts for, oldest membership first.' })
  memberships(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<SupplierMembership[]> {
    return membershipsOf(ctx, integerKeyOf(viewer.account.id, 'Account'));
  }

  @FieldResolver(() => [SupplierClaim], { description: `This account's claims ("revendications"), newest first (the latest ${VIEWER_CLAIMS_LIMIT}).` })
  async supplierClaims(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<SupplierClaim[]> {
    const rows: ClaimRow[] = await ctx.db.query(
      `SELECT ${CLAIM_COLUMNS} FROM supplier_claim c JOIN account a ON a.id = c.account_id
       WHERE c.account_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT ${VIEWER_CLAIMS_LIMIT}`,
      [integerKeyOf(viewer.account.id, 'Account')],
    );
    return rows.map(claimOf);
  }

  @FieldResolver(() => [SupplierInvitation], {
    description: "Open invitations addressed to this account's email address, newest first; empty until the address is confirmed.",
  })
  async pendingInvitations(@Ctx() ctx: RequestContext): Promise<SupplierInvitation[]> {
    return (await pendingInvitations(ctx)).map(invitationOf);
  }
}

@Resolver(() => Supplier)
export class SupplierMembersResolver {
  @FieldResolver(() => [SupplierMember], {
    nullable: true,
    description: 'The accounts acting for the supplier, owners first. Its members and admins only (null with FORBIDDEN otherwise).',
  })
  async members(@Root() supplier: Supplier, @Ctx() ctx: RequestContext): Promise<SupplierMember[]> {
    requireSupplierAccess(ctx, supplier.key);
    const rows = await ctx.loaders.memberships.membersBySupplierId.load(supplier.key);
    return rows.map((row) =>
      Object.assign(new SupplierMember(), { account: accountSummary(row.account_id, row.email, row.display_name), role: row.role, since: row.created_at }),
    );
  }

  @FieldResolver(() => [SupplierInvitation], {
    nullable: true,
    description: 'Invitations not yet accepted, revoked or expired, newest first. Its members and admins only (null with FORBIDDEN otherwise).',
  })
  async openInvitations(@Root() supplier: Supplier, @Ctx() ctx: RequestContext): Promise<SupplierInvitation[]> {
    requireSupplierAccess(ctx, supplier.key);
    return (await ctx.loaders.memberships.openInvitationsBySupplierId.load(supplier.key)).map(invitationOf);
  }
}

@Resolver(() => SupplierMembership)
export class SupplierMembershipResolver {
  @FieldResolver(() => Supplier, { description: 'The supplier (published or not: a proposal awaiting approval included).' })
  supplier(@Root() membership: SupplierMembership, @Ctx() ctx: RequestContext): Promise<Supplier> {
    return referencedSupplier(ctx, membership.supplierKey);
  }
}
