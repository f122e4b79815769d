import 'server-only';
import { firstRecord } from './protocol/record-set';
import { tpKey } from '@/lib/tp-key';
import { fetchOffsets } from './offsets';
import type { ProtocolCluster, RawMetadata, RawRecord } from './protocol';
import { KafkaErrorCode } from './kafka-error-codes';
import { groupBy, groupByLeader } from './leaders';

/** The timestamp of the oldest message a group has not consumed on a partition, or why it cannot be told. */
export interface OldestUnconsumed {
  timestamp: number | null;
  /** Why the timestamp is missing, or what it stands for when it is not the record at the committed offset. */
  note: string | null;
}

interface Wanted {
  topic: string;
  partition: number;
  offset: number;
}

interface Probe {
  errorCode: number;
  record?: RawRecord;
  /** Records were returned, but only transaction markers at or after the offset. */
  markersOnly: boolean;
}

/** One Fetch per leader broker at the given offsets; a failed broker leaves its partitions out. */
async function probe(protocol: ProtocolCluster, leaders: Map<string, number>, wanted: Wanted[], maxBytes: number): Promise<Map<string, Probe>> {
  const byLeader = groupByLeader(
    wanted,
    (p) => leaders.get(tpKey(p.topic, p.partition)),
    (p) => p,
  );
  const from = new Map(wanted.map((p) => [tpKey(p.topic, p.partition), p.offset]));
  const result = new Map<string, Probe>();
  await Promise.all(
    [...byLeader].map(async ([leader, led]) => {
      const topics = groupBy(
        led,
        (p) => p.topic,
        (p) => ({ partition: p.partition, fetchOffset: String(p.offset), maxBytes }),
      );
      const answer = await protocol
        .fetch(leader, {
          maxWaitTime: 0,
          minBytes: 0,
          maxBytes: Math.max(1_048_576, maxBytes),
          isolationLevel: 0,
          topics: [...topics].map(([topic, ps]) => ({ topic, partitions: ps })),
        })
        .catch(() => null);
      for (const response of answer?.responses ?? []) {
        for (const p of response.partitions) {
          const key = tpKey(response.topicName, p.partition);
          const offset = from.get(key) ?? 0;
          if (p.errorCode !== 0) {
            result.set(key, { errorCode: p.errorCode, markersOnly: false });
            continue;
          }
          let markers = false;
          const record = firstRecord(p.messages, (m) => {
            if (m.offset < offset) return false;
            if (m.isControlRecord) markers = true;
            return !m.isControlRecord;
          });
          result.set(key, { errorCode: 0, record, markersOnly: !record && markers });
        }
      }
    }),
  );
  return result;
}

/**
 * "Lag in time": how old the oldest message waiting for the group is, read with a small Fetch per
 * leader at the committed offset. When that record cannot be read, the note says why: deleted by
 * retention (then the age is the oldest record still in the log's), only transaction markers
 * waiting, a leaderless partition, a broker that did not answer.
 */
export async function oldestUnconsumed(protocol: ProtocolCluster, metadata: RawMetadata, partitions: Wanted[]): Promise<Map<string, OldestUnconsumed>> {
  const leaders = new Map<string, number>();
  for (const t of metadata.topicMetadata) for (const p of t.partitionMetadata) leaders.set(tpKey(t.topic, p.partitionId), p.leader);
  const result = new Map<string, OldestUnconsumed>();
  const led = partitions.filter((p) => {
    const leader = leaders.get(tpKey(p.topic, p.partition));
    if (leader !== undefined && leader >= 0) return true;
    result.set(tpKey(p.topic, p.partition), { timestamp: null, note: 'the partition has no leader: its records cannot be read now' });
    return false;
  });

  const first = await probe(protocol, leaders, led, 16_384);
  // A first batch bigger than the small probe, or batches emptied by compaction: once more, larger.
  const again = led.filter((p) => {
    const r = first.get(tpKey(p.topic, p.partition));
    return r?.errorCode === 0 && !r.record && !r.markersOnly;
  });
  const second = again.length ? await probe(protocol, leaders, again, 4_194_304) : new Map<string, Probe>();

  const deleted = led.filter((p) => first.get(tpKey(p.topic, p.partition))?.errorCode === KafkaErrorCode.OFFSET_OUT_OF_RANGE);
  const logStart = new Map<string, number>();
  if (deleted.length) {
    const table = await fetchOffsets(protocol, metadata, new Set(deleted.map((p) => p.topic))).catch(() => null);
    for (const p of deleted) {
      const earliest = table?.get(p.topic)?.get(p.partition)?.earliest;
      if (earliest != null && earliest > p.offset) logStart.set(tpKey(p.topic, p.partition), earliest);
    }
  }
  const fromStart = deleted.flatMap((p) => {
    const start = logStart.get(tpKey(p.topic, p.partition));
    return start === undefined ? [] : [{ ...p, offset: start }];
  });
  const retained = fromStart.length ? await probe(protocol, leaders, fromStart, 16_384) : new Map<string, Probe>();

  for (const p of led) {
    const key = tpKey(p.topic, p.partition);
    const r = second.get(key) ?? first.get(key);
    if (r?.record) {
      result.set(key, { timestamp: r.record.timestamp, note: null });
    } else if (r?.errorCode === KafkaErrorCode.OFFSET_OUT_OF_RANGE) {
      const start = logStart.get(key);
      const oldest = retained.get(key)?.record;
      const gone =
        start === undefined ? `the records from offset ${p.offset} were deleted by retention` : `offsets ${p.offset}–${start - 1} were deleted by retention`;
      result.set(key, oldest ? { timestamp: oldest.timestamp, note: `${gone}; age of the oldest record still in the log` } : { timestamp: null, note: gone });
    } else if (r?.markersOnly) {
      result.set(key, { timestamp: null, note: 'only transaction markers are waiting, no messages' });
    } else if (r && r.errorCode !== 0) {
      result.set(key, { timestamp: null, note: `the leader refused to read it (Kafka error ${r.errorCode})` });
    } else if (r) {
      result.set(key, { timestamp: null, note: `no readable record from offset ${p.offset} (removed by compaction or beyond 4 MB)` });
    } else {
      result.set(key, { timestamp: null, note: 'the partition leader did not answer' });
    }
  }
  return result;
}

/** When the cluster cannot be asked at all: the same reason for every waiting partition. */
export const unreadable = (partitions: Wanted[]) => (error: unknown) =>
  new Map<string, OldestUnconsumed>(
    partitions.map((p) => [tpKey(p.topic, p.partition), { timestamp: null, note: `could not be read: ${(error as Error)?.message ?? 'unknown error'}` }]),
  );
