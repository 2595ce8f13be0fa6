import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { callerOf, type RequestContext } from '../../app/context.js';
import { integerKeyOf } from '../../core/graphql/global-id.js';
import { Viewer } from '../accounts/account.types.js';
import { requireSupplierAccess } from '../accounts/authorization.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { pendingInvitations } from './invitation.service.js';
import { accountSummary, claimsOfAccount, invitationOf, membershipsOf, VIEWER_CLAIMS_LIMIT } from './membership.records.js';
import { SupplierClaim, SupplierInvitation, SupplierMember, SupplierMembership } from './membership.types.js';
import { referencedSupplier } from './referenced-suppliers.js';

@Resolver(() => Viewer)
export class ViewerMembershipsResolver {
  @FieldResolver(() => [SupplierMembership], { description: 'The suppliers this account acts for, oldest membership first.' })
  memberships(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<SupplierMembership[]> {
    return membershipsOf(ctx.db, integerKeyOf(viewer.account.id, 'Account'));
  }

  @FieldResolver(() => [SupplierClaim], { description: `This account's claims ("revendications"), newest first (the latest ${VIEWER_CLAIMS_LIMIT}).` })
  supplierClaims(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<SupplierClaim[]> {
    return claimsOfAccount(ctx.db, integerKeyOf(viewer.account.id, 'Account'));
  }

  @FieldResolver(() => [SupplierInvitation], {
    description: "Open invitations addressed to this account's email address, newest first; empty until the address is confirmed.",
  })
  async pendingInvitations(@Ctx() ctx: RequestContext): Promise<SupplierInvitation[]> {
    return (await pendingInvitations(ctx, callerOf(ctx))).map(invitationOf);
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
    return referencedSupplier(ctx.loaders, membership.supplierKey);
  }
}
