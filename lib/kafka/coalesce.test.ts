import { describe, expect, it, vi } from 'vitest';
import { coalesce, forget } from './coalesce';

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

  it('answers a stale result at once while one new load runs, then the new result; forget drops both', async () => {
    vi.useFakeTimers();
    try {
      let n = 0;
      let release = () => {};
      const inBackground: boolean[] = [];
      const load = (background: boolean) => {
        n++;
        inBackground.push(background);
        return n === 1 ? Promise.resolve(n) : new Promise<number>((resolve) => (release = () => resolve(n)));
      };
      expect(await coalesce('k4', 1000, load, { staleMs: 10_000 })).toBe(1);
      vi.advanceTimersByTime(2000);
      // Past the ttl, within staleMs: the old result, and one load in the background however many ask.
      expect(await coalesce('k4', 1000, load, { staleMs: 10_000 })).toBe(1);
      expect(await coalesce('k4', 1000, load, { staleMs: 10_000 })).toBe(1);
      expect(n).toBe(2);
      release();
      await vi.advanceTimersByTimeAsync(0);
      expect(await coalesce('k4', 1000, load, { staleMs: 10_000 })).toBe(2);
      // Past staleMs: the caller waits for a new load.
      vi.advanceTimersByTime(20_000);
      const waiting = coalesce('k4', 1000, load, { staleMs: 10_000 });
      release();
      expect(await waiting).toBe(3);
      forget('k4');
      const afterForget = coalesce('k4', 1000, load, { staleMs: 10_000 });
      release();
      expect(await afterForget).toBe(4);
      // Only the load nobody waited for ran in the background.
      expect(inBackground).toEqual([false, true, false, false]);
    } finally {
      vi.useRealTimers();
    }
  });
});
