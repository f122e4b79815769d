import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';
import { signSession, verifySession } from './session';
import { AuthConfigError, parseAuthUsers } from './users';

describe('sessions', () => {
  const session = { sid: 'sid-1', username: 'alice', role: 'admin' as const, user: 'fingerprint', exp: Date.now() + 60_000 };

  it('verifies what it signed, and nothing forged or expired', async () => {
    const token = await signSession(session, 's3cret');
    expect(await verifySession(token, 's3cret')).toEqual(session);
    expect(await verifySession(token, 'other')).toBeNull();
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...session, role: 'admin', username: 'mallory' })).toString('base64url');
    expect(await verifySession(`${forged}.${signature}`, 's3cret')).toBeNull();
    expect(await verifySession(`${payload}.`, 's3cret')).toBeNull();
    expect(await verifySession(token, 's3cret', session.exp + 1)).toBeNull();
    expect(await verifySession('garbage', 's3cret')).toBeNull();
  });
});

describe('passwords', () => {
  it('hashes with scrypt and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('wrong horse', hash)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('AUTH_USERS', () => {
  it('is off when unset and refuses bad entries with a clear message', () => {
    expect(parseAuthUsers(undefined)).toBeNull();
    expect(() => parseAuthUsers('[{"username":"a","role":"root","passwordHash":"scrypt$x"}]')).toThrow(/role must be admin or viewer/);
    expect(() => parseAuthUsers('{')).toThrow(AuthConfigError);
  });
});
