import { describe, expect, it } from 'vitest';
import { SessionStore } from './session-store';

describe('SessionStore', () => {
  it('knows live sessions until they are revoked or expire', () => {
    const store = new SessionStore();
    store.add('a', 'alice', 10_000, 0);
    expect(store.isLive('a', 'alice', 1)).toBe(true);
    expect(store.isLive('a', 'mallory', 1)).toBe(false);
    expect(store.isLive('b', 'alice', 1)).toBe(false);
    store.revoke('a');
    expect(store.isLive('a', 'alice', 1)).toBe(false);
    store.add('c', 'alice', 10_000, 0);
    expect(store.isLive('c', 'alice', 10_000)).toBe(false);
    expect(store.size).toBe(0);
  });

  it('is bounded: per user, and in all', () => {
    const store = new SessionStore(100, 3);
    for (let i = 0; i < 10; i++) store.add(`alice-${i}`, 'alice', 1e12, 0);
    expect(['alice-6', 'alice-7', 'alice-8', 'alice-9'].map((id) => store.isLive(id, 'alice', 1))).toEqual([false, true, true, true]);
    for (let i = 0; i < 1000; i++) store.add(`s-${i}`, `user-${i}`, 1e12, 0);
    expect(store.size).toBeLessThanOrEqual(100);
    expect(store.isLive('s-999', 'user-999', 1)).toBe(true);
  });
});
