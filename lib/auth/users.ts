import fs from 'node:fs';
import { z } from '@/lib/zod';

/** AUTH_USERS: a JSON array of users; set, it turns login on. Pure. */
const userSchema = z.object({
  username: z.string().min(1).max(100),
  role: z.enum(['admin', 'viewer'], { error: 'role must be admin or viewer' }),
  passwordHash: z.string().startsWith('scrypt$', { error: 'passwordHash must come from npm run hash-password' }),
});

export type AuthUser = z.infer<typeof userSchema>;

export class AuthConfigError extends Error {}

/** AUTH_USERS is a JSON array, or else the path of a file holding one. */
export const authUsersFile = (value: string | undefined) => (value?.trim() && !value.trim().startsWith('[') ? value.trim() : null);

/**
 * The users, or null when AUTH_USERS is not set (no login). Throws AuthConfigError when it is
 * invalid or names a file that cannot be read.
 */
export function parseAuthUsers(value: string | undefined): AuthUser[] | null {
  if (!value?.trim()) return null;
  const file = authUsersFile(value);
  let text = value;
  if (file) {
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new AuthConfigError(`AUTH_USERS is neither a JSON array nor a readable file: ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AuthConfigError(`AUTH_USERS is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = z.array(userSchema).min(1, { error: 'AUTH_USERS must list at least one user' }).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AuthConfigError(`AUTH_USERS is invalid: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * What a session remembers of its user's entry: a change of role or password (or the user's
 * removal) makes every session of that user worthless at once. A hash, so the cookie carries
 * nothing of the password hash.
 */
export async function userFingerprint(user: AuthUser): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${user.username}\n${user.role}\n${user.passwordHash}`));
  return Buffer.from(digest).subarray(0, 16).toString('base64url');
}
