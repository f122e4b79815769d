import { NextResponse } from 'next/server';
import { z } from '@/lib/zod';
import { authUsers, startSession } from '@/lib/auth';
import { verifyPassword } from '@/lib/auth/password';
import { LoginRateLimiter } from '@/lib/auth/rate-limit';
import { SESSION_COOKIE, SESSION_TTL_MS } from '@/lib/auth/session';
import { errorResponse, readJson, withErrorHandling } from '@/lib/http';
import { CLIENT_ADDRESS_HEADER } from '@/server/client-address.mjs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Failed logins are counted per user and address (a locked-out address does not lock the same
 * user out elsewhere) and per address over all users (no spraying one password over many names).
 */
const limiters = ((globalThis as { __loginLimiters?: { userAtAddress: LoginRateLimiter; address: LoginRateLimiter } }).__loginLimiters ??= {
  userAtAddress: new LoginRateLimiter(5, 60_000),
  address: new LoginRateLimiter(30, 60_000),
});
const body = z.object({
  username: z.string({ error: 'username is required' }).min(1).max(100),
  password: z.string({ error: 'password is required' }).max(1000),
});

function tooMany(waitMs: number) {
  const seconds = Math.ceil(waitMs / 1000);
  const response = errorResponse('TOO_MANY_ATTEMPTS', `Too many failed logins; try again in ${seconds} s`);
  response.headers.set('Retry-After', String(seconds));
  return response;
}

/** POST { username, password } → a signed httpOnly SameSite session cookie; 401 on wrong credentials, 429 when rate-limited. */
export const POST = withErrorHandling(
  async (request: Request) => {
    const users = authUsers();
    if (!users) return errorResponse('AUTH_DISABLED', 'Login is not enabled (AUTH_USERS is not set)');
    const { username, password } = await readJson(request, body);
    // Set by the front server from the socket (server/index.mjs); a client cannot choose it.
    const address = request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
    const userKey = `${address}\n${username}`;
    const wait = Math.max(limiters.userAtAddress.retryAfter(userKey), limiters.address.retryAfter(address));
    if (wait > 0) return tooMany(wait);
    const user = users.find((u) => u.username === username);
    // Verify even for unknown users, so the answer takes as long either way.
    const ok = await verifyPassword(password, user?.passwordHash ?? users[0].passwordHash);
    if (!user || !ok) {
      limiters.userAtAddress.fail(userKey);
      limiters.address.fail(address);
      return errorResponse('INVALID_CREDENTIALS', 'Wrong username or password');
    }
    limiters.userAtAddress.succeed(userKey);
    const response = NextResponse.json({ username: user.username, role: user.role });
    response.cookies.set(SESSION_COOKIE, await startSession(user), {
      httpOnly: true,
      sameSite: 'strict',
      // Behind a TLS-terminating proxy the request arrives as http: the proxy's X-Forwarded-Proto
      // says https. Trusting it from anyone is harmless here: a Secure cookie over http is only lost.
      secure: new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0].trim() === 'https',
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    });
    return response;
  },
  { changesCluster: false },
);
