import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE, sessionSecret, verifySession } from '@/lib/auth/session';

const PUBLIC = new Set(['/login', '/api/auth/login', '/api/auth/logout']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const json = (status: number, code: string, message: string) => NextResponse.json({ error: { code, message } }, { status });

/**
 * With AUTH_USERS set, every page and API needs a session: API calls without one get 401 JSON,
 * pages go to /login; a viewer's changes get 403. Without AUTH_USERS everything passes.
 */
export async function proxy(request: NextRequest) {
  if (!process.env.AUTH_USERS?.trim()) return NextResponse.next();
  const { pathname } = request.nextUrl;
  if (PUBLIC.has(pathname)) return NextResponse.next();
  const session = await verifySession(request.cookies.get(SESSION_COOKIE)?.value, sessionSecret());
  const isApi = pathname.startsWith('/api/');
  if (!session) {
    if (isApi) return json(401, 'UNAUTHENTICATED', 'Log in first (POST /api/auth/login)');
    const login = new URL('/login', request.url);
    login.searchParams.set('next', pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  if (isApi && !SAFE_METHODS.has(request.method) && session.role !== 'admin') {
    return json(403, 'FORBIDDEN', `User "${session.username}" is a viewer: changes need the admin role`);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
