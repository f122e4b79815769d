import { afterEach, describe, expect, it, vi } from 'vitest';
import { isJsonContentType, refuseUnsafeMutation, withErrorHandling } from './http';
import { UnexpectedError, toApiError, userFacingError } from './kafka/errors';
import { PUBLIC_ORIGIN_HEADER } from '@/server/client-address.mjs';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('unexpected errors', () => {
  it('answer a generic 500 with a request id; the JavaScript message and stack only reach the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = withErrorHandling(async (_request: Request) => {
      const value = undefined as unknown as { x: number };
      return new Response(String(value.x));
    });
    const response = await handler(new Request('http://localhost/api/clusters/local/topics'));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message).not.toMatch(/Cannot read|undefined/);
    expect(body.error.message).toContain(body.error.requestId);
    expect(String(log.mock.calls[0][0])).toContain(body.error.requestId);
    expect(String((log.mock.calls[0][1] as Error).stack)).toMatch(/Cannot read properties of undefined/);
  });

  it('are told apart from Kafka refusals, whose messages are worth passing on', () => {
    expect(toApiError(new TypeError('current is not iterable'), 'local')).toBeInstanceOf(UnexpectedError);
    const refusal = Object.assign(new Error('Not authorized to access topics: [secret]'), { name: 'KafkaJSProtocolError', type: 'TOPIC_AUTHORIZATION_FAILED' });
    expect(toApiError(refusal, 'local')).toMatchObject({ status: 500, code: 'KAFKA_ERROR', message: 'Not authorized to access topics: [secret]' });
  });

  it('end a stream with a request id only', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const told = userFacingError(new TypeError('current is not iterable'), 'local', 'tailing t');
    expect(told.code).toBe('INTERNAL');
    expect(told.message).not.toContain('iterable');
    expect(told.requestId).toBeTruthy();
  });
});

describe('isJsonContentType', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON;charset=UTF-8', true],
    ['application/json; charset="utf-8"', true],
    [null, false],
    ['text/plain; x=application/json', false],
    ['application/jsonx', false],
    ['application/json; charset=latin1', false],
    ['application/json; boundary=x', false],
    ['application/vnd.api+json', false],
  ])('%j → %s', (type, expected) => {
    expect(isJsonContentType(type)).toBe(expected);
  });
});

describe('refuseUnsafeMutation', () => {
  const post = (headers: Record<string, string>) => new Request('http://127.0.0.1:3000/api/clusters/local/topics', { method: 'POST', headers });

  it('compares the Origin with this origin by scheme, host and port', () => {
    const stamped = { [PUBLIC_ORIGIN_HEADER]: 'http://127.0.0.1:3000' };
    expect(() => refuseUnsafeMutation(post({ ...stamped, origin: 'http://127.0.0.1:3000' }))).not.toThrow();
    for (const origin of ['https://127.0.0.1:3000', 'http://127.0.0.1:3001', 'http://127.0.0.1', 'null', 'http://127.0.0.1:3000.evil.example']) {
      expect(() => refuseUnsafeMutation(post({ ...stamped, origin })), origin).toThrow(/only accepted from the dashboard|unreadable Origin/);
    }
    expect(() => refuseUnsafeMutation(post({ 'sec-fetch-site': 'cross-site' }))).toThrow(/only accepted/);
    expect(() => refuseUnsafeMutation(post({}))).not.toThrow(); // curl and scripts send no Origin
  });

  it('refuses changes when READ_ONLY, except for routes that change no cluster (login, logout)', () => {
    vi.stubEnv('READ_ONLY', 'true');
    expect(() => refuseUnsafeMutation(post({}))).toThrow(/read-only/);
    expect(() => refuseUnsafeMutation(post({}), false)).not.toThrow();
    expect(() => refuseUnsafeMutation(new Request('http://x/api', { method: 'GET' }))).not.toThrow();
  });
});
