import 'server-only';
import { decodeHistoryRecord, encodeHistoryRecord, type HistoryRecord } from '@/lib/lag-record';
import { sleep } from '@/lib/sleep';
import { apiErrorFromKafkaCode, KafkaErrorCode } from './kafka-error-codes';
import type { Producer } from './producer';
import { UnsupportedApiError, type ProtocolCluster } from './protocol';
import { createTopics } from './protocol/codecs/create-topics';

/** Kafka errors after which the history topic is given up for this process: memory instead. */
const REFUSED = [
  'TOPIC_AUTHORIZATION_FAILED',
  'GROUP_AUTHORIZATION_FAILED',
  'CLUSTER_AUTHORIZATION_FAILED',
  'MESSAGE_TOO_LARGE',
  'INVALID_REPLICATION_FACTOR',
  'INVALID_CONFIG',
  'POLICY_VIOLATION',
  'INVALID_RECORD',
] as const satisfies readonly (keyof typeof KafkaErrorCode)[];
const REFUSALS = new Map<number, string>(REFUSED.map((name) => [KafkaErrorCode[name], name]));

/** The cluster refused the dashboard's own topic or group: the history stays in this process's memory. */
export class HistoryRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The Kafka error code in a kafkajs or protocol error, looking through retry wrappers. */
function errorCodeOf(error: unknown): number | undefined {
  for (
    let e = error as { code?: unknown; type?: unknown; originalError?: unknown; cause?: unknown } | undefined;
    e;
    e = (e.originalError ?? e.cause) as typeof e
  ) {
    if (typeof e.code === 'number') return e.code;
    if (typeof e.type === 'string') for (const [code, type] of REFUSALS) if (type === e.type) return code;
  }
  return undefined;
}

/** `error` as a HistoryRefusedError when it is an authorization (or similar lasting) refusal. */
export function asRefusal(error: unknown, what: string): unknown {
  const code = errorCodeOf(error);
  return code !== undefined && REFUSALS.has(code) ? new HistoryRefusedError(`${what} was refused (${REFUSALS.get(code)})`) : error;
}

/**
 * Creates `topic` if it is missing: the dashboard's own state, asked for by running it. Replication
 * -1 takes the cluster's default.replication.factor (CreateTopics v4+, KIP-464).
 */
export async function ensureTopic(protocol: ProtocolCluster, topic: string, configs: Record<string, string>): Promise<void> {
  const metadata = await protocol.metadata([topic]);
  const known = metadata.topicMetadata.find((t) => t.topic === topic);
  if (known?.topicErrorCode === 0) return;
  if (known && REFUSALS.has(known.topicErrorCode)) throw new HistoryRefusedError(`reading topic ${topic} was refused (${REFUSALS.get(known.topicErrorCode)})`);
  const request = { topics: [{ name: topic, partitions: 1, replicationFactor: -1, configs }], timeoutMs: 15_000, validateOnly: false };
  const [result] = await protocol.call(createTopics, request).catch((error: unknown) => {
    // Brokers before Kafka 2.4 cannot take the cluster's default replication (CreateTopics v4).
    if (error instanceof UnsupportedApiError) throw new HistoryRefusedError(`creating topic ${topic} needs Kafka 2.4 or later`);
    throw error;
  });
  if (!result || result.errorCode === 0 || result.errorCode === KafkaErrorCode.TOPIC_ALREADY_EXISTS /* another instance was first */) return;
  if (REFUSALS.has(result.errorCode))
    throw new HistoryRefusedError(
      `creating topic ${topic} was refused (${REFUSALS.get(result.errorCode)}${result.errorMessage ? `: ${result.errorMessage}` : ''})`,
    );
  throw apiErrorFromKafkaCode(result.errorCode, result.errorMessage, `creating topic ${topic} failed`);
}

/** Writes history records (one per sample per group) to the history topic's one partition. */
export async function writeHistory(producer: Producer, topic: string, records: HistoryRecord[]): Promise<void> {
  if (!records.length) return;
  // Bounded batches: 100,000 groups must not become one request over the broker's message size.
  for (let i = 0; i < records.length; i += 2000) {
    const messages = records.slice(i, i + 2000).map((r) => ({ ...encodeHistoryRecord(r), partition: 0 }));
    try {
      await producer.send({ topic, acks: -1, messages, compression: 'lz4' });
    } catch (error) {
      throw asRefusal(error, `writing to topic ${topic}`);
    }
  }
}

