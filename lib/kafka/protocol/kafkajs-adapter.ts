import 'server-only';
import type { Kafka } from 'kafkajs';
import { createErrorFromCode } from 'kafkajs/src/protocol/error';

/**
 * Access to kafkajs's protocol layer, for the requests its admin client lacks (DescribeQuorum)
 * or hides (Metadata with racks and offline replicas in one round trip): each is a descriptor in
 * codecs/, sent with `call`. kafkajs 2.2.4 is frozen, so these internals are stable; they are
 * touched only here and in fetch-send.ts (which the tail's worker threads share).
 */

import type { RawFetchResult, RawMetadata } from '../protocol-types';
import { listOffsets as listOffsetsApi, type ListOffsetsResponse } from './codecs/list-offsets';
import { metadata as metadataApi } from './codecs/metadata';
import { kafkaErrorType } from '../errors';
import { type KafkaApi, UnsupportedApiError, pickVersion } from './api';
import { type FetchArgs, type InternalBroker, type ProtocolRequest, createInternalCluster, decodedWith, sendFetch } from './fetch-send';
import { sleep } from '@/lib/sleep';

export type { RawBroker, RawFetchResult, RawMetadata, RawPartition, RawRecord, RawTopic } from '../protocol-types';

/**
 * A broker error code as the KafkaJSProtocolError kafkajs's own requests throw (type, code,
 * retriable), so errors from our hand-encoded requests are read alike (lib/kafka/errors.ts).
 */
export const kafkaErrorFromCode = (code: number) => createErrorFromCode(code);

/** A request whose body we encoded ourselves (kafkajs writes the header in front of it). */
function handEncoded(apiKey: number, apiVersion: number, apiName: string, body: Buffer): ProtocolRequest {
  return { apiKey, apiVersion, apiName, encode: async () => ({ buf: body, buffer: body }) };
}

export type RawListOffsetsResult = ListOffsetsResponse;
export type { FetchArgs };

export interface ProtocolCluster {
  /**
   * One Metadata request, for every topic (null) or just `topics`, answered by any live broker;
   * also teaches the broker pool new brokers, for call({ broker })/listOffsets. Errors stay in the answer's
   * error codes (3 = unknown topic), they are not thrown.
   */
  metadata(topics?: string[] | null): Promise<RawMetadata>;
  /**
   * ListOffsets for many partitions led by one broker, in one request. timestamp -2 earliest, -1 latest.
   * Partition errors (leader moved, topic gone) stay in each partition's errorCode, they are not thrown.
   */
  listOffsets(nodeId: number, topics: { topic: string; partitions: number[] }[], timestamp: number): Promise<RawListOffsetsResult>;
  /** The node id of the broker coordinating `groupId` (FindCoordinator). */
  coordinatorOf(groupId: string): Promise<number>;
  /**
   * Commits offsets for a group from outside it (generation -1, no member id), as Kafka's own
   * admin client does; the coordinator refuses it while the group has members.
   */
  commitOffsets(groupId: string, topic: string, partitions: { partition: number; offset: number }[]): Promise<void>;
  /**
   * A Fetch request to broker `nodeId`; kafkajs decodes the record batches, but partition errors
   * (leader moved, offset out of range) are returned per partition, not thrown for the whole request.
   */
  fetch(nodeId: number, args: FetchArgs): Promise<RawFetchResult>;
  /**
   * Sends `request` with `api`'s codec, to broker `options.broker` or any live one, in the highest
   * version both speak; throws UnsupportedApiError (before sending) when there is none.
   */
  call<Req, Res>(api: KafkaApi<Req, Res>, request: Req, options?: { broker?: number }): Promise<Res>;
  /** The versions of an API that broker `nodeId` supports, or null if it does not support it. */
  apiVersions(nodeId: number, apiKey: number): Promise<{ minVersion: number; maxVersion: number } | null>;
  disconnect(): Promise<void>;
}

export async function createProtocolCluster(kafka: Kafka): Promise<ProtocolCluster> {
  const cluster = createInternalCluster(kafka);
  await cluster.connect();
  const pool = cluster.brokerPool;

  /** Adds brokers kafkajs has not seen (it learns them only from its own Metadata calls). */
  async function learnBrokers(metadata: RawMetadata) {
    for (const { nodeId, host, port, rack } of metadata.brokers) {
      const known = pool.brokers[nodeId];
      if (known && known.connectionPool.host === host && known.connectionPool.port === port) continue;
      pool.brokers[nodeId] = pool.createBroker({
        logger: pool.rootLogger,
        versions: pool.versions,
        connectionPool: await pool.connectionPoolBuilder.build({ host, port, rack }),
        nodeId,
      }) as InternalBroker & { connectionPool: { host: string; port: number } };
    }
  }

  /** Broker `nodeId`, learning the broker list first (one small Metadata) if kafkajs does not know it yet. */
  async function brokerById(nodeId: number): Promise<InternalBroker> {
    if (!pool.brokers[nodeId]) await protocol.metadata([]);
    return pool.findBroker({ nodeId });
  }

  const protocol: ProtocolCluster = {
    async metadata(topics = null) {
      const metadata = await protocol.call(metadataApi, { topics });
      await learnBrokers(metadata);
      return metadata;
    },
    async listOffsets(nodeId, topics, timestamp) {
      const request = {
        isolationLevel: 0 as const,
        timeoutMs: 30_000,
        topics: topics.map(({ topic, partitions }) => ({ name: topic, partitions: partitions.map((partition) => ({ partition, timestamp })) })),
      };
      return protocol.call(listOffsetsApi, request, { broker: nodeId });
    },
    async coordinatorOf(groupId) {
      // The first FindCoordinator on a fresh cluster makes the brokers create __consumer_offsets;
      // until its leaders are elected they answer "not available": ask again for a few seconds.
      for (let attempt = 0; ; attempt++) {
        try {
          const seed = await pool.findConnectedBroker();
          const { coordinator } = await seed.findGroupCoordinator({ groupId, coordinatorType: 0 });
          return coordinator.nodeId;
        } catch (error) {
          const type = kafkaErrorType(error);
          if (attempt >= 20 || (type !== 'GROUP_COORDINATOR_NOT_AVAILABLE' && type !== 'GROUP_LOAD_IN_PROGRESS')) throw error;
          await sleep(500);
        }
      }
    },
    async commitOffsets(groupId, topic, partitions) {
      const broker = await brokerById(await protocol.coordinatorOf(groupId));
      await broker.offsetCommit({
        groupId,
        groupGenerationId: -1,
        memberId: '',
        topics: [{ topic, partitions: partitions.map((p) => ({ partition: p.partition, offset: String(p.offset) })) }],
      });
    },
    async fetch(nodeId, args) {
      return sendFetch(await brokerById(nodeId), args);
    },
    async call(api, request, options) {
      const broker = options?.broker === undefined ? await pool.findConnectedBroker() : await brokerById(options.broker);
      const supported = broker.versions?.[api.apiKey] ?? null;
      const version = pickVersion(api.versions, supported);
      if (version === null) throw new UnsupportedApiError(api.name, supported, api.versions);
      return broker.connectionPool.send({
        request: handEncoded(api.apiKey, version, api.name, api.encode(request, version)),
        response: decodedWith((payload) => api.decode(payload, version)),
      });
    },
    async apiVersions(nodeId, apiKey) {
      const broker = await brokerById(nodeId);
      return broker.versions?.[apiKey] ?? null;
    },
    disconnect: () => cluster.disconnect(),
  };
  return protocol;
}
