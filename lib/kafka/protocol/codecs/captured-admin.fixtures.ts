/**
 * Answers of the local Kafka 4.3.1 cluster (after the correlation id) to our admin requests, sent
 * with a raw socket (request header v1, client id "capture") and recorded byte for byte.
 */

/**
 * CreateTopics v4, validateOnly, of "capture-ok" (3 partitions, replication factor 1) and
 * "capture-bad" (config no.such.config=x): nothing was created. The broker accepts the first and
 * refuses the second with INVALID_CONFIG (40), "Unknown topic config name: no.such.config".
 */
export const CREATE_TOPICS_V4_VALIDATE =
  '0000000000000002000a636170747572652d6f6b0000ffff000b636170747572652d62616400280029556e6b6e6f776e20746f70696320636f6e666967' +
  '206e616d653a206e6f2e737563682e636f6e666967';

/**
 * IncrementalAlterConfigs v0, validateOnly, retention.ms=1000 on topic "capture-no-such-topic":
 * UNKNOWN_TOPIC_OR_PARTITION (3), "The topic 'capture-no-such-topic' does not exist.".
 */
export const INCREMENTAL_ALTER_CONFIGS_V0_UNKNOWN_TOPIC =
  '00000000000000010003003154686520746f7069632027636170747572652d6e6f2d737563682d746f7069632720646f6573206e6f742065786973742e' +
  '020015636170747572652d6e6f2d737563682d746f706963';

/** DeleteGroups v1 of "capture-no-such-group" on its coordinator: GROUP_ID_NOT_FOUND (69). */
export const DELETE_GROUPS_V1_NOT_FOUND = '00000000000000010015636170747572652d6e6f2d737563682d67726f75700045';
/** The same on another broker: NOT_COORDINATOR (16). */
export const DELETE_GROUPS_V1_NOT_COORDINATOR = '00000000000000010015636170747572652d6e6f2d737563682d67726f75700010';

/**
 * DescribeLogDirs v1 of "_dashboard_schemas" partition 0 on broker 0: one log dir
 * (/work/main/.cluster/node-0/data), the replica taking 169,301 bytes, not a future replica.
 */
export const DESCRIBE_LOG_DIRS_V1_NODE_0 =
  '00000000000000010000001f2f776f726b2f6d61696e2f2e636c75737465722f6e6f64652d302f646174610000000100125f64617368626f6172645f73' +
  '6368656d617300000001000000000000000000029555000000000000000000';
