import type { ApiErrorCode } from '@/lib/api-errors';
import { ApiError } from './errors';

/**
 * Kafka's numeric error codes by their protocol names (org.apache.kafka.common.protocol.Errors),
 * the ones this code compares against or answers specially: no bare `=== 69` elsewhere.
 */
export const KafkaErrorCode = {
  UNKNOWN_SERVER_ERROR: -1,
  NONE: 0,
  OFFSET_OUT_OF_RANGE: 1,
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  LEADER_NOT_AVAILABLE: 5,
  NOT_LEADER_OR_FOLLOWER: 6,
  REQUEST_TIMED_OUT: 7,
  MESSAGE_TOO_LARGE: 10,
  COORDINATOR_LOAD_IN_PROGRESS: 14,
  COORDINATOR_NOT_AVAILABLE: 15,
  NOT_COORDINATOR: 16,
  INVALID_TOPIC_EXCEPTION: 17,
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: 20,
  TOPIC_AUTHORIZATION_FAILED: 29,
  GROUP_AUTHORIZATION_FAILED: 30,
  CLUSTER_AUTHORIZATION_FAILED: 31,
  TOPIC_ALREADY_EXISTS: 36,
  INVALID_PARTITIONS: 37,
  INVALID_REPLICATION_FACTOR: 38,
  INVALID_REPLICA_ASSIGNMENT: 39,
  INVALID_CONFIG: 40,
  NOT_CONTROLLER: 41,
  INVALID_REQUEST: 42,
  POLICY_VIOLATION: 44,
  OUT_OF_ORDER_SEQUENCE_NUMBER: 45,
  INVALID_PRODUCER_EPOCH: 47,
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: 53,
  SECURITY_DISABLED: 54,
  UNKNOWN_PRODUCER_ID: 59,
  REASSIGNMENT_IN_PROGRESS: 60,
  NON_EMPTY_GROUP: 68,
  GROUP_ID_NOT_FOUND: 69,
  TOPIC_DELETION_DISABLED: 73,
  PREFERRED_LEADER_NOT_AVAILABLE: 80,
  ELIGIBLE_LEADERS_NOT_AVAILABLE: 83,
  ELECTION_NOT_NEEDED: 84,
  NO_REASSIGNMENT_IN_PROGRESS: 85,
  GROUP_SUBSCRIBED_TO_TOPIC: 86,
  INVALID_RECORD: 87,
  RESOURCE_NOT_FOUND: 91,
  UNACCEPTABLE_CREDENTIAL: 93,
} as const;

const NAMES = new Map<number, string>(Object.entries(KafkaErrorCode).map(([name, code]) => [code, name]));

/** Kafka's name for an error code, e.g. 69 → GROUP_ID_NOT_FOUND; `KAFKA_ERROR_<n>` for one not listed above. */
export const kafkaErrorName = (errorCode: number): string => NAMES.get(errorCode) ?? `KAFKA_ERROR_${errorCode}`;

const K = KafkaErrorCode;

/** Kafka error codes we answer differently, by the catalogue's code (lib/api-errors.ts) that fits them. */
const BY_CODE = new Map<number, ApiErrorCode>([
  [K.OFFSET_OUT_OF_RANGE, 'OFFSET_OUT_OF_RANGE'],
  [K.UNKNOWN_TOPIC_OR_PARTITION, 'TOPIC_NOT_FOUND'],
  [K.LEADER_NOT_AVAILABLE, 'PARTITION_NOT_AVAILABLE'],
  [K.NOT_LEADER_OR_FOLLOWER, 'PARTITION_NOT_AVAILABLE'],
  [K.REQUEST_TIMED_OUT, 'REQUEST_TIMED_OUT'],
  [K.COORDINATOR_LOAD_IN_PROGRESS, 'COORDINATOR_NOT_AVAILABLE'],
  [K.COORDINATOR_NOT_AVAILABLE, 'COORDINATOR_NOT_AVAILABLE'],
  [K.NOT_COORDINATOR, 'COORDINATOR_NOT_AVAILABLE'],
  [K.INVALID_TOPIC_EXCEPTION, 'INVALID_TOPIC'],
  [K.TOPIC_AUTHORIZATION_FAILED, 'TOPIC_AUTHORIZATION_FAILED'],
  [K.GROUP_AUTHORIZATION_FAILED, 'GROUP_AUTHORIZATION_FAILED'],
  [K.CLUSTER_AUTHORIZATION_FAILED, 'CLUSTER_AUTHORIZATION_FAILED'],
  [K.TOPIC_ALREADY_EXISTS, 'TOPIC_EXISTS'],
  [K.INVALID_PARTITIONS, 'INVALID_PARTITIONS'],
  [K.INVALID_REPLICATION_FACTOR, 'INVALID_REPLICATION_FACTOR'],
  [K.INVALID_REPLICA_ASSIGNMENT, 'INVALID_REPLICA_ASSIGNMENT'],
  [K.INVALID_CONFIG, 'INVALID_CONFIG'],
  [K.NOT_CONTROLLER, 'NOT_CONTROLLER'],
  [K.INVALID_REQUEST, 'INVALID_REQUEST'],
  [K.POLICY_VIOLATION, 'POLICY_VIOLATION'],
  [K.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED'],
  // The cluster has no authorizer: ACLs cannot be created or deleted (listing answers an empty state).
  [K.SECURITY_DISABLED, 'SECURITY_DISABLED'],
  [K.REASSIGNMENT_IN_PROGRESS, 'REASSIGNMENT_IN_PROGRESS'],
  [K.GROUP_ID_NOT_FOUND, 'GROUP_NOT_FOUND'],
  [K.TOPIC_DELETION_DISABLED, 'TOPIC_DELETION_DISABLED'],
  [K.NO_REASSIGNMENT_IN_PROGRESS, 'NO_REASSIGNMENT_IN_PROGRESS'],
  [K.GROUP_SUBSCRIBED_TO_TOPIC, 'GROUP_SUBSCRIBED_TO_TOPIC'],
  [K.RESOURCE_NOT_FOUND, 'RESOURCE_NOT_FOUND'],
  [K.UNACCEPTABLE_CREDENTIAL, 'UNACCEPTABLE_CREDENTIAL'],
]);

/** The catalogue code for a Kafka error code (KAFKA_ERROR, a 500, for one we do not answer specially). */
export const apiCodeForKafkaCode = (errorCode: number): ApiErrorCode => BY_CODE.get(errorCode) ?? 'KAFKA_ERROR';

/**
 * An ApiError for a Kafka error code, carrying the broker's own message when it sent one; an error
 * without a code of its own names Kafka's (e.g. "… (Kafka error UNKNOWN_SERVER_ERROR)").
 */
export function apiErrorFromKafkaCode(errorCode: number, message: string | null, fallback: string): ApiError {
  const code = apiCodeForKafkaCode(errorCode);
  const text = message || fallback;
  return new ApiError(code, code === 'KAFKA_ERROR' ? `${text} (Kafka error ${kafkaErrorName(errorCode)})` : text);
}
