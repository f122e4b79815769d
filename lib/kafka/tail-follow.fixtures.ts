/** The fake cluster and helpers of tail-follow.test.ts: a topic on in-memory brokers, and a tail followed over it. */
import { vi } from 'vitest';
import type { WireMessage } from '@/lib/types/messages';
import type { ProtocolCluster, RawFetchResult, RawMetadata, RawRecord } from './protocol';
import { encodeRecordBatch } from './record-batch';
import { encodeRecordSet, type EncodeJob } from './tail-encode';
import { prepareFetch, type FetchJob, type PreparedFetch } from './tail-fetch-encode';
import { followTail, type FollowRead, type TailEvent } from './tail-follow';
import { TailPositions } from './tail-positions';

const TOPIC = 'orders';
const NOT_LEADER = 6;
const OUT_OF_RANGE = 1;

/**
 * A topic on an in-memory cluster, answering the three requests a tail sends (Metadata, Fetch,
 * ListOffsets) as brokers do: a fetch to a broker that no longer leads a partition gets
 * NOT_LEADER_OR_FOLLOWER for it, one below the log start OFFSET_OUT_OF_RANGE.
 */
export class FakeCluster {
  readonly logs = new Map<number, RawRecord[]>();
  readonly logStart = new Map<number, number>();
  /** Who really leads each partition, and who Metadata says does (they differ while a leader moves). */
  readonly leaders = new Map<number, number>();
  readonly advertised = new Map<number, number>();
  /** Per broker: a promise each fetch to it waits for first (a slow broker). */
  readonly gates = new Map<number, Promise<void>>();
  readonly fetches: { broker: number; partitions: { partition: number; offset: number }[] }[] = [];
  /** At most this many records per partition per fetch (a real fetch is bounded by bytes). */
  perFetch = 1000;
  /** Answers carry their record batches too, as the real Fetch codec's do (the worker thread reads those). */
  recordSets = false;

  constructor(layout: Record<number, { leader: number; records: number }>) {
    for (const [p, { leader, records }] of Object.entries(layout).map(([k, v]) => [Number(k), v] as const)) {
      this.leaders.set(p, leader);
      this.advertised.set(p, leader);
      this.logStart.set(p, 0);
      this.logs.set(p, []);
      this.append(p, records);
    }
  }

  append(partition: number, count: number) {
    const log = this.logs.get(partition)!;
    for (let i = 0; i < count; i++) {
      const offset = log.length;
      log.push({
        offset,
        timestamp: 1_700_000_000_000 + offset,
        timestampType: 'CreateTime',
        key: null,
        value: Buffer.from(`p${partition}-${offset}`),
        headers: [],
      });
    }
  }

  moveLeader(partition: number, to: number) {
    this.leaders.set(partition, to);
    this.advertised.set(partition, to);
  }

  metadata(): RawMetadata {
    return {
      brokers: [1, 2, 3].map((nodeId) => ({ nodeId, host: '127.0.0.1', port: 9000 + nodeId, rack: null })),
      topicMetadata: [
        {
          topicErrorCode: 0,
          topic: TOPIC,
          partitionMetadata: [...this.advertised].map(([partitionId, leader]) => ({
            partitionErrorCode: 0,
            partitionId,
            leader,
            replicas: [1, 2, 3],
            isr: [1, 2, 3],
          })),
        },
      ],
    };
  }

