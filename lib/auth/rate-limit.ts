/** Failed logins per key in a sliding window; past the limit, attempts are refused until it slides. Pure. */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limit = 5, private readonly windowMs = 60_000) {}

  /** ms to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    this.failures.set(key, recent);
    return recent.length >= this.limit ? recent[0] + this.windowMs - now : 0;
  }

  fail(key: string, now = Date.now()) {
    this.failures.set(key, [...(this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs), now]);
  }

  succeed(key: string) {
    this.failures.delete(key);
  }
}
