import 'server-only';
import { messageMatcher, type StartSpec, type TailParams } from '@/lib/tail-params';
import type { TailStatus, WireMessage } from '@/lib/types/messages';
import { withCluster } from './clients';
import { badRequest } from './errors';
import { fetchOffsets, offsetsForTime } from './offsets';
import type { ProtocolCluster, RawFetchResult, RawTopic } from './protocol';
import { readPage } from './tail-page';
import { isolationLevel, transactionReader } from './transaction-reader';
import { toWire } from './wire-message';
import { topicMetadata } from './topics';

const OFFSET_OUT_OF_RANGE = 1;
const FETCH_MAX_BYTES = 4 * 1024 * 1024;
const PARTITION_MAX_BYTES = 1024 * 1024;
/** Messages handed to the stream at a time (the SSE route frames at most this many). */
const FRAME_MESSAGES = 500;
/**
 * Decoding and filtering a 4 MiB fetch is synchronous work: other requests get the event loop back
 * after this much of it without a batch handed on (an expensive filter over large values).
 */
const SLICE_MS = 20;

export type TailEvent = { type: 'messages'; messages: WireMessage[] } | { type: 'status'; status: TailStatus } | { type: 'done'; status: TailStatus };

/** Start offsets per partition, resolved now, so nothing produced after opening is missed. */
async function startOffsets(protocol: ProtocolCluster, meta: RawTopic, partitions: number[], from: StartSpec) {
  const bounds = (await fetchOffsets(protocol, { brokers: [], topicMetadata: [meta] })).get(meta.topic)!;
  const byTime = from.kind === 'timestamp' ? await offsetsForTime(protocol, meta, partitions, from.timestamp) : new Map<number, number>();
  const start = new Map<number, number>();
  const end = new Map<number, number>();
  for (const partition of partitions) {
    const { earliest, latest } = bounds.get(partition) ?? { earliest: null, latest: null };
    if (earliest === null || latest === null) throw badRequest(`Partition ${partition} has no leader right now; its offsets cannot be read`, 'PARTITION_OFFLINE');
    const clamp = (n: number) => Math.min(latest, Math.max(earliest, n));
    const offset = {
      earliest: () => earliest,
      latest: () => latest,
      offset: () => clamp(from.kind === 'offset' ? from.offset : 0),
      timestamp: () => { const t = byTime.get(partition) ?? -1; return t < 0 ? latest : t; },
      positions: () => clamp(from.kind === 'positions' ? (from.positions.get(partition) ?? latest) : latest),
    }[from.kind]();
    start.set(partition, offset);
    end.set(partition, latest);
  }
  return { start, end };
}

/**
 * Reads a topic's partitions directly with Fetch requests to their leaders (no consumer group,
 * so nothing is left behind and the first messages come without a group join). Live tails follow
 * new messages; others stop at the log-end offsets seen when they opened. The caller pulls: a slow
 * reader slows the fetching down instead of growing a buffer.
 */
