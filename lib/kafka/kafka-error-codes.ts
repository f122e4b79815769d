import { ApiError } from './errors';

/** Kafka error codes we answer differently, by the HTTP status that fits them. */
const BY_CODE: Record<number, { status: number; code: string }> = {
  3: { status: 404, code: 'TOPIC_NOT_FOUND' },
  5: { status: 503, code: 'PARTITION_NOT_AVAILABLE' },
  6: { status: 503, code: 'PARTITION_NOT_AVAILABLE' },
  7: { status: 503, code: 'REQUEST_TIMED_OUT' },
  14: { status: 503, code: 'COORDINATOR_NOT_AVAILABLE' },
  15: { status: 503, code: 'COORDINATOR_NOT_AVAILABLE' },
  16: { status: 503, code: 'COORDINATOR_NOT_AVAILABLE' },
  17: { status: 400, code: 'INVALID_TOPIC' },
  29: { status: 403, code: 'TOPIC_AUTHORIZATION_FAILED' },
  36: { status: 409, code: 'TOPIC_EXISTS' },
  37: { status: 400, code: 'INVALID_PARTITIONS' },
  38: { status: 400, code: 'INVALID_REPLICATION_FACTOR' },
  39: { status: 400, code: 'INVALID_REPLICA_ASSIGNMENT' },
  40: { status: 400, code: 'INVALID_CONFIG' },
  41: { status: 503, code: 'NOT_CONTROLLER' },
  42: { status: 400, code: 'INVALID_REQUEST' },
  44: { status: 400, code: 'POLICY_VIOLATION' },
  73: { status: 409, code: 'TOPIC_DELETION_DISABLED' },
};

/** An ApiError for a Kafka error code, carrying the broker's own message when it sent one. */
export function apiErrorFromKafkaCode(errorCode: number, message: string | null, fallback: string): ApiError {
  const known = BY_CODE[errorCode] ?? { status: 500, code: `KAFKA_ERROR_${errorCode}` };
  return new ApiError(known.status, known.code, message || fallback);
}
