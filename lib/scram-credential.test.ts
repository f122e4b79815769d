import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ALTER_SCRAM_UPSERT } from './kafka/protocol/codecs/captured-users-quotas.fixtures';
import { mechanismName, mechanismType, newSalt, saltedPassword } from './scram-credential';

/** RFC 5802's Hi written out literally (as ScramFormatter.hi does), to check the PBKDF2 shortcut. */
function hi(digest: string, password: string, salt: Buffer, iterations: number): Buffer {
  let u = createHmac(digest, password)
    .update(Buffer.concat([salt, Buffer.from([0, 0, 0, 1])]))
    .digest();
  const result = Buffer.from(u);
  for (let i = 2; i <= iterations; i++) {
    u = createHmac(digest, password).update(u).digest();
    for (let j = 0; j < result.length; j++) result[j] ^= u[j];
  }
  return result;
}

describe('SCRAM credentials', () => {
  it('computes the salted password kafka-configs sent for SCRAM-SHA-256, 8192 iterations', async () => {
    // The captured request: ... iterations 0x2000, salt (compact bytes, 0x1b = 26 + 1), salted password (0x21 = 32 + 1).
    const request = Buffer.from(ALTER_SCRAM_UPSERT.request, 'hex');
    const saltAt = request.indexOf(Buffer.from('00002000', 'hex')) + 4;
    const salt = request.subarray(saltAt + 1, saltAt + 1 + 26);
    const sent = request.subarray(saltAt + 1 + 26 + 1, saltAt + 1 + 26 + 1 + 32);
    expect(salt.toString()).toBe('1ka4l4nm44plsfvxic4ab9s1lr');
    expect(await saltedPassword('SCRAM-SHA-256', 'fixture-secret', salt, 8192)).toEqual(sent);
    expect(await saltedPassword('SCRAM-SHA-256', 'fixture-secreT', salt, 8192)).not.toEqual(sent);
  });

  it('matches Hi written out for SCRAM-SHA-512, with a non-ASCII password', async () => {
    const salt = Buffer.from('salt-1');
    const key = await saltedPassword('SCRAM-SHA-512', 'pässwörd', salt, 4096);
    expect(key).toHaveLength(64);
    expect(key).toEqual(hi('sha512', 'pässwörd', salt, 4096));
  });

  it('makes base-36 salts like Kafka, different each time', () => {
    const a = newSalt();
    expect(a.toString()).toMatch(/^[0-9a-z]{20,26}$/);
    expect(newSalt().equals(a)).toBe(false);
  });

  it('maps mechanisms to Kafka wire types and back', () => {
    expect(mechanismType('SCRAM-SHA-256')).toBe(1);
    expect(mechanismType('SCRAM-SHA-512')).toBe(2);
    expect(mechanismName(2)).toBe('SCRAM-SHA-512');
    expect(mechanismName(0)).toBeNull();
  });
});
