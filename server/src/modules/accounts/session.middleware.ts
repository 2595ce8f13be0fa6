import type { NextFunction, Request, Response } from 'express';
import { clearedSessionCookie, sessionCookie, sessionTokenOf } from './session-cookie.js';
import type { SessionStore } from './session-store.js';
import type { HttpScope, SessionViewer } from './viewer.js';

export interface RequestScope {
  viewer: SessionViewer | null;
  http: HttpScope;
}

/** The client's address: the TCP peer, or what the proxies trusted by TRUST_PROXY forward. */
export function clientIp(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

/**
 * Reads the session cookie into `res.locals.requestScope` (the viewer, the client's IP,
 * the CSRF header, and how to set or clear the cookie). Requests without the cookie cost
 * no SQL; an unknown or expired one is removed from the browser.
 */
export function sessionMiddleware(sessions: SessionStore) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    // req.protocol honours X-Forwarded-Proto only from TRUST_PROXY proxies; a scheme is
    // case-insensitive (`HTTPS` too), which req.secure does not allow for.
    const secure = request.protocol.toLowerCase() === 'https';
    const http: HttpScope = {
      ip: clientIp(request),
      userAgent: request.get('user-agent') ?? null,
      csrfToken: request.get('x-csrf-token') ?? null,
      // One cookie at most per response: the last decision wins.
      setSessionCookie: (token, expiresAt) => void response.setHeader('Set-Cookie', sessionCookie(token, expiresAt, secure)),
      clearSessionCookie: () => void response.setHeader('Set-Cookie', clearedSessionCookie(secure)),
    };
    let viewer: SessionViewer | null = null;
    const token = sessionTokenOf(request.headers.cookie);
    if (token) {
      const session = await sessions.resolve(token);
      if (session) {
        viewer = session.viewer;
        if (session.renewedUntil) http.setSessionCookie(token, session.renewedUntil);
      } else {
        http.clearSessionCookie();
      }
    }
    const scope: RequestScope = { viewer, http };
    response.locals.requestScope = scope;
    next();
  };
}
