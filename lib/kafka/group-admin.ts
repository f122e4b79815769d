import 'server-only';
import type { Admin } from 'kafkajs';
import type { ResetOffsetsRequest, ResetOffsetsResult } from '@/lib/types/groups';
import { withCluster } from './clients';
import { ApiError, badRequest, notFound } from './errors';
import { forgetGroups } from './groups';
import { topicMetadata } from './topics';

async function requireEmptyGroup(admin: Admin, groupId: string, action: string) {
  const { groups } = await admin.describeGroups([groupId]);
  const group = groups[0];
  if (!group || group.state === 'Dead') throw notFound('GROUP_NOT_FOUND', `Consumer group "${groupId}" does not exist`);
  if (group.state !== 'Empty') {
    throw new ApiError(409, 'GROUP_NOT_EMPTY', `Cannot ${action} "${groupId}": it is ${group.state} with ${group.members.length} member(s). Stop its consumers first.`);
  }
}

const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n));

/**
 * Moves a group's committed offsets on one topic, like `kafka-consumer-groups --reset-offsets`:
 * to earliest, latest, a timestamp (the first offset at or after it; latest if none), an offset, or
 * shifted by N, clamped to what the log holds. Only for an Empty group; a dry run changes nothing.
 */
export function resetOffsets(cluster: string, groupId: string, request: ResetOffsetsRequest): Promise<ResetOffsetsResult> {
  return withCluster(cluster, async ({ admin, protocol }) => {
    await requireEmptyGroup(admin, groupId, 'reset offsets of');
    await topicMetadata(protocol, request.topic);
    const bounds = await admin.fetchTopicOffsets(request.topic);
    const known = new Set(bounds.map((b) => b.partition));
    const unknown = (request.partitions ?? []).filter((p) => !known.has(p));
    if (unknown.length) throw badRequest(`Topic "${request.topic}" has no partition ${unknown.join(', ')}`);
    const chosen = bounds.filter((b) => !request.partitions || request.partitions.includes(b.partition)).sort((a, b) => a.partition - b.partition);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [request.topic] });
    const current = new Map(committed?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? []);
    const byTime = request.to === 'timestamp' ? new Map((await admin.fetchTopicOffsetsByTimestamp(request.topic, request.value)).map((p) => [p.partition, Number(p.offset)])) : null;

    const changes = chosen.map((b) => {
      const low = Number(b.low);
      const high = Number(b.high);
      const from = (current.get(b.partition) ?? -1) >= 0 ? current.get(b.partition)! : null;
      const value = request.value ?? 0;
      const target = {
        earliest: low,
        latest: high,
        offset: value,
        shift: (from ?? low) + value,
        timestamp: byTime?.get(b.partition) ?? -1,
      }[request.to];
      const to = request.to === 'timestamp' && target < 0 ? high : clamp(target, low, high);
      return { topic: request.topic, partition: b.partition, from, to };
    });
    if (!request.dryRun) {
      await protocol.commitOffsets(groupId, request.topic, changes.map((c) => ({ partition: c.partition, offset: c.to })));
      forgetGroups(cluster);
    }
    return { dryRun: Boolean(request.dryRun), changes };
  });
}

/** Deletes a group and its committed offsets; only an Empty group. */
export function deleteGroup(cluster: string, groupId: string): Promise<void> {
  return withCluster(cluster, async ({ admin }) => {
    await requireEmptyGroup(admin, groupId, 'delete');
    await admin.deleteGroups([groupId]);
    forgetGroups(cluster);
  });
}