export async function openTail(cluster: string, topic: string, params: TailParams) {
  return withCluster(cluster, async ({ protocol: opening }) => {
    let meta = await topicMetadata(opening, topic);
    const all = meta.partitionMetadata.map((p) => p.partitionId).sort((a, b) => a - b);
    const missing = (params.partitions ?? []).filter((p) => !all.includes(p));
    if (missing.length) throw badRequest(`Topic "${topic}" has no partition ${missing.join(', ')}`, 'UNKNOWN_PARTITION');
    const partitions = params.partitions ?? all;
    const chosen = new Set(partitions); // looked up every round, for every partition of the topic
    const { start, end } = await startOffsets(opening, meta, partitions, params.from);
    if (params.limit !== undefined) {
      const page = { cluster, topic, meta, partitions, start, end, limit: params.limit, matches: params.filter ? messageMatcher(params.filter) : null, isolation: params.isolation ?? 'read_uncommitted' };
      return { events: (signal: AbortSignal) => readPage(page, signal) };
    }
    const positions = new Map(start);
    const isolation = params.isolation ?? 'read_uncommitted';
    const transactions = transactionReader(isolation, topic, PARTITION_MAX_BYTES);
    const matches = messageMatcher(params.filter);
    const filtering = params.filter !== null;
    let scanned = 0;
    let matched = 0;
    let note: string | undefined;
    // The latest batch per partition that could not be decoded: said for the whole tail, not once.
    const unreadable = new Map<number, string>();

    const status = (): TailStatus => ({
      scanned,
      matched,
      positions: Object.fromEntries(positions),
      endOffsets: params.live ? null : Object.fromEntries(end),
      caughtUp: partitions.every((p) => positions.get(p)! >= end.get(p)!),
      note,
      ...(unreadable.size ? { unreadable: [...unreadable].map(([partition, reason]) => ({ partition, reason })) } : {}),
    });
    const finished = () => !params.live && partitions.every((p) => positions.get(p)! >= end.get(p)!);

    async function* events(signal: AbortSignal): AsyncGenerator<TailEvent> {
      yield { type: 'status', status: status() }; // where it starts, before the first fetch answers
      let lastStatus = Date.now();
      let sliceStart = performance.now();
      const inflight = new Map<number, Promise<{ leader: number; ps: number[]; result: RawFetchResult | null }>>();
      const busy = new Set<number>();
      const waiting = new Map<number, number[]>();
      // The first fetch to answer, or null on abort; the abort listener goes once the round is over,
      // so a live tail open for hours does not pile up one per round.
      const firstAnswer = <T,>(promises: Promise<T>[]) =>
        new Promise<T | null>((resolve) => {
          const onAbort = () => resolve(null);
          signal.addEventListener('abort', onAbort, { once: true });
          void Promise.race(promises).then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
          });
        });
      while (!signal.aborted && !finished()) {
        // The cluster's clients may have been rebuilt after a failure: take the current ones each round.
        const protocol = await withCluster(cluster, async (clients) => clients.protocol).catch(() => null);
        if (!protocol) {
          note = 'cannot reach the cluster; retrying';
          yield { type: 'status', status: status() };
          await new Promise((resolve) => setTimeout(resolve, 1000));
          continue;
        }
        note = undefined;
        // One fetch in flight per leader, each handled as soon as it answers: a message on one
        // broker is not held back while the others wait out their maxWaitTime.
        for (const p of meta.partitionMetadata) {
          const id = p.partitionId;
          if (!chosen.has(id) || busy.has(id) || p.leader < 0 || inflight.has(p.leader)) continue;
          if (!params.live && positions.get(id)! >= end.get(id)!) continue;
          const ids = waiting.get(p.leader);
          if (ids) ids.push(id);
          else waiting.set(p.leader, [id]);
        }
        for (const [leader, ps] of waiting) {
          for (const id of ps) busy.add(id);
          inflight.set(leader, protocol
            .fetch(leader, {
              maxWaitTime: params.live ? 500 : 50,
              minBytes: 1,
              maxBytes: FETCH_MAX_BYTES,
              isolationLevel: isolationLevel(isolation),
              topics: [{ topic, partitions: ps.map((id) => ({ partition: id, fetchOffset: String(positions.get(id)), maxBytes: PARTITION_MAX_BYTES })) }],
            })
            .then((result) => ({ leader, ps, result }), () => ({ leader, ps, result: null })));
        }
        waiting.clear();
        let refresh = inflight.size === 0;
        const answered = inflight.size ? await firstAnswer([...inflight.values()]) : null;
        sliceStart = performance.now();
        if (!answered) {
          if (signal.aborted) break;
        } else {
          inflight.delete(answered.leader);
          for (const id of answered.ps) busy.delete(id);
          if (!answered.result) refresh = true;
        }
        const rounds = answered?.result ? [answered.result] : [];
        let batch: WireMessage[] = [];
        for (const round of rounds) {
          for (const response of round?.responses ?? []) {
            for (const part of response.partitions) {
              if (part.errorCode === OFFSET_OUT_OF_RANGE) {
                // Retention deleted what we were about to read: go on from the new log start.
                const bounds = (await fetchOffsets(protocol, { brokers: [], topicMetadata: [meta] })).get(topic)?.get(part.partition);
                if (bounds?.earliest != null) positions.set(part.partition, Math.max(positions.get(part.partition)!, bounds.earliest));
                note = `partition ${part.partition}: older messages were deleted by retention; skipped ahead`;
                continue;
              }
              if (part.errorCode !== 0) {
                refresh = true; // leader moved or is not ready: ask for metadata again
                continue;
              }
              const from = positions.get(part.partition)!;
              const stop = params.live ? Infinity : end.get(part.partition)!;
              let next = from;
              transactions.fetched(part, from);
              // Records are decoded as they are reached and handed on 500 at a time, so a big fetch
              // never lives in memory as thousands of objects while the browser reads the first ones.
              for (const record of part.messages) {
                const offset = record.offset;
                if (offset < from || offset >= stop) continue;
                next = offset + 1;
                if (record.unreadable) {
                  unreadable.set(part.partition, record.unreadable);
                  yield { type: 'status', status: status() };
                }
                if (transactions.needsAborted(part.partition, record)) await transactions.loadAborted(protocol, meta, part.partition);
                // Transaction markers take an offset but are not messages; read_committed leaves out aborted records.
                const verdict = transactions.judge(part.partition, record);
                if (!verdict.show) continue;
                if (performance.now() - sliceStart > SLICE_MS) {
                  await new Promise((resolve) => setImmediate(resolve));
                  sliceStart = performance.now();
                  if (signal.aborted) return;
                }
                scanned++;
                const { message, text } = toWire(part.partition, record, filtering, verdict);
                if (text && !matches(text)) continue;
                matched++;
                batch.push(message);
                if (batch.length === FRAME_MESSAGES) {
                  positions.set(part.partition, next);
                  yield { type: 'messages', messages: batch };
                  // The slice counts only this generator's own work since it was resumed, not the
                  // time the stream took to send the batch (counting that yielded once per batch
                  // and halved a firehose tail's throughput).
                  sliceStart = performance.now();
                  batch = [];
                  if (signal.aborted) return;
                }
              }
              positions.set(part.partition, next);
              // A read_committed reader never gets past the last stable offset: a bounded read ends there.
              if (isolation === 'read_committed' && !params.live && part.lastStableOffset !== undefined) {
                end.set(part.partition, Math.min(end.get(part.partition)!, Math.max(next, part.lastStableOffset)));
              }
            }
          }
        }
        if (refresh) {
          meta = await topicMetadata(protocol, topic).catch(() => meta);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        // Partition by partition, in offset order: order within a partition is what Kafka guarantees.
        if (batch.length) yield { type: 'messages', messages: batch };
        if (Date.now() - lastStatus >= 1000) {
          lastStatus = Date.now();
          yield { type: 'status', status: status() };
        }
      }
      if (!signal.aborted) yield { type: 'done', status: status() };
    }

    return { events };
  });
}
