import 'server-only';
import { firstRecord } from './fetch-codec';
import { tpKey } from './groups-snapshot';
import type { ProtocolCluster, RawMetadata } from './protocol';

/**
 * The timestamp of the first unconsumed message of each partition (the one at the committed
 * offset), with one small Fetch per leader broker. This is "lag in time": how old the oldest
 * message waiting for the group is.
 */
export async function oldestUnconsumedTimestamps(
  protocol: ProtocolCluster,
  metadata: RawMetadata,
  partitions: { topic: string; partition: number; offset: number }[],
): Promise<Map<string, number>> {
  const leaders = new Map<string, number>();
  for (const t of metadata.topicMetadata) for (const p of t.partitionMetadata) leaders.set(tpKey(t.topic, p.partitionId), p.leader);
  const byLeader = new Map<number, Map<string, { partition: number; fetchOffset: string; maxBytes: number }[]>>();
  for (const p of partitions) {
    const leader = leaders.get(tpKey(p.topic, p.partition));
    if (leader === undefined || leader < 0) continue;
    const topics = byLeader.get(leader) ?? new Map();
    topics.set(p.topic, [...(topics.get(p.topic) ?? []), { partition: p.partition, fetchOffset: String(p.offset), maxBytes: 16_384 }]);
    byLeader.set(leader, topics);
  }
  const result = new Map<string, number>();
  const wanted = new Map(partitions.map((p) => [tpKey(p.topic, p.partition), p.offset]));
  await Promise.all(
    [...byLeader].map(async ([leader, topics]) => {
      const answer = await protocol
        .fetch(leader, {
          maxWaitTime: 0, minBytes: 0, maxBytes: 1_048_576, isolationLevel: 0,
          topics: [...topics].map(([topic, ps]) => ({ topic, partitions: ps })),
        })
        .catch(() => null);
      for (const response of answer?.responses ?? []) {
        for (const p of response.partitions) {
          const key = tpKey(response.topicName, p.partition);
          const from = wanted.get(key) ?? 0;
          const first = p.errorCode === 0 ? firstRecord(p.messages, (m) => m.offset >= from) : undefined;
          if (first) result.set(key, first.timestamp);
        }
      }
    }),
  );
  return result;
}
