import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { signSession } from '@/lib/auth/session';
import { startServer, type RunningServer } from '../support/server';

/** Login, sessions and the rate limit on real server instances, from the socket up. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-login-'));
const usersFile = path.join(dir, 'users.json');
let users: { username: string; role: string; passwordHash: string }[];
const SESSION_SECRET = 'a-fixed-secret-for-this-test';

async function writeUsers(list: typeof users) {
  fs.writeFileSync(usersFile, JSON.stringify(list));
  // The file is looked at no more than once a second; make its change visible by mtime.
  const future = new Date(Date.now() + 2000);
  fs.utimesSync(usersFile, future, future);
  await new Promise((resolve) => setTimeout(resolve, 1100));
}

let server: RunningServer;
let proxied: RunningServer;

beforeAll(async () => {
  users = [
    { username: 'admin', role: 'admin', passwordHash: await hashPassword('admin-pw') },
    { username: 'viewer', role: 'viewer', passwordHash: await hashPassword('viewer-pw') },
    { username: 'carol', role: 'admin', passwordHash: await hashPassword('carol-pw') },
  ];
  fs.writeFileSync(usersFile, JSON.stringify(users));
  [server, proxied] = await Promise.all([
    startServer({ AUTH_USERS: usersFile, SESSION_SECRET }),
    // This one believes X-Forwarded-For from 127.0.0.1, as if the tests were a reverse proxy.
    startServer({ AUTH_USERS: usersFile, SESSION_SECRET, TRUSTED_PROXIES: '127.0.0.1' }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.stop(), proxied?.stop()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

const login = (target: RunningServer, username: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${target.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });

async function sessionCookie(target: RunningServer, username: string, password: string) {
  const response = await login(target, username, password);
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0];
}

const getClusters = (target: RunningServer, cookie: string) => fetch(`${target.url}/api/clusters`, { headers: { cookie } });

describe('the login rate limit', () => {
  it('counts failures per client address, whatever X-Forwarded-For a client makes up', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login(server, 'admin', 'wrong', { 'x-forwarded-for': `198.51.100.${i}` })).status).toBe(401);
    }
    const limited = await login(server, 'admin', 'admin-pw', { 'x-forwarded-for': '198.51.100.99' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another user from the same address is not locked out by admin's failures.
    expect((await login(server, 'carol', 'carol-pw')).status).toBe(200);
  });

  it('behind a trusted proxy, locks a user out from one client address only', async () => {
    const attacker = { 'x-forwarded-for': '203.0.113.66' };
    for (let i = 0; i < 5; i++) expect((await login(proxied, 'viewer', 'wrong', attacker)).status).toBe(401);
    expect((await login(proxied, 'viewer', 'viewer-pw', attacker)).status).toBe(429);
    expect((await login(proxied, 'viewer', 'viewer-pw', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
  });
});

describe('sessions end on the server', () => {
  it('logout makes a copied cookie worthless', async () => {
    const cookie = await sessionCookie(server, 'carol', 'carol-pw');
    expect((await getClusters(server, cookie)).status).toBe(200);
    const logout = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(logout.status).toBe(200);
    expect((await getClusters(server, cookie)).status).toBe(401);
    const create = await fetch(`${server.url}/api/clusters/local/topics`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `after-logout-${Date.now()}`, partitions: 1, replicationFactor: 1 }),
    });
    expect(create.status).toBe(401);
  });

  it('a token for a user not in AUTH_USERS, even correctly signed, is refused', async () => {
    const token = await signSession({ sid: 'made-up', username: 'ghost', role: 'admin', user: 'x', exp: Date.now() + 60_000 }, SESSION_SECRET);
    expect((await getClusters(server, `kd_session=${token}`)).status).toBe(401);
  });

  it('removing or demoting a user in the AUTH_USERS file ends their sessions at once', async () => {
    const viewer = await sessionCookie(server, 'viewer', 'viewer-pw');
    const carol = await sessionCookie(server, 'carol', 'carol-pw');
    expect((await getClusters(server, viewer)).status).toBe(200);
    expect(await (await getClusters(server, carol)).json()).toMatchObject({ readOnly: false });
    await writeUsers([users[0], { ...users[2], role: 'viewer' }]);
    expect((await getClusters(server, viewer)).status).toBe(401);
    expect((await getClusters(server, carol)).status).toBe(401);
    // Logged in again, the demoted admin is a viewer; the removed user cannot log in.
    const demoted = await sessionCookie(server, 'carol', 'carol-pw');
    expect(await (await getClusters(server, demoted)).json()).toMatchObject({ readOnly: true });
    expect((await login(server, 'viewer', 'viewer-pw')).status).toBe(401);
    await writeUsers(users);
  });
});

describe('READ_ONLY with login on', () => {
  it('still lets people log in, and refuses their changes', async () => {
    const readOnly = await startServer({ AUTH_USERS: usersFile, READ_ONLY: 'true' });
    try {
      const response = await login(readOnly, 'carol', 'carol-pw');
      expect(response.status).toBe(200);
      const cookie = response.headers.get('set-cookie')!.split(';')[0];
      const create = await fetch(`${readOnly.url}/api/clusters/local/topics`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `read-only-${Date.now()}`, partitions: 1, replicationFactor: 1 }),
      });
      expect(create.status).toBe(403);
      expect((await create.json()).error.code).toBe('READ_ONLY');
    } finally {
      await readOnly.stop();
    }
  });
});
