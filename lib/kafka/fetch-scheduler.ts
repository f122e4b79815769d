import type { Isolation } from '@/lib/tail-params';
import type { ProtocolCluster, RawFetchResult, RawTopic } from './protocol';
import { groupByLeader } from './leaders';
import type { TailPositions } from './tail-positions';
import { isolationLevel } from './transaction-reader';

export const FETCH_MAX_BYTES = 4 * 1024 * 1024;
export const PARTITION_MAX_BYTES = 1024 * 1024;

/** One leader's answer: null when the request failed (broker gone, timeout). */
export interface FetchAnswer {
  leader: number;
  partitions: number[];
  result: RawFetchResult | null;
}

/**
 * The tail's fetching: one Fetch in flight per leader broker, each handled as soon as it answers,
 * so a message on one broker is not held back while the others wait out their maxWaitTime, and a
 * slow broker slows only its own partitions.
 */
export class FetchScheduler {
  private readonly inflight = new Map<number, Promise<FetchAnswer>>();
  /** Partitions with a fetch in flight: never fetched twice at once (their position is not settled). */
  private readonly busy = new Set<number>();

  constructor(
    private readonly topic: string,
    private readonly chosen: ReadonlySet<number>,
    private readonly positions: TailPositions,
    private readonly options: { live: boolean; isolation: Isolation },
  ) {}

  /** No fetch in flight (every leader unknown, or a bounded read done). */
  get idle(): boolean {
    return this.inflight.size === 0;
  }

  /** Sends a Fetch to every leader with no fetch in flight, for its partitions that want more. */
  launch(protocol: ProtocolCluster, meta: RawTopic): void {
    const ready = meta.partitionMetadata.filter(
      (p) => this.chosen.has(p.partitionId) && !this.busy.has(p.partitionId) && !this.inflight.has(p.leader) && this.positions.wants(p.partitionId),
    );
    const waiting = groupByLeader(
      ready,
      (p) => p.leader,
      (p) => p.partitionId,
    );
    for (const [leader, partitions] of waiting) {
      for (const id of partitions) this.busy.add(id);
      const request = protocol.fetch(leader, {
        maxWaitTime: this.options.live ? 500 : 50,
        minBytes: 1,
        maxBytes: FETCH_MAX_BYTES,
        isolationLevel: isolationLevel(this.options.isolation),
        topics: [
          {
            topic: this.topic,
            partitions: partitions.map((id) => ({ partition: id, fetchOffset: String(this.positions.of(id)), maxBytes: PARTITION_MAX_BYTES })),
          },
        ],
      });
      this.inflight.set(
        leader,
        request.then(
          (result) => ({ leader, partitions, result }),
          () => ({ leader, partitions, result: null }),
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
    }
    return answer;
  }
}
