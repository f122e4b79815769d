// MirrorMaker 2 through the API against the real local Connect worker: a MirrorSourceConnector created with
// our POST route mirrors a topic of the local cluster to itself under the source alias (DefaultReplicationPolicy),
// checked with kafka-get-offsets and kafka-console-consumer. Afterwards the connector is stopped, its offsets
// reset (KIP-875), it is deleted, and every topic it or the test made is removed, whatever failed.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { ConnectorDetails } from '@/lib/types/connect';
import { call } from '../support/api';
import { kafkaCli, waitFor } from '../support/kafka-cli';
import { createTopicsWithLeaders } from '../support/topics';

const CONNECT_URL = 'http://127.0.0.1:18083';
const run = Date.now();
const topic = `it-mm2-${run}`;
const sourceAlias = `itmm2src${run}`;
const targetAlias = `itmm2dst${run}`;
const mirrored = `${sourceAlias}.${topic}`;
const connector = `it-mm2-source-${run}`;
const RECORDS = Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, value: `mirrored record ${i}` }));
const kafka = new Kafka({ clientId: 'connect-mirror-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();

let connectors: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/route');

const worker = (path: string, method = 'GET') => fetch(`${CONNECT_URL}${path}`, { method });
const workerState = async () => {
  const response = await worker(`/connectors/${connector}/status`);
  return response.ok ? ((await response.json()) as { connector: { state: string }; tasks: { state: string }[] }) : null;
};

/** The end offset of partition 0 as Kafka's own kafka-get-offsets reports it (undefined while the topic is absent). */
function endOffset(name: string): number | undefined {
  try {
    const line = kafkaCli('get-offsets', '--topic', name, '--time', '-1')
      .trim()
      .split('\n')
      .find((l) => l.startsWith(`${name}:0:`));
    return line === undefined ? undefined : Number(line.split(':')[2]);
  } catch {
    return undefined;
  }
}

/** Keys and values of a topic's partition 0, read by kafka-console-consumer (assigned, so no consumer group). */
const consoleRead = (name: string) =>
  kafkaCli(
    'console-consumer',
    '--topic',
    name,
    '--partition',
    '0',
    '--offset',
    'earliest',
    '--max-messages',
    String(RECORDS.length),
    '--timeout-ms',
    '30000',
    '--property',
    'print.key=true',
    '--property',
    'key.separator=|',
  )
    .trim()
    .split('\n')
    .filter((line) => line.includes('|'));

/** Topics whose names carry this run's aliases: the mirrored one and MirrorMaker's own (mm2-offset-syncs.<target>.internal). */
async function topicsOfThisRun(): Promise<string[]> {
  return (await admin.listTopics()).filter((t) => t === topic || t.includes(sourceAlias) || t.includes(targetAlias));
}

beforeAll(async () => {
  vi.stubEnv('KAFKA_CLUSTERS', JSON.stringify([{ name: 'local', brokers: LOCAL_BOOTSTRAP, connect: [{ name: 'connect', url: CONNECT_URL }] }]));
  connectors = await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/route');
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1 }]);
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: RECORDS });
  await producer.disconnect();
});

afterAll(async () => {
  // Stopped first, so its source offsets can be reset (KIP-875) and nothing of it stays in Connect's offsets topic.
  if (await workerState()) {
    await worker(`/connectors/${connector}/stop`, 'PUT').catch(() => {});
    await waitFor(async () => ((await workerState())?.connector.state === 'STOPPED' ? true : undefined), 30_000).catch(() => {});
    await worker(`/connectors/${connector}/offsets`, 'DELETE').catch(() => {});
    await worker(`/connectors/${connector}`, 'DELETE').catch(() => {});
  }
  const made = await topicsOfThisRun().catch(() => [topic, mirrored]);
  await admin.deleteTopics({ topics: made }).catch(() => {});
  await admin.disconnect();
  vi.unstubAllEnvs();
});

describe('MirrorMaker 2', () => {
  it('mirrors a topic of the local cluster to itself under the source alias, record for record', async () => {
    const config = {
      'connector.class': 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
      'source.cluster.alias': sourceAlias,
      'target.cluster.alias': targetAlias,
      'source.cluster.bootstrap.servers': LOCAL_BOOTSTRAP.join(','),
      'target.cluster.bootstrap.servers': LOCAL_BOOTSTRAP.join(','),
      topics: topic,
      'replication.factor': '1',
      'offset-syncs.topic.replication.factor': '1',
      'sync.topic.acls.enabled': 'false',
      'key.converter': 'org.apache.kafka.connect.converters.ByteArrayConverter',
      'value.converter': 'org.apache.kafka.connect.converters.ByteArrayConverter',
      'tasks.max': '1',
    };
    const created = await call(
      connectors.POST,
      { cluster: 'local', connect: 'connect' },
      {
        method: 'POST',
        url: 'http://localhost/api/clusters/local/connect/connect/connectors',
        body: { name: connector, config },
      },
    );
    expect(created.status).toBe(201);
    expect((created.body as ConnectorDetails).class).toBe('org.apache.kafka.connect.mirror.MirrorSourceConnector');

    await waitFor(async () => {
      const status = await workerState();
      return status?.connector.state === 'RUNNING' && status.tasks.length === 1 && status.tasks[0].state === 'RUNNING' ? true : undefined;
    }, 60_000);
    await waitFor(async () => (endOffset(mirrored) === RECORDS.length ? true : undefined), 90_000);
    expect(endOffset(topic)).toBe(RECORDS.length);
    const expected = RECORDS.map((r) => `${r.key}|${r.value}`);
    expect(consoleRead(topic)).toEqual(expected);
    expect(consoleRead(mirrored)).toEqual(expected);
    // MirrorMaker's offset-syncs topic is made on the source cluster under the target alias: removed in afterAll.
    expect(await topicsOfThisRun()).toEqual(expect.arrayContaining([topic, mirrored, `mm2-offset-syncs.${targetAlias}.internal`]));
  }, 180_000);
});
