import { NextResponse } from 'next/server';
import { z } from 'zod';
import { authUsers } from '@/lib/auth';
import { verifyPassword } from '@/lib/auth/password';
import { LoginRateLimiter } from '@/lib/auth/rate-limit';
import { SESSION_COOKIE, SESSION_TTL_MS, sessionSecret, signSession } from '@/lib/auth/session';
import { errorResponse, readJson, withErrorHandling } from '@/lib/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const limiter = ((globalThis as { __loginLimiter?: LoginRateLimiter }).__loginLimiter ??= new LoginRateLimiter());
const body = z.object({ username: z.string({ error: 'username is required' }).min(1).max(100), password: z.string({ error: 'password is required' }).max(1000) });

/** POST { username, password } → a signed httpOnly SameSite cookie; 401 on wrong credentials, 429 when rate-limited. */
export const POST = withErrorHandling(async (request: Request) => {
  const users = authUsers();
  if (!users) return errorResponse(404, 'AUTH_DISABLED', 'Login is not enabled (AUTH_USERS is not set)');
  const { username, password } = await readJson(request, body);
  const key = `${username}|${request.headers.get('x-forwarded-for') ?? 'local'}`;
  const wait = limiter.retryAfter(key);
  if (wait > 0) {
    const response = errorResponse(429, 'TOO_MANY_ATTEMPTS', `Too many failed logins; try again in ${Math.ceil(wait / 1000)} s`);
    response.headers.set('Retry-After', String(Math.ceil(wait / 1000)));
    return response;
  }
  const user = users.find((u) => u.username === username);
  // Verify even for unknown users, so the answer takes as long either way.
  const ok = await verifyPassword(password, user?.passwordHash ?? users[0].passwordHash);
  if (!user || !ok) {
    limiter.fail(key);
    return errorResponse(401, 'INVALID_CREDENTIALS', 'Wrong username or password');
  }
  limiter.succeed(key);
  const token = await signSession({ username: user.username, role: user.role, exp: Date.now() + SESSION_TTL_MS }, sessionSecret());
  const response = NextResponse.json({ username: user.username, role: user.role });
  response.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    // Behind a TLS-terminating proxy the request arrives as http: trust its X-Forwarded-Proto.
    secure: new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0].trim() === 'https',
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
  return response;
});
