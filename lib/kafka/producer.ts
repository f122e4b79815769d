import 'server-only';
import { sleep } from '@/lib/sleep';
import { kafkaErrorFromCode, type ProtocolCluster } from './protocol';
import { initProducerId as initProducerIdApi } from './protocol/codecs/init-producer-id';
import { produce } from './protocol/codecs/produce';
import { produceRequests } from './produce-requests';
import { loadCompression, type CompressionCodec } from './compression';
import { BATCH_OVERHEAD, crc32c, encodeRecordBatch, type OutgoingRecord } from './record-batch';
import { KafkaErrorCode } from './kafka-error-codes';

/**
 * The dashboard's idempotent producer, on kafkajs's protocol layer. kafkajs's own producer keeps
 * its sequence numbers in a plain object keyed by topic: producing to a topic called `__proto__`
 * wrote them onto Object.prototype, after which producing to any topic (and tailing) failed until
 * the server restarted, and topics called `constructor` or `toString` kept theirs on shared
 * built-ins. Here everything keyed by a topic is a Map. Headers are an ordered list, so
 * duplicate keys and null values go to Kafka as given. Same guarantees as before: one batch in
 * flight per partition, and a retried batch keeps its sequence numbers, so the broker drops it if
 * the first attempt was written after all. The batches of partitions with the same leader share
 * one Produce request (produce-requests.ts).
 */

export interface ProducerMessage {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: { key: string; value: Buffer | string | null }[];
  partition: number;
}

export interface RecordMetadata {
  topicName: string;
  partition: number;
  errorCode: number;
  baseOffset: string;
  logAppendTime: string;
  logStartOffset: string;
}

export interface Producer {
  /** Writes `messages` to their partitions (acks from all in-sync replicas); one result per partition. */
  send(args: { topic: string; acks?: -1; messages: ProducerMessage[]; compression?: CompressionCodec }): Promise<RecordMetadata[]>;
  disconnect(): Promise<void>;
}

/**
 * Kafka's Java producer sends again after a retriable broker answer (a topic another tool created
 * a moment ago, a leader moved) until its delivery.timeout.ms; a person waits on a page, so 30 s.
 * Backoff as Java's retry.backoff.ms and retry.backoff.max.ms.
 */
export const DELIVERY_TIMEOUT_MS = 30_000;
const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 1000;
/**
 * When no broker tells us the partition's leader (the cluster cannot be reached), one more try, as
 * the kafkajs client was configured: an unreachable cluster must say so within seconds. A leader
 * that does not answer while the others do is tried again until the delivery timeout: its
 * partitions move to another broker once the controller notices.
 */
const METADATA_RETRIES = 1;
const TIMEOUT_MS = 30_000;
const LEADERS_MAX_AGE_MS = 5 * 60_000;
const SEQUENCE_LIMIT = 2 ** 31;
/** The broker has forgotten or fenced this producer id and refused the batch: take a new id. */
const NEW_PRODUCER_ID = new Set<number>([
  KafkaErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
  KafkaErrorCode.INVALID_PRODUCER_EPOCH,
  KafkaErrorCode.UNKNOWN_PRODUCER_ID,
]);
/** Broker errors after which the batch may have been written (the leader appended it). */
const MAYBE_WRITTEN = new Set<number>([KafkaErrorCode.REQUEST_TIMED_OUT, KafkaErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND]);

interface Identity {
  producerId: bigint;
  producerEpoch: number;
  /** Next sequence per partition (partitionKey). */
  sequences: Map<string, number>;
  /** Per partition, the records of a batch whose fate is unknown: only a resend of it may reuse its sequence. */
  unresolved: Map<string, number>;
  /** Set when the broker no longer accepts this id: the next batch takes a new one. */
  retired?: boolean;
}

const partitionKey = (topic: string, partition: number) => `${partition}:${topic}`;
/** The records of a batch, without what differs between sends of them (timestamp, producer, sequence). */
const recordsFingerprint = (batch: Buffer) => crc32c(batch.subarray(BATCH_OVERHEAD));
const toBuffer = (data: Buffer | string | null | undefined) =>
  data === null || data === undefined ? null : Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');

/** A broker error code as kafkajs would have thrown it (errors.ts reads its type), with the broker's own words. */
function protocolError(code: number, brokerMessage: string | null): Error & { code: number; retriable: boolean } {
  const error = kafkaErrorFromCode(code);
  if (brokerMessage && !error.message.includes(brokerMessage)) error.message = `${error.message}: ${brokerMessage}`;
  return error;
}

function toRecord(message: ProducerMessage): OutgoingRecord {
  return {
    key: toBuffer(message.key),
    value: toBuffer(message.value),
    headers: (message.headers ?? []).map((h) => ({ key: h.key, value: toBuffer(h.value) })),
  };
}

