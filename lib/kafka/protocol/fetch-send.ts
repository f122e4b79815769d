/**
 * Sending a Fetch through a kafkajs broker connection, shared by the request thread
 * (kafkajs-adapter.ts) and the tail's worker threads (tail-fetch-encode.ts): no 'server-only',
 * since a worker bundle has no React server condition. kafkajs 2.2.4 is frozen, so the internals
 * used here are stable (typed in kafkajs-internals.d.ts).
 */
import type { Kafka } from 'kafkajs';
import kafkajsRequests from 'kafkajs/src/protocol/requests';
import type { RawFetchResult, RawRecord } from '../protocol-types';
import { loadCompression } from '../compression';
import { pickVersion } from './api';
import { fetchResponse } from './codecs/fetch';

export interface FetchArgs {
  maxWaitTime: number;
  minBytes: number;
  maxBytes: number;
  isolationLevel: number;
  topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
}

/** A kafkajs protocol request: the header is written by kafkajs, the body by `encode`. */
export interface ProtocolRequest {
  apiKey: number;
  apiVersion: number;
  apiName: string;
  encode: () => Promise<{ buf: Buffer; buffer: Buffer }>;
}

export interface ProtocolResponse<T> {
  decode: (payload: Buffer) => Promise<T>;
  parse: (data: T) => Promise<T>;
}

type ProtocolCall = { request: ProtocolRequest; response: ProtocolResponse<unknown> };

/** A response decoded by our own decoder; errors are read from the result, not thrown by kafkajs. */
export function decodedWith<T>(decode: (payload: Buffer) => T): ProtocolResponse<T> {
  return { decode: async (payload) => decode(payload), parse: async (data) => data };
}

/** kafkajs's broker object, as far as we use it. */
export interface InternalBroker {
  versions: Record<number, { minVersion: number; maxVersion: number }> | null;
  lookupRequest(apiKey: number, definition: unknown): (args: object) => ProtocolCall;
  findGroupCoordinator(args: { groupId: string; coordinatorType: number }): Promise<{ coordinator: { nodeId: number } }>;
  offsetCommit(args: {
    groupId: string;
    groupGenerationId: number;
    memberId: string;
    topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
  }): Promise<unknown>;
  connectionPool: { send<T>(args: { request: ProtocolRequest; response: ProtocolResponse<T> }): Promise<T> };
}

/** kafkajs's cluster object, as far as we use it. */
export interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  findBroker(args: { nodeId: number }): Promise<InternalBroker>;
  brokerPool: {
    findConnectedBroker(): Promise<InternalBroker>;
    findBroker(args: { nodeId: number }): Promise<InternalBroker>;
    brokers: Record<string, InternalBroker & { connectionPool: { host: string; port: number } }>;
    createBroker(args: { logger: unknown; versions: unknown; connectionPool: unknown; nodeId: number }): InternalBroker;
    connectionPoolBuilder: { build(args: { host: string; port: number; rack: string | null }): Promise<unknown> };
    rootLogger: unknown;
    versions: unknown;
  };
}

/** kafkajs's cluster of broker connections behind a `Kafka` client (its private factory). */
export function createInternalCluster(kafka: Kafka): InternalCluster {
  const symbol = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster');
  if (!symbol) throw new Error('kafkajs internals changed: createCluster not found (expected kafkajs 2.2.4)');
  return (kafka as unknown as Record<symbol, (options: object) => InternalCluster>)[symbol]({ allowAutoTopicCreation: false });
}

type KafkajsRecord = Omit<RawRecord, 'offset' | 'timestamp' | 'timestampType' | 'headers'> & {
  offset: string;
  timestamp: string;
  headers?: Record<string, Buffer | Buffer[] | null>;
  /** kafkajs keeps the batch's decoded attributes here; timestampType 1 is LogAppendTime. */
  batchContext?: { timestampType?: number };
};

/** kafkajs's header object as our ordered list. */
const headerList = (headers: KafkajsRecord['headers']): RawRecord['headers'] =>
  Object.entries(headers ?? {}).flatMap(([key, v]) => (Array.isArray(v) ? v : [v]).map((value) => ({ key, value: value ?? null })));

/** Whether `broker` answers Fetch in the version our lazy decoder reads (v11, Kafka 2.3 and later). */
export const speaksLazyFetch = (broker: InternalBroker) => pickVersion(fetchResponse.versions, broker.versions?.[fetchResponse.apiKey]) !== null;

/**
 * A Fetch to `broker`; partition errors (leader moved, offset out of range) are returned per
 * partition, not thrown for the whole request.
 */
export async function sendFetch(broker: InternalBroker, args: FetchArgs): Promise<RawFetchResult> {
  await loadCompression(); // zstd's WebAssembly, once: the records are decoded synchronously
  const version = pickVersion(fetchResponse.versions, broker.versions?.[fetchResponse.apiKey]);
  if (version !== null) {
    // kafkajs encodes the request; our decoder reads the records lazily (codecs/fetch.ts).
    const call = kafkajsRequests.requests.Fetch.protocol({ version })({ ...args, replicaId: -1, rackId: '' });
    // The client's request timeout (10 s), not kafkajs's maxWaitTime + 100 ms: a busy broker must
    // not turn a live tail's short polls into timeouts.
    return broker.connectionPool.send({ request: call.request, response: decodedWith((payload) => fetchResponse.decode(payload, version)) });
  }
  // Brokers before Kafka 2.3: kafkajs's own decoding, in the same shape. kafkajs gathers headers
  // into an object (a repeated key's values together, "constructor" and the like mixed up with
  // Object's own members): on these brokers only, header order across keys is lost.
  const call = broker.lookupRequest(fetchResponse.apiKey, kafkajsRequests.requests.Fetch)({ ...args, replicaId: -1, rackId: '' });
  const result = (await broker.connectionPool.send({
    request: call.request,
    response: { decode: call.response.decode, parse: async (data: unknown) => data },
  })) as { responses: { topicName: string; partitions: { partition: number; errorCode: number; highWatermark: string; messages: KafkajsRecord[] }[] }[] };
  return {
    responses: result.responses.map((r) => ({
      topicName: r.topicName,
      partitions: r.partitions.map((p) => ({
        ...p,
        messages: p.messages.map((m) => ({
          ...m,
          offset: Number(m.offset),
          timestamp: Number(m.timestamp),
          timestampType: m.batchContext?.timestampType === 1 ? 'LogAppendTime' : 'CreateTime',
          headers: headerList(m.headers),
        })),
      })),
    })),
  };
}
