import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './rate-limit';

describe('LoginRateLimiter', () => {
  it('refuses after 5 failures within a minute, and lets go when the window slides', () => {
    const limiter = new LoginRateLimiter(5, 60_000);
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfter('alice', 1000 + i)).toBe(0);
      limiter.fail('alice', 1000 + i);
    }
    expect(limiter.retryAfter('alice', 2000)).toBe(59_000);
    expect(limiter.retryAfter('bob', 2000)).toBe(0);
    expect(limiter.retryAfter('alice', 61_001)).toBe(0);
  });

  it('keeps memory bounded under a flood of distinct keys, and forgets expired ones', () => {
    const limiter = new LoginRateLimiter(5, 60_000, 1000);
    for (let i = 0; i < 50_000; i++) limiter.fail(`user-${i}|address-${i}`, 1000 + i);
    expect(limiter.size).toBeLessThanOrEqual(1000);
    // The most recent offender is still counted.
    for (let i = 0; i < 4; i++) limiter.fail('mallory', 60_000);
    limiter.fail('mallory', 60_001);
    expect(limiter.retryAfter('mallory', 60_002)).toBeGreaterThan(0);
    // A minute later everything has expired: looking a key up forgets it.
    expect(limiter.retryAfter('user-49999|address-49999', 200_000)).toBe(0);
    limiter.fail('late', 200_000);
    for (let i = 0; i < 1000; i++) limiter.fail(`again-${i}`, 200_000);
    expect(limiter.size).toBeLessThanOrEqual(1000);
    expect(limiter.retryAfter('mallory', 200_000)).toBe(0);
  });

  it('keeps at most `limit` timestamps per key however often it fails', () => {
    const limiter = new LoginRateLimiter(5, 60_000);
    for (let i = 0; i < 10_000; i++) limiter.fail('alice', 1000);
    expect((limiter as unknown as { failures: Map<string, number[]> }).failures.get('alice')).toHaveLength(5);
  });
});