/** A producer over `protocol`, which it owns (disconnect() closes it). */
export function createProducer(protocol: ProtocolCluster, { deliveryTimeoutMs = DELIVERY_TIMEOUT_MS } = {}): Producer {
  let identity: Promise<Identity> | null = null;
  const leaders = new Map<string, { at: number; byPartition: Map<number, number> }>();
  const queues = new Map<string, Promise<void>>();
  const toLeader = produceRequests((broker, topics) => protocol.call(produce, { acks: -1, timeoutMs: TIMEOUT_MS, topics }, { broker }));

  async function initProducerId(): Promise<Identity> {
    for (let attempt = 0; ; attempt++) {
      const answer = await protocol.call(initProducerIdApi, null);
      if (answer.errorCode === 0) return { producerId: answer.producerId, producerEpoch: answer.producerEpoch, sequences: new Map(), unresolved: new Map() };
      const error = protocolError(answer.errorCode, null);
      // Right after a cluster starts, brokers may not have producer ids to hand out yet.
      if (!error.retriable || attempt >= 10) throw error;
      await sleep(500);
    }
  }

  /** The producer id in use, a new one once the current one is retired. */
  async function currentIdentity(): Promise<Identity> {
    for (;;) {
      const pending = (identity ??= initProducerId());
      let current: Identity;
      try {
        current = await pending;
      } catch (error) {
        if (identity === pending) identity = null;
        throw error;
      }
      if (!current.retired) return current;
      if (identity === pending) identity = null;
    }
  }

  async function leaderOf(topic: string, partition: number, refresh: boolean): Promise<number> {
    let known = leaders.get(topic);
    if (refresh || !known || Date.now() - known.at > LEADERS_MAX_AGE_MS || !known.byPartition.has(partition)) {
      const metadata = await protocol.metadata([topic]);
      const meta = metadata.topicMetadata.find((t) => t.topic === topic);
      if (meta?.topicErrorCode !== 0) throw protocolError(meta?.topicErrorCode || KafkaErrorCode.UNKNOWN_TOPIC_OR_PARTITION, null);
      known = { at: Date.now(), byPartition: new Map(meta.partitionMetadata.map((p) => [p.partitionId, p.leader])) };
      leaders.set(topic, known);
    }
    const leader = known.byPartition.get(partition);
    if (leader === undefined) throw protocolError(KafkaErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic "${topic}" has no partition ${partition}`);
    if (leader < 0) throw protocolError(KafkaErrorCode.LEADER_NOT_AVAILABLE, null); // retriable
    return leader;
  }

  /**
   * One batch to one partition, with the same sequence numbers on every try: a retriable answer
   * or a leader that does not answer is tried again (with fresh metadata) until the delivery
   * timeout; metadata nobody answers, once more.
   */
  async function sendBatch(topic: string, partition: number, records: OutgoingRecord[], compression: CompressionCodec): Promise<RecordMetadata> {
    const key = partitionKey(topic, partition);
    const deadline = Date.now() + deliveryTimeoutMs;
    let backoff = FIRST_BACKOFF_MS;
    let metadataRetries = 0;
    for (let attempt = 0; ; ) {
      const id = await currentIdentity();
      const sequence = id.sequences.get(key) ?? 0;
      const batch = encodeRecordBatch(records, {
        producerId: id.producerId,
        producerEpoch: id.producerEpoch,
        baseSequence: sequence,
        timestamp: Date.now(),
        compression,
      });
      const unresolved = id.unresolved.get(key);
      if (unresolved !== undefined && unresolved !== recordsFingerprint(batch)) {
        // The last batch to this partition may or may not have been written. Under its sequence
        // the broker would take this different batch for a resend of it and drop it: a new
        // producer id starts the sequences afresh instead.
        id.retired = true;
        continue;
      }
      let sent = false;
      try {
        const leader = await leaderOf(topic, partition, attempt > 0);
        sent = true;
        const result = await toLeader(leader, topic, partition, batch);
        if (result.errorCode !== 0) throw protocolError(result.errorCode, result.errorMessage);
        id.sequences.set(key, (sequence + records.length) % SEQUENCE_LIMIT);
        id.unresolved.delete(key);
        return {
          topicName: topic,
          partition,
          errorCode: 0,
          baseOffset: String(result.baseOffset),
          logAppendTime: String(result.logAppendTime),
          logStartOffset: String(result.logStartOffset),
        };
      } catch (error) {
        const e = error as { name?: string; code?: number; retriable?: boolean };
        const refusedByBroker = e.name === 'KafkaJSProtocolError' && !MAYBE_WRITTEN.has(e.code ?? -1);
        const fenced = refusedByBroker && NEW_PRODUCER_ID.has(e.code!);
        if (fenced) id.retired = true;
        else if (sent && !refusedByBroker) id.unresolved.set(key, recordsFingerprint(batch));
        if (!(e.retriable === true || fenced)) throw error;
        const unreachable = !sent && !refusedByBroker;
        if (unreachable ? metadataRetries++ >= METADATA_RETRIES : Date.now() + backoff >= deadline) throw error;
        attempt++;
        await sleep(backoff);
        backoff = Math.min(2 * backoff, MAX_BACKOFF_MS);
      }
    }
  }

  /** Runs `work` after every earlier batch of the same partition settled: one in flight per partition. */
  function inOrder<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(key) ?? Promise.resolve();
    const run = previous.then(work);
    const settled = run.then(
      () => {},
      () => {},
    );
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return run;
  }

  return {
    async send({ topic, messages, compression = 'none' }) {
      if (compression === 'zstd') await loadCompression();
      const byPartition = new Map<number, OutgoingRecord[]>();
      for (const message of messages) {
        const records = byPartition.get(message.partition);
        if (records) records.push(toRecord(message));
        else byPartition.set(message.partition, [toRecord(message)]);
      }
      return Promise.all(
        [...byPartition].map(([partition, records]) => inOrder(partitionKey(topic, partition), () => sendBatch(topic, partition, records, compression))),
      );
    },
    async disconnect() {
      identity = null;
      leaders.clear();
      await protocol.disconnect();
    },
  };
}
