import 'server-only';
import { messageMatcher, type StartSpec, type TailParams } from '@/lib/tail-params';
import { readAhead } from '@/lib/read-ahead';
import type { DecodeMode } from '@/lib/types/messages';
import { withCluster } from './clients';
import { ApiError, badRequest } from './errors';
import { fetchOffsets, offsetsForTime } from './offsets';
import type { ProtocolCluster, RawTopic } from './protocol';
import { followTail } from './tail-follow';
import { tailEncoder } from './tail-encoder';
import { isPlainMode } from './schema-registry/decode-plain';
import { readPage } from './tail-page';
import { TailPositions } from './tail-positions';
import { topicMetadata } from './topics';

export type { TailEvent } from './tail-follow';

/** Events a follow tail runs ahead of the stream: about 4,000 messages (a frame's worth each). */
const READ_AHEAD_EVENTS = 8;

/** Start offsets per partition, resolved now, so nothing produced after opening is missed. */
async function startOffsets(protocol: ProtocolCluster, meta: RawTopic, partitions: number[], from: StartSpec) {
  const bounds = (await fetchOffsets(protocol, { brokers: [], topicMetadata: [meta] })).get(meta.topic)!;
  const byTime = from.kind === 'timestamp' ? await offsetsForTime(protocol, meta, partitions, from.timestamp) : new Map<number, number>();
  const start = new Map<number, number>();
  const end = new Map<number, number>();
  for (const partition of partitions) {
    const { earliest, latest } = bounds.get(partition) ?? { earliest: null, latest: null };
    if (earliest === null || latest === null)
      throw new ApiError('PARTITION_NOT_AVAILABLE', `Partition ${partition} has no leader right now; its offsets cannot be read`);
    const clamp = (n: number) => Math.min(latest, Math.max(earliest, n));
    const offset = {
      earliest: () => earliest,
      latest: () => latest,
      offset: () => clamp(from.kind === 'offset' ? from.offset : 0),
      timestamp: () => {
        const t = byTime.get(partition) ?? -1;
        return t < 0 ? latest : t;
      },
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
 * new messages; others stop at the log-end offsets seen when they opened; with a `limit`, a page
 * merged across partitions by time (tail-page.ts), else partition by partition (tail-follow.ts).
 * A follow tail serializes messages in worker threads (tail-encoder.ts) when `decode` needs no
 * registry (auto: registry-framed messages are left to the request thread, which decodes them).
 */
export async function openTail(cluster: string, topic: string, params: TailParams, decode: DecodeMode = 'auto') {
  return withCluster(cluster, async ({ protocol: opening, kafkaConfig }) => {
    const meta = await topicMetadata(opening, topic);
    const all = meta.partitionMetadata.map((p) => p.partitionId).sort((a, b) => a - b);
    const missing = (params.partitions ?? []).filter((p) => !all.includes(p));
    if (missing.length) throw badRequest(`Topic "${topic}" has no partition ${missing.join(', ')}`, 'UNKNOWN_PARTITION');
    const partitions = params.partitions ?? all;
    const { start, end } = await startOffsets(opening, meta, partitions, params.from);
    const isolation = params.isolation ?? 'read_uncommitted';
    const matches = params.filter ? messageMatcher(params.filter) : null;
    if (params.limit !== undefined) {
      const page = { cluster, topic, meta, partitions, start, end, limit: params.limit, matches, isolation };
      return { events: (signal: AbortSignal) => readPage(page, signal) };
    }
    const positions = new TailPositions(partitions, start, end, params.live);
    // The cluster's clients may have been rebuilt after a failure: the current ones each round.
    const protocol = () => withCluster(cluster, async (clients) => clients.protocol);
    const workerDecode = isPlainMode(decode) ? decode : null;
    const encoder = decode === 'auto' || workerDecode ? tailEncoder() : null;
    const connection = { cluster, config: kafkaConfig };
    const read = {
      topic,
      meta,
      positions,
      live: params.live,
      isolation,
      matches,
      filter: params.filter ?? null,
      decode: workerDecode,
      encoder,
      protocol,
      connection,
    };
    // A few frames ahead: fetching and the worker's serializing overlap with sending to the browser.
    return { events: (signal: AbortSignal) => readAhead(followTail(read, signal), READ_AHEAD_EVENTS) };
  });
}
