import 'server-only';
import type { ResetOffsetsResult } from '@/lib/types/groups';
import type { ResetOffsetsRequest } from '@/lib/group-validation';
import { withCluster } from './clients';
import { ApiError, badRequest, notFound } from './errors';
import { forgetGroups } from './groups';
import { tpKey } from '@/lib/tp-key';
import { describeConsumerProtocolGroups, describeShareGroups } from './groups-snapshot';
import { publishHistoryChange } from './lag-sampler';
import { apiErrorFromKafkaCode, KafkaErrorCode } from './kafka-error-codes';
import { fetchOffsets, offsetsForTime } from './offsets';
import type { ProtocolCluster } from './protocol';
import { deleteGroups } from './protocol/codecs/delete-groups';
import { describeGroups } from './protocol/codecs/describe-groups';
import { offsetFetch } from './protocol/codecs/offset-fetch';
import { topicMetadata } from './topics';
import { sleep } from '@/lib/sleep';

/** Coordinator still loading its part of __consumer_offsets, not available yet, or moved. */
const COORDINATOR_NOT_READY = new Set<number>([
  KafkaErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
  KafkaErrorCode.COORDINATOR_NOT_AVAILABLE,
  KafkaErrorCode.NOT_COORDINATOR,
]);

/**
 * DescribeGroups on the group's coordinator. On a fresh cluster the coordinator first loads (or
 * creates) __consumer_offsets and answers "not ready": asked again for up to 10 s.
 */
async function describeOnCoordinator(protocol: ProtocolCluster, groupId: string) {
  for (let attempt = 0; ; attempt++) {
    const coordinator = await protocol.coordinatorOf(groupId);
    const [group] = await protocol.call(describeGroups, { groupIds: [groupId] }, { broker: coordinator });
    if (!group || !COORDINATOR_NOT_READY.has(group.errorCode) || attempt >= 20) return { coordinator, group };
    await sleep(500);
  }
}

/**
 * The group's coordinator, after checking the group exists and has no members (and, unless
 * `shareGroups`, is not a share group). A group of the new consumer protocol (KIP-848) or a share
 * group (KIP-932) looks "Dead" to DescribeGroups: asked again with ConsumerGroupDescribe, then
 * ShareGroupDescribe.
 */
async function requireEmptyGroup(protocol: ProtocolCluster, groupId: string, action: string, { shareGroups = true } = {}): Promise<number> {
  const { coordinator, group: classic } = await describeOnCoordinator(protocol, groupId);
  const hidden = classic?.state === 'Dead' || classic?.errorCode === KafkaErrorCode.GROUP_ID_NOT_FOUND;
  const modern = hidden ? (await describeConsumerProtocolGroups(protocol, coordinator, [groupId]))[0] : null;
  const share = hidden && !modern ? (await describeShareGroups(protocol, coordinator, [groupId])).groups[0] : null;
  const group = share ?? modern ?? classic;
  if (!group || group.state === 'Dead' || group.errorCode === KafkaErrorCode.GROUP_ID_NOT_FOUND)
    throw notFound('GROUP_NOT_FOUND', `Consumer group "${groupId}" does not exist`);
  if (group.errorCode) throw apiErrorFromKafkaCode(group.errorCode, null, `Cannot describe group "${groupId}"`);
  if (share && !shareGroups) {
    // A share group has start offsets, moved with AlterShareGroupOffsets, not committed offsets: not offered here.
    throw new ApiError('SHARE_GROUP_UNSUPPORTED', `Cannot ${action} "${groupId}": it is a share group; use kafka-share-groups --reset-offsets`);
  }
  if (group.state !== 'Empty') {
    throw new ApiError(
      'GROUP_NOT_EMPTY',
      `Cannot ${action} "${groupId}": it is ${group.state} with ${group.members.length} member(s). Stop its consumers first.`,
    );
  }
  return coordinator;
}

async function committedOffsets(protocol: ProtocolCluster, coordinator: number, groupId: string, topic: string) {
  const [group] = await protocol.call(offsetFetch, { groupIds: [groupId] }, { broker: coordinator });
  return new Map((group?.partitions ?? []).filter((p) => p.topic === topic && p.committedOffset >= 0).map((p) => [p.partition, p.committedOffset]));
}

