import { parse, serialize } from 'cookie';

export const SESSION_COOKIE = 'ai_session';

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Lax (not sent by cross-site
 * POSTs), Secure when the request came over HTTPS (directly or through a TRUST_PROXY proxy).
 */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: expiresAt,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(0), maxAge: 0 });
}

export function sessionTokenOf(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  return parse(cookieHeader)[SESSION_COOKIE] || null;
}
