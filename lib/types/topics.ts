/** What the topic and broker endpoints return; shared by route handlers, hooks and components. */

export interface TopicSummary {
  name: string;
  internal: boolean;
  partitions: number;
  /** The largest replica count over the partitions (what sorting uses). */
  replicationFactor: number;
  /** The smallest: below replicationFactor after a reassignment left partitions with fewer replicas. */
  minReplicationFactor: number;
  /** Bytes on disk over all replicas (DescribeLogDirs); null when the brokers did not say. */
  sizeBytes: number | null;
  /** Sum of latest − earliest offsets over the partitions. */
  messages: number;
  /** False where the count can overstate: compacted topics, and open transactions. */
  messagesExact: boolean;
  underReplicatedPartitions: number;
  offlinePartitions: number;
}

export interface TopicList {
  topics: TopicSummary[];
}

/** One page of the topic list (GET …/topics?limit=…): the matching topics in the asked order, cut to the page. */
export interface TopicPage extends TopicList {
  /** Topics matching the search (the page is a slice of them). */
  total: number;
  /** Every topic shown (internal ones only when asked for). */
  topicCount: number;
  offset: number;
  limit: number;
}

export interface TopicPartition {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  /** null when the partition has no leader to ask (offline). */
  earliestOffset: number | null;
  latestOffset: number | null;
  /** latest − earliest offset. */
  messages: number | null;
  /** False where the count can overstate: a compacted topic, transaction markers in this partition. */
  messagesExact: boolean;
  /** Bytes on disk over all its replicas; null when a broker did not say. */
  sizeBytes: number | null;
}

export type ConfigSource =
  | 'DYNAMIC_TOPIC_CONFIG'
  | 'DYNAMIC_BROKER_CONFIG'
  | 'DYNAMIC_DEFAULT_BROKER_CONFIG'
  | 'STATIC_BROKER_CONFIG'
  | 'DEFAULT_CONFIG'
  | 'DYNAMIC_BROKER_LOGGER_CONFIG'
  | 'UNKNOWN';

export interface ConfigEntry {
  name: string;
  /** null when Kafka withholds it (sensitive) or it has no value. */
  value: string | null;
  isDefault: boolean;
  isSensitive: boolean;
  readOnly: boolean;
  source: ConfigSource;
}

export interface TopicDetails {
  name: string;
  internal: boolean;
  replicationFactor: number;
  minReplicationFactor: number;
  /** Bytes on disk over all replicas; null when a broker did not say. */
  sizeBytes: number | null;
  /** Sum of the partitions' counts; exact only when every partition's is. */
  messages: number;
  messagesExact: boolean;
  partitions: TopicPartition[];
  configs: ConfigEntry[];
}
