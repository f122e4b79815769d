import 'server-only';
import type { StreamEvent } from '@/lib/sse';
import type { Isolation, MessageFilter } from '@/lib/tail-params';
import type { TailStatus, WireMessage } from '@/lib/types/messages';
import type { KafkaConfig } from 'kafkajs';
import { FetchScheduler, PARTITION_MAX_BYTES, type FetchedPartition, type SendFetch } from './fetch-scheduler';
import { decodeRecordSet } from './protocol/record-set';
import { fetchOffsets } from './offsets';
import type { ProtocolCluster, RawTopic } from './protocol';
import { recordOutcome } from './tail-records';
import type { PlainMode } from './schema-registry/decode-plain';
import type { EncodeResult } from './tail-encode';
import { preparedAnswer } from './tail-fetch-encode';
import { countFetch, countSent, type TailEncoder } from './tail-encoder';
import type { TailPositions } from './tail-positions';
import { topicMetadata } from './topics';
import { transactionReader } from './transaction-reader';
import { KafkaErrorCode } from './kafka-error-codes';
import { sleep } from '@/lib/sleep';

/** Messages handed to the stream at a time (the SSE framing sends at most this many per frame). */
export const FRAME_MESSAGES = 500;
/**
 * Decoding and filtering a 4 MiB fetch is synchronous work: other requests get the event loop back
 * after this much of it without a batch handed on (an expensive filter over large values).
 */
const SLICE_MS = 20;

/** What a tail yields; lib/sse.ts frames it for the browser. */
export type TailEvent = StreamEvent;

export interface FollowRead {
  topic: string;
  meta: RawTopic;
  positions: TailPositions;
  live: boolean;
  isolation: Isolation;
  /** Null without a filter: messages are then mapped without their text. */
  matches: ((text: { key: string; value: string; headers: string }) => boolean) | null;
  /** The filter `matches` was made from, for the worker thread. */
  filter: MessageFilter | null;
  /** A decode= mode without a registry for the worker thread to apply, or null for `auto`. */
  decode: PlainMode | null;
  /** The worker thread that decodes and serializes record sets, or null to do it all here. */
  encoder: TailEncoder | null;
  /** The cluster's current protocol client (it may be rebuilt after a failure), or null when unreachable. */
  protocol: () => Promise<ProtocolCluster | null>;
  /** The cluster's name and client settings, for the worker threads' own connections; null to fetch here. */
  connection: { cluster: string; config: KafkaConfig } | null;
}

/**
 * Worker fetches failing in a row after which a tail fetches on this thread for a while (a broker
 * before Fetch v11, a broker gone; this thread's client then tells the user what is wrong).
 */
const WORKER_FETCH_FAILURES = 3;
const WORKER_FETCH_PAUSE_MS = 10_000;

/** A worker thread's encoding of one fetched partition, from offset `from` to `stop`. */
interface WorkerJob {
  from: number;
  stop: number;
  result: Promise<EncodeResult | null>;
}

/**
 * A tail that follows partitions in offset order (Live, and bounded reads without a page limit):
 * fetches scheduled per leader (fetch-scheduler.ts), positions kept by TailPositions, records mapped
 * by recordOutcome. The caller pulls: a slow reader slows the fetching down instead of growing a buffer.
 */
