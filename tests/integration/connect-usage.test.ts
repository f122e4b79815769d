// Which connectors use a topic, and which consumer group belongs to which sink connector, through the API
// against the real local Connect worker; checked on Connect's own REST API and with kafka-consumer-groups.
// Every connector, topic, group and temp file made here is removed in afterAll, whatever failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { SinkGroupList, TopicConnectorList } from '@/lib/types/connect';
import { call } from '../support/api';
import { kafkaCli, waitFor } from '../support/kafka-cli';
import { createTopicsWithLeaders } from '../support/topics';

const CONNECT_URL = 'http://127.0.0.1:18083';
const run = Date.now();
const readTopic = `it-connect-usage-read-${run}`;
const writeTopic = `it-connect-usage-write-${run}`;
const sink = `it-connect-usage-sink-${run}`;
const source = `it-connect-usage-source-${run}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'it-connect-usage-'));
const admin = new Kafka({ clientId: 'connect-usage-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING }).admin();

let topicRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/connectors/route');
let groupsRoute: typeof import('@/app/api/clusters/[cluster]/connect/sink-groups/route');

const connectorsOf = async (cluster: string, topic: string) => {
  const result = await call(topicRoute.GET, { cluster, topic }, { url: `http://localhost/api/clusters/${cluster}/topics/${topic}/connectors` });
  expect(result.status).toBe(200);
  return result.body as TopicConnectorList;
};

async function createOnWorker(name: string, config: Record<string, string>) {
  const response = await fetch(`${CONNECT_URL}/connectors`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, config }),
  });
  expect(response.status).toBe(201);
}

/** The topics Connect itself reports the connector used (KIP-558). */
async function activeTopics(name: string): Promise<string[]> {
  const response = await fetch(`${CONNECT_URL}/connectors/${name}/topics`);
  return response.ok ? (((await response.json()) as Record<string, { topics: string[] }>)[name]?.topics ?? []) : [];
}

beforeAll(async () => {
  vi.stubEnv(
    'KAFKA_CLUSTERS',
    JSON.stringify([
      { name: 'local', brokers: LOCAL_BOOTSTRAP, connect: [{ name: 'connect', url: CONNECT_URL }] },
      // A second Connect cluster that does not answer: listed as unavailable, the other still answers.
      {
        name: 'half-down',
        brokers: LOCAL_BOOTSTRAP,
        connect: [
          { name: 'connect', url: CONNECT_URL },
          { name: 'down', url: 'http://127.0.0.1:1' },
        ],
      },
    ]),
  );
  topicRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/connectors/route');
  groupsRoute = await import('@/app/api/clusters/[cluster]/connect/sink-groups/route');
  await admin.connect();
  await createTopicsWithLeaders(admin, [
    { topic: readTopic, numPartitions: 1 },
    { topic: writeTopic, numPartitions: 1 },
  ]);
  fs.writeFileSync(path.join(dir, 'in.txt'), 'one\ntwo\n');
  await createOnWorker(sink, {
    'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
    topics: readTopic,
    file: path.join(dir, 'out.txt'),
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
  });
  await createOnWorker(source, {
    'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
    topic: writeTopic,
    file: path.join(dir, 'in.txt'),
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
  });
});

afterAll(async () => {
  for (const name of [sink, source]) await fetch(`${CONNECT_URL}/connectors/${name}`, { method: 'DELETE' }).catch(() => {});
  await admin.deleteTopics({ topics: [readTopic, writeTopic] }).catch(() => {});
  // The sink's consumer group outlives the connector; it is empty once the connector is gone.
  await waitFor(
    async () =>
      (await admin.deleteGroups([`connect-${sink}`]).then(
        () => true,
        () => false,
      )) || undefined,
    30_000,
  ).catch(() => {});
  await admin.disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('connectors of a topic', () => {
  it('lists the sink that reads a topic (from its topics setting, before it read anything) linked to its Connect cluster', async () => {
    const { connectors, unavailable } = await connectorsOf('local', readTopic);
    expect(unavailable).toEqual([]);
    expect(connectors).toEqual([{ connect: 'connect', name: sink, type: 'sink', state: expect.any(String), role: 'reads' }]);
  });

  it('lists the source that writes a topic once Connect has seen it write there', async () => {
    await waitFor(async () => ((await activeTopics(source)).includes(writeTopic) ? true : undefined), 60_000);
    const { connectors } = await connectorsOf('local', writeTopic);
    expect(connectors).toEqual([{ connect: 'connect', name: source, type: 'source', state: 'RUNNING', role: 'writes' }]);
  });

  it('names a Connect cluster that does not answer and still lists what the others have', async () => {
    const { connectors, unavailable } = await connectorsOf('half-down', readTopic);
    expect(connectors.map((c) => c.name)).toEqual([sink]);
    expect(unavailable).toEqual([{ connect: 'down', error: expect.stringContaining('http://127.0.0.1:1') }]);
  });
});

describe('sink connectors’ consumer groups', () => {
  it("names the group the sink's tasks really join, as kafka-consumer-groups lists it, and leaves sources out", async () => {
    const { value: group } = await waitFor(async () => {
      const groups = kafkaCli('consumer-groups', '--list')
        .split('\n')
        .map((g) => g.trim());
      return groups.find((g) => g.endsWith(sink));
    }, 60_000);
    const result = await call(groupsRoute.GET, { cluster: 'local' }, { url: 'http://localhost/api/clusters/local/connect/sink-groups' });
    expect(result.status).toBe(200);
    const { groups, unavailable } = result.body as SinkGroupList;
    expect(unavailable).toEqual([]);
    expect(groups.filter((g) => g.name === sink)).toEqual([{ groupId: group, connect: 'connect', name: sink, type: 'sink', state: expect.any(String) }]);
    expect(groups.some((g) => g.name === source)).toBe(false);
  });
});
