/** The one error type lib/kafka throws; route handlers turn it into `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (code: string, message: string) => new ApiError(404, code, message);
export const badRequest = (message: string, code = 'BAD_REQUEST') => new ApiError(400, code, message);

const CONNECTION_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSBrokerNotFound',
  'KafkaJSRequestTimeoutError',
  'KafkaJSConnectionClosedError',
  'KafkaJSNonRetriableError',
  'KafkaJSLockTimeout',
]);

interface KafkaJsLikeError {
  name?: string;
  type?: string;
  message?: string;
  originalError?: unknown;
}

/** True for errors that mean "the cluster cannot be reached", as opposed to a refused request. */
export function isConnectionError(error: unknown): boolean {
  const e = error as KafkaJsLikeError | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'KafkaJSNumberOfRetriesExceeded' || e.name === 'KafkaJSNonRetriableError') {
    return e.originalError ? isConnectionError(e.originalError) : true;
  }
  return CONNECTION_ERRORS.has(e.name ?? '') || /ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND/.test(e.message ?? '');
}

/** Maps a kafkajs error to an ApiError once, so no route handler needs to know kafkajs. */
export function toApiError(error: unknown, cluster: string): ApiError {
  if (error instanceof ApiError) return error;
  const e = (error ?? {}) as KafkaJsLikeError;
  if (isConnectionError(error)) {
    return new ApiError(503, 'CLUSTER_UNREACHABLE', `Cannot reach cluster "${cluster}": ${e.message ?? 'no broker answered'}`);
  }
  switch (e.type) {
    case 'UNKNOWN_TOPIC_OR_PARTITION':
      return new ApiError(404, 'TOPIC_NOT_FOUND', e.message ?? 'Unknown topic');
    case 'TOPIC_ALREADY_EXISTS':
      return new ApiError(409, 'TOPIC_EXISTS', e.message ?? 'Topic already exists');
    case 'GROUP_ID_NOT_FOUND':
      return new ApiError(404, 'GROUP_NOT_FOUND', e.message ?? 'Unknown group');
    case 'NON_EMPTY_GROUP':
    case 'UNKNOWN_MEMBER_ID':
    case 'ILLEGAL_GENERATION':
    case 'REBALANCE_IN_PROGRESS':
      // Offsets committed from outside a group are refused once it has members again.
      return new ApiError(409, 'GROUP_NOT_EMPTY', 'The group has active members now; stop its consumers first');
    case 'INVALID_TOPIC_EXCEPTION':
    case 'INVALID_PARTITIONS':
    case 'INVALID_REPLICATION_FACTOR':
    case 'INVALID_CONFIG':
    case 'INVALID_REQUEST':
    case 'POLICY_VIOLATION':
      return new ApiError(400, e.type, e.message ?? 'Invalid request');
    default:
      return new ApiError(500, 'INTERNAL', e.message ?? 'Unexpected error');
  }
}
