import type { Isolation } from '@/lib/tail-params';
import type { FetchArgs, ProtocolCluster, RawFetchResult, RawTopic } from './protocol';
import type { PreparedPartition } from './tail-fetch-encode';
import { groupByLeader } from './leaders';
import { recordSetEnd } from './protocol/record-set';
import type { TailPositions } from './tail-positions';
import { isolationLevel } from './transaction-reader';

export const FETCH_MAX_BYTES = 4 * 1024 * 1024;
export const PARTITION_MAX_BYTES = 1024 * 1024;

/** A partition's answer; `prepared` when a worker thread fetched it and encoded its records (tail-fetch-encode.ts). */
export type FetchedPartition = RawFetchResult['responses'][number]['partitions'][number] & {
  prepared?: Pick<PreparedPartition, 'end' | 'encoded' | 'from' | 'stop'>;
};

export interface FetchedAnswer {
  responses: { topicName: string; partitions: FetchedPartition[] }[];
}

/** One leader's answer: null when the request failed (broker gone, timeout). */
export interface FetchAnswer {
  leader: number;
  partitions: number[];
  result: FetchedAnswer | null;
  /** Each partition's epoch when it was fetched: answers from before a `discard` are not read. */
  epochs: Map<number, number>;
}

/** How a Fetch is sent: by the cluster's client on this thread, or by a worker thread. */
export type SendFetch = (protocol: ProtocolCluster, leader: number, args: FetchArgs) => Promise<FetchedAnswer>;

/**
 * The tail's fetching: one Fetch in flight per leader broker, each handled as soon as it answers,
 * so a message on one broker is not held back while the others wait out their maxWaitTime, and a
 * slow broker slows only its own partitions.
 *
 * Pipelined: when an answer's record sets say where they end (their batch headers), the next fetch
 * of those partitions can go out at once, while the tail still decodes and sends the answer. So the
 * broker's round trip overlaps the tail's own work instead of following it. At most two answers
 * per leader are held: the one being read and the one in flight.
 */
export class FetchScheduler {
  private readonly inflight = new Map<number, Promise<FetchAnswer>>();
  /** Partitions with a fetch in flight: never fetched twice at once. */
  private readonly busy = new Set<number>();
  /**
   * Answered partitions whose next offset is known only once the tail has read them (an error,
   * an old message format): not fetched again until `read` says so.
   */
  private readonly unsettled = new Set<number>();
  /** Where a partition's next fetch starts when an answer not yet read took it past the tail's position. */
  private readonly fetchedTo = new Map<number, number>();
  /** Bumped by `discard`: answers fetched before it are dropped. */
  private readonly epochs = new Map<number, number>();

  constructor(
    private readonly topic: string,
    private readonly chosen: ReadonlySet<number>,
    private readonly positions: TailPositions,
    private readonly options: {
      live: boolean;
      isolation: Isolation;
      /** Called as each partition's answer arrives, with the offset it was fetched from: work may start before the tail reads it. */
      onAnswer?: (part: FetchedPartition, fetchOffset: number) => void;
      /** Sends each Fetch; by default `protocol.fetch` on this thread. */
      send?: SendFetch;
    },
  ) {}

  /** No fetch in flight (every leader unknown, or a bounded read done). */
  get idle(): boolean {
    return this.inflight.size === 0;
  }

  /** The next offset to fetch of `partition`: past what was fetched and not yet read, or the tail's position. */
  private fetchOffset(partition: number): number {
    return Math.max(this.positions.of(partition), this.fetchedTo.get(partition) ?? -1);
  }

  private wants(partition: number): boolean {
    return !this.busy.has(partition) && !this.unsettled.has(partition) && this.fetchOffset(partition) < this.positions.stopOf(partition);
  }

  /**
   * The tail could not use the answer of `partition` as it came (a worker thread's encoding from an
   * offset the tail has moved away from): it and any fetch of it already in flight are dropped, and
   * the partition is fetched again from the tail's position.
   */
  discard(partition: number): void {
    this.epochs.set(partition, this.epochOf(partition) + 1);
    this.fetchedTo.delete(partition);
  }

