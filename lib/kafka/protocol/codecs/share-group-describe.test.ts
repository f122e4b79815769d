import { describe, expect, it } from 'vitest';
import { JAVA_SHARE_GROUP_DESCRIBE_V1_REQUEST, SHARE_GROUP_DESCRIBE_V1 } from './captured-groups.fixtures';
import { shareGroupDescribe } from './share-group-describe';

const hex = (value: string) => Buffer.from(value, 'hex');
/** Our body is Java's with the request header's tagged fields (one empty byte) in front. */
const withHeaderTags = (java: string) => `00${java}`;

describe('ShareGroupDescribe v1', () => {
  it('writes the request as Kafka’s Java client does', () => {
    expect(shareGroupDescribe.encode({ groupIds: ['sg-probe', 'other'] }, 1).toString('hex')).toBe(withHeaderTags(JAVA_SHARE_GROUP_DESCRIBE_V1_REQUEST));
  });

  it('reads a share group with two members as Kafka’s Java client reads it', () => {
    expect(shareGroupDescribe.decode(hex(SHARE_GROUP_DESCRIBE_V1), 1)).toEqual([
      {
        groupId: 'sg-probe',
        errorCode: 0,
        errorMessage: null,
        state: 'Stable',
        groupEpoch: 8,
        assignmentEpoch: 8,
        assignor: 'simple',
        members: [
          {
            memberId: 'YCfGQl3MTSes-QkCl63EGw',
            instanceId: null,
            clientId: 'share-cap-a',
            host: '127.0.0.1',
            memberEpoch: 8,
            assignments: [{ topic: 'sh-probe-13503', partitions: [1, 2] }],
          },
          {
            memberId: 'hOVStfGJQE-B36B2PvxCyg',
            instanceId: null,
            clientId: 'share-cap-b',
            host: '127.0.0.1',
            memberEpoch: 8,
            assignments: [{ topic: 'sh-probe-13503', partitions: [0] }],
          },
        ],
      },
    ]);
  });

  it('fails loudly on a truncated answer instead of inventing members', () => {
    expect(() => shareGroupDescribe.decode(hex(SHARE_GROUP_DESCRIBE_V1).subarray(0, 60), 1)).toThrow(RangeError);
  });
});
