import { describe, expect, it } from 'vitest';
import { forEachInSlices, mapInSlices } from './time-slices';

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
});
