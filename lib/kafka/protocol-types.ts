/** Kafka Metadata as decoded from the wire (see protocol/codecs/metadata.ts). */
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
  /** The batch's producer, when it belongs to a transaction (batch attribute bit 4). */
  transactionalProducerId?: bigint;
  /** On a transaction marker (control record): whether it commits or aborts its producer's transaction. */
  marker?: 'commit' | 'abort';
  /**
   * Set on the stand-in for a batch that could not be decoded (corrupt, unknown codec): it takes
   * the batch's last offset, with `isControlRecord` so readers that skip markers skip it, and says
   * why, so a reader can tell the user and go on past it.
   */
  unreadable?: string;
}

export interface RawFetchResult {
  responses: {
    topicName: string;
    partitions: {
      partition: number;
      errorCode: number;
      highWatermark: string;
      /** Below it every transaction is decided (absent from kafkajs's fallback decoding of old brokers). */
      lastStableOffset?: number;
      /** Transactions aborted in the fetched range; sent by the broker only to read_committed fetches. */
      abortedTransactions?: { producerId: bigint; firstOffset: number }[];
      /** Decoded as iterated (lib/kafka/protocol/record-set.ts): iterate once. */
      messages: Iterable<RawRecord>;
      /** The undecoded record batches (the tail's worker decodes them itself); absent from kafkajs's fallback decoding. */
      recordSet?: Buffer | null;
    }[];
  }[];
}
