import 'server-only';
import type { Isolation } from '@/lib/tail-params';
import type { TailStatus, WireMessage } from '@/lib/types/messages';
import { withCluster } from './clients';
import { groupByLeader } from './leaders';
import { fetchOffsets } from './offsets';
import type { ProtocolCluster, RawRecord, RawTopic } from './protocol';
import { FETCH_MAX_BYTES, PARTITION_MAX_BYTES } from './fetch-scheduler';
import { FRAME_MESSAGES, type TailEvent } from './tail-follow';
import { recordOutcome } from './tail-records';
import { topicMetadata } from './topics';
import { isolationLevel, transactionReader } from './transaction-reader';
import { KafkaErrorCode } from './kafka-error-codes';
import { sleep } from '@/lib/sleep';

/** As in tail-follow.ts: other requests get the event loop back after this much decoding. */
const SLICE_MS = 20;

export interface PageRead {
  cluster: string;
  topic: string;
  meta: RawTopic;
  partitions: number[];
  start: Map<number, number>;
  /** Log-end offsets when the read opened: a page never waits for messages not yet written. */
  end: Map<number, number>;
  limit: number;
  matches: ((text: { key: string; value: string; headers: string }) => boolean) | null;
  isolation: Isolation;
}

/** One partition's cursor: the next offset to decode, the fetched records not yet decoded, the next match. */
interface Cursor {
  position: number;
  records: Iterator<RawRecord> | null;
  head: WireMessage | null;
}

/**
 * A page of a bounded read (Browse): at most `limit` messages, then `done` with the positions the
 * next page starts from, so pages follow each other with nothing skipped and nothing read twice.
 * Order: each partition in offset order; across partitions, the next message of each partition is
 * compared and the one with the earliest timestamp goes first (ties: lower partition first), a merge
 * like `ORDER BY timestamp` that never reorders a partition. Records are decoded only as the merge
 * reaches them, so a page of 100 costs about 100 decoded records per partition, not a whole fetch.
 */
