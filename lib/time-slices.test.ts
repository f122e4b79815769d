import { describe, expect, it } from 'vitest';
import { forEachInSlices, mapInSlices, sortInSlices } from './time-slices';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('loops in time slices', () => {
  it('visits every item in order and maps them in order', async () => {
    const seen: number[] = [];
    await forEachInSlices([3, 1, 2], (n) => seen.push(n));
    expect(seen).toEqual([3, 1, 2]);
    expect(
      await mapInSlices(
        Array.from({ length: 1000 }, (_, i) => i),
        (n) => n * 2,
      ),
    ).toEqual(Array.from({ length: 1000 }, (_, i) => i * 2));
  });

  it('lets a timer run while a long loop works, where a plain loop would hold it until the end', async () => {
    let fired = 0;
    const timer = setInterval(() => fired++, 1);
    await forEachInSlices(Array.from({ length: 640 }), () => busy(0.5), 5); // about 320 ms of work
    const duringSliced = fired;
    fired = 0;
    for (let i = 0; i < 640; i++) busy(0.5);
    const duringPlain = fired;
    clearInterval(timer);
    expect(duringSliced).toBeGreaterThan(5);
    expect(duringPlain).toBe(0);
  });

  it('sorts as Array.prototype.sort does (stable, any length), in runs merged in slices', async () => {
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    for (const length of [0, 1, 5, 4096, 4097, 30_001]) {
      const items = Array.from({ length }, (_, i) => ({ key: (i * 7919) % 97, at: i }));
      expect(await sortInSlices(items, byKey, 1000)).toEqual([...items].sort(byKey));
    }
    const ids = ['b', 'a', 'é', 'e', 'Z', 'z', '10', '9'];
    expect(await sortInSlices(ids, (a, b) => a.localeCompare(b), 3)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });

  it('lets a timer run while it sorts', async () => {
    let fired = 0;
    const timer = setInterval(() => fired++, 1);
    const slow = (a: number, b: number) => {
      busy(0.002);
      return a - b;
    };
    const sorted = await sortInSlices(
      Array.from({ length: 8_000 }, (_, i) => (i * 7919) % 8_000),
      slow,
      1024,
      5,
    );
    clearInterval(timer);
    expect(sorted).toEqual(Array.from({ length: 8_000 }, (_, i) => i));
    expect(fired).toBeGreaterThan(5);
  });
});
