import 'server-only';
import type { DeleteRecordsResult } from '@/lib/types/operations';
import type { DeleteRecordsInput } from '@/lib/operations-validation';
import { withCluster } from './clients';
import { ApiError, badRequest } from './errors';
import { apiErrorFromKafkaCode } from './kafka-error-codes';
import { groupByLeader } from './leaders';
import { fetchOffsets } from './offsets';
import { deleteRecords as deleteRecordsApi } from './protocol/codecs/delete-records';
import { forgetTopics, refuseInternalTopic, topicMetadata } from './topics';

/** DeleteRecords' "up to the high watermark". */
const HIGH_WATERMARK = -1;
const TIMEOUT_MS = 30_000;

/**
 * Deletes a topic's records before an offset (or all of them: up to the high watermark), like
 * `kafka-delete-records`, and answers each partition's new log start offset. Everything is
 * checked before anything is deleted: unknown partitions (404), an offset beyond a partition's
 * high watermark (400), a partition without a leader (503). One request per leader broker.
 */
export function deleteRecords(cluster: string, topic: string, input: DeleteRecordsInput): Promise<DeleteRecordsResult> {
  refuseInternalTopic(topic, 'delete records of');
  return withCluster(cluster, async ({ protocol }) => {
    const meta = await topicMetadata(protocol, topic);
    refuseInternalTopic(topic, 'delete records of', meta);
    const known = new Map(meta.partitionMetadata.map((p) => [p.partitionId, p]));
    const unknown = (input.partitions ?? []).filter((p) => !known.has(p));
    if (unknown.length) throw badRequest(`Topic "${topic}" has no partition ${unknown.join(', ')}`, 'UNKNOWN_PARTITION');
    const chosen = (input.partitions ? [...new Set(input.partitions)].map((p) => known.get(p)!) : meta.partitionMetadata)
      .slice()
      .sort((a, b) => a.partitionId - b.partitionId);
    const leaderless = chosen.filter((p) => p.leader < 0).map((p) => p.partitionId);
    if (leaderless.length)
      throw new ApiError('PARTITION_NOT_AVAILABLE', `Partition ${leaderless.join(', ')} of "${topic}" has no leader; its records cannot be deleted now`);

    if (input.beforeOffset !== undefined) {
      const offsets = (await fetchOffsets(protocol, { brokers: [], topicMetadata: [meta] }, null, { latestOnly: true })).get(topic);
      for (const { partitionId } of chosen) {
        const highWatermark = offsets?.get(partitionId)?.latest ?? null;
        if (highWatermark === null) throw new ApiError('OFFSETS_UNAVAILABLE', `The high watermark of partition ${partitionId} could not be read`);
        if (input.beforeOffset > highWatermark) {
          throw badRequest(
            `beforeOffset ${input.beforeOffset} is beyond the high watermark ${highWatermark} of partition ${partitionId}`,
            'OFFSET_OUT_OF_RANGE',
          );
        }
      }
    }

    const byLeader = groupByLeader(
      chosen,
      (p) => p.leader,
      (p) => p.partitionId,
    );
    const offset = input.beforeOffset ?? HIGH_WATERMARK;
    const answers = await Promise.all(
      [...byLeader].map(([leader, partitions]) =>
        protocol.call(
          deleteRecordsApi,
          { topics: [{ name: topic, partitions: partitions.map((partition) => ({ partition, offset })) }], timeoutMs: TIMEOUT_MS },
          { broker: leader },
        ),
      ),
    );
    forgetTopics(cluster);
    const results = answers.flatMap((a) => a.topics.filter((t) => t.name === topic).flatMap((t) => t.partitions));
    const failed = results.find((r) => r.errorCode !== 0);
    if (failed) {
      const done = results.filter((r) => r.errorCode === 0).map((r) => r.partition);
      throw apiErrorFromKafkaCode(
        failed.errorCode,
        null,
        `Kafka refused to delete records of partition ${failed.partition} (error ${failed.errorCode})` +
          (done.length ? `; partitions ${done.join(', ')} were done` : ''),
      );
    }
    return { partitions: results.map(({ partition, lowWatermark }) => ({ partition, lowWatermark })).sort((a, b) => a.partition - b.partition) };
  });
}
