import { NextResponse, type NextRequest } from 'next/server';
import { authorize } from '@/lib/auth/authorize';
import { contentSecurityPolicy, newNonce } from '@/lib/csp';

/**
 * Pages get a Content-Security-Policy with a fresh nonce: Next reads it from the request headers
 * and puts it on the scripts it renders. API answers keep next.config.js's static policy.
 */
function nextWithPolicy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next();
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

/**
 * With AUTH_USERS set, every page and API needs a session: API calls without one get 401 JSON,
 * pages go to /login; a viewer's changes get 403. Without AUTH_USERS everything passes.
 */
export async function proxy(request: NextRequest) {
  const verdict = await authorize(request.method, request.nextUrl.pathname, request.headers.get('cookie'));
  if (verdict.ok) return nextWithPolicy(request);
  if (verdict.redirectToLogin) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  return NextResponse.json({ error: { code: verdict.code, message: verdict.message } }, { status: verdict.status, headers: { 'Cache-Control': 'no-store' } });
}

export const config = {
  // The file upload is left out: running the proxy would make Next buffer its body and cut it at
  // 10 MB. That route checks the session itself (lib/auth/authorize.ts).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/clusters/[^/]+/topics/[^/]+/messages/upload).*)'],
};
