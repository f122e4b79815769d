import { describe, expect, it } from 'vitest';
import { describePositions } from './tail-status';

describe('describePositions', () => {
  it('names each partition, or says "all" when they agree, and counts the rest when there are many', () => {
    expect(describePositions({ 0: 120, 1: 98 })).toBe('offset 120 on p0, 98 on p1');
    expect(describePositions({ 2: 0, 0: 0, 1: 0 })).toBe('offset 0 on all 3 partitions');
    expect(describePositions({ 4: 1500 })).toBe('offset 1,500 on p4');
    expect(describePositions(Object.fromEntries(Array.from({ length: 10 }, (_, p) => [p, p * 10])))).toBe(
      'offset 0 on p0, 10 on p1, 20 on p2, 30 on p3 and 6 more partitions',
    );
  });
});
