import { NextRequest } from 'next/server';
import { vi } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { CLIENT_ADDRESS_HEADER } from '@/server/client-address.mjs';
import { call } from './api';

/**
 * The answer a logged-in viewer gets for `method path` from the proxy in front of every API (the
 * place roles are enforced), with AUTH_USERS set only for the call.
 */
export async function asViewer(method: string, path: string): Promise<{ status: number; code: string }> {
  vi.stubEnv('AUTH_USERS', JSON.stringify([{ username: 'viewer', role: 'viewer', passwordHash: await hashPassword('viewer-pw') }]));
  try {
    const { POST: login } = await import('@/app/api/auth/login/route');
    const { proxy } = await import('@/proxy');
    const loggedIn = await (login as (request: Request) => Promise<Response>)(
      new Request('http://localhost/api/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username: 'viewer', password: 'viewer-pw' }),
        headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: `viewer-${path}` },
      }),
    );
    const cookie = loggedIn.headers.get('set-cookie')!.split(';')[0]!;
    const response = await proxy(new NextRequest(`http://localhost${path}`, { method, headers: { cookie } }));
    return { status: response.status, code: (await response.json()).error.code };
  } finally {
    vi.unstubAllEnvs();
  }
}

/** The answer of a route handler while READ_ONLY=true. */
export async function whileReadOnly(handler: unknown, params: Record<string, string>, init: Parameters<typeof call>[2]) {
  vi.stubEnv('READ_ONLY', 'true');
  try {
    return await call(handler, params, init);
  } finally {
    vi.unstubAllEnvs();
  }
}
