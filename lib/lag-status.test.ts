import { describe, expect, it } from 'vitest';
import { partitionStatus, worstStatus } from './lag-status';

const rules = { windowMs: 60_000, stoppedAfterMs: 120_000 };
const points = (rows: [number, number | null, number][]) => rows.map(([t, committed, logEnd]) => ({ t: t * 1000, committed, logEnd }));

describe('partitionStatus', () => {
  it('is unknown without a committed offset', () => {
    expect(partitionStatus(points([[0, null, 10]]), true, rules).status).toBe('unknown');
  });

  it('is ok when caught up, even if offsets stand still', () => {
    expect(partitionStatus(points([[0, 10, 10], [30, 10, 10], [60, 10, 10]]), true, rules)).toEqual({ status: 'ok', reason: 'caught up' });
  });

  it('is ok while the consumer keeps pace', () => {
    expect(partitionStatus(points([[0, 0, 10], [30, 50, 60], [60, 100, 105]]), true, rules).status).toBe('ok');
  });

  it('is lagging when lag grows over the window while the consumer moves', () => {
    const verdict = partitionStatus(points([[0, 0, 10], [30, 10, 40], [60, 20, 80]]), true, rules);
    expect(verdict.status).toBe('lagging');
    expect(verdict.reason).toBe('lag grew from 10 to 60 in 1 minute');
  });

  it('is stalled when members are there but the committed offset stands still with lag', () => {
    const verdict = partitionStatus(points([[0, 5, 10], [30, 5, 20], [60, 5, 30]]), true, rules);
    expect(verdict.status).toBe('stalled');
    expect(verdict.reason).toMatch(/stuck at 5 for 1 minute while lag is 25/);
  });

  it('is stopped when no member is left and nothing moved for stoppedAfterMs; lag keeps growing with the log', () => {
    const history = points([[0, 5, 10], [60, 5, 20], [120, 5, 30]]);
    const verdict = partitionStatus(history, false, rules);
    expect(verdict.status).toBe('stopped');
    expect(verdict.reason).toMatch(/25 messages waiting/);
  });

  it('is rewinding when the committed offset moves back', () => {
    expect(partitionStatus(points([[0, 50, 60], [30, 10, 60]]), true, rules).status).toBe('rewinding');
  });

  it('returns to ok once a stalled consumer catches up', () => {
    expect(partitionStatus(points([[0, 5, 30], [30, 5, 30], [60, 30, 30]]), true, rules).status).toBe('ok');
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
});
