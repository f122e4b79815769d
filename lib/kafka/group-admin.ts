import 'server-only';
import type { ResetOffsetsRequest, ResetOffsetsResult } from '@/lib/types/groups';
import { withCluster } from './clients';
import { ApiError, badRequest, notFound } from './errors';
import {
  DELETE_GROUPS, DESCRIBE_GROUPS, decodeDeleteGroupsResponse, decodeDescribeGroupsResponse,
  encodeDeleteGroupsRequest, encodeDescribeGroupsRequest,
} from './group-codecs';
import { forgetGroups } from './groups';
import { describeConsumerProtocolGroups, tpKey } from './groups-snapshot';
import { historyOf } from './lag-history';
import { apiErrorFromKafkaCode } from './kafka-error-codes';
import { OFFSET_FETCH_API_KEY, OFFSET_FETCH_VERSION, decodeOffsetFetchResponse, encodeOffsetFetchRequest } from './offset-fetch-codec';
import { fetchOffsets, offsetsForTime } from './offsets';
import { decodedWith, handEncoded, type ProtocolCluster } from './protocol';
import { topicMetadata } from './topics';

/** Coordinator still loading its part of __consumer_offsets, not available yet, or moved. */
const COORDINATOR_NOT_READY = new Set([14, 15, 16]);

/**
 * DescribeGroups on the group's coordinator. On a fresh cluster the coordinator first loads (or
 * creates) __consumer_offsets and answers "not ready": asked again for up to 10 s.
 */
async function describeOnCoordinator(protocol: ProtocolCluster, groupId: string) {
  for (let attempt = 0; ; attempt++) {
    const coordinator = await protocol.coordinatorOf(groupId);
    const [group] = await protocol.sendTo(
      coordinator,
      handEncoded(DESCRIBE_GROUPS.apiKey, DESCRIBE_GROUPS.version, 'DescribeGroups', encodeDescribeGroupsRequest([groupId])),
      decodedWith(decodeDescribeGroupsResponse),
    );
    if (!group || !COORDINATOR_NOT_READY.has(group.errorCode) || attempt >= 20) return { coordinator, group };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The group's coordinator, after checking the group exists and has no members. */
async function requireEmptyGroup(protocol: ProtocolCluster, groupId: string, action: string): Promise<number> {
  const { coordinator, group: classic } = await describeOnCoordinator(protocol, groupId);
  // A group of the new consumer protocol (KIP-848) looks "Dead" to DescribeGroups.
  const modern = classic?.state === 'Dead' || classic?.errorCode === 69 ? (await describeConsumerProtocolGroups(protocol, coordinator, [groupId]))[0] : null;
  const group = modern ?? classic;
  if (!group || group.state === 'Dead' || group.errorCode === 69) throw notFound('GROUP_NOT_FOUND', `Consumer group "${groupId}" does not exist`);
  if (group.errorCode) throw apiErrorFromKafkaCode(group.errorCode, null, `Cannot describe group "${groupId}"`);
  if (group.state !== 'Empty') {
    throw new ApiError(409, 'GROUP_NOT_EMPTY', `Cannot ${action} "${groupId}": it is ${group.state} with ${group.members.length} member(s). Stop its consumers first.`);
  }
  return coordinator;
}

async function committedOffsets(protocol: ProtocolCluster, coordinator: number, groupId: string, topic: string) {
  const [group] = await protocol.sendTo(
    coordinator,
    handEncoded(OFFSET_FETCH_API_KEY, OFFSET_FETCH_VERSION, 'OffsetFetch', encodeOffsetFetchRequest([groupId])),
    decodedWith(decodeOffsetFetchResponse),
  );
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
    const coordinator = await requireEmptyGroup(protocol, groupId, 'reset offsets of');
    const meta = await topicMetadata(protocol, request.topic);
    const known = new Set(meta.partitionMetadata.map((p) => p.partitionId));
    const unknown = (request.partitions ?? []).filter((p) => !known.has(p));
    if (unknown.length) throw badRequest(`Topic "${request.topic}" has no partition ${unknown.join(', ')}`);
    const wanted = request.partitions ? new Set(request.partitions) : null; // up to 10,000 of them: no list scan per partition
    const chosen = meta.partitionMetadata
      .filter((p) => !wanted || wanted.has(p.partitionId))
      .sort((a, b) => a.partitionId - b.partitionId);
    if (chosen.some((p) => p.leader < 0)) throw new ApiError(503, 'PARTITION_OFFLINE', 'A chosen partition has no leader; its offsets cannot be read now');
    const [bounds, current, byTime] = await Promise.all([
      fetchOffsets(protocol, { brokers: [], topicMetadata: [meta] }).then((t) => t.get(request.topic)!),
      committedOffsets(protocol, coordinator, groupId, request.topic),
      request.to === 'timestamp'
        ? offsetsForTime(protocol, meta, chosen.map((p) => p.partitionId), request.value!)
        : Promise.resolve(new Map<number, number>()),
    ]);
    const changes = chosen.map(({ partitionId: partition }) => {
      const { earliest, latest } = bounds.get(partition) ?? { earliest: null, latest: null };
      if (earliest === null || latest === null) throw new ApiError(503, 'OFFSETS_UNAVAILABLE', `Offsets of partition ${partition} could not be read`);
      const from = current.get(partition) ?? null;
      const value = request.value ?? 0;
      const target = { earliest, latest, offset: value, shift: (from ?? earliest) + value, timestamp: byTime.get(partition) ?? -1 }[request.to];
      const to = request.to === 'timestamp' && target < 0 ? latest : clamp(target, earliest, latest);
      return { topic: request.topic, partition, from, to, logEndOffset: latest };
    });
    if (!request.dryRun) {
      await protocol.commitOffsets(groupId, request.topic, changes.map((c) => ({ partition: c.partition, offset: c.to })));
      // The lag status must read the jump as a reset, not as consumption.
      historyOf(cluster).markReset(groupId, changes.map((c) => tpKey(c.topic, c.partition)));
      forgetGroups(cluster);
    }
    return { dryRun: Boolean(request.dryRun), changes };
  });
}

/** Deletes a group and its committed offsets; only an Empty group. */
export function deleteGroup(cluster: string, groupId: string): Promise<void> {
  return withCluster(cluster, async ({ protocol }) => {
    const coordinator = await requireEmptyGroup(protocol, groupId, 'delete');
    const [result] = await protocol.sendTo(
      coordinator,
      handEncoded(DELETE_GROUPS.apiKey, DELETE_GROUPS.version, 'DeleteGroups', encodeDeleteGroupsRequest([groupId])),
      decodedWith(decodeDeleteGroupsResponse),
    );
    if (result?.errorCode === 68) throw new ApiError(409, 'GROUP_NOT_EMPTY', `"${groupId}" has members again; stop its consumers first`);
    if (result?.errorCode) throw apiErrorFromKafkaCode(result.errorCode, null, `Kafka refused to delete "${groupId}"`);
    historyOf(cluster).forget(groupId);
    forgetGroups(cluster);
  });
}
