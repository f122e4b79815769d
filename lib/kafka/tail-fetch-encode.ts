/**
 * A follow tail's Fetch, sent and answered in a worker thread (tail-encoder.worker.ts): the worker
 * keeps connections of its own to the brokers, receives the answer, and decodes, filters and
 * serializes each partition's records (tail-encode.ts) before the request thread sees any of it.
 * On a firehose the request thread was the limit, at 100% of a core: receiving the answers, copying
 * them to the workers and collecting those buffers now happen here, and it only sends the finished
 * frames (5% faster alone in alternating runs; about a third with the frames in shared memory,
 * shared-chunks.ts).
 *
 * Pure of the request thread's state: no 'server-only' (a worker bundle has no React server
 * condition). The request thread keeps the scheduling, positions and transaction judgement.
 */
import { Kafka, type KafkaConfig } from 'kafkajs';
import type { MessageFilter } from '@/lib/message-filter';
import type { RawFetchResult } from './protocol-types';
import { type FetchArgs, type InternalCluster, createInternalCluster, sendFetch, speaksLazyFetch } from './protocol/fetch-send';
import { decodeRecordSet, recordSetEnd } from './protocol/record-set';
import type { FetchedAnswer } from './fetch-scheduler';
import type { PlainMode } from './schema-registry/decode-plain';
import { encodeRecordSet, type ChunkAllocator, type EncodeResult } from './tail-encode';

export interface FetchJob {
  /** The dashboard's name for the cluster: a worker keeps one set of connections per cluster. */
  cluster: string;
  /** The kafkajs settings the request thread's clients use (clients.ts), as plain data. */
  config: KafkaConfig;
  leader: number;
  args: FetchArgs;
  /** Per fetched partition, the offset this read stops at (exclusive). */
  stops: { partition: number; stop: number }[];
  filter: MessageFilter | null;
  decode: PlainMode | null;
  chunkMessages: number;
}

type Matcher = Parameters<typeof encodeRecordSet>[1];
type AnsweredPartition = RawFetchResult['responses'][number]['partitions'][number];

/** A fetched partition as a worker hands it back: the answer's fields, its records encoded from the fetch offset. */
export interface PreparedPartition extends Omit<AnsweredPartition, 'messages' | 'recordSet'> {
  /** Where the partition's next fetch may start (its batch headers), or null when unknown. */
  end: number | null;
  /** The records in [from, stop), encoded; null with an error code or without records. */
  encoded: EncodeResult | null;
  from: number;
  stop: number;
  /** The record set, only when the encoding stopped at a record the request thread must read. */
  recordSet?: Uint8Array;
}

export interface PreparedFetch {
  responses: { topicName: string; partitions: PreparedPartition[] }[];
}

/** Thrown when a broker answers Fetch only in versions before v11: the request thread reads such a cluster itself. */
const NO_LAZY_FETCH = 'broker does not speak Fetch v11';

const clusters = new Map<string, Promise<InternalCluster>>();

function clusterFor(name: string, config: KafkaConfig): Promise<InternalCluster> {
  let cluster = clusters.get(name);
  if (!cluster) {
    cluster = (async () => {
      const internal = createInternalCluster(new Kafka(config));
      await internal.connect();
      return internal;
    })();
    clusters.set(name, cluster);
  }
  return cluster;
}

/** Drops a cluster's connections after a failure: the next fetch connects again (a broker restarted, moved). */
function forget(name: string, cluster: Promise<InternalCluster>) {
  if (clusters.get(name) !== cluster) return;
  clusters.delete(name);
  void cluster.then((c) => c.disconnect()).catch(() => {});
}

async function leaderOf(cluster: InternalCluster, nodeId: number) {
  try {
    return await cluster.findBroker({ nodeId });
  } catch {
    await cluster.refreshMetadata(); // a broker this worker has not met yet
    return cluster.findBroker({ nodeId });
  }
}

/** Fetches, then encodes every answered partition; what needs the request thread comes back as bytes. */
export async function fetchAndEncode(job: FetchJob, matches: Matcher, allocate?: ChunkAllocator): Promise<PreparedFetch> {
  const connecting = clusterFor(job.cluster, job.config);
  let answer: RawFetchResult;
  try {
    const broker = await leaderOf(await connecting, job.leader);
    if (!speaksLazyFetch(broker)) throw new Error(NO_LAZY_FETCH);
    answer = await sendFetch(broker, job.args);
  } catch (error) {
    forget(job.cluster, connecting);
    throw error;
  }
  return prepareFetch(answer, job, matches, allocate);
}

/** A Fetch answer with every partition's records encoded from where it was fetched (pure). */
export function prepareFetch(
  answer: RawFetchResult,
  job: Omit<FetchJob, 'cluster' | 'config' | 'leader'>,
  matches: Matcher,
  allocate?: ChunkAllocator,
): PreparedFetch {
  const asked = new Map(job.args.topics.flatMap((t) => t.partitions.map((p) => [p.partition, Number(p.fetchOffset)] as const)));
  const stops = new Map(job.stops.map((s) => [s.partition, s.stop]));
  return {
    responses: answer.responses.map(({ topicName, partitions }) => ({
      topicName,
      partitions: partitions.map(({ messages: _records, recordSet, ...fields }) => {
        const from = asked.get(fields.partition) ?? 0;
        const stop = stops.get(fields.partition) ?? from;
        if (fields.errorCode !== 0 || !recordSet) return { ...fields, end: null, encoded: null, from, stop };
        const encoded = encodeRecordSet(
          { partition: fields.partition, recordSet, from, stop, filter: job.filter, decode: job.decode, chunkMessages: job.chunkMessages },
          matches,
          allocate,
        );
        // A copy the request thread owns (the set is a view into the whole answer), only when it must read on.
        const rest = encoded.bailed ? { recordSet: new Uint8Array(recordSet) } : {};
        return { ...fields, end: recordSetEnd(recordSet), encoded, from, stop, ...rest };
      }),
    })),
  };
}

/** The byte arrays of a prepared fetch: its chunks, and the record sets the request thread reads on from. */
export const byteArraysOf = (fetch: PreparedFetch): Uint8Array[] =>
  fetch.responses.flatMap((r) => r.partitions.flatMap((p) => [...(p.encoded?.chunks.map((c) => c.json) ?? []), ...(p.recordSet ? [p.recordSet] : [])]));

/** A prepared fetch as the request thread reads answers (fetch-scheduler.ts): records as bytes only where it must read on. */
export function preparedAnswer(fetch: PreparedFetch): FetchedAnswer {
  return {
    responses: fetch.responses.map(({ topicName, partitions }) => ({
      topicName,
      partitions: partitions.map(({ end, encoded, from, stop, recordSet: bytes, ...fields }) => {
        const recordSet = bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
        return { ...fields, recordSet, messages: recordSet ? decodeRecordSet(recordSet) : [], prepared: { end, encoded, from, stop } };
      }),
    })),
  };
}
