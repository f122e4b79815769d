import { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError, type Producer, type RecordMetadata } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { sendWithRetries, writeFailure } from './producer';

const brokerSaid = (type: string, message: string) =>
  new KafkaJSNumberOfRetriesExceeded(
    new KafkaJSProtocolError(Object.assign(new Error(message), { type, code: 0, retriable: true }) as unknown as Error),
    { retryCount: 1, retryTime: 300 },
  );
const notHosted = () => brokerSaid('UNKNOWN_TOPIC_OR_PARTITION', 'This server does not host this topic-partition');
const written: RecordMetadata[] = [{ topicName: 't', partition: 0, errorCode: 0, baseOffset: '7' }];

/** A producer whose sends answer `answers` in turn (an Error is thrown), counting the tries. */
function producerAnswering(answers: (Error | RecordMetadata[])[]) {
  let tries = 0;
  const send = async () => {
    const answer = answers[Math.min(tries++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { producer: { send } as unknown as Producer, tries: () => tries };
}

const record = { topic: 't', acks: -1, messages: [{ value: 'v' }] };

describe('sendWithRetries', () => {
  it('sends again after stale-partition answers until the broker takes the batch', async () => {
    const { producer, tries } = producerAnswering([notHosted(), brokerSaid('NOT_LEADER_FOR_PARTITION', 'moved'), brokerSaid('LEADER_NOT_AVAILABLE', 'electing'), written]);
    await expect(sendWithRetries(producer, record, 5000)).resolves.toBe(written);
    expect(tries()).toBe(4);
  });

  it('gives up with the broker\'s answer when the delivery timeout has passed', async () => {
    const { producer, tries } = producerAnswering([notHosted()]);
    const started = Date.now();
    await expect(sendWithRetries(producer, record, 700)).rejects.toMatchObject({ name: 'KafkaJSNumberOfRetriesExceeded' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(tries()).toBeGreaterThanOrEqual(3); // 100, 200, 400 ms apart
  });

  it('throws any other failure at once', async () => {
    const { producer, tries } = producerAnswering([brokerSaid('MESSAGE_TOO_LARGE', 'too large')]);
    await expect(sendWithRetries(producer, record, 5000)).rejects.toMatchObject({ message: 'too large' });
    expect(tries()).toBe(1);
  });
});

describe('writeFailure', () => {
  const messages = [0, 1, 2, 0, 1, 2].map((partition) => ({ partition }));

  it('names the partitions not written, with exact counts, under 503 PARTITION_NOT_AVAILABLE', () => {
    const error = writeFailure('c', 'orders', notHosted(), new Map([[0, 2], [2, 2]]), messages);
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
