import { describe, expect, it } from 'vitest';
import { createGate } from '@/server/gate.mjs';
import { API_ERROR_STATUS, type ApiErrorCode, isApiErrorCode, statusOf } from './api-errors';
import { connectErrorCode } from './kafka/connect/client';
import { ApiError, badRequest, notFound, toApiError } from './kafka/errors';
import { apiCodeForKafkaCode, apiErrorFromKafkaCode, KafkaErrorCode, kafkaErrorName } from './kafka/kafka-error-codes';
import { kafkaErrorFromCode } from './kafka/protocol';
import { RegistryRequestError, RegistryUnavailableError, toApiError as registryApiError } from './kafka/schema-registry/client';

const codes = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];
/** Every error code Kafka defines, as kafkajs knows them (-1 … 119), and a few it does not. */
const KAFKA_CODES = [...Array.from({ length: 125 }, (_, i) => i - 1), 200, 9999];

describe('the error catalogue', () => {
  it('gives every code one HTTP error status', () => {
    expect(codes.length).toBeGreaterThan(50);
    for (const code of codes) expect([code, statusOf(code)]).toEqual([code, expect.any(Number)]);
    for (const code of codes) expect(statusOf(code) >= 400 && statusOf(code) <= 599, code).toBe(true);
    expect(isApiErrorCode('TOPIC_NOT_FOUND')).toBe(true);
    expect(isApiErrorCode('__proto__')).toBe(false);
    expect(isApiErrorCode('PARTITION_NOT_FOUND')).toBe(false);
  });

  it('answers the conditions issue 17 found answered differently with one code and status', () => {
    expect(new ApiError('PARTITION_NOT_AVAILABLE', 'x').status).toBe(503);
    expect(badRequest('x', 'UNKNOWN_PARTITION').status).toBe(400);
    expect(badRequest('x')).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect(notFound('GROUP_NOT_FOUND', 'x').status).toBe(404);
    for (const code of ['PARTITION_OFFLINE', 'PARTITION_NOT_FOUND', 'INVALID_TOPIC_EXCEPTION', 'BAD_REQUEST']) expect(isApiErrorCode(code), code).toBe(false);
    // Kafka's error codes and kafkajs's error types for one condition agree.
    for (const [kafkaCode, type] of [
      [5, 'LEADER_NOT_AVAILABLE'],
      [6, 'NOT_LEADER_FOR_PARTITION'],
      [17, 'INVALID_TOPIC_EXCEPTION'],
      [3, 'UNKNOWN_TOPIC_OR_PARTITION'],
      [69, 'GROUP_ID_NOT_FOUND'],
    ] as const) {
      const byType = toApiError(Object.assign(new Error('x'), { name: 'KafkaJSProtocolError', type }), 'c');
      expect([type, apiErrorFromKafkaCode(kafkaCode, null, 'x').code, apiErrorFromKafkaCode(kafkaCode, null, 'x').status]).toEqual([
        type,
        byType.code,
        byType.status,
      ]);
    }
  });
});

describe('the mappers answer catalogue codes only', () => {
  it('maps every Kafka error code, by number and as kafkajs throws it', () => {
    for (const kafkaCode of KAFKA_CODES) {
      expect(isApiErrorCode(apiCodeForKafkaCode(kafkaCode)), String(kafkaCode)).toBe(true);
      const error = apiErrorFromKafkaCode(kafkaCode, null, 'failed');
      expect(error.status).toBe(statusOf(error.code));
      if (kafkaCode === 0) continue;
      const thrown = toApiError(kafkaErrorFromCode(kafkaCode), 'c');
      expect(isApiErrorCode(thrown.code), `${kafkaCode} → ${thrown.code}`).toBe(true);
      expect(thrown.status).toBe(statusOf(thrown.code));
    }
  });

  it('names Kafka error codes by their protocol names', () => {
    expect(KafkaErrorCode.GROUP_ID_NOT_FOUND).toBe(69);
    expect(kafkaErrorName(KafkaErrorCode.OFFSET_OUT_OF_RANGE)).toBe('OFFSET_OUT_OF_RANGE');
    expect(kafkaErrorName(12345)).toBe('KAFKA_ERROR_12345');
    // kafkajs 2.2.4 types the errors it throws with Kafka's names, some older (toApiError reads those).
    const older = new Map<number, string>([
      [-1, 'UNKNOWN'],
      [6, 'NOT_LEADER_FOR_PARTITION'],
      [14, 'GROUP_LOAD_IN_PROGRESS'],
      [15, 'GROUP_COORDINATOR_NOT_AVAILABLE'],
      [16, 'NOT_COORDINATOR_FOR_GROUP'],
    ]);
    const unknownToKafkajs = new Set<number>([KafkaErrorCode.NONE, KafkaErrorCode.RESOURCE_NOT_FOUND, KafkaErrorCode.UNACCEPTABLE_CREDENTIAL]);
    for (const [name, code] of Object.entries(KafkaErrorCode)) {
      if (!unknownToKafkajs.has(code)) expect((kafkaErrorFromCode(code) as { type?: string }).type, name).toBe(older.get(code) ?? name);
    }
    expect(apiErrorFromKafkaCode(-1, null, 'Listing failed')).toMatchObject({
      code: 'KAFKA_ERROR',
      status: 500,
      message: 'Listing failed (Kafka error UNKNOWN_SERVER_ERROR)',
    });
  });

  it("maps the Connect worker's and the schema registry's refusals", () => {
    for (let status = 400; status < 600; status++) expect(isApiErrorCode(connectErrorCode(status)), String(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 405, 409, 415, 422, 429]) {
      for (const errorCode of [null, 40401, 40402, 40403, 40404, 40405, 40406, 40407, 409, 42201, 42202, 42203, 42206, 50001]) {
        const mapped = registryApiError(new RegistryRequestError(status, errorCode, 'no')) as ApiError;
        expect(isApiErrorCode(mapped.code), `${status}/${errorCode} → ${mapped.code}`).toBe(true);
      }
    }
    expect(registryApiError(new RegistryRequestError(401, null, 'no'))).toMatchObject({ code: 'SCHEMA_REGISTRY_REFUSED', status: 502 });
    expect(registryApiError(new RegistryUnavailableError('down'))).toMatchObject({ code: 'SCHEMA_REGISTRY_UNAVAILABLE', status: 503 });
  });

  it('agrees with the gate in front of Next (plain JavaScript, so checked here)', () => {
    const gate = createGate({});
    const request = (method: string, url: string, host = '127.0.0.1:3000') => ({
      method,
      url,
      headers: { host },
      socket: { remoteAddress: '127.0.0.1', encrypted: false },
    });
    const refusals = [gate.check(request('TRACE', '/')), gate.check(request('GET', '/%zz')), gate.check(request('GET', '/', 'evil.example'))];
    for (const refusal of refusals) {
      expect(refusal && isApiErrorCode(refusal.code), refusal?.code).toBe(true);
      expect(refusal!.status).toBe(statusOf(refusal!.code as ApiErrorCode));
    }
  });
});