const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n));

/**
 * Moves a group's committed offsets on one topic, like `kafka-consumer-groups --reset-offsets`:
 * to earliest, latest, a timestamp (the first offset at or after it; latest if none), an offset, or
 * shifted by N, clamped to what the log holds. Only for an Empty group; a dry run changes nothing.
 */
export function resetOffsets(cluster: string, groupId: string, request: ResetOffsetsRequest): Promise<ResetOffsetsResult> {
  return withCluster(cluster, async ({ protocol }) => {
    const coordinator = await requireEmptyGroup(protocol, groupId, 'reset offsets of', { shareGroups: false });
    const meta = await topicMetadata(protocol, request.topic);
    const known = new Set(meta.partitionMetadata.map((p) => p.partitionId));
    const unknown = (request.partitions ?? []).filter((p) => !known.has(p));
    if (unknown.length) throw badRequest(`Topic "${request.topic}" has no partition ${unknown.join(', ')}`, 'UNKNOWN_PARTITION');
    const wanted = request.partitions ? new Set(request.partitions) : null; // up to 10,000 of them: no list scan per partition
    const chosen = meta.partitionMetadata.filter((p) => !wanted || wanted.has(p.partitionId)).sort((a, b) => a.partitionId - b.partitionId);
    if (chosen.some((p) => p.leader < 0)) throw new ApiError('PARTITION_NOT_AVAILABLE', 'A chosen partition has no leader; its offsets cannot be read now');
    const [bounds, current, byTime] = await Promise.all([
      fetchOffsets(protocol, { brokers: [], topicMetadata: [meta] }).then((t) => t.get(request.topic)!),
      committedOffsets(protocol, coordinator, groupId, request.topic),
      request.to === 'timestamp'
        ? offsetsForTime(
            protocol,
            meta,
            chosen.map((p) => p.partitionId),
            request.value!,
          )
        : Promise.resolve(new Map<number, number>()),
    ]);
    const changes = chosen.map(({ partitionId: partition }) => {
      const { earliest, latest } = bounds.get(partition) ?? { earliest: null, latest: null };
      if (earliest === null || latest === null) throw new ApiError('OFFSETS_UNAVAILABLE', `Offsets of partition ${partition} could not be read`);
      const from = current.get(partition) ?? null;
      const value = request.value ?? 0;
      const target = { earliest, latest, offset: value, shift: (from ?? earliest) + value, timestamp: byTime.get(partition) ?? -1 }[request.to];
      const to = request.to === 'timestamp' && target < 0 ? latest : clamp(target, earliest, latest);
      return { topic: request.topic, partition, from, to, logEndOffset: latest };
    });
    if (!request.dryRun) {
      await protocol.commitOffsets(
        groupId,
        request.topic,
        changes.map((c) => ({ partition: c.partition, offset: c.to })),
      );
      // The lag status must read the jump as a reset, not as consumption.
      await publishHistoryChange(cluster, { kind: 'reset', groupId, keys: changes.map((c) => tpKey(c.topic, c.partition)), t: Date.now() });
      forgetGroups(cluster);
    }
    return { dryRun: Boolean(request.dryRun), changes };
  });
}

/** Deletes a group and its committed offsets; only an Empty group. */
export function deleteGroup(cluster: string, groupId: string): Promise<void> {
  return withCluster(cluster, async ({ protocol }) => {
    const coordinator = await requireEmptyGroup(protocol, groupId, 'delete');
    const [result] = await protocol.call(deleteGroups, { groupIds: [groupId] }, { broker: coordinator });
    if (result?.errorCode === KafkaErrorCode.NON_EMPTY_GROUP) throw new ApiError('GROUP_NOT_EMPTY', `"${groupId}" has members again; stop its consumers first`);
    if (result?.errorCode) throw apiErrorFromKafkaCode(result.errorCode, null, `Kafka refused to delete "${groupId}"`);
    await publishHistoryChange(cluster, { kind: 'forget', groupId });
    forgetGroups(cluster);
  });
}
