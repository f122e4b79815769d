import { describe, expect, it } from 'vitest';
import { lagSeconds } from './lag-seconds';

// The log grew 100 messages per 10 s: offset 0 at t=0, 100 at 10 s, 200 at 20 s.
const points = [
  { t: 0, logEnd: 0 },
  { t: 10_000, logEnd: 100 },
  { t: 20_000, logEnd: 200 },
];

describe('lagSeconds', () => {
  it('is 0 for a caught-up partition', () => {
    expect(lagSeconds(points, 200, 200, 25_000)).toBe(0);
  });

  it('interpolates between the samples around the committed offset', () => {
    // Offset 150 was the log end at 15 s; at 25 s the consumer is 10 s behind.
    expect(lagSeconds(points, 150, 200, 25_000)).toBe(10);
    expect(lagSeconds(points, 100, 200, 20_000)).toBe(10);
  });

  it("extrapolates at the window's rate below the oldest sample", () => {
    // 10 messages per second: offset -50 would have been 5 s before t=0.
    expect(
      lagSeconds(
        [
          { t: 10_000, logEnd: 100 },
          { t: 20_000, logEnd: 200 },
        ],
        50,
        200,
        20_000,
      ),
    ).toBe(15);
  });

  it('is unknown without two samples, without offsets, or when nothing was produced in the window', () => {
    expect(lagSeconds([{ t: 0, logEnd: 100 }], 50, 100, 1000)).toBeNull();
    expect(lagSeconds(points, null, 200, 1000)).toBeNull();
    expect(
      lagSeconds(
        [
          { t: 0, logEnd: 100 },
          { t: 10_000, logEnd: 100 },
        ],
        50,
        100,
        20_000,
      ),
    ).toBeNull();
    expect(
      lagSeconds(
        [
          { t: 0, logEnd: null },
          { t: 10_000, logEnd: 100 },
          { t: 20_000, logEnd: 200 },
        ],
        150,
        200,
        25_000,
      ),
    ).toBe(10);
  });
});
