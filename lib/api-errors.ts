/**
 * The one error catalogue (issue 17): every `error.code` the API answers, with the one HTTP status
 * it is answered with. The server builds its errors from a code alone (lib/kafka/errors.ts
 * `ApiError`, lib/http.ts `errorResponse`), so a status cannot disagree with its code; the browser
 * types `ApiRequestError.code` with the same union. No server-only imports: the browser reads it.
 *
 * Like Kafka UI's ErrorCode enum: the same condition answers the same code and status on every
 * route (a partition without a leader is 503 PARTITION_NOT_AVAILABLE wherever it is met).
 */
export const API_ERROR_STATUS = {
  // The request itself
  INVALID_INPUT: 400,
  MALFORMED_JSON: 400,
  MALFORMED_PATH: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  READ_ONLY: 403,
  CROSS_SITE_REQUEST: 403,
  HOST_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  AUTH_DISABLED: 404,
  METHOD_NOT_ALLOWED: 405,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
  AUTH_CONFIG_INVALID: 503,

  // Clusters and brokers
  CLUSTER_NOT_FOUND: 404,
  BROKER_NOT_FOUND: 404,
  UNKNOWN_BROKER: 400,
  CLUSTER_UNREACHABLE: 503,
  CLUSTER_CONFIG_INVALID: 503,
  KAFKA_AUTH_FAILED: 503,
  KAFKA_TLS_FAILED: 503,
  NOT_CONTROLLER: 503,
  REQUEST_TIMED_OUT: 503,
  UNSUPPORTED_BY_BROKER: 501,
  /** Kafka refused with an error we have no better code for; the message names it. */
  KAFKA_ERROR: 500,
  EMPTY_RESPONSE: 502,
  CHANGE_NOT_CONFIRMED: 504,
  TOPIC_AUTHORIZATION_FAILED: 403,
  GROUP_AUTHORIZATION_FAILED: 403,
  CLUSTER_AUTHORIZATION_FAILED: 403,
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: 403,
  SECURITY_DISABLED: 409,

  // Topics, partitions, messages
  TOPIC_NOT_FOUND: 404,
  TOPIC_EXISTS: 409,
  TOPIC_DELETION_DISABLED: 409,
  INTERNAL_TOPIC: 403,
  INVALID_TOPIC: 400,
  INVALID_PARTITIONS: 400,
  INVALID_REPLICATION_FACTOR: 400,
  INVALID_REPLICA_ASSIGNMENT: 400,
  INVALID_CONFIG: 400,
  INVALID_REQUEST: 400,
  POLICY_VIOLATION: 400,
  /** A partition number the topic does not have, wherever the request names it (body or query). */
  UNKNOWN_PARTITION: 400,
  /** The partition has no leader now (offline, or its leader moving): try again. */
  PARTITION_NOT_AVAILABLE: 503,
  OFFSET_OUT_OF_RANGE: 400,
  OFFSETS_UNAVAILABLE: 503,
  MESSAGE_NOT_FOUND: 404,
  UNREADABLE_BATCH: 422,

  // Consumer groups
  GROUP_NOT_FOUND: 404,
  GROUP_NOT_EMPTY: 409,
  GROUP_SUBSCRIBED_TO_TOPIC: 409,
  SHARE_GROUP_UNSUPPORTED: 409,
  COORDINATOR_NOT_AVAILABLE: 503,
  OFFSETS_NOT_FOUND: 404,

  // Reassignments, users
  INVALID_PLAN: 400,
  REASSIGNMENT_IN_PROGRESS: 409,
  NO_REASSIGNMENT_IN_PROGRESS: 409,
  USER_NOT_FOUND: 404,
  RESOURCE_NOT_FOUND: 404,
  OWN_LOGIN: 409,
  UNACCEPTABLE_CREDENTIAL: 400,

  // Kafka Connect
  CONNECT_CLUSTER_NOT_FOUND: 404,
  CONNECT_NOT_FOUND: 404,
  CONNECT_CONFLICT: 409,
  CONNECT_BAD_REQUEST: 400,
  // A connector config carrying the mask ("[hidden]") for a secret the connector does not have.
  SECRET_MASKED: 400,
  /** The worker refused the dashboard's own credentials: not the user's session, so not 401/403. */
  CONNECT_UNAUTHORIZED: 502,
  CONNECT_ERROR: 502,
  CONNECT_UNAVAILABLE: 503,

  // Schema registry
  SCHEMA_REGISTRY_NOT_CONFIGURED: 404,
  NO_SCHEMA_REGISTRY: 400,
  SCHEMA_REGISTRY_UNAVAILABLE: 503,
  SCHEMA_REGISTRY_REFUSED: 502,
  /** The registry answered something it should not have (e.g. no compatibility level). */
  SCHEMA_REGISTRY_ERROR: 502,
  /** The registry refused a request with a 4xx it did not explain (no error_code we know); its message passed on. */
  SCHEMA_REGISTRY_REJECTED: 400,
  SCHEMA_REGISTRY_CONFLICT: 409,
  SUBJECT_NOT_FOUND: 404,
  SUBJECT_SOFT_DELETED: 404,
  VERSION_NOT_FOUND: 404,
  VERSION_SOFT_DELETED: 404,
  SCHEMA_NOT_FOUND: 404,
  NOT_SOFT_DELETED: 409,
  INCOMPATIBLE_SCHEMA: 409,
  SCHEMA_REFERENCED: 409,
  INVALID_SCHEMA: 422,
  INVALID_COMPATIBILITY_LEVEL: 422,
  INVALID_VERSION: 400,
  INVALID_SUBJECT: 400,
  SCHEMA_VALIDATION: 400,
  /** A schema the registry holds that cannot encode (e.g. a protobuf schema without messages). */
  UNUSABLE_SCHEMA: 400,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** The codes answered with HTTP status `S` (e.g. `CodeWithStatus<404>` for the not-found helper). */
export type CodeWithStatus<S extends number> = { [C in ApiErrorCode]: (typeof API_ERROR_STATUS)[C] extends S ? C : never }[ApiErrorCode];

/** The status a code is answered with. */
export const statusOf = (code: ApiErrorCode): number => API_ERROR_STATUS[code];

export const isApiErrorCode = (code: string): code is ApiErrorCode => Object.hasOwn(API_ERROR_STATUS, code);
