import { z } from 'zod';

/** AUTH_USERS: a JSON array of users; set, it turns login on. Pure. */
const userSchema = z.object({
  username: z.string().min(1).max(100),
  role: z.enum(['admin', 'viewer'], { error: 'role must be admin or viewer' }),
  passwordHash: z.string().startsWith('scrypt$', { error: 'passwordHash must come from npm run hash-password' }),
});

export type AuthUser = z.infer<typeof userSchema>;

export class AuthConfigError extends Error {}

/** The users, or null when AUTH_USERS is not set (no login). Throws AuthConfigError when it is invalid. */
export function parseAuthUsers(value: string | undefined): AuthUser[] | null {
  if (!value?.trim()) return null;
  let json: unknown;
  try {
    json = JSON.parse(value);
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
