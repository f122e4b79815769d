import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WireMessage } from '@/lib/types/messages';
import type { ProtocolCluster, RawFetchResult, RawMetadata, RawRecord } from './protocol';
import { encodeRecordBatch } from './record-batch';
import { encodeRecordSet, type EncodeJob } from './tail-encode';
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
class FakeCluster {
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

/** The worker thread's work (tail-encode.ts), done in this thread. */
const inThreadEncoder = { encode: async (job: EncodeJob) => encodeRecordSet(job) };

function follow(
  cluster: FakeCluster,
  { live = false, start, encoder = null }: { live?: boolean; start?: Map<number, number>; encoder?: FollowRead['encoder'] } = {},
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
    encoder,
    protocol: async () => cluster.protocol,
  };
  return { events: followTail(read, abort.signal), abort };
}

/** Every event until the generator ends, moving fake time on so its waits (200 ms after a refresh) pass. */
async function drain(events: AsyncGenerator<TailEvent>): Promise<TailEvent[]> {
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

const offsetsOf = (events: TailEvent[], partition: number) =>
  events
    .flatMap((e): WireMessage[] => (e.type === 'messages' ? e.messages : e.type === 'encoded' ? JSON.parse(`[${Buffer.from(e.json)}]`) : []))
    .filter((m) => m.partition === partition)
    .map((m) => m.offset);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

afterEach(() => vi.useRealTimers());

describe('followTail', () => {
  it('reads each partition from its leader to the end seen at opening, in offset order, 500 at most per event', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 1200 }, 1: { leader: 2, records: 7 }, 2: { leader: 1, records: 0 } });
    const events = await drain(follow(cluster).events);
    expect(offsetsOf(events, 0)).toEqual(range(0, 1200));
    expect(offsetsOf(events, 1)).toEqual(range(0, 7));
    expect(events.every((e) => e.type !== 'messages' || e.messages.length <= 500)).toBe(true);
    const done = events.at(-1)!;
    expect(done.type).toBe('done');
    expect(done.type === 'done' && done.status).toMatchObject({ scanned: 1207, matched: 1207, positions: { 0: 1200, 1: 7, 2: 0 }, caughtUp: true });
    // One fetch per leader at a time: broker 1 was asked for partitions 0 (and 2, empty) together.
    expect(cluster.fetches[0]).toEqual({ broker: 1, partitions: [{ partition: 0, offset: 0 }] });
  });

  it('with the worker thread: sends what it serialized, in offset order, and reads on here from a value it leaves', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 1200 }, 1: { leader: 2, records: 7 } });
    cluster.recordSets = true;
    cluster.logs.get(0)![700].value = Buffer.from([0, 0, 0, 0, 1, 42]); // may be registry-framed: the main thread's
    const events = await drain(follow(cluster, { encoder: inThreadEncoder }).events);
    expect(offsetsOf(events, 0)).toEqual(range(0, 1200));
    expect(offsetsOf(events, 1)).toEqual(range(0, 7));
    const encoded = events.flatMap((e) => (e.type === 'encoded' ? [e.count] : []));
    expect(encoded.length).toBeGreaterThan(0);
    expect(encoded.every((count) => count <= 500)).toBe(true);
    expect(events.some((e) => e.type === 'messages' && e.messages.some((m) => m.offset === 700))).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'done', status: { scanned: 1207, matched: 1207, positions: { 0: 1200, 1: 7 }, caughtUp: true } });
  });

  it('one slow leader does not hold back the partitions of the others', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 3 }, 1: { leader: 2, records: 3 } });
    cluster.gates.set(2, new Promise((resolve) => setTimeout(resolve, 30_000))); // broker 2 answers after 30 s
    const { events, abort } = follow(cluster, { live: true });
    const seen: TailEvent[] = [];
    const run = (async () => {
      for await (const e of events) seen.push(e);
    })();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(offsetsOf(seen, 0)).toEqual([0, 1, 2]);
    expect(offsetsOf(seen, 1)).toEqual([]);
    cluster.append(0, 2); // new messages on the fast broker keep coming while broker 2 is still silent
    await vi.advanceTimersByTimeAsync(1_000);
    expect(offsetsOf(seen, 0)).toEqual([0, 1, 2, 3, 4]);
    expect(cluster.fetches.filter((f) => f.broker === 2)).toHaveLength(1); // never a second fetch in flight to it
    await vi.advanceTimersByTimeAsync(30_000);
    expect(offsetsOf(seen, 1)).toEqual([0, 1, 2]);
    abort.abort();
    await vi.advanceTimersByTimeAsync(1_000);
    await run;
  });

  it('follows a partition whose leader moves, with nothing skipped or read twice', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 250 } });
    cluster.perFetch = 100;
    const { events } = follow(cluster);
    const seen: TailEvent[] = [];
    const first = await events.next(); // the opening status
    seen.push(first.value as TailEvent);
    const second = await events.next(); // offsets 0–99 from broker 1
    seen.push(second.value as TailEvent);
    cluster.leaders.set(0, 3); // leadership moves; Metadata still names broker 1 for a moment
    const rest = drain(events);
    await vi.advanceTimersByTimeAsync(100);
    cluster.advertised.set(0, 3);
    seen.push(...(await rest));
    expect(offsetsOf(seen, 0)).toEqual(range(0, 250));
    expect(cluster.fetches.some((f) => f.broker === 3)).toBe(true);
    expect(seen.at(-1)!.type).toBe('done');
  });

  it('an abort in the middle of a big fetch ends the tail at once, without done and without another fetch', async () => {
    const cluster = new FakeCluster({ 0: { leader: 1, records: 2000 } });
    const { events, abort } = follow(cluster);
    expect((await events.next()).value).toMatchObject({ type: 'status' });
    const batch = await events.next();
    expect(batch.value).toMatchObject({ type: 'messages' });
    expect((batch.value as { messages: unknown[] }).messages).toHaveLength(500);
    abort.abort();
    const rest: TailEvent[] = [];
    for await (const e of events) rest.push(e);
    expect(rest).toEqual([]);
    expect(cluster.fetches).toHaveLength(1);
  });

  it('skips ahead to the new log start when retention deleted what it was about to read, and says so', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const cluster = new FakeCluster({ 0: { leader: 1, records: 80 }, 1: { leader: 2, records: 5 } });
    cluster.logStart.set(0, 50); // offsets 0–49 of partition 0 are gone
    const { events } = follow(cluster);
    const seen = await drain(events);
    expect(offsetsOf(seen, 0)).toEqual(range(50, 80));
    expect(offsetsOf(seen, 1)).toEqual(range(0, 5));
    const notes = seen.flatMap((e) => (e.type === 'messages' || e.type === 'encoded' ? [] : [e.status.note])).filter(Boolean);
    expect(notes).toContain('partition 0: older messages were deleted by retention; skipped ahead to offset 50');
    // Still said at the end: a note that lasted one round would never reach the page.
    expect(seen.at(-1)).toMatchObject({ type: 'done', status: { note: 'partition 0: older messages were deleted by retention; skipped ahead to offset 50' } });
  });
});
