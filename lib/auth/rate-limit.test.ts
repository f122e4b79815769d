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
});
