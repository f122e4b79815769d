import 'server-only';
import type { Isolation } from '@/lib/tail-params';
import { PartitionTransactions, type Verdict } from './isolation';
import type { ProtocolCluster, RawFetchResult, RawRecord, RawTopic } from './protocol';

type FetchedPartition = RawFetchResult['responses'][number]['partitions'][number];

/** Fetch's isolation_level field. */
export const isolationLevel = (isolation: Isolation) => (isolation === 'read_committed' ? 1 : 0);

/**
 * Transactions for a reader of one topic (tail.ts, tail-page.ts). Under read_committed the broker
 * sends the aborted transactions with each fetch. Under read_uncommitted it does not: the first
 * transactional record of a fetched range below its last stable offset costs one read_committed
 * Fetch of the same range, whose answer lists them (same start, same size: it covers every
 * decided record of ours). Topics without transactions never pay for it.
 */
export function transactionReader(isolation: Isolation, topic: string, maxBytes: number) {
  const partitions = new Map<number, { judge: PartitionTransactions; fetchOffset: number; lastStableOffset?: number; abortedKnown: boolean }>();
  const state = (partition: number) => {
    let s = partitions.get(partition);
    if (!s) partitions.set(partition, (s = { judge: new PartitionTransactions(isolation), fetchOffset: 0, abortedKnown: false }));
    return s;
  };

  return {
    /** Call before iterating a fetched partition's records. */
    fetched(part: FetchedPartition, fetchOffset: number) {
      const s = state(part.partition);
      s.fetchOffset = fetchOffset;
      s.lastStableOffset = part.lastStableOffset;
      s.abortedKnown = isolation === 'read_committed';
      if (part.abortedTransactions?.length) s.judge.addAborted(part.abortedTransactions);
    },
    /** True when `record` needs the aborted list of its range first (loadAborted). */
    needsAborted(partition: number, record: RawRecord): boolean {
      const s = state(partition);
      return (
        !s.abortedKnown &&
        record.transactionalProducerId !== undefined &&
        !record.isControlRecord &&
        (s.lastStableOffset === undefined || record.offset < s.lastStableOffset)
      );
    },
    async loadAborted(protocol: ProtocolCluster, meta: RawTopic, partition: number) {
      const s = state(partition);
      s.abortedKnown = true;
      const leader = meta.partitionMetadata.find((p) => p.partitionId === partition)?.leader ?? -1;
      if (leader < 0) return;
      const answer = await protocol
        .fetch(leader, {
          maxWaitTime: 0,
          minBytes: 0,
          maxBytes,
          isolationLevel: 1,
          topics: [{ topic, partitions: [{ partition, fetchOffset: String(s.fetchOffset), maxBytes }] }],
        })
        .catch(() => null);
      const aborted = answer?.responses.flatMap((r) => r.partitions).find((p) => p.partition === partition)?.abortedTransactions;
      if (aborted?.length) s.judge.addAborted(aborted);
    },
    judge(partition: number, record: RawRecord): Verdict {
      const s = state(partition);
      return s.judge.judge(record, s.lastStableOffset);
    },
  };
}

export type TransactionReader = ReturnType<typeof transactionReader>;
