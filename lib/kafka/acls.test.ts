import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isSecurityDisabled } from './acls';
import { apiErrorFromKafkaCode } from './kafka-error-codes';

// kafkajs's own error classes, as its admin client throws them: no authorizer is not a failure.
const require = createRequire(import.meta.url);
const { createErrorFromCode } = require('kafkajs/src/protocol/error') as { createErrorFromCode: (code: number) => Error };
const { KafkaJSNumberOfRetriesExceeded, KafkaJSConnectionError } = require('kafkajs/src/errors') as Record<string, new (e: unknown, o?: unknown) => Error>;

describe('a cluster without an authorizer', () => {
  it('is recognised from SECURITY_DISABLED, also inside a retry wrapper', () => {
    const disabled = createErrorFromCode(54);
    expect(isSecurityDisabled(disabled)).toBe(true);
    expect(isSecurityDisabled(new KafkaJSNumberOfRetriesExceeded(disabled, { retryCount: 1, retryTime: 1 }))).toBe(true);
    expect(isSecurityDisabled(createErrorFromCode(31))).toBe(false);
    expect(isSecurityDisabled(new KafkaJSConnectionError('refused', { code: 'ECONNREFUSED' }))).toBe(false);
  });

  it('answers changes with 409 SECURITY_DISABLED, and authorization failures with 403', () => {
    expect(apiErrorFromKafkaCode(54, null, 'x')).toMatchObject({ status: 409, code: 'SECURITY_DISABLED' });
    expect(apiErrorFromKafkaCode(31, null, 'x')).toMatchObject({ status: 403, code: 'CLUSTER_AUTHORIZATION_FAILED' });
  });
});
