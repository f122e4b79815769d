import { describe, expect, it } from 'vitest';
import type { DescribedGroup } from './protocol/codecs/describe-groups';
import type { ListedGroup } from './protocol/codecs/list-groups';
import { groupMissing } from './groups';
import { takeGroupsSnapshot } from './groups-snapshot';
import { historyOf } from './lag-history';
import type { GroupCommittedOffsets } from './protocol/codecs/offset-fetch';
import type { ShareGroupOffsets } from './protocol/codecs/describe-share-group-offsets';
import { UnsupportedApiError, type ProtocolCluster } from './protocol';

/**
 * Three brokers, each coordinating one group with a commit on `t-0`. `listFails` brokers do not
 * answer ListGroups (connection lost); `listErrors` answer it with an error code (coordinator loading).
 */
function fakeCluster({
  listFails = [] as number[],
  listErrors = [] as number[],
  unsupported = [] as string[],
  dead = false,
  share = false,
  /** Gets the group ids of each DescribeGroups sent. */
  described = [] as string[][],
} = {}) {
  const groupOf = (nodeId: number) => `g${nodeId}`;
  return {
    metadata: async () => ({
      brokers: [1, 2, 3].map((nodeId) => ({ nodeId, host: '127.0.0.1', port: 9000 + nodeId, rack: null })),
      topicMetadata: [{ topicErrorCode: 0, topic: 't', partitionMetadata: [{ partitionErrorCode: 0, partitionId: 0, leader: 1, replicas: [1], isr: [1] }] }],
    }),
    listOffsets: async () => ({ responses: [{ topic: 't', partitions: [{ partition: 0, errorCode: 0, offset: '100' }] }] }),
    call: async (api: { name: string }, request: unknown, { broker: nodeId }: { broker: number }) => {
      const groupId = groupOf(nodeId);
      if (unsupported.includes(api.name)) throw new UnsupportedApiError(api.name, null, [0]);
      switch (api.name) {
        case 'ListGroups':
          if (listFails.includes(nodeId)) throw new Error('Connection closed');
          return {
            errorCode: listErrors.includes(nodeId) ? 14 : 0,
            groups: listErrors.includes(nodeId)
              ? []
              : // Dead to DescribeGroups: a broker that predates ListGroups v5 (no state, no type) and ConsumerGroupDescribe.
                dead
                ? [{ groupId, protocolType: 'consumer', state: '', type: '' } satisfies ListedGroup]
                : [{ groupId, protocolType: share ? 'share' : 'consumer', state: 'Empty', type: share ? 'share' : 'classic' } satisfies ListedGroup],
          };
        case 'DescribeGroups':
          described.push((request as { groupIds: string[] }).groupIds);
          return [{ errorCode: 0, groupId, state: dead ? 'Dead' : 'Empty', protocolType: 'consumer', protocol: '', members: [] } satisfies DescribedGroup];
        case 'OffsetFetch':
          return [{ groupId, errorCode: 0, partitions: [{ topic: 't', partition: 0, committedOffset: 40, errorCode: 0 }] } satisfies GroupCommittedOffsets];
        case 'DescribeShareGroupOffsets':
          return [
            {
              groupId,
              errorCode: 0,
              errorMessage: null,
              partitions: [{ topic: 't', partition: 0, startOffset: 30, leaderEpoch: 0, lag: 70, errorCode: 0, errorMessage: null }],
            } satisfies ShareGroupOffsets,
          ];
        default:
          return [];
      }
    },
  } as unknown as ProtocolCluster;
}