  readonly protocol = {
    metadata: async () => this.metadata(),
    listOffsets: async (_nodeId: number, topics: { topic: string; partitions: number[] }[], timestamp: number) => ({
      responses: topics.map(({ topic, partitions }) => ({
        topic,
        partitions: partitions.map((partition) => ({
          partition,
          errorCode: 0,
          offset: String(timestamp === -2 ? this.logStart.get(partition)! : this.logs.get(partition)!.length),
        })),
      })),
    }),
    fetch: async (
      broker: number,
      args: { maxWaitTime: number; topics: { partitions: { partition: number; fetchOffset: string }[] }[] },
    ): Promise<RawFetchResult> => {
      const asked = args.topics[0].partitions.map((p) => ({ partition: p.partition, offset: Number(p.fetchOffset) }));
      this.fetches.push({ broker, partitions: asked });
      await this.gates.get(broker);
      // As a broker does: with nothing to send, answer after maxWaitTime (a live tail's long poll).
      const hasData = asked.some(({ partition, offset }) => this.leaders.get(partition) !== broker || offset !== this.logs.get(partition)!.length);
      if (!hasData) await new Promise((resolve) => setTimeout(resolve, args.maxWaitTime));
      return {
        responses: [
          {
            topicName: TOPIC,
            partitions: asked.map(({ partition, offset }) => {
              const log = this.logs.get(partition)!;
              const base = { partition, highWatermark: String(log.length), lastStableOffset: log.length };
              if (this.leaders.get(partition) !== broker) return { ...base, errorCode: NOT_LEADER, messages: [] };
              if (offset < this.logStart.get(partition)!) return { ...base, errorCode: OUT_OF_RANGE, messages: [] };
              const messages = log.slice(offset, offset + this.perFetch);
              if (!this.recordSets || !messages.length) return { ...base, errorCode: 0, messages };
              const recordSet = encodeRecordBatch(messages, { producerId: -1n, producerEpoch: -1, baseSequence: -1, timestamp: 0 });
              recordSet.writeBigInt64BE(BigInt(offset), 0);
              return { ...base, errorCode: 0, messages, recordSet };
            }),
          },
        ],
      };
    },
  } as unknown as ProtocolCluster;
}

/** The worker thread's work (tail-encode.ts), done in this thread; its fetches refused (this tail is not given a connection). */
export const inThreadEncoder = {
  encode: async (job: EncodeJob) => encodeRecordSet(job),
  fetch: async (): Promise<PreparedFetch> => {
    throw new Error('no connection was given');
  },
};

/**
 * A worker thread that fetches as well (tail-fetch-encode.ts), in this thread over `cluster`;
 * `adjust` may change a job before it goes out, as what the tail asked for and what was done.
 */
export function fetchingEncoder(cluster: FakeCluster, adjust: (job: FetchJob) => FetchJob = (job) => job) {
  const jobs: FetchJob[] = [];
  const encoder = {
    ...inThreadEncoder,
    fetch: async (asked: FetchJob): Promise<PreparedFetch> => {
      const job = adjust(asked);
      jobs.push(job);
      const answer = await cluster.protocol.fetch(job.leader, job.args);
      return prepareFetch(answer, job, null);
    },
  };
  return { encoder, jobs };
}

export function follow(
  cluster: FakeCluster,
  {
    live = false,
    start,
    encoder = null,
    connection = null,
  }: { live?: boolean; start?: Map<number, number>; encoder?: FollowRead['encoder']; connection?: FollowRead['connection'] } = {},
) {
  const partitions = [...cluster.logs.keys()];
  const begin = start ?? new Map(partitions.map((p) => [p, 0]));
  const end = new Map(partitions.map((p) => [p, cluster.logs.get(p)!.length]));
  const abort = new AbortController();
  const read: FollowRead = {
    topic: TOPIC,
    meta: cluster.metadata().topicMetadata[0],
    positions: new TailPositions(partitions, begin, end, live),
    live,
    isolation: 'read_uncommitted',
    matches: null,
    filter: null,
    decode: null,
    encoder,
    protocol: async () => cluster.protocol,
    connection,
  };
  return { events: followTail(read, abort.signal), abort };
}

/** Every event until the generator ends, moving fake time on so its waits (200 ms after a refresh) pass. */
export async function drain(events: AsyncGenerator<TailEvent>): Promise<TailEvent[]> {
  const seen: TailEvent[] = [];
  let ended = false;
  const run = (async () => {
    for await (const event of events) seen.push(event);
    ended = true;
  })();
  for (let i = 0; i < 200 && !ended; i++) await vi.advanceTimersByTimeAsync(100);
  await run;
  return seen;
}

export const offsetsOf = (events: TailEvent[], partition: number) =>
  events
    .flatMap((e): WireMessage[] => (e.type === 'messages' ? e.messages : e.type === 'encoded' ? JSON.parse(`[${Buffer.from(e.json)}]`) : []))
    .filter((m) => m.partition === partition)
    .map((m) => m.offset);
export const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
