/** Kafka Metadata as decoded from the wire (see metadata-codec.ts). */

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

