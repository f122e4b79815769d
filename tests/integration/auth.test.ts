import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { CLIENT_ADDRESS_HEADER } from '@/server/client-address.mjs';

let login: (request: Request) => Promise<Response>;
let proxy: (request: NextRequest) => Promise<Response>;

// The front server (server/index.mjs) stamps each request with the socket's address; called in-process, the test does.
const post = (body: unknown, ip = 'test') =>
  new Request('http://localhost/api/auth/login', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: ip },
  });

beforeAll(async () => {
  vi.stubEnv(
    'AUTH_USERS',
    JSON.stringify([
      { username: 'admin', role: 'admin', passwordHash: await hashPassword('admin-pw') },
      { username: 'viewer', role: 'viewer', passwordHash: await hashPassword('viewer-pw') },
    ]),
  );
  login = (await import('@/app/api/auth/login/route')).POST as (request: Request) => Promise<Response>;
  proxy = (await import('@/proxy')).proxy as (request: NextRequest) => Promise<Response>;
});

async function sessionCookie(username: string, password: string) {
  const response = await login(post({ username, password }, `ok-${username}`));
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')!;
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=strict/i);
  return cookie.split(';')[0];
}

const through = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('login', () => {
  it('marks the session cookie Secure over https, also behind a TLS-terminating proxy', async () => {
    const plain = await login(post({ username: 'admin', password: 'admin-pw' }, 'secure-1'));
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    const proxied = new Request('http://localhost/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'admin', password: 'admin-pw' }),
      headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: 'secure-2', 'x-forwarded-proto': 'https' },
    });
    expect((await login(proxied)).headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('answers 401 to wrong credentials and 429 after five failures', async () => {
    for (let i = 0; i < 5; i++) expect((await login(post({ username: 'admin', password: 'nope' }, 'attacker'))).status).toBe(401);
    const limited = await login(post({ username: 'admin', password: 'admin-pw' }, 'attacker'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect((await login(post({ username: 'nobody', password: 'x' }, 'someone'))).status).toBe(401);
  });

  it('prints hashes with npm run hash-password that verify', async () => {
    const output = execFileSync(process.execPath, [path.resolve('scripts/hash-password.mjs'), 'the password'], { encoding: 'utf8' });
    const hash = output.trim().split('\n').at(-1)!;
    expect(await verifyPassword('the password', hash)).toBe(true);
    expect(await verifyPassword('another', hash)).toBe(false);
  });
});

describe('the proxy in front of every page and API', () => {
  it('answers 401 JSON to an API call without a session, and sends pages to /login', async () => {
    const api = await proxy(new NextRequest('http://localhost/api/clusters'));
    expect(api.status).toBe(401);
    expect((await api.json()).error.code).toBe('UNAUTHENTICATED');
    const page = await proxy(new NextRequest('http://localhost/clusters/local/topics?q=x'));
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toBe('http://localhost/login?next=%2Fclusters%2Flocal%2Ftopics%3Fq%3Dx');
    expect(through(await proxy(new NextRequest('http://localhost/login')))).toBe(true);
  });

  it('lets an admin change things and a viewer only read', async () => {
    const admin = await sessionCookie('admin', 'admin-pw');
    const viewer = await sessionCookie('viewer', 'viewer-pw');
    const request = (method: string, cookie: string) => new NextRequest('http://localhost/api/clusters/local/topics', { method, headers: { cookie } });
    expect(through(await proxy(request('POST', admin)))).toBe(true);
    expect(through(await proxy(request('GET', viewer)))).toBe(true);
    const refused = await proxy(request('POST', viewer));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/viewer/);
    const forged = await proxy(
      request(
        'GET',
        `${SESSION_COOKIE}=${Buffer.from('{"sid":"x","username":"admin","role":"admin","user":"x","exp":9999999999999}').toString('base64url')}.AAAA`,
      ),
    );
    expect(forged.status).toBe(401);
  });
});
