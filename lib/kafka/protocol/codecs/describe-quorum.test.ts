import { describe, expect, it } from 'vitest';
import { QuorumError, describeQuorum } from './describe-quorum';

// A DescribeQuorum v0 response captured from the local Kafka 4.3.1 cluster (after the correlation id).
const CAPTURED_V0 =
  '00000002135f5f636c75737465725f6d65746164617461020000000000000000000000000001000000000000027004' +
  '00000000000000000000027000000000010000000000000270000000000200000000000002700001000000';

describe('DescribeQuorum codec', () => {
  it('encodes a request for __cluster_metadata partition 0, with header v2 tags first', () => {
    const name = Buffer.from('__cluster_metadata');
    const expected = Buffer.from([0x00, 0x02, name.length + 1, ...name, 0x02, 0, 0, 0, 0, 0x00, 0x00, 0x00]);
    expect(describeQuorum.encode(null, 0).equals(expected)).toBe(true);
  });

  it('decodes the leader, epoch, high watermark and voters of a real response', () => {
    const status = describeQuorum.decode(Buffer.from(CAPTURED_V0, 'hex'), 0);
    expect(status.leaderId).toBe(0);
    expect(status.leaderEpoch).toBe(1);
    expect(status.highWatermark).toBe(624);
    expect(status.voters.map((v) => v.replicaId)).toEqual([0, 1, 2]);
    expect(status.voters.every((v) => v.logEndOffset === 624)).toBe(true);
    expect(status.observers).toEqual([]);
  });

  it('reports a top-level error code instead of inventing a leader', () => {
    // tags, error code 35 (UNSUPPORTED_VERSION), no topics, tags
    const payload = Buffer.from([0x00, 0x00, 0x23, 0x01, 0x00]);
    expect(() => describeQuorum.decode(payload, 0)).toThrow(QuorumError);
  });

  it('fails on a truncated response rather than returning garbage', () => {
    const truncated = Buffer.from(CAPTURED_V0, 'hex').subarray(0, 30);
    expect(() => describeQuorum.decode(truncated, 0)).toThrow();
  });
});
