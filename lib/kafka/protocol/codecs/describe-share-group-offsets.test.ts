import { describe, expect, it } from 'vitest';
import { DESCRIBE_SHARE_GROUP_OFFSETS_V0, DESCRIBE_SHARE_GROUP_OFFSETS_V1, JAVA_DESCRIBE_SHARE_GROUP_OFFSETS_V1_REQUEST } from './captured-groups.fixtures';
import { describeShareGroupOffsets } from './describe-share-group-offsets';

const hex = (value: string) => Buffer.from(value, 'hex');
/** Our body is Java's with the request header's tagged fields (one empty byte) in front. */
const withHeaderTags = (java: string) => `00${java}`;

describe('DescribeShareGroupOffsets', () => {
  it('writes the request (every topic of the group) as Kafka’s Java client does', () => {
    expect(describeShareGroupOffsets.encode({ groupIds: ['sg-probe'] }, 1).toString('hex')).toBe(withHeaderTags(JAVA_DESCRIBE_SHARE_GROUP_OFFSETS_V1_REQUEST));
  });

  it('reads v1 start offsets with the lag the broker computed', () => {
    const [group] = describeShareGroupOffsets.decode(hex(DESCRIBE_SHARE_GROUP_OFFSETS_V1), 1);
    expect(group).toMatchObject({ groupId: 'sg-probe', errorCode: 0, errorMessage: null });
    expect(
      group.partitions.map(({ topic, partition, startOffset, leaderEpoch, lag, errorCode }) => ({
        topic,
        partition,
        startOffset,
        leaderEpoch,
        lag,
        errorCode,
      })),
    ).toEqual([
      { topic: 'sh-probe-13503', partition: 0, startOffset: 10, leaderEpoch: 0, lag: 0, errorCode: 0 },
      { topic: 'sh-probe-13503', partition: 1, startOffset: 0, leaderEpoch: 0, lag: 0, errorCode: 0 },
      { topic: 'sh-probe-13503', partition: 2, startOffset: 0, leaderEpoch: 0, lag: 0, errorCode: 0 },
    ]);
  });

  it('reads v0, which has no lag field, as lag unknown', () => {
    const [group] = describeShareGroupOffsets.decode(hex(DESCRIBE_SHARE_GROUP_OFFSETS_V0), 0);
    expect(group.partitions.map((p) => [p.partition, p.startOffset, p.lag])).toEqual([
      [0, 10, null],
      [1, 0, null],
      [2, 0, null],
    ]);
  });
});