export async function* readPage(read: PageRead, signal: AbortSignal): AsyncGenerator<TailEvent> {
  const { cluster, topic, partitions, end, limit, matches } = read;
  let meta = read.meta;
  const cursors = new Map<number, Cursor>(partitions.map((p) => [p, { position: read.start.get(p)!, records: null, head: null }]));
  let scanned = 0;
  let emitted = 0;
  let unreachable: string | undefined;
  /** Kept for the rest of the read: a note that lasted one round would never reach the page. */
  let skipped: string | undefined;
  const unreadable = new Map<number, string>();
  const transactions = transactionReader(read.isolation, topic, PARTITION_MAX_BYTES);

  // Where the next page starts: a match pulled for the merge but not sent is read again then.
  const resumeAt = (c: Cursor) => c.head?.offset ?? c.position;
  const status = (): TailStatus => {
    const positions: Record<string, number> = {};
    for (const [p, c] of cursors) positions[p] = resumeAt(c);
    return {
      scanned: scanned - [...cursors.values()].filter((c) => c.head).length,
      matched: emitted,
      positions,
      endOffsets: Object.fromEntries(end),
      caughtUp: partitions.every((p) => positions[p] >= end.get(p)!),
      note: unreachable ?? skipped,
      ...(unreadable.size ? { unreadable: [...unreadable].map(([partition, reason]) => ({ partition, reason })) } : {}),
    };
  };

  let sliceStart = performance.now();
  /** Decodes until the cursor has its next match, its fetched records run out, or it reaches the end. */
  async function pull(partition: number, c: Cursor): Promise<void> {
    const stop = end.get(partition)!;
    while (!c.head && c.records) {
      const next = c.records.next();
      if (next.done) {
        c.records = null;
        break;
      }
      const record = next.value;
      if (record.offset < c.position) continue; // a batch starts before the offset asked for
      if (record.offset >= stop) {
        c.records = null;
        c.position = stop;
        break;
      }
      c.position = record.offset + 1;
      if (record.unreadable) unreadable.set(partition, record.unreadable);
      if (transactions.needsAborted(partition, record)) {
        const protocol = await withCluster(cluster, async (clients) => clients.protocol).catch(() => null);
        if (protocol) await transactions.loadAborted(protocol, meta, partition);
      }
      const outcome = recordOutcome(partition, record, transactions, matches);
      if (outcome.kind === 'hidden') continue;
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
      scanned++;
      if (outcome.kind === 'shown') c.head = outcome.message;
    }
  }

  /** One Fetch per leader, together, for the partitions that ran out of fetched records. */
  async function refill(protocol: ProtocolCluster, wanted: number[]) {
    const byLeader = groupByLeader(
      meta.partitionMetadata.filter((p) => wanted.includes(p.partitionId)),
      (p) => p.leader,
      (p) => p.partitionId,
    );
    let refresh = byLeader.size === 0;
    const answers = await Promise.all(
      [...byLeader].map(([leader, ps]) =>
        protocol
          .fetch(leader, {
            maxWaitTime: 50,
            minBytes: 1,
            maxBytes: FETCH_MAX_BYTES,
            isolationLevel: isolationLevel(read.isolation),
            topics: [{ topic, partitions: ps.map((id) => ({ partition: id, fetchOffset: String(cursors.get(id)!.position), maxBytes: PARTITION_MAX_BYTES })) }],
          })
          .catch(() => null),
      ),
    );
    for (const answer of answers) {
      if (!answer) {
        refresh = true;
        continue;
      }
      for (const part of answer.responses.flatMap((r) => r.partitions)) {
        const c = cursors.get(part.partition);
        if (!c) continue;
        if (part.errorCode === KafkaErrorCode.OFFSET_OUT_OF_RANGE) {
          // Retention deleted what we were about to read: go on from the new log start.
          const bounds = (await fetchOffsets(protocol, { brokers: [], topicMetadata: [meta] })).get(topic)?.get(part.partition);
          if (bounds?.earliest != null && bounds.earliest > c.position) {
            c.position = bounds.earliest;
            skipped = `partition ${part.partition}: older messages were deleted by retention; skipped ahead to offset ${bounds.earliest}`;
          }
        } else if (part.errorCode !== 0) {
          refresh = true; // leader moved or is not ready: ask for metadata again
        } else if (Number(part.highWatermark) <= c.position) {
          end.set(part.partition, Math.min(end.get(part.partition)!, c.position)); // truncated below what we saw
        } else {
          transactions.fetched(part, c.position);
          c.records = part.messages[Symbol.iterator]();
          // A read_committed reader never gets past the last stable offset: the read ends there.
          if (read.isolation === 'read_committed' && part.lastStableOffset !== undefined) {
            end.set(part.partition, Math.min(end.get(part.partition)!, Math.max(c.position, part.lastStableOffset)));
          }
        }
      }
    }
    if (refresh) {
      meta = await topicMetadata(protocol, topic).catch(() => meta);
      await sleep(200);
    }
  }

  yield { type: 'status', status: status() };
  let lastStatus = Date.now();
  let batch: WireMessage[] = [];
  while (!signal.aborted && emitted + batch.length < limit) {
    const wanted: number[] = [];
    for (const [p, c] of cursors) {
      if (!c.head && c.records) await pull(p, c);
      if (signal.aborted) return;
      if (!c.head && !c.records && c.position < end.get(p)!) wanted.push(p);
    }
    if (wanted.length) {
      // Every partition's next message must be known before the earliest can be chosen.
      if (batch.length) {
        emitted += batch.length;
        yield { type: 'messages', messages: batch };
        batch = [];
      }
      const protocol = await withCluster(cluster, async (clients) => clients.protocol).catch(() => null);
      unreachable = protocol ? undefined : 'cannot reach the cluster; retrying';
      if (protocol) await refill(protocol, wanted);
      else await sleep(1000);
      if (Date.now() - lastStatus >= 1000) {
        lastStatus = Date.now();
        yield { type: 'status', status: status() };
      }
      continue;
    }
    let first: [number, Cursor] | null = null;
    for (const entry of cursors) {
      const head = entry[1].head;
      if (head && (!first || head.timestamp < first[1].head!.timestamp)) first = entry; // ties: Map order is partition order
    }
    if (!first) break; // every partition is at its end
    batch.push(first[1].head!);
    first[1].head = null;
    if (batch.length === FRAME_MESSAGES) {
      emitted += batch.length;
      yield { type: 'messages', messages: batch };
      batch = [];
    }
  }
  if (batch.length) {
    emitted += batch.length;
    yield { type: 'messages', messages: batch };
  }
  if (!signal.aborted) yield { type: 'done', status: status() };
}
