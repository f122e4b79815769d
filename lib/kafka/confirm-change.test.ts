import { KafkaJSProtocolError, KafkaJSRequestTimeoutError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { applyConfirmed, type Observed } from './confirm-change';
import { ApiError } from './errors';

const brokerSaid = (type: string, message: string) =>
  new KafkaJSProtocolError(Object.assign(new Error(message), { type, code: 0, retriable: false }) as unknown as Error);

/** A change whose request fails with `failure`, and whose observations come from `seen` in turn. */
function change(failure: unknown, seen: Observed[]) {
  let asked = 0;
  return {
    asked: () => asked,
    what: 'growing "orders" to 6 partitions',
    apply: () => Promise.reject(failure),
    observe: async () => seen[Math.min(asked++, seen.length - 1)],
  };
}

describe('applyConfirmed', () => {
  it('answers success when Kafka applied the change although the request failed', async () => {
    // What Kafka 4.3's CreatePartitions does past 10,000 new partitions: applies, then answers this.
    const c = change(brokerSaid('UNKNOWN_SERVER_ERROR', 'The server experienced an unexpected error'), [
      { applied: false, state: '"orders" has 3 partitions' },
      { applied: true, state: '"orders" has 6 partitions' },
    ]);
    await expect(applyConfirmed('c', c, 2000)).resolves.toBeUndefined();
    expect(c.asked()).toBe(2);
  });

  it('passes a refusal on without asking: nothing changed', async () => {
    const c = change(new ApiError('INVALID_CONFIG', 'Unknown topic config name: foo'), [{ applied: true, state: '' }]);
    await expect(applyConfirmed('c', c, 2000)).rejects.toMatchObject({ status: 400, code: 'INVALID_CONFIG' });
    expect(c.asked()).toBe(0);
  });

  it('answers 504 with what Kafka shows when a timed-out change is not visible (it may still happen)', async () => {
    const timeout = new KafkaJSRequestTimeoutError('Request CreatePartitions(key: 37, version: 1) timed out', {
      broker: 'b',
      correlationId: 1,
      createdAt: 0,
      sentAt: 0,
      pendingDuration: 0,
    } as never);
    const c = change(timeout, [{ applied: false, state: '"orders" has 3 partitions' }]);
    const error = await applyConfirmed('c', c, 300).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 504, code: 'CHANGE_NOT_CONFIRMED' });
    expect((error as Error).message).toBe(
      'Kafka did not confirm growing "orders" to 6 partitions in time, and "orders" has 3 partitions. It may still apply it: look again before retrying',
    );
  });

  it('keeps the failure when Kafka cannot be asked either', async () => {
    const failure = brokerSaid('UNKNOWN_SERVER_ERROR', 'unexpected');
    const c = { what: 'x', apply: () => Promise.reject(failure), observe: () => Promise.reject(new Error('unreachable')) };
    await expect(applyConfirmed('c', c, 300)).rejects.toBe(failure);
  });

  it('says what Kafka shows beside a failure that did not apply', async () => {
    const c = change(brokerSaid('UNKNOWN_SERVER_ERROR', 'unexpected'), [{ applied: false, state: '"orders" has 10003 partitions' }]);
    const error = await applyConfirmed('c', c, 300).catch((e: unknown) => e);
    expect((error as ApiError).message).toMatch(/\(growing "orders" to 6 partitions; now "orders" has 10003 partitions\)$/);
  });
});
