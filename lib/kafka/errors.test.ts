import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { ApiError, isConnectionError, tlsFailure, toApiError } from './errors';
import { UnsupportedApiError } from './protocol/api';

const kafkaJsError = (name: string, extra: object = {}) => Object.assign(new Error('boom'), { name, ...extra });

describe('toApiError', () => {
  it('maps an API the broker does not speak to 501 UNSUPPORTED_BY_BROKER', () => {
    const error = toApiError(new UnsupportedApiError('ElectLeaders', { minVersion: 0, maxVersion: 1 }, [2]), 'prod');
    expect([error.status, error.code, error.message]).toEqual([501, 'UNSUPPORTED_BY_BROKER', 'This broker speaks ElectLeaders v0–v1; the dashboard needs v2']);
  });

  it('maps unreachable brokers to 503 CLUSTER_UNREACHABLE', () => {
    const error = toApiError(kafkaJsError('KafkaJSConnectionError'), 'prod');
    expect([error.status, error.code]).toEqual([503, 'CLUSTER_UNREACHABLE']);
    expect(error.message).toContain('"prod"');
  });

  it('maps refused SASL credentials, however wrapped, to 503 KAFKA_AUTH_FAILED', () => {
    const sasl = Object.assign(new Error('SASL SCRAM SHA512 authentication failed: invalid credentials'), { name: 'KafkaJSSASLAuthenticationError' });
    const wrapped = kafkaJsError('KafkaJSNonRetriableError', { originalError: sasl });
    const error = toApiError(wrapped, 'prod');
    expect([error.status, error.code]).toEqual([503, 'KAFKA_AUTH_FAILED']);
    expect(error.message).toBe(`Kafka refused the dashboard's credentials for cluster "prod": ${sasl.message}`);
    const byType = toApiError(kafkaJsError('KafkaJSProtocolError', { type: 'SASL_AUTHENTICATION_FAILED' }), 'prod');
    expect(byType.code).toBe('KAFKA_AUTH_FAILED');
    expect(byType.message).toMatch(/authentication failed \(boom\)$/);
  });

  it('names which side of a failed TLS handshake is wrong', () => {
    const refused = kafkaJsError('KafkaJSConnectionError', { message: 'Connection error: ssl3_read_bytes:sslv3 alert bad certificate:SSL alert number 42' });
    expect(toApiError(refused, 'c').code).toBe('KAFKA_TLS_FAILED');
    expect(toApiError(refused, 'c').message).toMatch(/refused the dashboard's client certificate/);
    const untrusted = kafkaJsError('KafkaJSNumberOfRetriesExceeded', {
      originalError: Object.assign(new Error('Connection error: self-signed certificate in certificate chain'), { name: 'KafkaJSConnectionError' }),
    });
    expect(toApiError(untrusted, 'c').message).toMatch(/^TLS with cluster "c" failed: the brokers' certificate is not trusted/);
    expect(tlsFailure('Connection error: connect ECONNREFUSED 127.0.0.1:9093')).toBeNull();
  });

  it('maps a broker error wrapped by kafkajs retries by its type', () => {
    const wrapped = kafkaJsError('KafkaJSNumberOfRetriesExceeded', {
      originalError: kafkaJsError('KafkaJSProtocolError', { type: 'GROUP_COORDINATOR_NOT_AVAILABLE' }),
    });
    expect([toApiError(wrapped, 'c').status, toApiError(wrapped, 'c').code]).toEqual([503, 'COORDINATOR_NOT_AVAILABLE']);
  });

  it('looks through retries-exceeded to the cause', () => {
    const wrapped = kafkaJsError('KafkaJSNumberOfRetriesExceeded', { originalError: kafkaJsError('KafkaJSConnectionError') });
    expect(isConnectionError(wrapped)).toBe(true);
    const refused = kafkaJsError('KafkaJSNumberOfRetriesExceeded', {
      originalError: kafkaJsError('KafkaJSProtocolError', { type: 'TOPIC_ALREADY_EXISTS' }),
    });
    expect(isConnectionError(refused)).toBe(false);
  });

  // kafkajs 2.2.4's own classes, wrapped as its retrier wraps them: the inner error is in `cause`.
  const brokerSaid = (type: string, message: string) =>
    new KafkaJSProtocolError(Object.assign(new Error(message), { type, code: 0, retriable: true }) as unknown as Error);
  const retriesExceeded = (inner: Error) => new KafkaJSNumberOfRetriesExceeded(inner, { retryCount: 1, retryTime: 300 });

  it('never calls a cluster unreachable when a broker answered, however kafkajs wrapped the answer', () => {
    const notHosted = retriesExceeded(brokerSaid('UNKNOWN_TOPIC_OR_PARTITION', 'This server does not host this topic-partition'));
    expect(isConnectionError(notHosted)).toBe(false);
    expect(toApiError(notHosted, 'c').code).toBe('TOPIC_NOT_FOUND');
    for (const type of ['NOT_LEADER_FOR_PARTITION', 'LEADER_NOT_AVAILABLE']) {
      const moved = retriesExceeded(brokerSaid(type, 'leader moving'));
      expect([toApiError(moved, 'c').status, toApiError(moved, 'c').code]).toEqual([503, 'PARTITION_NOT_AVAILABLE']);
    }
    // As kafkajs's retrier wraps a non-retriable answer (its typings omit the options argument).
    const exists = brokerSaid('TOPIC_ALREADY_EXISTS', 'exists');
    const refused = new (KafkaJSNonRetriableError as unknown as new (e: Error, o: { cause: Error }) => Error)(exists, { cause: exists });
    expect(toApiError(refused, 'c').code).toBe('TOPIC_EXISTS');
    const down = retriesExceeded(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:19092'));
    expect(toApiError(down, 'c').code).toBe('CLUSTER_UNREACHABLE');
  });

  it.each([
    ['UNKNOWN_TOPIC_OR_PARTITION', 404],
    ['TOPIC_ALREADY_EXISTS', 409],
    ['GROUP_ID_NOT_FOUND', 404],
    ['NON_EMPTY_GROUP', 409],
    ['INVALID_REPLICATION_FACTOR', 400],
    ['INVALID_CONFIG', 400],
  ])('maps broker error %s to %i', (type, status) => {
    expect(toApiError(kafkaJsError('KafkaJSProtocolError', { type }), 'c').status).toBe(status);
  });

  it('keeps ApiErrors as they are and makes anything else a 500', () => {
    const own = new ApiError('INVALID_INPUT', 'bad');
    expect(toApiError(own, 'c')).toBe(own);
    expect(toApiError(new TypeError('x'), 'c').status).toBe(500);
  });
});
