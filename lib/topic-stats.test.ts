import { describe, expect, it } from 'vitest';
import { formatReplicationFactor, formatShare, messageSpread, replicationFactor } from './topic-stats';

describe('replication factor', () => {
  it('is one number when every partition has as many replicas', () => {
    expect(formatReplicationFactor(replicationFactor([3, 3, 3]))).toBe('3');
  });

  it('says "mixed" with the range after a reassignment, not the maximum', () => {
    expect(replicationFactor([3, 1, 3])).toEqual({ min: 1, max: 3 });
    expect(formatReplicationFactor(replicationFactor([3, 1, 2]))).toBe('mixed (1–3)');
  });

  it('is 0 without partitions', () => {
    expect(formatReplicationFactor(replicationFactor([]))).toBe('0');
  });
});

describe('message spread', () => {
  it('calls out a partition holding none of 50,000 messages', () => {
    const spread = messageSpread([10_000, 10_000, 0, 10_000, 10_000, 10_000].map((messages, partition) => ({ partition, messages })));
    expect(spread.skewed).toEqual(new Set([2]));
    expect(spread.shares.get(2)).toBe(0);
    expect(spread.shares.get(0)).toBeCloseTo(0.2);
    expect(spread.hint).toBe('Uneven spread: partition 2 holds 0 of 50,000 messages (0%); an even share is 17%.');
  });

  it('lists the most uneven partitions first, at most three', () => {
    const spread = messageSpread([1000, 0, 0, 0, 0, 9].map((messages, partition) => ({ partition, messages })));
    expect([...spread.skewed].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(spread.hint).toBe(
      'Uneven spread: partition 0 holds 1,000 of 1,009 messages (99%), partition 1 holds 0 (0%), partition 2 holds 0 (0%), and 3 more; an even share is 17%.',
    );
  });

  it('has no hint for an even spread, a tiny topic or a single partition', () => {
    expect(
      messageSpread([
        { partition: 0, messages: 480 },
        { partition: 1, messages: 520 },
      ]).hint,
    ).toBeNull();
    expect(
      messageSpread([
        { partition: 0, messages: 5 },
        { partition: 1, messages: 0 },
      ]).hint,
    ).toBeNull();
    expect(messageSpread([{ partition: 0, messages: 500 }]).hint).toBeNull();
    expect(
      messageSpread([
        { partition: 0, messages: 0 },
        { partition: 1, messages: 0 },
      ]).shares.size,
    ).toBe(0);
  });

  it('leaves partitions with an unknown count (offline) out of the shares', () => {
    const spread = messageSpread([
      { partition: 0, messages: 100 },
      { partition: 1, messages: null },
      { partition: 2, messages: 100 },
    ]);
    expect(spread.shares.has(1)).toBe(false);
    expect(spread.shares.get(0)).toBe(0.5);
    expect(spread.hint).toBeNull();
  });

  it('shows small shares with a decimal so they do not read as 0%', () => {
    expect(formatShare(0.004)).toBe('0.4%');
    expect(formatShare(0.5)).toBe('50%');
    expect(formatShare(0)).toBe('0%');
  });
});
