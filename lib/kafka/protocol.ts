import 'server-only';
import type { Kafka } from 'kafkajs';

/**
 * Access to kafkajs's protocol layer, for the requests its admin client lacks (DescribeQuorum)
 * or hides (Metadata with racks and offline replicas in one round trip). kafkajs 2.2.4 is frozen,
 * so these internals are stable; they are touched only here.
 */

export interface RawBroker {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface RawPartition {
  partitionErrorCode: number;
  partitionId: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas?: number[];
}

export interface RawTopic {
  topicErrorCode: number;
  topic: string;
  isInternal?: boolean;
  partitionMetadata: RawPartition[];
}

export interface RawMetadata {
  clusterId?: string;
  controllerId?: number;
  brokers: RawBroker[];
  topicMetadata: RawTopic[];
}

/** A kafkajs protocol request: the header is written by kafkajs, the body by `encode`. */
export interface ProtocolRequest {
  apiKey: number;
  apiVersion: number;
  apiName: string;
  encode: () => Promise<{ buffer: Buffer }>;
}

export interface ProtocolResponse<T> {
  decode: (payload: Buffer) => Promise<T>;
  parse: (data: T) => Promise<T>;
}

interface InternalBroker {
  metadata(topics: string[]): Promise<RawMetadata>;
  connectionPool: { send<T>(args: { request: ProtocolRequest; response: ProtocolResponse<T> }): Promise<T> };
}

interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  brokerPool: { findConnectedBroker(): Promise<InternalBroker> };
}

export interface ProtocolCluster {
  /** One Metadata request for every topic, answered by any live broker. */
  metadata(): Promise<RawMetadata>;
  /** Sends a hand-encoded request to any live broker. */
  send<T>(request: ProtocolRequest, response: ProtocolResponse<T>): Promise<T>;
  disconnect(): Promise<void>;
}

function clusterFactory(kafka: Kafka): (options: object) => InternalCluster {
  const symbol = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster');
  if (!symbol) throw new Error('kafkajs internals changed: createCluster not found (expected kafkajs 2.2.4)');
  return (kafka as unknown as Record<symbol, (options: object) => InternalCluster>)[symbol];
}

export async function createProtocolCluster(kafka: Kafka): Promise<ProtocolCluster> {
  const cluster = clusterFactory(kafka)({ allowAutoTopicCreation: false });
  await cluster.connect();
  return {
    async metadata() {
      const broker = await cluster.brokerPool.findConnectedBroker();
      return broker.metadata([]);
    },
    async send(request, response) {
      const broker = await cluster.brokerPool.findConnectedBroker();
      return broker.connectionPool.send({ request, response });
    },
    disconnect: () => cluster.disconnect(),
  };
}
