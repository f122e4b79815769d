import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as streamRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route';
import * as produceRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/route';
import * as uploadRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/upload/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { UploadProgress, WireMessage } from '@/lib/types/messages';
import { call } from '../support/api';
import { listGroupsWithCli } from '../support/consumer-groups-cli';
import { isDashboardInternal } from '../support/dashboard-internal';
import { parseGetOffsets } from '../support/describe-parse';
import { kafkaCli } from '../support/kafka-cli';
import { readSse } from '../support/sse';
import { createTopicsWithLeaders, idempotentProducer } from '../support/topics';

const run = Date.now();
const topic = `it-messages-${run}`;
const uploadTopic = `it-upload-${run}`;
const smallTopic = `it-upload-small-${run}`;
const kafka = new Kafka({ clientId: 'messages-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const producer = idempotentProducer(kafka);
let phaseTwoStart = 0;
let groupsBefore: string[] = [];

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const open = (query: string, signal?: AbortSignal) =>
  (streamRoute.GET as Handler)(new Request(`http://localhost/api?${query}`, { signal }), { params: Promise.resolve({ cluster: 'local', topic }) });

const byPartition = (messages: WireMessage[]) => {
  const map = new Map<number, number[]>();
  for (const m of messages) map.set(m.partition, [...(map.get(m.partition) ?? []), m.offset]);
  return map;
};

beforeAll(async () => {
  groupsBefore = listGroupsWithCli();
  await admin.connect();
  await createTopicsWithLeaders(admin, [
    { topic, numPartitions: 6, replicationFactor: 3 },
    { topic: uploadTopic, numPartitions: 3, replicationFactor: 3 },
    { topic: smallTopic, numPartitions: 2, replicationFactor: 1, configEntries: [{ name: 'max.message.bytes', value: '1000' }] },
  ]);
  await producer.connect();
  for (let i = 0; i < 10; i++) {
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: 1000 }, (_, j) => ({ key: `key-${(i * 1000 + j) % 97}`, value: `message ${i * 1000 + j}` })),
    });
  }
  await new Promise((resolve) => setTimeout(resolve, 1200));
  phaseTwoStart = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 100));
  await producer.send({ topic, acks: -1, messages: Array.from({ length: 300 }, (_, j) => ({ key: `late-${j}`, value: `late ${j}` })) });
});

afterAll(async () => {
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic, uploadTopic, smallTopic] }).catch(() => {});
  await admin.disconnect();
});

describe('tailing a topic over SSE', () => {
  it('from earliest receives every message exactly once, in order within each partition', async () => {
    const started = Date.now();
    const response = await open('from=earliest&live=false');
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const { messages, events } = await readSse(response);
    expect(messages).toHaveLength(10_300);
    expect(new Set(messages.map((m) => `${m.partition}:${m.offset}`)).size).toBe(10_300);
    const latest = parseGetOffsets(kafkaCli('get-offsets', '--topic', topic, '--time', '-1'));
    for (const [partition, offsets] of byPartition(messages)) {
      expect(offsets).toEqual(Array.from({ length: latest.get(partition)! }, (_, i) => i)); // 0..end-1, no gap
    }
    expect(events.at(-1)?.event).toBe('done');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('from a timestamp receives exactly the messages at or after it', async () => {
    const { messages } = await readSse(await open(`from=timestamp:${phaseTwoStart}&live=false`));
    expect(messages).toHaveLength(300);
    expect(messages.every((m) => m.value!.startsWith('late ') && m.timestamp >= phaseTwoStart)).toBe(true);
  });

  it('from an offset reads each partition from that offset', async () => {
    const latest = parseGetOffsets(kafkaCli('get-offsets', '--topic', topic, '--time', '-1'));
    const { messages } = await readSse(await open('from=offset:1500&partitions=0,3&live=false'));
    const expected = [0, 3].reduce((sum, p) => sum + Math.max(0, latest.get(p)! - 1500), 0);
    expect(messages).toHaveLength(expected);
    expect(messages.every((m) => [0, 3].includes(m.partition) && m.offset >= 1500)).toBe(true);
  });

  it('from latest receives only what is produced after it opened, within a second', async () => {
    const abort = new AbortController();
    const response = await open('from=latest', abort.signal);
    const sentAt = Date.now();
    const produced = await call(
      produceRoute.POST,
      { cluster: 'local', topic },
      { method: 'POST', body: { messages: Array.from({ length: 50 }, (_, i) => ({ key: `now-${i}`, value: `now ${i}` })) } },
    );
    expect(produced.status).toBe(200);
    const { messages } = await readSse(response, (ms) => ms.length >= 50);
    const firstSeen = Date.now() - sentAt;
    abort.abort();
    expect(messages.map((m) => m.value).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `now ${i}`).sort());
    expect(firstSeen).toBeLessThan(3000);
    // The produce answer's offsets are where the messages are.
    const offsets = new Set(produced.body.offsets.map((o: { partition: number; offset: number }) => `${o.partition}:${o.offset}`));
    expect(new Set(messages.map((m) => `${m.partition}:${m.offset}`))).toEqual(offsets);
  });

  it('filters on the server and reports scanned vs matched', async () => {
    const { messages, events } = await readSse(
      await open(`from=earliest&live=false&filter=${encodeURIComponent('^message 99\\d\\d$')}&filterMode=regex&filterOn=value`),
    );
    expect(messages.map((m) => m.value).sort()).toEqual(Array.from({ length: 100 }, (_, i) => `message ${9900 + i}`).sort());
    const done = events.find((e) => e.event === 'done')!.data as { scanned: number; matched: number };
    expect(done.matched).toBe(100);
    expect(done.scanned).toBeGreaterThanOrEqual(10_300);
  });

  it('answers bad input and unknown topics with JSON errors before streaming', async () => {
    const bad = await open('from=yesterday');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/from must be/);
    const unknown = await (streamRoute.GET as Handler)(new Request('http://localhost/api?from=earliest'), {
      params: Promise.resolve({ cluster: 'local', topic: `nope-${run}` }),
    });
    expect(unknown.status).toBe(404);
    expect((await open('partitions=9')).status).toBe(400);
  });

  it('leaves no consumer group behind', () => {
    // The dashboards' own sampler election group comes and goes with any dashboard on the cluster.
    const ours = (groups: string[]) => groups.filter((g) => !isDashboardInternal(g)).sort();
    expect(ours(listGroupsWithCli())).toEqual(ours(groupsBefore));
  });
});

