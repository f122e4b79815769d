/**
 * Signed session tokens for the session cookie: base64url(JSON payload) + "." + base64url(HMAC-SHA256).
 * Web Crypto only, so the same code runs in the proxy and in route handlers.
 */
export const SESSION_COOKIE = 'kd_session';
export const SESSION_TTL_MS = 12 * 3_600_000;

export interface Session {
  /** Random id of this login: the server keeps the live ones (lib/auth/session-store.ts). */
  sid: string;
  username: string;
  role: 'admin' | 'viewer';
  /** Fingerprint of the user's AUTH_USERS entry when logging in: a changed role or password ends the session. */
  user: string;
  /** Expiry, epoch ms. */
  exp: number;
}

/** A new random session id. */
export function newSessionId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(18)));
}

const encoder = new TextEncoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * The signing key: SESSION_SECRET when set, else derived from AUTH_USERS (its password hashes are
 * secret), so sessions survive restarts and every server process agrees.
 */
async function key(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', await crypto.subtle.digest('SHA-256', encoder.encode(secret)), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}

export const sessionSecret = (env: Record<string, string | undefined> = process.env) => env.SESSION_SECRET || `users:${env.AUTH_USERS ?? ''}`;

export async function signSession(session: Session, secret: string): Promise<string> {
  const payload = toBase64Url(encoder.encode(JSON.stringify(session)));
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await key(secret), encoder.encode(payload)));
  return `${payload}.${toBase64Url(signature)}`;
}

/** The session in a token, or null when it is forged, malformed or expired. */
export async function verifySession(token: string | undefined, secret: string, now = Date.now()): Promise<Session | null> {
  if (!token) return null;
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  try {
    const valid = await crypto.subtle.verify('HMAC', await key(secret), fromBase64Url(signature) as BufferSource, encoder.encode(payload));
    if (!valid) return null;
    const session = JSON.parse(new TextDecoder().decode(fromBase64Url(payload))) as Session;
    const wellFormed =
      typeof session.sid === 'string' && typeof session.username === 'string' && typeof session.user === 'string' && typeof session.exp === 'number';
    return wellFormed && session.exp > now && (session.role === 'admin' || session.role === 'viewer') ? session : null;
  } catch {
    return null;
  }
}
