import { describe, expect, it } from 'vitest';
import { catchUpMs, partitionLag, totalLag } from './lag';

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

describe('catchUpMs', () => {
  it('divides the lag by the net consumption rate', () => {
    // consumes 200 msgs/s, produces 100 msgs/s → gains 100/s; lag 1000 → 10 s
    expect(catchUpMs([{ t: 0, committed: 0, logEnd: 2000 }, { t: 10_000, committed: 2000, logEnd: 3000 }])).toBe(10_000);
  });
  it('is null when the consumer is not gaining, 0 when caught up', () => {
    expect(catchUpMs([{ t: 0, committed: 0, logEnd: 100 }, { t: 1000, committed: 0, logEnd: 200 }])).toBeNull();
    expect(catchUpMs([{ t: 0, committed: 0, logEnd: 100 }, { t: 1000, committed: 200, logEnd: 200 }])).toBe(0);
  });
});
