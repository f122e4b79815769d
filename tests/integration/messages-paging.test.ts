import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as streamRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { TailStatus, WireMessage } from '@/lib/types/messages';
import { parseGetOffsets } from '../support/describe-parse';
import { kafkaCli } from '../support/kafka-cli';
import { readSse } from '../support/sse';
import { createTopicsWithLeaders, idempotentProducer } from '../support/topics';

/**
 * Browse pages (`limit`): a page is the next N messages, each partition in offset order, partitions
 * merged by timestamp; the `done` positions start the next page. Timestamps are set by the producer
 * here, so the expected order is known without asking the dashboard.
 */
const run = Date.now();
const topic = `it-paging-${run}`;
const skewed = `it-paging-skewed-${run}`;
const PARTITIONS = 3;
const PER_PARTITION = 1000;
const T0 = run - 3_600_000;
const kafka = new Kafka({ clientId: 'paging-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const producer = idempotentProducer(kafka);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const page = async (name: string, query: string) => {
  const response = await (streamRoute.GET as Handler)(new Request(`http://localhost/api?${query}`), {
    params: Promise.resolve({ cluster: 'local', topic: name }),
  });
  expect(response.status).toBe(200);
  const { messages, events } = await readSse(response);
  const done = events.find((e) => e.event === 'done')?.data as TailStatus;
  expect(done).toBeDefined();
  return { messages, done };
};
const positionsQuery = (positions: Record<string, number>) =>
  `positions:${Object.entries(positions)
    .map(([p, o]) => `${p}=${o}`)
    .join(',')}`;
const offsetsOf = (messages: WireMessage[], partition: number) => messages.filter((m) => m.partition === partition).map((m) => m.offset);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

beforeAll(async () => {
  await admin.connect();
  await createTopicsWithLeaders(admin, [
    { topic, numPartitions: PARTITIONS, replicationFactor: 3 },
    { topic: skewed, numPartitions: 2, replicationFactor: 1 },
  ]);
  await producer.connect();
  // Message j of partition p has timestamp T0 + j·3 + p: in time order the partitions take turns.
  for (let p = 0; p < PARTITIONS; p++) {
    await producer.send({
      topic,
      acks: -1,
      messages: range(0, PER_PARTITION).map((j) => ({ partition: p, timestamp: String(T0 + j * PARTITIONS + p), value: `p${p} m${j}` })),
    });
  }
  // Partition 1 holds only later messages than partition 0.
  await producer.send({
    topic: skewed,
    acks: -1,
    messages: range(0, 50).map((j) => ({ partition: 1, timestamp: String(T0 + 100_000 + j), value: `late ${j}` })),
  });
  await producer.send({ topic: skewed, acks: -1, messages: range(0, 50).map((j) => ({ partition: 0, timestamp: String(T0 + j), value: `early ${j}` })) });
}, 60_000);

afterAll(async () => {
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic, skewed] }).catch(() => {});
  await admin.disconnect();
});

describe('browsing a topic page by page from earliest', () => {
  it('pages 1 and 2 together are offsets 0..2n-1 of every partition, in timestamp order, no gap, no repeat', async () => {
    const size = 300; // 100 per partition, as the timestamps take turns
    const first = await page(topic, `from=earliest&live=false&limit=${size}`);
    expect(first.messages).toHaveLength(size);
    expect(first.done.positions).toEqual({ 0: 100, 1: 100, 2: 100 });
    expect(first.done.caughtUp).toBe(false);
    const second = await page(topic, `from=${positionsQuery(first.done.positions)}&live=false&limit=${size}`);
    expect(second.messages).toHaveLength(size);
    const both = [...first.messages, ...second.messages];
    for (let p = 0; p < PARTITIONS; p++) expect(offsetsOf(both, p)).toEqual(range(0, 200));
    // Timestamp order across partitions: p0 m0, p1 m0, p2 m0, p0 m1, …
    expect(both.map((m) => m.value)).toEqual(range(0, 200).flatMap((j) => range(0, PARTITIONS).map((p) => `p${p} m${j}`)));
    expect(second.done.positions).toEqual({ 0: 200, 1: 200, 2: 200 });
  });

  it('a single partition pages as offsets 0..n-1, then n..2n-1', async () => {
    const first = await page(topic, 'from=earliest&partitions=1&live=false&limit=250');
    expect(first.messages.map((m) => m.offset)).toEqual(range(0, 250));
    const second = await page(topic, `from=${positionsQuery(first.done.positions)}&partitions=1&live=false&limit=250`);
    expect(second.messages.map((m) => m.offset)).toEqual(range(250, 500));
  });

  it('paging to the end reads every message exactly once and stops at the log end offsets', async () => {
    const latest = parseGetOffsets(kafkaCli('get-offsets', '--topic', topic, '--time', '-1'));
    const seen: WireMessage[] = [];
    let from = 'earliest';
    let pages = 0;
    for (;;) {
      const { messages, done } = await page(topic, `from=${from}&live=false&limit=700`);
      seen.push(...messages);
      pages++;
      from = positionsQuery(done.positions);
      if (done.caughtUp) {
        expect(done.positions).toEqual(Object.fromEntries(latest));
        break;
      }
      expect(messages).toHaveLength(700);
    }
    expect(pages).toBe(Math.ceil((PARTITIONS * PER_PARTITION) / 700));
    for (let p = 0; p < PARTITIONS; p++) expect(offsetsOf(seen, p)).toEqual(range(0, latest.get(p)!));
    const timestamps = seen.map((m) => m.timestamp);
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
  });

  it('merges by timestamp, not by partition: older messages of a later partition come first', async () => {
    const first = await page(skewed, 'from=earliest&live=false&limit=60');
    expect(first.messages.map((m) => m.value)).toEqual([...range(0, 50).map((j) => `early ${j}`), ...range(0, 10).map((j) => `late ${j}`)]);
    expect(first.done.positions).toEqual({ 0: 50, 1: 10 });
  });

  it('with a filter, a page is the next n matches; positions skip what was scanned and did not match', async () => {
    const filter = `&filter=${encodeURIComponent('m\\d*7$')}&filterMode=regex&filterOn=value`; // j ending in 7: 100 per partition
    const first = await page(topic, `from=earliest&live=false&limit=30${filter}`);
    expect(first.messages.map((m) => m.value)).toEqual(range(0, 10).flatMap((k) => range(0, PARTITIONS).map((p) => `p${p} m${k * 10 + 7}`)));
    expect(first.done.matched).toBe(30);
    // The next page starts at or before the 11th match of each partition (offset 107), never after it.
    // (partition 2 gave the last match of the page, so its next match is not looked for yet)
    expect(first.done.positions).toEqual({ 0: 107, 1: 107, 2: 98 });
    const second = await page(topic, `from=${positionsQuery(first.done.positions)}&live=false&limit=30${filter}`);
    expect(second.messages[0]).toMatchObject({ partition: 0, offset: 107 });
    expect(second.messages.map((m) => m.offset)).toEqual(range(10, 20).flatMap((k) => range(0, PARTITIONS).map(() => k * 10 + 7)));
  });

  it('refuses a limit on a live tail and a limit out of range', async () => {
    for (const query of [
      'from=earliest&limit=10',
      'from=earliest&live=false&limit=0',
      'from=earliest&live=false&limit=100001',
      'from=earliest&live=false&limit=x',
    ]) {
      const response = await (streamRoute.GET as Handler)(new Request(`http://localhost/api?${query}`), {
        params: Promise.resolve({ cluster: 'local', topic }),
      });
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.message).toMatch(/limit/);
    }
  });
});
