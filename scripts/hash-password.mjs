#!/usr/bin/env node
// `npm run hash-password -- 'the password'`: prints the scrypt hash for AUTH_USERS on the last line
// (same format as lib/auth/password.ts: scrypt$N$r$p$salt$hash).
import { randomBytes, scryptSync } from 'node:crypto';

const password = process.argv[2];
if (!password) {
  console.error("usage: npm run hash-password -- 'the password'");
  process.exit(1);
}
const [N, r, p] = [16384, 8, 1];
const salt = randomBytes(16);
const key = scryptSync(password, salt, 32, { N, r, p, maxmem: 256 * N * r });
console.log('Put this in the passwordHash of the user in AUTH_USERS:');
console.log(['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$'));
