import { describe, expect, it } from 'vitest';
import type { OffsetPoint } from './lag';
import { partitionStatus, worstStatus } from './lag-status';

// Window 60 s, stopped after 120 s; samples every 10 s unless a test says otherwise.
const rules = { windowMs: 60_000, stoppedAfterMs: 120_000 };

/** Rows of [seconds, committed, logEnd, members?]; members default to true. */
const points = (rows: [number, number | null, number, boolean?][]): OffsetPoint[] =>
  rows.map(([t, committed, logEnd, members = true]) => ({ t: t * 1000, committed, logEnd, members }));

/** A series every `stepS` seconds for `seconds`, from functions of time. */
const series = (seconds: number, stepS: number, committed: (t: number) => number, logEnd: (t: number) => number, members = true) =>
  points(Array.from({ length: seconds / stepS + 1 }, (_, i) => [i * stepS, committed(i * stepS), logEnd(i * stepS), members]));

describe('partitionStatus', () => {
  it('is unknown without a committed offset', () => {
    expect(partitionStatus(points([[0, null, 10]]), true, rules).status).toBe('unknown');
  });

  it('is ok when caught up, even if offsets stand still', () => {
    expect(
      partitionStatus(
        series(
          60,
          10,
          () => 10,
          () => 10,
        ),
        true,
        rules,
      ),
    ).toEqual({ status: 'ok', reason: 'caught up' });
  });

  describe('trends are judged over the whole window, with at least 3 samples', () => {
    it('is not stalled on two samples between commits of a busy consumer (~1,300 msg/s, commits every 5 s)', () => {
      // Sampled every second: the two latest samples fall between two commits.
      const busy = series(
        8,
        1,
        (t) => 1300 * 5 * Math.floor(t / 5) + 9335,
        (t) => 1300 * t + 9335 + 4000,
      );
      const verdict = partitionStatus(busy.slice(-2), true, { windowMs: 3000, stoppedAfterMs: 5000 });
      expect(verdict.status).toBe('ok');
      expect(verdict.reason).toMatch(/collecting samples/);
    });

    it('is never stalled when the committed offset moved forward within the window', () => {
      // Commits every 50 s; the offset stands still for 50 of the 60 s window, but it did move.
      const slowCommits = series(
        120,
        10,
        (t) => 1000 * Math.floor(t / 50),
        (t) => 100 * t + 500,
      );
      expect(partitionStatus(slowCommits, true, rules).status).not.toBe('stalled');
    });

    it('is ok while the history is shorter than the window, with the reason saying so', () => {
      const verdict = partitionStatus(
        series(
          30,
          10,
          () => 5,
          (t) => 10 + t,
        ),
        true,
        rules,
      );
      expect(verdict).toEqual({ status: 'ok', reason: 'lag 35; collecting samples to judge the trend over 1 minute' });
    });
  });

  it('is stalled when members are there but the committed offset stood still for the whole window with lag', () => {
    const verdict = partitionStatus(
      series(
        60,
        10,
        () => 5,
        (t) => 10 + t,
      ),
      true,
      rules,
    );
    expect(verdict.status).toBe('stalled');
    expect(verdict.reason).toBe('committed offset stuck at 5 for 1 minute while lag is 65');
  });

  it('is not stalled on a first commit a moment ago', () => {
    const first = points([
      [0, null, 10],
      [10, null, 20],
      [20, null, 30],
      [30, null, 40],
      [40, null, 50],
      [50, null, 60],
      [60, 55, 70],
    ]);
    expect(partitionStatus(first, true, rules).status).toBe('ok');
  });

  it('is not lagging on a lag of a few messages going up and down around zero', () => {
    const noise = points([
      [0, 100, 100],
      [10, 110, 112],
      [20, 120, 122],
      [30, 127, 130],
      [40, 137, 140],
      [50, 147, 150],
      [60, 157, 160],
    ]);
    expect(partitionStatus(noise, true, rules).status).toBe('ok');
  });

  it('is ok while a consumer with lag keeps pace, its lag going up and down between commits', () => {
    const sawtooth = series(
      120,
      10,
      (t) => 1000 * Math.floor(t / 20) * 2,
      (t) => 100 * t + 3000,
    );
    expect(partitionStatus(sawtooth, true, rules).status).toBe('ok');
  });

  it('is lagging when a slow consumer falls behind, even though its lag dips at each commit', () => {
    // Consumes 50/s in commits every 20 s, while the log grows 100/s.
    const slow = series(
      120,
      10,
      (t) => 1000 * Math.floor(t / 20),
      (t) => 100 * t + 100,
    );
    const verdict = partitionStatus(slow, true, rules);
    expect(verdict.status).toBe('lagging');
    expect(verdict.reason).toMatch(/^lag grew from [\d,]+ to [\d,]+ in 1 minute \(consuming 50\/s, log grows 100\/s\)$/);
  });

  describe('a group with no members and lag is never ok', () => {
    it('is "no consumer" seconds after its consumer left (not stalled), then stopped after the stop window', () => {
      const left = points([
        [0, 0, 100],
        [10, 50, 150],
        [20, 100, 200],
        [30, 100, 250, false],
        [40, 100, 300, false],
      ]);
      expect(partitionStatus(left, false, rules)).toEqual({ status: 'no-consumer', reason: 'no consumer in the group; 200 messages waiting' });
      const later = [
        ...left,
        ...points([
          [100, 100, 600, false],
          [150, 100, 900, false],
        ]),
      ];
      expect(partitionStatus(later, false, rules)).toEqual({
        status: 'stopped',
        reason: 'no consumer and no progress for 2 minutes 10 seconds; 800 messages waiting',
      });
    });

    it('is "no consumer" for an Empty group with lag whose offsets do not move, even with one sample', () => {
      expect(partitionStatus(points([[0, 40, 100, false]]), false, rules).status).toBe('no-consumer');
      expect(
        partitionStatus(
          series(
            60,
            10,
            () => 40,
            () => 100,
            false,
          ),
          false,
          rules,
        ).status,
      ).toBe('no-consumer');
      expect(
        partitionStatus(
          series(
            120,
            10,
            () => 40,
            () => 100,
            false,
          ),
          false,
          rules,
        ).status,
      ).toBe('stopped');
    });

    it('is ok when an Empty group has no lag', () => {
      expect(
        partitionStatus(
          series(
            200,
            10,
            () => 100,
            () => 100,
            false,
          ),
          false,
          rules,
        ).status,
      ).toBe('ok');
    });
  });

  describe('a reset is a reset, not progress', () => {
    it('an offset moved back is a reset', () => {
      const verdict = partitionStatus(
        points([
          [0, 50, 60, false],
          [10, 10, 60, false],
        ]),
        false,
        rules,
      );
      expect(verdict.status).toBe('reset');
      expect(verdict.reason).toBe('offset reset from 50 to 10 1 second ago (not consumption); lag 50');
    });

    it('an offset moved forward while the group had no member is a reset', () => {
      const verdict = partitionStatus(
        points([
          [0, 100, 10_000, false],
          [10, 100, 10_100, false],
          [20, 9000, 10_200, false],
        ]),
        false,
        rules,
      );
      expect(verdict.status).toBe('reset');
    });

    it('an offset moved through the dashboard is a reset even if a consumer joined since', () => {
      const verdict = partitionStatus(
        [
          ...points([
            [0, 100, 10_000, false],
            [10, 100, 10_100, false],
          ]),
          { t: 20_000, committed: 9000, logEnd: 10_200, members: true, reset: true },
        ],
        true,
        rules,
      );
      expect(verdict.status).toBe('reset');
    });

    it('a reset is seen even when the sample before it is older than the window (sparse samples)', () => {
      const verdict = partitionStatus(
        points([
          [0, 1000, 1000, false],
          [100, 400, 1000, false],
        ]),
        false,
        rules,
      );
      expect(verdict.status).toBe('reset');
    });

    it('once the reset left the window, the usual rules apply again', () => {
      const history = points([
        [0, 100, 10_000, false],
        [10, 9000, 10_000, false],
        [20, 9000, 10_000, false],
        [90, 9000, 10_000, false],
      ]);
      expect(partitionStatus(history, false, rules).status).toBe('no-consumer');
    });
  });
});

describe('worstStatus', () => {
  it('takes the worst partition and names it', () => {
    expect(
      worstStatus([
        { label: 'orders-0', verdict: { status: 'ok', reason: 'caught up' } },
        { label: 'orders-1', verdict: { status: 'stalled', reason: 'stuck' } },
        { label: 'orders-2', verdict: { status: 'lagging', reason: 'growing' } },
      ]),
    ).toEqual({ status: 'stalled', reason: 'orders-1: stuck' });
  });

  it('ranks stopped over no consumer over lagging over reset over ok', () => {
    const v = (status: 'ok' | 'reset' | 'lagging' | 'no-consumer' | 'stopped') => ({ label: status, verdict: { status, reason: status } });
    expect(worstStatus([v('ok'), v('reset')]).status).toBe('reset');
    expect(worstStatus([v('reset'), v('lagging')]).status).toBe('lagging');
    expect(worstStatus([v('no-consumer'), v('lagging')]).status).toBe('no-consumer');
    expect(worstStatus([v('no-consumer'), v('stopped')]).status).toBe('stopped');
  });
});