/**
 * Reads the history topic from `fromTime` (ListOffsets by timestamp) and then follows it, handing
 * each fetched batch of records to `onRecords`; `onCaughtUp` once the log end seen at the start
 * was reached. No consumer group: nothing is committed, nothing left on the cluster per instance.
 * `connection` gives the cluster's current protocol client. Ends when `signal` aborts; throws a HistoryRefusedError when reading is not allowed.
 */
export async function followHistory(
  connection: () => Promise<ProtocolCluster>,
  topic: string,
  fromTime: number,
  handlers: { onRecords: (records: HistoryRecord[]) => void; onCaughtUp: () => void },
  signal: AbortSignal,
): Promise<void> {
  let leader = -1;
  let position = -1;
  let caughtUp = false;
  while (!signal.aborted) {
    try {
      // Asked each time: the cluster's clients are replaced after a connection failure.
      const protocol = await connection();
      if (leader < 0) {
        const meta = (await protocol.metadata([topic])).topicMetadata.find((t) => t.topic === topic);
        if (meta && REFUSALS.has(meta.topicErrorCode))
          throw new HistoryRefusedError(`reading topic ${topic} was refused (${REFUSALS.get(meta.topicErrorCode)})`);
        leader = meta?.partitionMetadata.find((p) => p.partitionId === 0)?.leader ?? -1;
        if (leader < 0) {
          await sleep(500);
          continue;
        }
      }
      if (position < 0) {
        const answer = await protocol.listOffsets(leader, [{ topic, partitions: [0] }], fromTime);
        const [latestAnswer] = (await protocol.listOffsets(leader, [{ topic, partitions: [0] }], -1)).responses.flatMap((r) => r.partitions);
        const p = answer.responses.flatMap((r) => r.partitions)[0];
        if (p?.errorCode !== 0 || !latestAnswer || latestAnswer.errorCode !== 0) {
          leader = -1;
          await sleep(500);
          continue;
        }
        // -1: nothing at or after fromTime, so start at the log end.
        position = Number(p.offset) >= 0 ? Number(p.offset) : Number(latestAnswer.offset);
      }
      const answer = await protocol.fetch(leader, {
        maxWaitTime: caughtUp ? 500 : 0,
        minBytes: 1,
        maxBytes: 8 << 20,
        isolationLevel: 0,
        topics: [{ topic, partitions: [{ partition: 0, fetchOffset: String(position), maxBytes: 8 << 20 }] }],
      });
      const part = answer.responses.flatMap((r) => r.partitions).find((p) => p.partition === 0);
      if (!part) continue;
      if (part.errorCode === KafkaErrorCode.OFFSET_OUT_OF_RANGE) {
        position = -1;
        continue;
      }
      if (REFUSALS.has(part.errorCode)) throw new HistoryRefusedError(`reading topic ${topic} was refused (${REFUSALS.get(part.errorCode)})`);
      if (part.errorCode !== 0) {
        leader = -1;
        await sleep(200);
        continue;
      }
      const records: HistoryRecord[] = [];
      for (const record of part.messages) {
        // A fetch answers whole batches: records before the position were read already.
        if (record.offset < position) continue;
        position = record.offset + 1;
        const decoded = decodeHistoryRecord(record.key, record.value);
        if (decoded) records.push(decoded);
      }
      if (records.length) handlers.onRecords(records);
      if (position >= Number(part.highWatermark)) {
        if (!caughtUp) handlers.onCaughtUp();
        caughtUp = true;
      } else if (!records.length) {
        await sleep(100); // behind the log end yet nothing readable: do not spin
      }
    } catch (error) {
      if (error instanceof HistoryRefusedError) throw error;
      const refusal = asRefusal(error, `reading topic ${topic}`);
      if (refusal instanceof HistoryRefusedError) throw refusal;
      leader = -1;
      await sleep(1000);
    }
  }
}
