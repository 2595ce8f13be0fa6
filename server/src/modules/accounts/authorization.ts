import { forbidden, unauthenticated } from '../../core/graphql/errors.js';
import { AccountRole } from './account.entity.js';
import { MembershipRole } from './supplier-membership.entity.js';
import type { Caller, SessionViewer } from './viewer.js';

/** Whoever carries the viewer: a service's caller, or a resolver's context. */
type WithViewer = Pick<Caller, 'viewer'>;

/**
 * Guards for services and resolvers. Roles: anonymous (viewer null), BUYER, SUPPLIER_MEMBER (rights
 * on a supplier only through a supplier_membership row), ADMIN (everything).
 */
export function requireViewer(caller: WithViewer): SessionViewer {
  if (!caller.viewer) throw unauthenticated();
  return caller.viewer;
}

export function requireAdmin(caller: WithViewer): SessionViewer {
  const viewer = requireViewer(caller);
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
  caller: WithViewer,
  supplierId: number,
  roles?: readonly MembershipRole[],
): SessionViewer {
  const viewer = requireViewer(caller);
  if (!canActForSupplier(viewer, supplierId, roles)) throw forbidden("Votre compte n'est pas rattaché à cette structure.");
  return viewer;
}
