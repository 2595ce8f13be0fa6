import type { AccountRole } from './account.entity.js';
import type { MembershipRole } from './supplier-membership.entity.js';

export interface Membership {
  supplierId: number;
  role: MembershipRole;
}

/** Who sends the request: read from the session cookie once per request (ctx.viewer; null when anonymous). */
export interface SessionViewer {
  accountId: number;
  email: string;
  displayName: string;
  role: AccountRole;
  emailVerifiedAt: Date | null;
  createdAt: Date;
  /** Suppliers this account acts for (empty for buyers and new supplier staff). */
  memberships: Membership[];
  /** SHA-256 of the cookie token: the session's key. */
  sessionId: Buffer;
  /** Expected in the X-CSRF-Token header of the session's mutations. */
  csrfToken: string;
}

/**
 * Who asks a service for something, without the GraphQL request: the signed-in person (null
 * when anonymous) and the client address that throttles count against ('local' for scripts).
 */
export interface Caller {
  viewer: SessionViewer | null;
  ip: string;
}

/** What the HTTP layer gives resolvers: who is calling from where, and the session cookie. */
export interface HttpScope {
  /** Client address (the forwarded one behind TRUST_PROXY proxies). */
  ip: string;
  userAgent: string | null;
  /** Value of the X-CSRF-Token header. */
  csrfToken: string | null;
  /** Sets the session cookie (sign-in). */
  setSessionCookie(token: string, expiresAt: Date): void;
  /** Removes the session cookie (sign-out, expired session). */
  clearSessionCookie(): void;
}

/** For contexts built outside HTTP (scripts, direct resolver calls in tests). */
export const NO_HTTP: HttpScope = {
  ip: 'local',
  userAgent: null,
  csrfToken: null,
  setSessionCookie() {},
  clearSessionCookie() {},
};