describe('takeGroupsSnapshot with a broker that does not answer', () => {
  it('lists every group when all brokers answer, and no missing broker', async () => {
    const snapshot = await takeGroupsSnapshot(fakeCluster());
    expect(snapshot.groups.map((g) => g.groupId)).toEqual(['g1', 'g2', 'g3']);
    expect(snapshot.missingBrokers).toEqual([]);
  });

  it('names the brokers whose ListGroups failed or answered an error, instead of a silently shorter list', async () => {
    const snapshot = await takeGroupsSnapshot(fakeCluster({ listFails: [3], listErrors: [2] }));
    expect(snapshot.groups.map((g) => g.groupId)).toEqual(['g1']);
    expect(snapshot.missingBrokers).toEqual([2, 3]);
  });

  it('a group missing that way is "not available" (503), not "does not exist" (404)', async () => {
    const partial = await takeGroupsSnapshot(fakeCluster({ listFails: [2] }));
    expect([groupMissing(partial, 'g2').status, groupMissing(partial, 'g2').code]).toEqual([503, 'COORDINATOR_NOT_AVAILABLE']);
    expect(groupMissing(partial, 'g2').message).toContain('broker 2 did not list its groups');
    const whole = await takeGroupsSnapshot(fakeCluster());
    expect([groupMissing(whole, 'nope').status, groupMissing(whole, 'nope').code]).toEqual([404, 'GROUP_NOT_FOUND']);
  });

  it('keeps the lag history of a group its broker did not list this time', async () => {
    const history = historyOf('partial-results-test');
    const whole = await takeGroupsSnapshot(fakeCluster());
    await history.record(whole, 60_000);
    await history.record({ ...(await takeGroupsSnapshot(fakeCluster({ listFails: [2] }))), t: whole.t + 1000 }, 60_000);
    expect(history.samples('g2').map((s) => s.totalLag)).toEqual([60]);
    expect(history.samples('g1')).toHaveLength(2);
  });
});

describe('takeGroupsSnapshot on a broker without the newer group APIs', () => {
  it('lists the groups DescribeGroups knows when ConsumerGroupDescribe is unsupported, without a missing broker', async () => {
    const snapshot = await takeGroupsSnapshot(fakeCluster({ unsupported: ['ConsumerGroupDescribe'], dead: true }));
    expect(snapshot.groups.map((g) => [g.groupId, g.type, g.state, g.committed.get('t:0')])).toEqual([
      ['g1', 'classic', 'Dead', 40],
      ['g2', 'classic', 'Dead', 40],
      ['g3', 'classic', 'Dead', 40],
    ]);
    expect(snapshot.missingBrokers).toEqual([]);
  });

  it('keeps a share group’s start offsets when ShareGroupDescribe is unsupported but DescribeShareGroupOffsets is not', async () => {
    const snapshot = await takeGroupsSnapshot(fakeCluster({ share: true, unsupported: ['ShareGroupDescribe'] }));
    expect(snapshot.groups.map((g) => [g.groupId, g.type, g.members.length, g.shareOffsets?.get('t:0')])).toEqual([
      ['g1', 'share', 0, { startOffset: 30, lag: 70 }],
      ['g2', 'share', 0, { startOffset: 30, lag: 70 }],
      ['g3', 'share', 0, { startOffset: 30, lag: 70 }],
    ]);
    expect(snapshot.missingBrokers).toEqual([]);
  });

  it('does not describe empty classic groups (ListGroups said it all), and still reads their offsets', async () => {
    const described: string[][] = [];
    const snapshot = await takeGroupsSnapshot(fakeCluster({ described }));
    expect(described).toEqual([]);
    expect(snapshot.groups.map((g) => [g.groupId, g.type, g.state, g.protocolType, g.members, g.committed.get('t:0')])).toEqual([
      ['g1', 'classic', 'Empty', 'consumer', [], 40],
      ['g2', 'classic', 'Empty', 'consumer', [], 40],
      ['g3', 'classic', 'Empty', 'consumer', [], 40],
    ]);
    // Without the type (ListGroups before v5), every group is described.
    await takeGroupsSnapshot(fakeCluster({ described, dead: true }));
    expect(described.flat().sort()).toEqual(['g1', 'g2', 'g3']);
  });

  it('counts a broker whose ListGroups versions we cannot speak as missing, not as having no groups', async () => {
    const snapshot = await takeGroupsSnapshot(fakeCluster({ unsupported: ['ListGroups'] }));
    expect(snapshot.groups).toEqual([]);
    expect(snapshot.missingBrokers).toEqual([1, 2, 3]);
  });
});
