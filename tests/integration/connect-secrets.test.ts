// Connector secrets through the API against the real local worker: Connect 4.3.1 returns PASSWORD-typed
// settings in clear; ours must not. Checked against Connect's own REST API. Everything made here is removed.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { ConnectorDetails, ConnectorList } from '@/lib/types/connect';
import { call } from '../support/api';
import { createTopicsWithLeaders } from '../support/topics';

const CONNECT_URL = 'http://127.0.0.1:18083';
const run = Date.now();
const mirror = `it-connect-secrets-mirror-${run}`;
const sink = `it-connect-secrets-sink-${run}`;
const topic = `it-connect-secrets-${run}`;
const SECRET = `s3cret-${run}`;
const admin = new Kafka({ clientId: 'connect-secrets-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING }).admin();
const base = 'http://localhost/api/clusters/local/connect/connect';
const params = (connector: string) => ({ cluster: 'local', connect: 'connect', connector });

let routes: {
  connectors: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/route');
  connector: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/route');
  config: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/config/route');
};

// MirrorMaker 2's source connector: `ssl.truststore.password` is PASSWORD-typed in its definition; the
// `source.cluster.` prefixed client setting is not listed there but is a password all the same.
const mirrorConfig = {
  'connector.class': 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
  'source.cluster.alias': 'a',
  'target.cluster.alias': 'b',
  'source.cluster.bootstrap.servers': LOCAL_BOOTSTRAP.join(','),
  'target.cluster.bootstrap.servers': LOCAL_BOOTSTRAP.join(','),
  topics: `nothing-matches-${run}`,
  'ssl.truststore.password': SECRET,
  'source.cluster.ssl.key.password': `${SECRET}-2`,
};

const workerConfig = async (name: string) => (await (await fetch(`${CONNECT_URL}/connectors/${name}/config`)).json()) as Record<string, string>;
const putConfig = (name: string, config: Record<string, string>) =>
  call(routes.config.PUT, params(name), { method: 'PUT', url: `${base}/connectors/${name}/config`, body: config });

beforeAll(async () => {
  vi.stubEnv('KAFKA_CLUSTERS', JSON.stringify([{ name: 'local', brokers: LOCAL_BOOTSTRAP, connect: [{ name: 'connect', url: CONNECT_URL }] }]));
  routes = {
    connectors: await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/route'),
    connector: await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/route'),
    config: await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/config/route'),
  };
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1 }]);
  // Created STOPPED (KIP-980) on the worker itself: MirrorMaker never starts, so it makes no topics of its own.
  const response = await fetch(`${CONNECT_URL}/connectors`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: mirror, config: mirrorConfig, initial_state: 'STOPPED' }),
  });
  expect(response.status).toBe(201);
});

afterAll(async () => {
  for (const name of [mirror, sink]) await fetch(`${CONNECT_URL}/connectors/${name}`, { method: 'DELETE' }).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  for (let i = 0; i < 30; i++) {
    if (
      await admin.deleteGroups([`connect-${sink}`]).then(
        () => true,
        (e: { groups?: { errorCode: number }[] }) => e.groups?.[0]?.errorCode === 69,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await admin.disconnect();
  vi.unstubAllEnvs();
});

describe('connector secrets', () => {
  it('are returned in clear by Connect itself (why the dashboard masks them)', async () => {
    expect((await workerConfig(mirror))['ssl.truststore.password']).toBe(SECRET);
  });

  it('are masked in a connector read through the API, prefixed client passwords included', async () => {
    const result = await call(routes.connector.GET, params(mirror), { url: `${base}/connectors/${mirror}` });
    expect(result.status).toBe(200);
    const { config } = result.body as ConnectorDetails;
    expect(config['ssl.truststore.password']).toBe('[hidden]');
    expect(config['source.cluster.ssl.key.password']).toBe('[hidden]');
    expect(config.topics).toBe(mirrorConfig.topics);
    expect(JSON.stringify(result.body)).not.toContain(SECRET);
    const list = await call(routes.connectors.GET, { cluster: 'local', connect: 'connect' }, { url: `${base}/connectors` });
    expect((list.body as ConnectorList).connectors.some((c) => c.name === mirror)).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
  });

  it('left masked in an edit keep their value on the worker; the answer is masked', async () => {
    const { config } = (await call(routes.connector.GET, params(mirror), { url: `${base}/connectors/${mirror}` })).body as ConnectorDetails;
    const result = await putConfig(mirror, { ...config, topics: `still-nothing-${run}` });
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.body)).not.toContain(SECRET);
    expect((result.body as { config: Record<string, string> }).config['ssl.truststore.password']).toBe('[hidden]');
    const saved = await workerConfig(mirror);
    expect(saved).toMatchObject({ topics: `still-nothing-${run}`, 'ssl.truststore.password': SECRET, 'source.cluster.ssl.key.password': `${SECRET}-2` });
  });

  it('a masked secret the connector does not have is refused, the worker config unchanged', async () => {
    const before = await workerConfig(mirror);
    const result = await putConfig(mirror, { ...before, 'ssl.key.password': '[hidden]', topics: 'changed' });
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: { code: 'SECRET_MASKED', message: expect.stringContaining('ssl.key.password') } });
    expect(await workerConfig(mirror)).toEqual(before);
  });

  it('are masked in the answer to a create', async () => {
    const config = {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      topics: topic,
      file: '/dev/null',
      'consumer.override.ssl.key.password': SECRET,
    };
    const result = await call(
      routes.connectors.POST,
      { cluster: 'local', connect: 'connect' },
      { method: 'POST', url: `${base}/connectors`, body: { name: sink, config } },
    );
    expect(result.status).toBe(201);
    expect((result.body as ConnectorDetails).config['consumer.override.ssl.key.password']).toBe('[hidden]');
    expect((await workerConfig(sink))['consumer.override.ssl.key.password']).toBe(SECRET);
  });
});
