import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { AccountRole } from './account.entity.js';
import { canActForSupplier, requireAdmin, requireSupplierAccess, requireViewer } from './authorization.js';
import { MembershipRole } from './supplier-membership.entity.js';
import type { SessionViewer } from './viewer.js';

function viewer(role: AccountRole, memberships: SessionViewer['memberships'] = []): SessionViewer {
  return {
    accountId: 1,
    email: 'a@exemple.fr',
    displayName: 'A',
    role,
    emailVerifiedAt: null,
    createdAt: new Date(),
    memberships,
    sessionId: Buffer.alloc(32),
    csrfToken: 't',
  };
}

const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as GraphQLError).extensions.code;
  }
};

describe('authorization guards', () => {
  it('tell anonymous (UNAUTHENTICATED) from not allowed (FORBIDDEN)', () => {
    expect(codeOf(() => requireViewer({ viewer: null }))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireAdmin({ viewer: null }))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireAdmin({ viewer: viewer(AccountRole.BUYER) }))).toBe('FORBIDDEN');
    expect(codeOf(() => requireAdmin({ viewer: viewer(AccountRole.ADMIN) }))).toBeNull();
  });

  it('let a supplier be managed by its members (with the right role) and by admins only', () => {
    const member = viewer(AccountRole.SUPPLIER_MEMBER, [
      { supplierId: 7, role: MembershipRole.MEMBER },
      { supplierId: 8, role: MembershipRole.OWNER },
    ]);
    expect(canActForSupplier(member, 7)).toBe(true);
    expect(canActForSupplier(member, 7, [MembershipRole.OWNER])).toBe(false);
    expect(canActForSupplier(member, 8, [MembershipRole.OWNER])).toBe(true);
    expect(canActForSupplier(member, 9)).toBe(false);
    // The role alone gives no right on any supplier.
    expect(canActForSupplier(viewer(AccountRole.SUPPLIER_MEMBER), 7)).toBe(false);
    expect(canActForSupplier(viewer(AccountRole.ADMIN), 9)).toBe(true);
    expect(canActForSupplier(null, 7)).toBe(false);
    expect(codeOf(() => requireSupplierAccess({ viewer: member }, 9))).toBe('FORBIDDEN');
    expect(codeOf(() => requireSupplierAccess({ viewer: null }, 9))).toBe('UNAUTHENTICATED');
  });
});
