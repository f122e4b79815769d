import { describe, expect, it } from 'vitest';
import {
  DESCRIBE_SHARE_GROUP_OFFSETS_V0, DESCRIBE_SHARE_GROUP_OFFSETS_V1, JAVA_DESCRIBE_SHARE_GROUP_OFFSETS_V1_REQUEST,
  JAVA_SHARE_GROUP_DESCRIBE_V1_REQUEST, SHARE_GROUP_DESCRIBE_V1,
} from './captured-groups.fixtures';
import {
  decodeDescribeShareGroupOffsetsResponse, decodeShareGroupDescribeResponse, encodeDescribeShareGroupOffsetsRequest,
  encodeShareGroupDescribeRequest,
} from './share-group-codecs';

const hex = (value: string) => Buffer.from(value, 'hex');
/** Our body is Java's with the request header's tagged fields (one empty byte) in front. */
const withHeaderTags = (java: string) => `00${java}`;

describe('ShareGroupDescribe v1', () => {
  it('writes the request as Kafka’s Java client does', () => {
    expect(encodeShareGroupDescribeRequest(['sg-probe', 'other']).toString('hex')).toBe(withHeaderTags(JAVA_SHARE_GROUP_DESCRIBE_V1_REQUEST));
  });

  it('reads a share group with two members as Kafka’s Java client reads it', () => {
    expect(decodeShareGroupDescribeResponse(hex(SHARE_GROUP_DESCRIBE_V1))).toEqual([
      {
        groupId: 'sg-probe',
        errorCode: 0,
        errorMessage: null,
        state: 'Stable',
        groupEpoch: 8,
        assignmentEpoch: 8,
        assignor: 'simple',
        members: [
          { memberId: 'YCfGQl3MTSes-QkCl63EGw', instanceId: null, clientId: 'share-cap-a', host: '127.0.0.1', memberEpoch: 8, assignments: [{ topic: 'sh-probe-13503', partitions: [1, 2] }] },
          { memberId: 'hOVStfGJQE-B36B2PvxCyg', instanceId: null, clientId: 'share-cap-b', host: '127.0.0.1', memberEpoch: 8, assignments: [{ topic: 'sh-probe-13503', partitions: [0] }] },
        ],
      },
    ]);
  });

  it('fails loudly on a truncated answer instead of inventing members', () => {
    expect(() => decodeShareGroupDescribeResponse(hex(SHARE_GROUP_DESCRIBE_V1).subarray(0, 60))).toThrow(RangeError);
  });
});

describe('DescribeShareGroupOffsets', () => {
  it('writes the request (every topic of the group) as Kafka’s Java client does', () => {
    expect(encodeDescribeShareGroupOffsetsRequest(['sg-probe']).toString('hex')).toBe(withHeaderTags(JAVA_DESCRIBE_SHARE_GROUP_OFFSETS_V1_REQUEST));
  });

  it('reads v1 start offsets with the lag the broker computed', () => {
    const [group] = decodeDescribeShareGroupOffsetsResponse(hex(DESCRIBE_SHARE_GROUP_OFFSETS_V1), 1);
    expect(group).toMatchObject({ groupId: 'sg-probe', errorCode: 0, errorMessage: null });
    expect(group.partitions.map(({ topic, partition, startOffset, leaderEpoch, lag, errorCode }) => ({ topic, partition, startOffset, leaderEpoch, lag, errorCode }))).toEqual([
      { topic: 'sh-probe-13503', partition: 0, startOffset: 10, leaderEpoch: 0, lag: 0, errorCode: 0 },
      { topic: 'sh-probe-13503', partition: 1, startOffset: 0, leaderEpoch: 0, lag: 0, errorCode: 0 },
      { topic: 'sh-probe-13503', partition: 2, startOffset: 0, leaderEpoch: 0, lag: 0, errorCode: 0 },
    ]);
  });

  it('reads v0, which has no lag field, as lag unknown', () => {
    const [group] = decodeDescribeShareGroupOffsetsResponse(hex(DESCRIBE_SHARE_GROUP_OFFSETS_V0), 0);
    expect(group.partitions.map((p) => [p.partition, p.startOffset, p.lag])).toEqual([[0, 10, null], [1, 0, null], [2, 0, null]]);
  });
});
