import { pbkdf2, randomBytes } from 'node:crypto';

/**
 * SCRAM credentials as Kafka's admin client computes them before AlterUserScramCredentials
 * (clients/admin/UserScramCredentialUpsertion + ScramFormatter): the password never reaches the
 * broker; the client sends a random salt and SaltedPassword = Hi(password, salt, iterations),
 * which is PBKDF2 with HMAC-SHA-256/512 and the hash's output length (RFC 5802 §2.2).
 */
export const SCRAM_MECHANISMS = ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type ScramMechanismName = (typeof SCRAM_MECHANISMS)[number];

/** Kafka's ScramMechanism: wire type, digest, and the iteration bounds its controller enforces. */
const MECHANISMS: Record<ScramMechanismName, { type: number; digest: 'sha256' | 'sha512'; length: number }> = {
  'SCRAM-SHA-256': { type: 1, digest: 'sha256', length: 32 },
  'SCRAM-SHA-512': { type: 2, digest: 'sha512', length: 64 },
};
export const MIN_ITERATIONS = 4096;
export const MAX_ITERATIONS = 16384;
export const DEFAULT_ITERATIONS = 4096;

export const mechanismType = (name: ScramMechanismName): number => MECHANISMS[name].type;

/** The name for a wire type, or null for UNKNOWN (0) and types this dashboard does not know. */
export function mechanismName(type: number): ScramMechanismName | null {
  return SCRAM_MECHANISMS.find((name) => MECHANISMS[name].type === type) ?? null;
}

/**
 * A salt like Kafka's (ScramFormatter.secureRandomBytes): a 130-bit random number written in base
 * 36, as UTF-8 bytes. Any bytes would do; this keeps the stored credential indistinguishable from
 * one made by kafka-configs.
 */
export function newSalt(): Buffer {
  const random = BigInt(`0x${randomBytes(17).toString('hex')}`) >> 6n; // 136 random bits → 130
  return Buffer.from(random.toString(36), 'utf8');
}

/** Hi(password, salt, iterations) for `mechanism` (UTF-8 password, as ScramFormatter.normalize). */
export function saltedPassword(mechanism: ScramMechanismName, password: string, salt: Buffer, iterations: number): Promise<Buffer> {
  const { digest, length } = MECHANISMS[mechanism];
  return new Promise((resolve, reject) =>
    pbkdf2(Buffer.from(password, 'utf8'), salt, iterations, length, digest, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
