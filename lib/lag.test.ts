import { describe, expect, it } from 'vitest';
import { catchUp, partitionLag, stepKind, totalLag } from './lag';

describe('partitionLag', () => {
  it('is log-end minus committed', () => expect(partitionLag(40, 100)).toBe(60));
  it('is null without a committed offset, never NaN or negative', () => {
    expect(partitionLag(null, 100)).toBeNull();
    expect(partitionLag(-1, 100)).toBeNull();
    expect(partitionLag(120, 100)).toBe(0);
    expect(partitionLag(5, null)).toBeNull();
  });
});

describe('totalLag', () => {
  it('sums known lags and is null when none is known', () => {
    expect(totalLag([1, null, 2])).toBe(3);
    expect(totalLag([null, null])).toBeNull();
    expect(totalLag([0])).toBe(0);
  });
});

describe('stepKind', () => {
  const p = (committed: number | null, members = true, reset = false) => ({ t: 0, committed, logEnd: 1000, members, ...(reset ? { reset } : {}) });
  it('tells consumption from resets', () => {
    expect(stepKind(p(10), p(20))).toBe('consumed');
    expect(stepKind(p(10, false), p(20))).toBe('consumed');
    expect(stepKind(p(10), p(10))).toBe('still');
    expect(stepKind(p(20), p(10))).toBe('reset');
    expect(stepKind(p(10, false), p(900, false))).toBe('reset');
    expect(stepKind(p(10), p(900, true, true))).toBe('reset');
    expect(stepKind(p(null), p(10))).toBe('unknown');
  });
});

describe('catchUp', () => {
  it('divides the lag by the net consumption rate', () => {
    // consumes 200 msgs/s, produces 100 msgs/s → gains 100/s; lag 1000 → 10 s
    expect(
      catchUp([
        { t: 0, committed: 0, logEnd: 2000 },
        { t: 10_000, committed: 2000, logEnd: 3000 },
      ]),
    ).toEqual({ ms: 10_000, note: null });
  });

  it('uses the whole window, not the last two samples: lag falling from 14,672 to 2,107 is catching up', () => {
    // Commits every 20 s, sampled every 10 s: the last samples fall between commits.
    const committed = [1000, 1000, 7000, 7000, 14_165, 14_165, 14_165];
    const window = committed.map((c, i) => ({ t: i * 10_000, committed: c, logEnd: 15_672 + 100 * i }));
    expect(window[0].logEnd - window[0].committed).toBe(14_672);
    expect(window[6].logEnd - window[6].committed).toBe(2107);
    // Consumed 13,165 and produced 600 in 60 s: gains 209.4/s, so 2,107 take 10.06 s.
    expect(catchUp(window)).toEqual({ ms: 10_061, note: null });
  });

  it('leaves an offset reset out of the consumption rate', () => {
    // Nothing consumed; the dashboard moved the offset from 0 to 9,000 of 10,000.
    const window = [
      { t: 0, committed: 0, logEnd: 10_000, members: false },
      { t: 10_000, committed: 9000, logEnd: 10_000, members: false, reset: true },
      { t: 20_000, committed: 9000, logEnd: 10_000, members: false },
    ];
    expect(catchUp(window)).toEqual({ ms: null, note: 'not consuming' });
  });

  it('says why it cannot tell: collecting, not gaining, caught up', () => {
    expect(catchUp([{ t: 0, committed: 0, logEnd: 100 }])).toEqual({ ms: null, note: 'collecting samples' });
    expect(
      catchUp([
        { t: 0, committed: 0, logEnd: 100 },
        { t: 1000, committed: 50, logEnd: 200 },
      ]),
    ).toEqual({
      ms: null,
      note: 'not catching up: consuming 50/s, log grows 100/s',
    });
    expect(
      catchUp([
        { t: 0, committed: 0, logEnd: 100 },
        { t: 1000, committed: 200, logEnd: 200 },
      ]),
    ).toEqual({ ms: 0, note: null });
  });
});
