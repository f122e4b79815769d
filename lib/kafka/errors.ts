import { randomUUID } from 'node:crypto';
import { type ApiErrorCode, type CodeWithStatus, statusOf } from '@/lib/api-errors';
import { UnsupportedApiError } from './protocol/api';

/**
 * The one error type lib/kafka throws; route handlers turn it into `{ error: { code, message } }`.
 * Built from a code of the catalogue (lib/api-errors.ts), which fixes its status.
 */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.status = statusOf(code);
    this.name = 'ApiError';
  }
}

/**
 * A failure that is not Kafka's nor the user's (a bug): answered as a generic 500 with a request
 * id, its message and stack only in the server log (lib/http.ts).
 */
export class UnexpectedError extends ApiError {
  constructor(readonly cause: unknown) {
    super('INTERNAL', 'Unexpected server error');
    this.name = 'UnexpectedError';
  }
}

export const notFound = (code: CodeWithStatus<404>, message: string) => new ApiError(code, message);
export const badRequest = (message: string, code: CodeWithStatus<400> = 'INVALID_INPUT') => new ApiError(code, message);

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
  cause?: unknown;
}

/**
 * The error a kafkajs wrapper wraps. kafkajs 2.2.4 puts it in `cause` (KafkaJSNumberOfRetriesExceeded,
 * KafkaJSNonRetriableError from its retrier); `originalError` is kept for older shapes.
 */
const wrapped = (e: KafkaJsLikeError) => (e.originalError ?? e.cause) as KafkaJsLikeError | undefined;

/** True for errors that mean "the cluster cannot be reached", as opposed to a refused request. */
export function isConnectionError(error: unknown): boolean {
  const e = error as KafkaJsLikeError | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'KafkaJSNumberOfRetriesExceeded' || e.name === 'KafkaJSNonRetriableError') {
    // Retries of "not the leader" are exhausted by a broker that answered: the cluster was reached.
    const inner = wrapped(e);
    return inner && inner !== e ? isConnectionError(inner) : true;
  }
  return CONNECTION_ERRORS.has(e.name ?? '') || /ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND/.test(e.message ?? '');
}

/** An error and the errors kafkajs wrapped in it (retries, non-retriable wrappers), outermost first. */
export function causes(error: unknown): KafkaJsLikeError[] {
  const chain: KafkaJsLikeError[] = [];
  for (let e = error as KafkaJsLikeError | undefined; e && typeof e === 'object' && !chain.includes(e) && chain.length < 10; e = wrapped(e)) chain.push(e);
  return chain;
}

function authenticationReason(error: unknown): string {
  const chain = causes(error);
  const message = (chain.find((e) => e.name === 'KafkaJSSASLAuthenticationError') ?? chain.at(-1))?.message ?? '';
  return /authentication failed/i.test(message) ? message : `authentication failed${message ? ` (${message})` : ''}`;
}

/** The messages of an error and of the errors kafkajs wrapped in it. */
function causeMessages(error: unknown): string {
  return [
    ...new Set(
      causes(error)
        .map((e) => e.message)
        .filter(Boolean),
    ),
  ].join(': ');
}

/**
 * Node's TLS errors in words an operator can act on: which side's certificate is the problem.
 * Null when the message is not about TLS.
 */
export function tlsFailure(message: string): string | null {
  if (/alert (bad certificate|certificate required|unknown ca)|alert number (42|48|116)/i.test(message)) {
    return `the brokers refused the dashboard's client certificate (set ssl.certFile and ssl.keyFile to one signed by a CA they trust): ${message.trim()}`;
  }
  if (
    /unable to verify|self[- ]signed certificate|certificate has expired|unable to get (local )?issuer|Hostname\/IP does not match|ERR_TLS_CERT/i.test(message)
  ) {
    return `the brokers' certificate is not trusted (check ssl.caFile, or the broker address against the certificate): ${message.trim()}`;
  }
  if (/wrong version number|packet length too long/i.test(message)) {
    return `the brokers do not speak TLS on this port (is "ssl" set for a plaintext listener?): ${message.trim()}`;
  }
  return null;
}

const AUTH_ERROR_TYPES = new Set(['SASL_AUTHENTICATION_FAILED', 'ILLEGAL_SASL_STATE', 'UNSUPPORTED_SASL_MECHANISM']);

/** True when the brokers refused the dashboard's credentials (SASL), however kafkajs wrapped it. */
export function isAuthenticationError(error: unknown): boolean {
  return causes(error).some((e) => e.name === 'KafkaJSSASLAuthenticationError' || AUTH_ERROR_TYPES.has(e.type ?? ''));
}