export async function* followTail(read: FollowRead, signal: AbortSignal): AsyncGenerator<TailEvent> {
  const { topic, positions, matches } = read;
  let meta = read.meta;
  const chosen = new Set(positions.partitions);
  /** Null once the worker bailed out or failed: the rest of this tail is read here. */
  let encoder = read.encoder;
  /**
   * Worker jobs started as answers arrive, before the tail reads them: the worker threads encode one
   * answer while this thread sends the one before. Not under read_committed, whose end may move.
   */
  const early = new Map<FetchedPartition, WorkerJob>();
  /** The worker's encoding of a fetched partition's records from `from` on (null if the worker failed). */
  const encodeFrom = (worker: TailEncoder, part: FetchedPartition, from: number): WorkerJob => {
    const job = { partition: part.partition, recordSet: part.recordSet!, from, stop: positions.stopOf(part.partition) };
    return {
      from,
      stop: job.stop,
      result: worker.encode({ ...job, filter: read.filter, decode: read.decode, chunkMessages: FRAME_MESSAGES }).catch(() => null),
    };
  };
  const startEarly = (part: FetchedPartition, fetchOffset: number) => {
    if (part.prepared?.encoded) early.set(part, { from: part.prepared.from, stop: part.prepared.stop, result: Promise.resolve(part.prepared.encoded) });
    if (!encoder || !part.recordSet || part.errorCode !== 0 || read.isolation === 'read_committed' || part.prepared) return;
    early.set(part, encodeFrom(encoder, part, fetchOffset));
  };
  let workerFetchFailures = 0;
  let workerPausedUntil = 0;
  /**
   * Fetches go out from a worker thread, which encodes the answer as well (tail-fetch-encode.ts),
   * while the worker is in use for this tail; read_committed answers are read here, as their end may move.
   */
  const send: SendFetch = (protocol, leader, args) => {
    const { connection } = read;
    if (!encoder || !connection || read.isolation === 'read_committed' || Date.now() < workerPausedUntil) {
      countFetch('main');
      return protocol.fetch(leader, args);
    }
    countFetch('worker');
    const stops = args.topics.flatMap((t) => t.partitions.map(({ partition }) => ({ partition, stop: positions.stopOf(partition) })));
    const job = { ...connection, leader, args, stops, filter: read.filter, decode: read.decode, chunkMessages: FRAME_MESSAGES };
    return encoder.fetch(job).then(
      (prepared) => {
        workerFetchFailures = 0;
        return preparedAnswer(prepared);
      },
      (error: unknown) => {
        if (++workerFetchFailures >= WORKER_FETCH_FAILURES) {
          workerFetchFailures = 0;
          workerPausedUntil = Date.now() + WORKER_FETCH_PAUSE_MS;
        }
        throw error;
      },
    );
  };
  const scheduler = new FetchScheduler(topic, chosen, positions, { live: read.live, isolation: read.isolation, onAnswer: startEarly, send });
  const transactions = transactionReader(read.isolation, topic, PARTITION_MAX_BYTES);
  let scanned = 0;
  let matched = 0;
  /** Said while the cluster cannot be reached. */
  let unreachable: string | undefined;
  /** Kept for the rest of the tail: the user may look at the status long after it happened. */
  let skipped: string | undefined;
  // The latest batch per partition that could not be decoded: said for the whole tail, not once.
  const unreadable = new Map<number, string>();
  const status = (): TailStatus => ({
    scanned,
    matched,
    ...positions.snapshot(),
    caughtUp: positions.caughtUp(),
    note: unreachable ?? skipped,
    ...(unreadable.size ? { unreadable: [...unreadable].map(([partition, reason]) => ({ partition, reason })) } : {}),
  });

  let sliceStart = performance.now();
  let batch: WireMessage[] = [];

  /**
   * What the worker thread can do of a fetched partition (tail-encode.ts), as encoded frames; it
   * leaves the rest, from a record that needs this thread, to readPartition.
   */
  async function* encodeInWorker(part: FetchedPartition, started: WorkerJob | undefined): AsyncGenerator<TailEvent, 'done' | 'rest' | 'refetch' | 'aborted'> {
    const from = positions.of(part.partition);
    // Usable when it skipped nothing still unread: it started at or past the position (a fetch
    // from the end of the answer before, whose last offsets may hold no record), with the same end.
    const usable = started && started.from >= from && started.stop === positions.stopOf(part.partition);
    const job = usable ? started : encoder && part.recordSet ? encodeFrom(encoder, part, from) : null;
    // A worker's answer holds no bytes to read here: it is fetched again.
    const elsewhere = part.recordSet ? 'rest' : 'refetch';
    if (!job) return elsewhere;
    const result = await job.result;
    if (signal.aborted) return 'aborted';
    if (!result) {
      encoder = null; // the worker failed (tail-encoder.ts logs it): this partition is read here
      return elsewhere;
    }
    if (result.bailed) encoder = null;
    scanned += result.scanned;
    matched += result.matched;
    countSent('worker', result.matched);
    if (result.unreadable) {
      unreadable.set(part.partition, result.unreadable);
      yield { type: 'status', status: status() };
    }
    for (const chunk of result.chunks) {
      positions.advance(part.partition, chunk.next);
      yield { type: 'encoded', count: chunk.count, json: chunk.json, frame: chunk.frame };
      if (signal.aborted) return 'aborted';
    }
    positions.advance(part.partition, result.next);
    return result.bailed ? 'rest' : 'done';
  }

  /** One fetched partition's records, handed on 500 at a time; false when the tail was aborted. */
  async function* readPartition(protocol: ProtocolCluster, part: FetchedPartition): AsyncGenerator<TailEvent, boolean> {
    transactions.fetched(part, positions.of(part.partition));
    const started = early.get(part);
    early.delete(part);
    const inWorker = started || (encoder && part.recordSet) ? yield* encodeInWorker(part, started) : 'rest';
    if (inWorker === 'aborted') return false;
    if (inWorker === 'rest') yield* readRecords(protocol, part);
    if (inWorker === 'refetch') scheduler.discard(part.partition);
    if (read.isolation === 'read_committed' && part.lastStableOffset !== undefined) positions.endAtLastStable(part.partition, part.lastStableOffset);
    return !signal.aborted;
  }

  /** The records of a fetched partition from its position on, mapped here. */
  async function* readRecords(protocol: ProtocolCluster, part: FetchedPartition): AsyncGenerator<TailEvent> {
    const from = positions.of(part.partition);
    const stop = positions.stopOf(part.partition);
    let next = from;
    const shownBefore = matched;
    // Records are decoded as they are reached, so a big fetch never lives in memory as thousands
    // of objects while the browser reads the first ones; batches before `from` (what a worker
    // thread read before it stopped) are skipped undecoded.
    const records = part.recordSet ? decodeRecordSet(part.recordSet, from) : part.messages;
    for (const record of records) {
      if (record.offset < from || record.offset >= stop) continue; // a batch starts before the offset asked for
      next = record.offset + 1;
      if (record.unreadable) {
        unreadable.set(part.partition, record.unreadable);
        yield { type: 'status', status: status() };
      }
      if (transactions.needsAborted(part.partition, record)) await transactions.loadAborted(protocol, meta, part.partition);
      const outcome = recordOutcome(part.partition, record, transactions, matches);
      if (outcome.kind === 'hidden') continue;
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
        if (signal.aborted) return;
      }
      scanned++;
      if (outcome.kind === 'filtered') continue;
      matched++;
      batch.push(outcome.message);
      if (batch.length === FRAME_MESSAGES) {
        positions.advance(part.partition, next);
        yield { type: 'messages', messages: batch };
        // The slice counts only this generator's own work since it was resumed, not the time the
        // stream took to send the batch (counting that yielded once per batch and halved a
        // firehose tail's throughput).
        sliceStart = performance.now();
        batch = [];
        if (signal.aborted) return;
      }
    }
    positions.advance(part.partition, next);
    countSent('main', matched - shownBefore);
  }

  yield { type: 'status', status: status() }; // where it starts, before the first fetch answers
  let lastStatus = Date.now();
  while (!signal.aborted && !positions.finished()) {
    const protocol = await read.protocol().catch(() => null);
    if (!protocol) {
      unreachable = 'cannot reach the cluster; retrying';
      yield { type: 'status', status: status() };
      await sleep(1000);
      continue;
    }
    unreachable = undefined;
    scheduler.launch(protocol, meta);
    let refresh = scheduler.idle; // no leader known for what is left to read
    const answer = await scheduler.next(signal);
    sliceStart = performance.now();
    if (!answer && signal.aborted) break;
    if (answer && !answer.result) refresh = true;
    // The answered leader's next fetch goes out now, while this answer is read (fetch-scheduler.ts).
    scheduler.launch(protocol, meta);
    for (const part of answer?.result?.responses.flatMap((r) => r.partitions) ?? []) {
      if (!chosen.has(part.partition)) continue;
      if (!scheduler.current(answer!, part.partition)) {
        early.delete(part); // fetched before the tail dropped an answer of this partition
        continue;
      }
      if (part.errorCode === KafkaErrorCode.OFFSET_OUT_OF_RANGE) {
        // Retention deleted what we were about to read: go on from the new log start.
        const bounds = (await fetchOffsets(protocol, { brokers: [], topicMetadata: [meta] })).get(topic)?.get(part.partition);
        if (bounds?.earliest != null && positions.skipTo(part.partition, bounds.earliest)) {
          skipped = `partition ${part.partition}: older messages were deleted by retention; skipped ahead to offset ${bounds.earliest}`;
          yield { type: 'status', status: status() };
        }
      } else if (part.errorCode !== 0) {
        refresh = true; // leader moved or is not ready: ask for metadata again
      } else if (!(yield* readPartition(protocol, part))) return;
      scheduler.read(part.partition);
    }
    if (refresh) {
      meta = await topicMetadata(protocol, topic).catch(() => meta);
      await sleep(200);
    }
    // Partition by partition, in offset order: order within a partition is what Kafka guarantees.
    if (batch.length) {
      yield { type: 'messages', messages: batch };
      batch = [];
    }
    if (Date.now() - lastStatus >= 1000) {
      lastStatus = Date.now();
      yield { type: 'status', status: status() };
    }
  }
  if (!signal.aborted) yield { type: 'done', status: status() };
}
