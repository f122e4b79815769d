import { currentSession, sessionToken } from './index';
import { AuthConfigError } from './users';

/** Methods that change nothing: the CSRF check and the roles let them through. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// The favicon too: the login page shows it before anyone has a session.
const PUBLIC = new Set(['/login', '/api/auth/login', '/api/auth/logout', '/favicon.svg']);

export type Verdict = { ok: true } | { ok: false; status: 401 | 403 | 503; code: string; message: string; redirectToLogin: boolean };

/**
 * Who may do what, with AUTH_USERS set: every page and API needs a live session; changes need an
 * admin. Used by the proxy, and by the upload route, which the proxy must not touch (it would
 * buffer and cut the streamed file at 10 MB).
 */
export async function authorize(method: string, pathname: string, cookieHeader: string | null): Promise<Verdict> {
  if (!process.env.AUTH_USERS?.trim() || PUBLIC.has(pathname)) return { ok: true };
  const isApi = pathname.startsWith('/api/');
  let session;
  try {
    session = await currentSession(sessionToken(cookieHeader));
  } catch (error) {
    if (!(error instanceof AuthConfigError)) throw error;
    console.error(`Login refused: ${error.message}`);
    return { ok: false, status: 503, code: 'AUTH_CONFIG_INVALID', message: 'The dashboard\'s user list (AUTH_USERS) is invalid; the server log says why', redirectToLogin: false };
  }
  if (!session) return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'Log in first (POST /api/auth/login)', redirectToLogin: !isApi };
  if (isApi && !SAFE_METHODS.has(method) && session.role !== 'admin') {
    return { ok: false, status: 403, code: 'FORBIDDEN', message: `User "${session.username}" is a viewer: changes need the admin role`, redirectToLogin: false };
  }
  return { ok: true };
}
