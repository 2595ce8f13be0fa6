import type { RequestContext } from '../../app/context.js';
import { forbidden, unauthenticated } from '../../core/graphql/errors.js';
import { AccountRole } from './account.entity.js';
import { MembershipRole } from './supplier-membership.entity.js';
import type { SessionViewer } from './viewer.js';

/**
 * Guards for resolvers. Roles: anonymous (ctx.viewer null), BUYER, SUPPLIER_MEMBER (rights
 * on a supplier only through a supplier_membership row), ADMIN (everything).
 */
export function requireViewer(ctx: Pick<RequestContext, 'viewer'>): SessionViewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

export function requireAdmin(ctx: Pick<RequestContext, 'viewer'>): SessionViewer {
  const viewer = requireViewer(ctx);
  if (viewer.role !== AccountRole.ADMIN) throw forbidden();
  return viewer;
}

/** Whether the viewer may act for a supplier: an admin, or a member with one of the roles. */
export function canActForSupplier(
  viewer: SessionViewer | null,
  supplierId: number,
  roles: readonly MembershipRole[] = [MembershipRole.OWNER, MembershipRole.MEMBER],
): boolean {
  if (!viewer) return false;
  if (viewer.role === AccountRole.ADMIN) return true;
  return viewer.memberships.some((membership) => membership.supplierId === supplierId && roles.includes(membership.role));
}

export function requireSupplierAccess(
  ctx: Pick<RequestContext, 'viewer'>,
  supplierId: number,
  roles?: readonly MembershipRole[],
): SessionViewer {
  const viewer = requireViewer(ctx);
  if (!canActForSupplier(viewer, supplierId, roles)) throw forbidden("Votre compte n'est pas rattaché à cette structure.");
  return viewer;
}
