import { SESSION_COOKIE, sessionSecret, verifySession } from './session';

/** Methods that change nothing: the CSRF check and the roles let them through. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const PUBLIC = new Set(['/login', '/api/auth/login', '/api/auth/logout']);

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; code: string; message: string; redirectToLogin: boolean };

/**
 * Who may do what, with AUTH_USERS set: every page and API needs a session; changes need an admin.
 * Used by the proxy, and by the upload route, which the proxy must not touch (it would buffer and
 * cut the streamed file at 10 MB).
 */
export async function authorize(method: string, pathname: string, cookieHeader: string | null): Promise<Verdict> {
  if (!process.env.AUTH_USERS?.trim() || PUBLIC.has(pathname)) return { ok: true };
  const token = cookieHeader
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
  const session = await verifySession(token, sessionSecret());
  const isApi = pathname.startsWith('/api/');
  if (!session) return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'Log in first (POST /api/auth/login)', redirectToLogin: !isApi };
  if (isApi && !SAFE_METHODS.has(method) && session.role !== 'admin') {
    return { ok: false, status: 403, code: 'FORBIDDEN', message: `User "${session.username}" is a viewer: changes need the admin role`, redirectToLogin: false };
  }
  return { ok: true };
}
