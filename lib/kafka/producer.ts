import 'server-only';
import { Partitioners, type Kafka, type Producer, type ProducerRecord, type RecordMetadata } from 'kafkajs';
import { ApiError, causes, kafkaErrorType, toApiError } from './errors';
import type { ProtocolCluster } from './protocol';

/**
 * The dashboard's producer, with what Kafka's Java producer does and kafkajs 2.2.4's does not:
 * stale-partition answers are retried until a delivery timeout, and topics deleted since the
 * producer wrote to them stop breaking its metadata refreshes.
 */

/** Java's delivery.timeout.ms is 2 minutes; a person waits on a page, so 30 s per send. */
export const DELIVERY_TIMEOUT_MS = 30_000;
/** Java's retry.backoff.ms and retry.backoff.max.ms. */
const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 1000;
const UNKNOWN_TOPIC = 3;

/**
 * Broker answers that mean "my view of this partition is behind": a topic another tool created a
 * moment ago, a leader moved by a reassignment or an election. Nothing was appended, so sending the
 * same batch again cannot write it twice (and the producer is idempotent besides).
 */
const STALE_PARTITION = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'NOT_LEADER_FOR_PARTITION', 'LEADER_NOT_AVAILABLE']);

export function isStalePartitionError(error: unknown): boolean {
  return STALE_PARTITION.has(kafkaErrorType(error) ?? '') || causes(error).some((e) => e.name === 'KafkaJSMetadataNotLoaded');
}

/** The part of kafkajs's internal cluster a producer asks metadata for. */
interface ProducerCluster {
  targetTopics: Set<string>;
}

const clustersOf = new WeakMap<Producer, { cluster: ProducerCluster; protocol: Promise<ProtocolCluster> }>();

/**
 * An idempotent producer (a retried batch is never written twice, so counts stay exact), with its
 * kafkajs cluster kept aside: kafkajs builds that cluster privately, so its factory is wrapped
 * for the one synchronous call that creates the producer.
 */
export function createProducer(kafka: Kafka, protocol: Promise<ProtocolCluster>): Producer {
  const slots = kafka as unknown as Record<symbol, (options: object) => ProducerCluster>;
  const key = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster');
  if (!key) throw new Error('kafkajs internals changed: createCluster not found (expected kafkajs 2.2.4)');
  const createCluster = slots[key];
  let cluster: ProducerCluster | undefined;
  slots[key] = (options) => (cluster = createCluster(options));
  try {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    if (cluster) clustersOf.set(producer, { cluster, protocol });
    return producer;
  } finally {
    slots[key] = createCluster;
  }
}

/**
 * kafkajs asks metadata for every topic its producer ever wrote to, in one request, and one
 * unknown topic fails the whole refresh: after any of them is deleted, no topic new to the
 * producer can be written again ("This server does not host this topic-partition" for a topic
 * `kafka-topics --describe` shows). Deleted ones are dropped here.
 */
async function forgetDeletedTopics(producer: Producer) {
  const held = clustersOf.get(producer);
  const topics = held ? [...held.cluster.targetTopics] : [];
  if (!held || topics.length === 0) return;
  const metadata = await (await held.protocol).metadata(topics);
  for (const t of metadata.topicMetadata) {
    // kafkajs may have replaced the set meanwhile (it restores an older one after a failed refresh): read it again.
    if (t.topicErrorCode === UNKNOWN_TOPIC) held.cluster.targetTopics.delete(t.topic);
  }
}

/**
 * producer.send, sent again after a stale-partition answer (kafkajs refreshes its metadata before
 * it gives up) with Java's backoff, until `timeoutMs` has passed; then the last answer is thrown.
 * Any other failure is thrown at once. The first try costs nothing extra.
 */
export async function sendWithRetries(producer: Producer, record: ProducerRecord, timeoutMs = DELIVERY_TIMEOUT_MS): Promise<RecordMetadata[]> {
  const deadline = Date.now() + timeoutMs;
  for (let backoff = FIRST_BACKOFF_MS; ; backoff = Math.min(2 * backoff, MAX_BACKOFF_MS)) {
    try {
      return await producer.send(record);
    } catch (error) {
      if (!isStalePartitionError(error) || Date.now() + backoff >= deadline) throw error;
      await forgetDeletedTopics(producer).catch(() => {}); // best effort: the next try tells what is still wrong
      await new Promise((resolve) => setTimeout(resolve, backoff));
    }
  }
}

const list = (partitions: number[]) => `${partitions.length === 1 ? 'partition' : 'partitions'} ${partitions.join(', ')}`;

/**
 * The answer when a produce request could not write every partition: the broker's reason under an
 * honest code (a partition whose leader is moving or not yet known is not an unreachable cluster,
 * 503 PARTITION_NOT_AVAILABLE) and exactly how many messages each partition took, so nobody
 * resends what was written. A failure that wrote nothing and is not about partitions is returned
 * as it is, for withCluster to map (and to reset the clients after a connection failure).
 */
export function writeFailure(cluster: string, topic: string, failure: unknown, written: ReadonlyMap<number, number>, messages: { partition: number }[]): unknown {
  const stale = isStalePartitionError(failure);
  const count = [...written.values()].reduce((sum, n) => sum + n, 0);
  if (!stale && count === 0) return failure;
  const failed = [...new Set(messages.map((m) => m.partition))].filter((p) => !written.has(p)).sort((a, b) => a - b);
  const reason = causes(failure).find((e) => e.type)?.message ?? (failure as Error).message;
  const problem = stale
    ? new ApiError(503, 'PARTITION_NOT_AVAILABLE', `Kafka took no writes to ${list(failed)} of "${topic}" for ${DELIVERY_TIMEOUT_MS / 1000} s: ${reason} (${kafkaErrorType(failure) ?? 'no metadata'}); try again in a few seconds`)
    : toApiError(failure, cluster);
  const outcome = count
    ? `${count} of ${messages.length} messages were written (${[...written].sort(([a], [b]) => a - b).map(([p, n]) => `partition ${p}: ${n}`).join(', ')}), none to ${list(failed)}`
    : `None of the ${messages.length} messages was written`;
  return new ApiError(problem.status, problem.code, `${problem.message}. ${outcome}.`);
}
