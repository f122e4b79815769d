/** Kafka Metadata as decoded from the wire (see metadata-codec.ts). */
import type { TimestampType } from '@/lib/types/messages';

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


export interface RawRecord {
  offset: number;
  timestamp: number;
  /** From the batch's attributes (bit 3): the producer's clock, or the broker's (message.timestamp.type=LogAppendTime). */
  timestampType: TimestampType;
  key: Buffer | null;
  value: Buffer | null;
  /** In record order, duplicate keys kept; value null for a header without one. */
  headers: { key: string; value: Buffer | null }[];
  isControlRecord?: boolean;
}

export interface RawFetchResult {
  responses: {
    topicName: string;
    partitions: {
      partition: number;
      errorCode: number;
      highWatermark: string;
      /** Decoded as iterated (lib/kafka/fetch-codec.ts): iterate once. */
      messages: Iterable<RawRecord>;
    }[];
  }[];
}
