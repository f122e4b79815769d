import 'server-only';
import { parseAuthUsers, type AuthUser } from './users';

/** The configured users (parsed once), or null when login is off. */
let cached: { value: string | undefined; users: AuthUser[] | null } | undefined;
export function authUsers(): AuthUser[] | null {
  if (!cached || cached.value !== process.env.AUTH_USERS) cached = { value: process.env.AUTH_USERS, users: parseAuthUsers(process.env.AUTH_USERS) };
  return cached.users;
}