describe('producing', () => {
  it('writes one message with key, headers and a chosen partition', async () => {
    const result = await call(
      produceRoute.POST,
      { cluster: 'local', topic },
      {
        method: 'POST',
        body: { messages: [{ key: 'k', value: '{"hello":"world"}', headers: { trace: 'abc' }, partition: 4 }] },
      },
    );
    expect(result.status).toBe(200);
    expect(result.body.written).toBe(1);
    const [{ partition, offset }] = result.body.offsets;
    expect(partition).toBe(4);
    const { messages } = await readSse(await open(`from=offset:${offset}&partitions=4&live=false`));
    expect(messages[0]).toMatchObject({ key: 'k', value: '{"hello":"world"}', headers: [{ key: 'trace', value: 'abc', encoding: 'utf8' }], offset });
  });

  it('refuses bad input', async () => {
    expect((await call(produceRoute.POST, { cluster: 'local', topic }, { method: 'POST', body: { messages: [] } })).status).toBe(400);
    expect((await call(produceRoute.POST, { cluster: 'local', topic }, { method: 'POST', body: { messages: [{ value: 1 }] } })).status).toBe(400);
    expect((await call(produceRoute.POST, { cluster: 'local', topic }, { method: 'POST', body: { messages: [{ value: 'x', partition: 99 }] } })).status).toBe(
      400,
    );
  });
});

describe('uploading a file', () => {
  async function upload(lines: number, query: string, lineOf: (i: number) => string, target = uploadTopic) {
    const encoder = new TextEncoder();
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i >= lines) return controller.close();
        let chunk = '';
        for (let n = 0; n < 10_000 && i < lines; n++, i++) chunk += `${lineOf(i)}\n`;
        controller.enqueue(encoder.encode(chunk));
      },
    });
    const request = new Request(`http://localhost/api?${query}`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    const response = await (uploadRoute.POST as Handler)(request, { params: Promise.resolve({ cluster: 'local', topic: target }) });
    const updates = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as UploadProgress);
    return updates;
  }

  it('writes exactly 1,000,000 lines round-robin, with progress (checked with the offsets)', async () => {
    const before = parseGetOffsets(kafkaCli('get-offsets', '--topic', uploadTopic, '--time', '-1'));
    const updates = await upload(1_000_000, 'partitioner=round-robin', (i) => `line ${i}`);
    const done = updates.at(-1)!;
    expect(done.type).toBe('done');
    expect(done.written).toBe(1_000_000);
    expect(updates.filter((u) => u.type === 'progress').length).toBeGreaterThan(3);
    const after = parseGetOffsets(kafkaCli('get-offsets', '--topic', uploadTopic, '--time', '-1'));
    const total = [...after].reduce((sum, [p, o]) => sum + o - (before.get(p) ?? 0), 0);
    expect(total).toBe(1_000_000);
    for (const [p, o] of after) expect(o - (before.get(p) ?? 0)).toBe(done.writtenPerPartition[p]);
  }, 300_000);

  it('reports lines over max.message.bytes and writes the rest', async () => {
    const updates = await upload(10, 'partitioner=key-hash&keyed=true', (i) => (i === 3 ? `big\t${'x'.repeat(5000)}` : `user-${i}\tvalue ${i}`), smallTopic);
    const done = updates.at(-1)!;
    expect(done).toMatchObject({ type: 'done', written: 9, skippedCount: 1 });
    expect(done.skipped[0]).toMatchObject({ line: 4 });
    expect(done.skipped[0].reason).toMatch(/max.message.bytes \(1000\)/);
  });
});
