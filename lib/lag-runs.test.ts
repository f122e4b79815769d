import { describe, expect, it } from 'vitest';
import type { Sample } from './lag-history-store';
import { SampleRuns, Timeline } from './lag-runs';

/** The plain list the runs stand for: samples in time order, one per time, the latest kept. */
function reference(samples: Sample[]): Sample[] {
  const byTime = new Map<number, Sample>();
  for (const s of samples) byTime.set(s.t, s);
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

/** A small deterministic generator: the same sequence on every run. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

const sample = (t: number, totalLag: number | null, members = true, committed?: number): Sample => ({
  t,
  totalLag,
  members,
  partitions: committed === undefined ? undefined : new Map([['orders:0', { committed, logEnd: committed + (totalLag ?? 0) }]]),
});

describe('sample runs', () => {
  it('hold a group whose lag does not move as one run for the whole history', () => {
    const timeline = new Timeline();
    const runs = new SampleRuns(timeline);
    for (let i = 0; i < 360; i++) runs.add(sample(1000 + i * 10_000, 7, false, 40));
    expect(runs.runCount).toBe(1);
    expect(runs.samples()).toHaveLength(360);
    expect(runs.samples()[359]).toEqual(sample(1000 + 359 * 10_000, 7, false, 40));
    expect(runs.trend(30)).toEqual(Array(30).fill(7));
  });

  it('equal what a plain list keeps, however samples arrive: gaps, repeats, late and twice-read ones, pruning', () => {
    const next = random(42);
    const timeline = new Timeline();
    const groups = ['a', 'b', 'c'].map(() => ({ runs: new SampleRuns(timeline), added: [] as Sample[] }));
    for (let step = 0; step < 400; step++) {
      const t = 1000 + step * 1000;
      for (const g of groups) {
        if (next() < 0.1) continue; // missing from this snapshot: a gap
        const late = next() < 0.05 && step > 10;
        const at = late ? t - Math.floor(next() * 10) * 1000 - 500 : t; // a time no snapshot had
        const s = sample(at, next() < 0.1 ? null : Math.floor(next() * 3), next() < 0.8, next() < 0.5 ? Math.floor(next() * 2) : undefined);
        g.runs.add(s);
        g.added.push(s);
        if (next() < 0.05 && g.added.length > 3) {
          // The same record read twice, or a sample at a time already held with new values.
          const again = { ...g.added[g.added.length - 3], totalLag: 99 };
          g.runs.add(again);
          g.added.push(again);
        }
      }
      if (step % 50 === 49) {
        const cutoff = t - 120_000;
        timeline.prune(cutoff);
        for (const g of groups) {
          g.runs.prune(cutoff);
          g.added = g.added.filter((s) => s.t >= cutoff);
        }
      }
    }
    for (const g of groups) {
      const expected = reference(g.added);
      expect(g.runs.samples()).toEqual(expected);
      expect(g.runs.trend(30)).toEqual(expected.slice(-30).map((s) => s.totalLag));
      expect(g.runs.withPartition('orders:0').map((p) => p.t)).toEqual(expected.filter((s) => s.partitions).map((s) => s.t));
      expect(g.runs.runCount).toBeLessThan(expected.length);
    }
  });

  it('keep a reset as its own sample, never merged into equal neighbours', () => {
    const runs = new SampleRuns(new Timeline());
    runs.add(sample(1000, 5, true, 10));
    const reset = sample(2000, 5, true, 10);
    reset.partitions!.set('orders:0', { committed: 10, logEnd: 15, reset: true });
    runs.add(reset);
    runs.add(sample(3000, 5, true, 10));
    expect(runs.runCount).toBe(3);
    expect(runs.withPartition('orders:0').map((p) => p.partition.reset ?? false)).toEqual([false, true, false]);
  });
});
