import { execFileSync } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as streamRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { readSse } from '../support/sse';
import { createTopicsWithLeaders } from '../support/topics';

const run = Date.now();
const createTopic = `it-ts-create-${run}`;
const appendTopic = `it-ts-append-${run}`;
/** A create time far from now, so the broker's append time cannot be mistaken for it. */
const PRODUCER_TIME = 1_000_000_000_000;
const kafka = new Kafka({ clientId: 'timestamp-type-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const producer = kafka.producer();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const tail = async (topic: string) =>
  (
    await readSse(
      await (streamRoute.GET as Handler)(new Request('http://localhost/api?from=earliest&live=false'), {
        params: Promise.resolve({ cluster: 'local', topic }),
      }),
    )
  ).messages;
/** kcat's JSON envelope per message: tstype is "create" or "logappend", ts the timestamp it read. */
const kcat = (topic: string) =>
  execFileSync('kcat', ['-b', LOCAL_BOOTSTRAP[0], '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-J'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { offset: number; tstype: string; ts: number });

beforeAll(async () => {
  await admin.connect();
  await createTopicsWithLeaders(admin, [
    { topic: createTopic, numPartitions: 1, replicationFactor: 1 },
    { topic: appendTopic, numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'message.timestamp.type', value: 'LogAppendTime' }] },
  ]);
  await producer.connect();
  for (const topic of [createTopic, appendTopic]) {
    await producer.send({ topic, acks: -1, messages: [1, 2, 3].map((i) => ({ value: `m${i}`, timestamp: String(PRODUCER_TIME + i) })) });
  }
});

afterAll(async () => {
  await producer.disconnect();
  await admin.deleteTopics({ topics: [createTopic, appendTopic] }).catch(() => {});
  await admin.disconnect();
});

describe('timestamp type', () => {
  it('is CreateTime with the producer’s timestamps on a default topic, as kcat reads them', async () => {
    const messages = await tail(createTopic);
    const reference = kcat(createTopic);
    expect(reference.map((r) => r.tstype)).toEqual(['create', 'create', 'create']);
    expect(messages.map((m) => m.timestampType)).toEqual(['CreateTime', 'CreateTime', 'CreateTime']);
    expect(messages.map((m) => m.timestamp)).toEqual(reference.map((r) => r.ts));
    expect(messages.map((m) => m.timestamp)).toEqual([PRODUCER_TIME + 1, PRODUCER_TIME + 2, PRODUCER_TIME + 3]);
  });

  it('is LogAppendTime with the broker’s time on a topic with message.timestamp.type=LogAppendTime, as kcat reads them', async () => {
    const messages = await tail(appendTopic);
    const reference = kcat(appendTopic);
    expect(reference.map((r) => r.tstype)).toEqual(['logappend', 'logappend', 'logappend']);
    expect(messages.map((m) => m.timestampType)).toEqual(['LogAppendTime', 'LogAppendTime', 'LogAppendTime']);
    expect(messages.map((m) => m.timestamp)).toEqual(reference.map((r) => r.ts));
    // The broker's clock, not the producer's.
    expect(Math.abs(messages[0].timestamp - Date.now())).toBeLessThan(10 * 60_000);
  });
});
