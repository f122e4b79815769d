/**
 * Failed logins per key in a sliding window; past the limit, attempts are refused until it slides.
 * Bounded whatever the traffic: each key keeps at most `limit` timestamps, expired keys go, and past
 * `maxKeys` keys the least recently failed go. Pure.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit = 5,
    private readonly windowMs = 60_000,
    private readonly maxKeys = 10_000,
  ) {}

  get size() {
    return this.failures.size;
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (!recent.length) this.failures.delete(key);
    return recent;
  }

  /** ms to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    return recent.length >= this.limit ? recent[recent.length - this.limit] + this.windowMs - now : 0;
  }

  fail(key: string, now = Date.now()) {
    const recent = [...this.recent(key, now), now].slice(-this.limit);
    this.failures.delete(key); // re-inserted last: the Map's order is least recently failed first
    // So expired keys sit at the front: dropping them from there costs nothing per call on average.
    for (const [oldest, times] of this.failures) {
      if (this.failures.size < this.maxKeys && times[times.length - 1] > now - this.windowMs) break;
      this.failures.delete(oldest);
    }
    this.failures.set(key, recent);
  }

  succeed(key: string) {
    this.failures.delete(key);
  }
}