  /** Whether `answer`'s part for `partition` was fetched since the last `discard` of it. */
  current(answer: FetchAnswer, partition: number): boolean {
    return answer.epochs.get(partition) === this.epochOf(partition);
  }

  private epochOf(partition: number): number {
    return this.epochs.get(partition) ?? 0;
  }

  /** The tail has read (or skipped) the answer of `partition`: its position is settled again. */
  read(partition: number): void {
    this.unsettled.delete(partition);
    if ((this.fetchedTo.get(partition) ?? -1) <= this.positions.of(partition)) this.fetchedTo.delete(partition);
  }

  /** Sends a Fetch to every leader with no fetch in flight, for its partitions that want more. */
  launch(protocol: ProtocolCluster, meta: RawTopic): void {
    const ready = meta.partitionMetadata.filter((p) => this.chosen.has(p.partitionId) && !this.inflight.has(p.leader) && this.wants(p.partitionId));
    const waiting = groupByLeader(
      ready,
      (p) => p.leader,
      (p) => p.partitionId,
    );
    for (const [leader, partitions] of waiting) {
      for (const id of partitions) this.busy.add(id);
      const offsets = new Map(partitions.map((id) => [id, this.fetchOffset(id)]));
      const epochs = new Map(partitions.map((id) => [id, this.epochOf(id)]));
      const send: SendFetch = this.options.send ?? ((cluster, to, args) => cluster.fetch(to, args));
      const request = send(protocol, leader, {
        maxWaitTime: this.options.live ? 500 : 50,
        minBytes: 1,
        maxBytes: FETCH_MAX_BYTES,
        isolationLevel: isolationLevel(this.options.isolation),
        topics: [
          {
            topic: this.topic,
            partitions: partitions.map((id) => ({ partition: id, fetchOffset: String(offsets.get(id)), maxBytes: PARTITION_MAX_BYTES })),
          },
        ],
      });
      this.inflight.set(
        leader,
        request.then(
          (result) => {
            for (const r of result.responses)
              for (const part of r.partitions) if (offsets.has(part.partition)) this.options.onAnswer?.(part, offsets.get(part.partition)!);
            return { leader, partitions, result, epochs };
          },
          () => ({ leader, partitions, result: null, epochs }),
        ),
      );
    }
  }

  /**
   * The first fetch to answer, its partitions free again; null on abort or with nothing in flight.
   * The abort listener goes once it answers, so a tail open for hours does not pile one up per round.
   */
  async next(signal: AbortSignal): Promise<FetchAnswer | null> {
    if (this.inflight.size === 0 || signal.aborted) return null;
    const answer = await new Promise<FetchAnswer | null>((resolve) => {
      const onAbort = () => resolve(null);
      signal.addEventListener('abort', onAbort, { once: true });
      void Promise.race(this.inflight.values()).then((value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      });
    });
    if (answer) {
      this.inflight.delete(answer.leader);
      for (const id of answer.partitions) this.busy.delete(id);
      this.settle(answer);
    }
    return answer;
  }

  /** Notes where each answered partition's next fetch starts, or that the tail must read it first. */
  private settle(answer: FetchAnswer): void {
    const parts = new Map((answer.result?.responses ?? []).flatMap((r) => r.partitions.map((part) => [part.partition, part] as const)));
    for (const id of answer.partitions) {
      const part = parts.get(id);
      // No answer (the request failed), or a discarded one: fetched again from where it was.
      if (!part || !this.current(answer, id)) continue;
      const end = part.errorCode !== 0 ? null : part.prepared ? part.prepared.end : part.recordSet ? recordSetEnd(part.recordSet) : null;
      if (end !== null) this.fetchedTo.set(id, end);
      else if (part.errorCode !== 0 || (part.recordSet === undefined && !part.prepared)) this.unsettled.add(id);
    }
  }
}
