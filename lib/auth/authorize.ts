import { currentSession, sessionToken } from './index';
import { type ApiErrorCode, statusOf } from '@/lib/api-errors';
import { AuthConfigError } from './users';

/** Methods that change nothing: the CSRF check and the roles let them through. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// The favicon too: the login page shows it before anyone has a session.
// /metrics checks its own bearer token (lib/metrics/access.ts): a Prometheus server has no session.
const PUBLIC = new Set(['/login', '/api/auth/login', '/api/auth/logout', '/favicon.svg', '/metrics']);

export type Verdict = { ok: true } | { ok: false; status: number; code: ApiErrorCode; message: string; redirectToLogin: boolean };

/** A refusal whose status is the catalogue's for its code. */
const refuse = (code: ApiErrorCode, message: string, redirectToLogin = false): Verdict => ({
  ok: false,
  status: statusOf(code),
  code,
  message,
  redirectToLogin,
});

/**
 * Who may do what, with AUTH_USERS set: every page and API needs a live session; changes need an
 * admin. Used by the proxy, and by the upload route, which the proxy must not touch (it would
 * buffer and cut the streamed file at 10 MB).
 */
export async function authorize(method: string, pathname: string, cookieHeader: string | null): Promise<Verdict> {
  if (!process.env.AUTH_USERS?.trim() || PUBLIC.has(pathname)) return { ok: true };
  const isApi = pathname.startsWith('/api/');
  let session: Awaited<ReturnType<typeof currentSession>> | undefined;
  try {
    session = await currentSession(sessionToken(cookieHeader));
  } catch (error) {
    if (!(error instanceof AuthConfigError)) throw error;
    console.error(`Login refused: ${error.message}`);
    return refuse('AUTH_CONFIG_INVALID', "The dashboard's user list (AUTH_USERS) is invalid; the server log says why");
  }
  if (!session) return refuse('UNAUTHENTICATED', 'Log in first (POST /api/auth/login)', !isApi);
  if (isApi && !SAFE_METHODS.has(method) && session.role !== 'admin') {
    return refuse('FORBIDDEN', `User "${session.username}" is a viewer: changes need the admin role`);
  }
  return { ok: true };
}
