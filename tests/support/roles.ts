import { NextRequest } from 'next/server';
import { vi } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { CLIENT_ADDRESS_HEADER } from '@/server/client-address.mjs';

/**
 * A viewer's session cookie and the proxy every request passes, for checking that a changing route
 * refuses the viewer role (the proxy, not the route, enforces roles). Stubs AUTH_USERS: call it
 * before the routes are imported.
 */
export async function viewerSession() {
  vi.stubEnv('AUTH_USERS', JSON.stringify([{ username: 'viewer', role: 'viewer', passwordHash: await hashPassword('viewer-pw') }]));
  const login = (await import('@/app/api/auth/login/route')).POST as (request: Request) => Promise<Response>;
  const { proxy } = await import('@/proxy');
  const response = await login(
    new Request('http://localhost/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'viewer', password: 'viewer-pw' }),
      headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: `viewer-${process.pid}` },
    }),
  );
  const cookie = response.headers.get('set-cookie')!.split(';')[0];
  /** What the proxy answers the viewer for `method url` (403 JSON when refused). */
  return async (method: string, url: string) => {
    const answer = await (proxy as (request: NextRequest) => Promise<Response>)(new NextRequest(url, { method, headers: { cookie } }));
    return { status: answer.status, passed: answer.headers.get('x-middleware-next') === '1', body: answer.status === 403 ? await answer.json() : null };
  };
}
