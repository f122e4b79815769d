import { describe, expect, it } from 'vitest';
import { shareLag, sharePartitionStatus } from './share-lag';

describe('shareLag', () => {
  it('takes the broker’s lag, not log end − start offset (the start offset may trail acknowledgements)', () => {
    // Captured on Kafka 4.3.1: start offset 10, log end 40, every record acknowledged; kafka-share-groups printed LAG 0.
    expect(shareLag(10, 0, 40)).toBe(0);
    expect(shareLag(10, 7, 40)).toBe(7);
  });

  it('falls back to log end − start offset when the broker reports no lag (DescribeShareGroupOffsets v0)', () => {
    expect(shareLag(10, null, 40)).toBe(30);
    expect(shareLag(50, null, 40)).toBe(0);
    expect(shareLag(10, null, null)).toBeNull();
  });

  it('has no lag for a partition without a start offset, or when the broker says it does not know', () => {
    expect(shareLag(-1, -1, 40)).toBeNull();
    expect(shareLag(null, null, 40)).toBeNull();
    expect(shareLag(5, -1, 40)).toBeNull();
  });
});

describe('sharePartitionStatus', () => {
  it('is caught up at lag 0, with or without members', () => {
    expect(sharePartitionStatus(0, true).status).toBe('ok');
    expect(sharePartitionStatus(0, false).status).toBe('ok');
  });

  it('is stopped when records wait and nobody consumes, never OK', () => {
    expect(sharePartitionStatus(12, false)).toEqual({ status: 'stopped', reason: 'no members; 12 record(s) not yet acknowledged' });
  });

  it('says how many records wait while members consume', () => {
    expect(sharePartitionStatus(3, true)).toEqual({ status: 'ok', reason: 'consuming; 3 record(s) not yet acknowledged' });
  });

  it('has no verdict without a start offset', () => {
    expect(sharePartitionStatus(null, true).status).toBe('unknown');
  });
});
