import 'server-only';
import { withCluster } from './clients';
import { firstRecord } from './protocol/record-set';
import { ApiError, badRequest, notFound } from './errors';
import type { RawRecord } from './protocol';
import { topicMetadata } from './topics';

/** One record, whole, for "download raw" of a value the stream only previewed. */
export function readRecord(cluster: string, topic: string, partition: number, offset: number): Promise<RawRecord> {
  return withCluster(cluster, async ({ protocol }) => {
    const meta = await topicMetadata(protocol, topic);
    const p = meta.partitionMetadata.find((x) => x.partitionId === partition);
    if (!p) throw badRequest(`Topic "${topic}" has no partition ${partition}`, 'UNKNOWN_PARTITION');
    const answer = await protocol.fetch(p.leader, {
      maxWaitTime: 0,
      minBytes: 0,
      maxBytes: 64 * 1024 * 1024,
      isolationLevel: 0,
      topics: [{ topic, partitions: [{ partition, fetchOffset: String(offset), maxBytes: 64 * 1024 * 1024 }] }],
    });
    const messages = answer.responses[0]?.partitions[0]?.messages ?? [];
    // The first message or stand-in for an undecodable batch at or after the offset asked for.
    const reached = firstRecord(messages, (m) => m.offset >= offset && (!m.isControlRecord || m.unreadable !== undefined));
    if (reached?.unreadable)
      throw new ApiError('UNREADABLE_BATCH', `Offset ${offset} of partition ${partition} is in a batch that cannot be read: ${reached.unreadable}`);
    const record = reached?.offset === offset ? reached : undefined;
    if (!record) throw notFound('MESSAGE_NOT_FOUND', `No message at offset ${offset} of partition ${partition} (deleted by retention or compaction?)`);
    return record;
  });
}
