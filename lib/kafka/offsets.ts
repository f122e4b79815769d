import 'server-only';
import { apiErrorFromKafkaCode } from './kafka-error-codes';
import { partitionsByLeader } from './leaders';
import type { ProtocolCluster, RawListOffsetsResult, RawMetadata, RawTopic } from './protocol';
import { sleep } from '@/lib/sleep';

export const EARLIEST = -2;
export const LATEST = -1;

export interface PartitionOffsets {
  earliest: number | null;
  latest: number | null;
}

/** topic → partition → offsets; null where the partition had no leader or its leader did not answer. */
export type OffsetTable = Map<string, Map<number, PartitionOffsets>>;

async function listWithRetry(protocol: ProtocolCluster, leader: number, topics: { topic: string; partitions: number[] }[], timestamp: number) {
  try {
    return await protocol.listOffsets(leader, topics, timestamp);
  } catch {
    // The request itself failed (connection dropped, broker restarting): one retry, then report these
    // partitions as unknown. Partition errors (leader moved) come back per partition, not thrown.
    await sleep(200);
    return protocol.listOffsets(leader, topics, timestamp).catch((): RawListOffsetsResult => ({ responses: [] }));
  }
}

/**
 * Earliest and latest offsets of every partition (of `topics`, or all), in two ListOffsets
 * requests per leader broker sent in parallel (one with `latestOnly`, earliest then left null):
 * a constant number of round trips however many topics.
 */
export async function fetchOffsets(
  protocol: ProtocolCluster,
  metadata: RawMetadata,
  topics: Set<string> | null = null,
  { latestOnly = false }: { latestOnly?: boolean } = {},
): Promise<OffsetTable> {
  const table: OffsetTable = new Map();
  for (const t of metadata.topicMetadata) {
    if (topics && !topics.has(t.topic)) continue;
    table.set(t.topic, new Map(t.partitionMetadata.map((p) => [p.partitionId, { earliest: null, latest: null }])));
  }
  const requests = [...partitionsByLeader(metadata, topics)].flatMap(([leader, perTopic]) => {
    const batch = [...perTopic].map(([topic, partitions]) => ({ topic, partitions }));
    return (latestOnly ? [LATEST] : [EARLIEST, LATEST]).map(async (timestamp) => {
      const result = await listWithRetry(protocol, leader, batch, timestamp);
      for (const response of result.responses) {
        for (const p of response.partitions) {
          const entry = table.get(response.topic)?.get(p.partition);
          if (!entry || p.errorCode !== 0) continue;
          entry[timestamp === EARLIEST ? 'earliest' : 'latest'] = Number(p.offset);
        }
      }
    });
  });
  await Promise.all(requests);
  return table;
}

/** latest − earliest, or null when either is unknown. */
export function messageCount(offsets: PartitionOffsets | undefined): number | null {
  if (!offsets || offsets.earliest === null || offsets.latest === null) return null;
  return Math.max(0, offsets.latest - offsets.earliest);
}

/**
 * The first offset at or after `timestamp` of each of `partitions` of one topic (ListOffsets by
 * time, one request per leader broker); -1 where the log has nothing that recent.
 */
export async function offsetsForTime(protocol: ProtocolCluster, meta: RawTopic, partitions: number[], timestamp: number): Promise<Map<number, number>> {
  const wanted = new Set(partitions);
  const chosen = { ...meta, partitionMetadata: meta.partitionMetadata.filter((p) => wanted.has(p.partitionId)) };
  const result = new Map<number, number>();
  await Promise.all(
    [...partitionsByLeader({ brokers: [], topicMetadata: [chosen] }, null)].map(async ([leader, perTopic]) => {
      const answer = await protocol.listOffsets(
        leader,
        [...perTopic].map(([topic, ps]) => ({ topic, partitions: ps })),
        timestamp,
      );
      for (const r of answer.responses) {
        for (const p of r.partitions) {
          if (p.errorCode !== 0) throw apiErrorFromKafkaCode(p.errorCode, null, `Kafka could not look up partition ${p.partition}'s offset at that time`);
          result.set(p.partition, Number(p.offset));
        }
      }
    }),
  );
  return result;
}
