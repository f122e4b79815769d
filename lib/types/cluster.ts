/** What the cluster endpoints return; shared by route handlers, hooks and components. */

export interface ClusterSummary {
  name: string;
  bootstrap: string;
}

export interface ClusterList {
  clusters: ClusterSummary[];
  /** READ_ONLY=true on the server: pages hide every control that changes something. */
  readOnly: boolean;
}

export interface Broker {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface ClusterOverview {
  name: string;
  clusterId: string | null;
  /** The active KRaft controller (DescribeQuorum's leader); null when the cluster does not say. */
  controllerId: number | null;
  /** The brokers registered in the metadata: the live ones. */
  brokers: Broker[];
  /** Brokers that hold replicas but are not registered (down): node ids, ascending. */
  offlineBrokers: number[];
  /** From the finalized metadata.version; null when the cluster does not report it. */
  kafkaVersion: { release: string; metadataVersion: string } | null;
  topics: number;
  partitions: number;
  underReplicatedPartitions: number;
  offlinePartitions: number;
  /** Partitions led by a replica other than their preferred one (the first listed), at most 100 of them. */
  nonPreferredLeaders: { count: number; partitions: { topic: string; partition: number; leader: number; preferred: number }[] };
}
