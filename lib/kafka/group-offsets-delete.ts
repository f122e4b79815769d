import 'server-only';
import type { DeleteGroupOffsetsResult } from '@/lib/types/operations';
import { withCluster } from './clients';
import { ApiError, notFound } from './errors';
import { tpKey } from '@/lib/tp-key';
import { forgetGroups } from './groups';
import { apiErrorFromKafkaCode, KafkaErrorCode } from './kafka-error-codes';
import { publishHistoryChange } from './lag-sampler';
import { offsetDelete } from './protocol/codecs/offset-delete';
import { offsetFetch } from './protocol/codecs/offset-fetch';

/**
 * Deletes a group's committed offsets for one topic (all its committed partitions, or `partitions`),
 * like `kafka-consumer-groups --delete-offsets`. The coordinator refuses it, for the whole topic,
 * while the group's members are subscribed to it (409). Partitions without a committed offset are
 * a 404, before anything is deleted.
 */
export function deleteGroupOffsets(cluster: string, groupId: string, topic: string, partitions: number[] | null): Promise<DeleteGroupOffsetsResult> {
  return withCluster(cluster, async ({ protocol }) => {
    const coordinator = await protocol.coordinatorOf(groupId);
    const [group] = await protocol.call(offsetFetch, { groupIds: [groupId] }, { broker: coordinator });
    const committed = new Set((group?.partitions ?? []).filter((p) => p.topic === topic && p.committedOffset >= 0).map((p) => p.partition));
    if (committed.size === 0) throw notFound('OFFSETS_NOT_FOUND', `Group "${groupId}" has no committed offsets on topic "${topic}"`);
    const missing = (partitions ?? []).filter((p) => !committed.has(p));
    if (missing.length) throw notFound('OFFSETS_NOT_FOUND', `Group "${groupId}" has no committed offset for partition ${missing.join(', ')} of "${topic}"`);
    const chosen = partitions ?? [...committed].sort((a, b) => a - b);

    const answer = await protocol.call(offsetDelete, { groupId, topics: [{ name: topic, partitions: chosen }] }, { broker: coordinator });
    if (answer.errorCode)
      throw apiErrorFromKafkaCode(answer.errorCode, null, `Kafka refused to delete the offsets of "${groupId}" (error ${answer.errorCode})`);
    const results = answer.topics.filter((t) => t.name === topic).flatMap((t) => t.partitions);
    if (results.some((r) => r.errorCode === KafkaErrorCode.GROUP_SUBSCRIBED_TO_TOPIC)) {
      throw new ApiError(
        'GROUP_SUBSCRIBED_TO_TOPIC',
        `Members of "${groupId}" are subscribed to "${topic}": its offsets cannot be deleted until they stop or unsubscribe`,
      );
    }
    const failed = results.find((r) => r.errorCode !== 0);
    if (failed)
      throw apiErrorFromKafkaCode(failed.errorCode, null, `Kafka refused to delete the offset of partition ${failed.partition} (error ${failed.errorCode})`);
    // The lag history must not read the jump to "no offset" as consumption.
    await publishHistoryChange(cluster, { kind: 'reset', groupId, keys: chosen.map((p) => tpKey(topic, p)), t: Date.now() });
    forgetGroups(cluster);
    return { deleted: results.map((r) => ({ topic, partition: r.partition })).sort((a, b) => a.partition - b.partition) };
  });
}
