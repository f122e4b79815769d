import 'server-only';
import fs from 'node:fs';
import { SessionStore } from './session-store';
import { SESSION_COOKIE, SESSION_TTL_MS, newSessionId, sessionSecret, signSession, verifySession, type Session } from './session';
import { authUsersFile, parseAuthUsers, userFingerprint, type AuthUser } from './users';

/**
 * The configured users, or null when login is off; throws AuthConfigError when they are invalid.
 * An AUTH_USERS file is read again when it changes (looked at no more than once a second), so
 * removing or demoting a user takes effect without a restart.
 */
let cached: { source: string | undefined; mtimeMs: number; checkedAt: number; users: AuthUser[] | null } | undefined;
export function authUsers(now = Date.now()): AuthUser[] | null {
  const source = process.env.AUTH_USERS;
  const file = authUsersFile(source);
  if (cached && cached.source === source && (!file || now - cached.checkedAt < 1000)) return cached.users;
  const mtimeMs = file ? statMtime(file) : 0;
  if (cached && cached.source === source && cached.mtimeMs === mtimeMs) {
    cached.checkedAt = now;
    return cached.users;
  }
  const users = parseAuthUsers(source);
  cached = { source, mtimeMs, checkedAt: now, users };
  return users;
}

function statMtime(file: string) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** Shared by the proxy and the route handlers, which Next loads as separate bundles into one process. */
const store = ((globalThis as { [key: symbol]: SessionStore })[Symbol.for('kafka-dashboard.sessions')] ??= new SessionStore());

/** The session cookie's token out of a Cookie header. */
export function sessionToken(cookieHeader: string | null | undefined): string | undefined {
  return cookieHeader
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
}

/**
 * The session a token stands for, or null: it must be signed by us, unexpired, still live on this
 * server (not logged out), and its user must still exist with the same role and password.
 */
export async function currentSession(token: string | undefined): Promise<Session | null> {
  const users = authUsers();
  if (!users || !token) return null;
  const session = await verifySession(token, sessionSecret());
  if (!session || !store.isLive(session.sid, session.username)) return null;
  const user = users.find((u) => u.username === session.username);
  if (!user || (await userFingerprint(user)) !== session.user) {
    store.revoke(session.sid);
    return null;
  }
  return session;
}

/** Starts a session for a user who gave the right password; answers the cookie's token. */
export async function startSession(user: AuthUser): Promise<string> {
  const session: Session = {
    sid: newSessionId(),
    username: user.username,
    role: user.role,
    user: await userFingerprint(user),
    exp: Date.now() + SESSION_TTL_MS,
  };
  store.add(session.sid, session.username, session.exp);
  return signSession(session, sessionSecret());
}

/** Ends the session of a token, if it is one of ours. */
export async function endSession(token: string | undefined) {
  const session = await verifySession(token, sessionSecret());
  if (session) store.revoke(session.sid);
}