/** The broker's error type (e.g. UNKNOWN_TOPIC_OR_PARTITION), looking through kafkajs's retry wrappers. */
export function kafkaErrorType(error: unknown): string | undefined {
  return causes(error).find((e) => e.type)?.type;
}

/** Maps a kafkajs error to an ApiError once, so no route handler needs to know kafkajs. */
export function toApiError(error: unknown, cluster: string): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof UnsupportedApiError) return new ApiError(error.code, error.message);
  const e = (error ?? {}) as KafkaJsLikeError;
  if (isAuthenticationError(error)) {
    // kafkajs's message names the mechanism and the broker's reason, never the password.
    const reason = authenticationReason(error);
    return new ApiError('KAFKA_AUTH_FAILED', `Kafka refused the dashboard's credentials for cluster "${cluster}": ${reason}`);
  }
  const tlsReason = tlsFailure(causeMessages(error));
  if (tlsReason) return new ApiError('KAFKA_TLS_FAILED', `TLS with cluster "${cluster}" failed: ${tlsReason}`);
  if (isConnectionError(error)) {
    return new ApiError('CLUSTER_UNREACHABLE', `Cannot reach cluster "${cluster}": ${e.message ?? 'no broker answered'}`);
  }
  const type = kafkaErrorType(error);
  switch (type) {
    case 'UNKNOWN_TOPIC_OR_PARTITION':
      return new ApiError('TOPIC_NOT_FOUND', e.message ?? 'Unknown topic');
    case 'TOPIC_ALREADY_EXISTS':
      return new ApiError('TOPIC_EXISTS', e.message ?? 'Topic already exists');
    case 'GROUP_ID_NOT_FOUND':
      return new ApiError('GROUP_NOT_FOUND', e.message ?? 'Unknown group');
    case 'NON_EMPTY_GROUP':
    case 'UNKNOWN_MEMBER_ID':
    case 'ILLEGAL_GENERATION':
    case 'REBALANCE_IN_PROGRESS':
      // Offsets committed from outside a group are refused once it has members again.
      return new ApiError('GROUP_NOT_EMPTY', 'The group has active members now; stop its consumers first');
    case 'NOT_LEADER_FOR_PARTITION':
    case 'LEADER_NOT_AVAILABLE':
      // A broker answered: the partition's leader is moving or not yet known, the cluster is reachable.
      return new ApiError('PARTITION_NOT_AVAILABLE', `${e.message ?? 'The partition has no leader now'}; try again in a few seconds`);
    case 'GROUP_COORDINATOR_NOT_AVAILABLE':
    case 'GROUP_LOAD_IN_PROGRESS':
    case 'NOT_COORDINATOR_FOR_GROUP':
      return new ApiError('COORDINATOR_NOT_AVAILABLE', `${e.message ?? 'The group coordinator is not available'}; try again in a few seconds`);
    case 'INVALID_TOPIC_EXCEPTION':
      return new ApiError('INVALID_TOPIC', e.message ?? 'Invalid topic');
    case 'INVALID_PARTITIONS':
    case 'INVALID_REPLICATION_FACTOR':
    case 'INVALID_CONFIG':
    case 'INVALID_REQUEST':
    case 'POLICY_VIOLATION':
      return new ApiError(type, e.message ?? 'Invalid request');
    default:
      // Kafka's own refusals are worth passing on; anything else is a bug whose text stays in the log.
      return type || e.name?.startsWith('KafkaJS') ? new ApiError('KAFKA_ERROR', e.message ?? `Kafka answered ${type}`) : new UnexpectedError(error);
  }
}

/**
 * What the user is told about an error that ends a stream (SSE, upload progress): the ApiError's
 * code and message, or for anything unexpected only a request id, the stack going to the log.
 */
export function userFacingError(error: unknown, cluster: string, context: string): { code: ApiErrorCode; message: string; requestId?: string } {
  const apiError = toApiError(error, cluster);
  return apiError instanceof UnexpectedError ? logUnexpected(apiError.cause, context) : { code: apiError.code, message: apiError.message };
}

/**
 * Logs an error nobody expected with its stack under a new request id, and answers what the user
 * is told instead: only that id, never an internal message ("Cannot read properties of undefined …").
 */
export function logUnexpected(cause: unknown, context: string): { code: 'INTERNAL'; message: string; requestId: string } {
  const requestId = randomUUID();
  console.error(`[${requestId}] Unexpected error ${context}`, cause);
  return { code: 'INTERNAL', message: `Unexpected server error; the server log has the details under request id ${requestId}`, requestId };
}
