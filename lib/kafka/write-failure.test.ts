import { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { writeFailure } from './write-failure';

const brokerSaid = (type: string, message: string) =>
  new KafkaJSNumberOfRetriesExceeded(new KafkaJSProtocolError(Object.assign(new Error(message), { type, code: 0, retriable: true }) as unknown as Error), {
    retryCount: 1,
    retryTime: 300,
  });
const notHosted = () => brokerSaid('UNKNOWN_TOPIC_OR_PARTITION', 'This server does not host this topic-partition');

describe('writeFailure', () => {
  const messages = [0, 1, 2, 0, 1, 2].map((partition) => ({ partition }));

  it('names the partitions not written, with exact counts, under 503 PARTITION_NOT_AVAILABLE', () => {
    const error = writeFailure(
      'c',
      'orders',
      notHosted(),
      new Map([
        [0, 2],
        [2, 2],
      ]),
      messages,
    );
    expect(error).toMatchObject({ status: 503, code: 'PARTITION_NOT_AVAILABLE' });
    expect((error as Error).message).toBe(
      'Kafka took no writes to partition 1 of "orders" for 30 s: This server does not host this topic-partition (UNKNOWN_TOPIC_OR_PARTITION); try again in a few seconds. ' +
        '4 of 6 messages were written (partition 0: 2, partition 2: 2), none to partition 1.',
    );
  });

  it('leaves a failure that wrote nothing and is not about partitions for the usual mapping', () => {
    const failure = new Error('Connection error: connect ECONNREFUSED');
    expect(writeFailure('c', 'orders', failure, new Map(), messages)).toBe(failure);
  });
});
