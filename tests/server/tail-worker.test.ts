import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESSION_CODECS } from '@/lib/compression-codecs';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { WireMessage } from '@/lib/types/messages';
import { startServer, threadCounter, type RunningServer } from '../support/server';
import { readSse } from '../support/sse';
import { createTopicsWithLeaders } from '../support/topics';

/**
 * The built server's follow tail decodes and serializes in worker threads (lib/kafka/tail-encoder.ts;
 * vitest's in-process tests read on the main thread). What it sends must be what kcat reads: every
 * codec, written by kcat itself, headers in order, and a filter.
 */
const run = Date.now();
const topic = `srv-tail-worker-${run}`; // partition i written by kcat with COMPRESSION_CODECS[i]
const PER_CODEC = 600;
const kafka = new Kafka({ clientId: 'tail-worker-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
let server: RunningServer;

const kcat = (args: string[], input?: string) => execFileSync('kcat', ['-b', LOCAL_BOOTSTRAP[0], ...args], { encoding: 'utf8', input, maxBuffer: 64 << 20 });
/** Values of 200+ bytes (librdkafka leaves small batches uncompressed), with characters JSON escapes. */
const lines = (codec: string) =>
  `${Array.from({ length: PER_CODEC }, (_, i) => `${codec}-${i}:{"codec":"${codec}","i":${i},"text":"<b>${'lorem ipsum \u00e9 '.repeat(14)}</b>\\t"}`).join('\n')}\n`;
const FORMAT = '%p|%o|%k|%s|%h\n';
const byPartitionOffset = (a: string, b: string) => {
  const [pa, oa] = a.split('|').map(Number);
  const [pb, ob] = b.split('|').map(Number);
  return pa - pb || oa - ob;
};
const kcatDump = () => kcat(['-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', FORMAT]).split('\n').filter(Boolean).sort(byPartitionOffset);
const ourDump = (messages: WireMessage[]) =>
  messages
    .map((m) => `${m.partition}|${m.offset}|${m.key ?? ''}|${m.value ?? ''}|${m.headers.map((h) => `${h.key}=${h.value ?? 'NULL'}`).join(',')}`)
    .sort(byPartitionOffset);

const tls = (name: string) => path.resolve(__dirname, '..', '..', '.cluster', 'tls', name);
/** The local cluster three ways: the worker threads make their own connections from each one's settings. */
const CLUSTERS = [
  { name: 'local', brokers: LOCAL_BOOTSTRAP },
  { name: 'sasl', brokers: ['127.0.0.1:19192'], sasl: { mechanism: 'scram-sha-512', username: 'admin', password: 'admin-secret' } },
  { name: 'mtls', brokers: ['127.0.0.1:19292'], ssl: { caFile: tls('ca.pem'), certFile: tls('client.crt'), keyFile: tls('client.key') } },
];

const tail = async (query: string, cluster = 'local') => {
  const response = await fetch(`${server.url}/api/clusters/${cluster}/topics/${topic}/messages/stream?from=earliest&live=false${query}`);
  expect(response.status).toBe(200);
  return readSse(response);
};
const counter = (name: string, thread: 'worker' | 'main') => threadCounter(server, name, thread);
const sentByWorkers = () => counter('kafka_dashboard_tail_messages_sent_total', 'worker');

beforeAll(async () => {
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: COMPRESSION_CODECS.length, replicationFactor: 1 }]);
  COMPRESSION_CODECS.forEach((codec, partition) => {
    kcat(['-P', '-t', topic, '-p', String(partition), '-z', codec, '-K', ':', '-H', `codec=${codec}`, '-H', 'dup=1', '-H', 'dup=2'], lines(codec));
  });
  server = await startServer({ LAG_HISTORY_TOPIC: '', KAFKA_CLUSTERS: JSON.stringify(CLUSTERS) });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe('the follow tail in worker threads (the built server)', () => {
  it('sends what kcat reads, for every codec, byte for byte, and the workers did the work', async () => {
    const before = await sentByWorkers();
    const { messages, events } = await tail('');
    expect(messages).toHaveLength(PER_CODEC * COMPRESSION_CODECS.length);
    expect(ourDump(messages)).toEqual(kcatDump());
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { scanned: messages.length, matched: messages.length } });
    expect((await sentByWorkers()) - before).toBe(messages.length);
  });

  it.each(CLUSTERS.map((c) => c.name))('fetches in the worker threads over their own connections (%s), and sends what kcat reads', async (cluster) => {
    const [workerFetches, mainFetches] = [
      await counter('kafka_dashboard_tail_fetches_total', 'worker'),
      await counter('kafka_dashboard_tail_fetches_total', 'main'),
    ];
    const { messages } = await tail('', cluster);
    expect(ourDump(messages)).toEqual(kcatDump());
    expect(await counter('kafka_dashboard_tail_fetches_total', 'worker')).toBeGreaterThan(workerFetches);
    expect(await counter('kafka_dashboard_tail_fetches_total', 'main')).toBe(mainFetches);
  });

  it('filters as kcat and grep do, counting what it scanned', async () => {
    const { messages, events } = await tail(`&filter=${encodeURIComponent('"i":1\\d\\d,')}&filterMode=regex&filterOn=value`);
    const expected = kcatDump().filter((line) => /"i":1\d\d,/.test(line.split('|')[3]));
    expect(expected).toHaveLength(100 * COMPRESSION_CODECS.length);
    expect(ourDump(messages)).toEqual(expected);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { scanned: PER_CODEC * COMPRESSION_CODECS.length, matched: expected.length } });
  });
});
