import { describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce';

describe('coalesce', () => {
  it('gives concurrent callers one in-flight load', async () => {
    const load = vi.fn(async () => ({ at: Date.now() }));
    const [a, b, c] = await Promise.all([coalesce('k1', 1000, load), coalesce('k1', 1000, load), coalesce('k1', 1000, load)]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
  });

  it('keeps a result for the ttl, then loads again', async () => {
    vi.useFakeTimers();
    try {
      let n = 0;
      const load = async () => ++n;
      expect(await coalesce('k2', 1000, load)).toBe(1);
      vi.advanceTimersByTime(500);
      expect(await coalesce('k2', 1000, load)).toBe(1);
      vi.advanceTimersByTime(600);
      expect(await coalesce('k2', 1000, load)).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not keep failures', async () => {
    let calls = 0;
    const load = async () => {
      calls++;
      if (calls === 1) throw new Error('cluster down');
      return 'ok';
    };
    await expect(coalesce('k3', 60_000, load)).rejects.toThrow('cluster down');
    expect(await coalesce('k3', 60_000, load)).toBe('ok');
  });
});
