// Kafka Connect through the API against the real local worker (`cluster:start -- --connect`): connectors are
// created, driven and deleted through our routes and checked on Connect's own REST API and with kafka-get-offsets.
// Every connector, topic and temp file made here is removed in afterAll, whatever failed.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { ConnectClusterList, ConnectValidation, ConnectorDetails, ConnectorList, ConnectorOffsets } from '@/lib/types/connect';
import { call } from '../support/api';
import { fileSourceConfig } from '../support/connect-configs';
import { kafkaCli, waitFor } from '../support/kafka-cli';
import { createTopicsWithLeaders } from '../support/topics';

const CONNECT_URL = 'http://127.0.0.1:18083';
const run = Date.now();
const topic = `it-connect-${run}`;
const source = `it-connect-source-${run}`;
const failingSink = `it-connect-failing-sink-${run}`;
const sink = `it-connect-sink-${run}`;
const sinkTopic = `it-connect-sink-${run}`;
const PROTO = '__proto__';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'it-connect-'));
const file = path.join(dir, 'lines.txt');
const LINES = ['first line', 'second line', 'third line', 'fourth line', 'fifth line'];
const admin = new Kafka({ clientId: 'connect-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING }).admin();

type Routes = {
  clusters: typeof import('@/app/api/clusters/[cluster]/connect/route');
  connectors: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/route');
  connector: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/route');
  config: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/config/route');
  action: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/[action]/route');
  offsets: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/offsets/route');
  validate: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connector-plugins/[plugin]/validate/route');
};
let routes: Routes;

const base = 'http://localhost/api/clusters/local/connect/connect';
const params = (connector: string, extra: Record<string, string> = {}) => ({ cluster: 'local', connect: 'connect', connector, ...extra });
const list = async () => {
  const result = await call(routes.connectors.GET, { cluster: 'local', connect: 'connect' }, { url: `${base}/connectors` });
  expect(result.status).toBe(200);
  return (result.body as ConnectorList).connectors;
};
const create = (name: string, config: Record<string, string>) =>
  call(routes.connectors.POST, { cluster: 'local', connect: 'connect' }, { method: 'POST', url: `${base}/connectors`, body: { name, config } });
const act = (name: string, action: string, query = '') =>
  call(routes.action.POST, params(name, { action }), { method: 'POST', url: `${base}/connectors/${encodeURIComponent(name)}/${action}${query}` });

/** The state Connect itself reports, read from its REST API rather than through ours. */
async function connectState(name: string): Promise<string | undefined> {
  const response = await fetch(`${CONNECT_URL}/connectors/${encodeURIComponent(name)}/status`);
  if (!response.ok) return undefined;
  return ((await response.json()) as { connector: { state: string } }).connector.state;
}
const untilState = (name: string, state: string) => waitFor(async () => ((await connectState(name)) === state ? state : undefined), 60_000, 500);

const recordCount = () => {
  const output = kafkaCli('get-offsets', '--topic', topic, '--time', '-1');
  return output
    .trim()
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line.split(':')[2]), 0);
};
const untilRecords = (count: number) => waitFor(async () => (recordCount() === count ? count : undefined), 60_000, 1000);

const sourceConfig = () => fileSourceConfig(file, topic);

async function deleteOnWorker(name: string) {
  await fetch(`${CONNECT_URL}/connectors/${encodeURIComponent(name)}`, { method: 'DELETE' }).catch(() => {});
}

/** A port nothing listens on: taken from the OS and released (fetch refuses the well-known ones such as 9). */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
let downUrl = '';

beforeAll(async () => {
  downUrl = `http://127.0.0.1:${await closedPort()}`;
  vi.stubEnv(
    'KAFKA_CLUSTERS',
    JSON.stringify([
      { name: 'local', brokers: LOCAL_BOOTSTRAP, connect: [{ name: 'connect', url: CONNECT_URL }] },
      // The same cluster with a worker nobody answers at: what a Connect outage looks like.
      { name: 'connect-down', brokers: LOCAL_BOOTSTRAP, connect: [{ name: 'down', url: downUrl }] },
    ]),
  );
  routes = {
    clusters: await import('@/app/api/clusters/[cluster]/connect/route'),
    connectors: await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/route'),
    connector: await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/route'),
    config: await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/config/route'),
    action: await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/[action]/route'),
    offsets: await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/offsets/route'),
    validate: await import('@/app/api/clusters/[cluster]/connect/[connect]/connector-plugins/[plugin]/validate/route'),
  };
  fs.writeFileSync(file, LINES.map((line) => `${line}\n`).join(''));
  await admin.connect();
});

afterAll(async () => {
  for (const name of [source, failingSink, sink, PROTO]) await deleteOnWorker(name);
  await admin.deleteTopics({ topics: [topic, sinkTopic] }).catch(() => {});
  // A sink connector's consumer group outlives it (its task fails before joining here, but in case it did).
  await admin.deleteGroups([`connect-${failingSink}`, `connect-${sink}`]).catch(() => {});
  await admin.disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('Kafka Connect', () => {
  it('lists the worker with its version and the file and MirrorMaker 2 plugins', async () => {
    const result = await call(routes.clusters.GET, { cluster: 'local' }, { url: 'http://localhost/api/clusters/local/connect' });
    expect(result.status).toBe(200);
    const [worker] = (result.body as ConnectClusterList).connectClusters;
    const own = (await (await fetch(`${CONNECT_URL}/`)).json()) as { version: string };
    expect(worker).toMatchObject({ name: 'connect', url: CONNECT_URL, version: own.version });
    const classes = worker.plugins.map((p) => p.class);
    expect(classes).toEqual(
      expect.arrayContaining([
        'org.apache.kafka.connect.file.FileStreamSourceConnector',
        'org.apache.kafka.connect.file.FileStreamSinkConnector',
        'org.apache.kafka.connect.mirror.MirrorSourceConnector',
      ]),
    );
  });

  it('creates a FileStreamSource connector whose records reach the topic, and drives it through pause, resume, stop, offsets, restart and delete', async () => {
    const created = await create(source, sourceConfig());
    expect(created.status).toBe(201);
    expect((created.body as ConnectorDetails).config.file).toBe(file);
    await untilState(source, 'RUNNING');
    await untilRecords(LINES.length);

    const listed = await waitFor(
      async () => {
        const found = (await list()).find((c) => c.name === source);
        return found?.tasks[0]?.state === 'RUNNING' && found.topics.length ? found : undefined;
      },
      30_000,
      500,
    );
    expect(listed.value).toMatchObject({ type: 'source', class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', state: 'RUNNING', topics: [topic] });
    expect(listed.value.tasks).toEqual([{ id: 0, state: 'RUNNING', workerId: '127.0.0.1:18083' }]);

    expect((await act(source, 'pause')).status).toBe(202);
    await untilState(source, 'PAUSED');
    expect((await act(source, 'resume')).status).toBe(202);
    await untilState(source, 'RUNNING');

    // KIP-875: offsets are read any time; altered only while STOPPED (Connect's own 400 otherwise).
    const offsetsUrl = `${base}/connectors/${source}/offsets`;
    const offsetsBody = { offsets: [{ partition: { filename: file }, offset: { position: 0 } }] };
    const early = await call(routes.offsets.PATCH, params(source), { method: 'PATCH', url: offsetsUrl, body: offsetsBody });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/STOPPED/);
    expect((await act(source, 'stop')).status).toBe(202);
    await untilState(source, 'STOPPED');
    const offsets = await waitFor(
      async () => {
        const result = await call(routes.offsets.GET, params(source), { url: offsetsUrl });
        const body = result.body as ConnectorOffsets;
        return body.offsets?.[0]?.offset?.position === fs.statSync(file).size ? body : undefined;
      },
      30_000,
      1000,
    );
    expect(offsets.value.offsets).toEqual([{ partition: { filename: file }, offset: { position: fs.statSync(file).size } }]);

    // Rewound to the start, the resumed connector reads the file again: the topic holds every line twice.
    const rewound = await call(routes.offsets.PATCH, params(source), { method: 'PATCH', url: offsetsUrl, body: offsetsBody });
    expect(rewound.status).toBe(200);
    expect(rewound.body.message).toMatch(/offsets/i);
    expect((await act(source, 'resume')).status).toBe(202);
    await untilState(source, 'RUNNING');
    await untilRecords(LINES.length * 2);

    expect((await act(source, 'restart', '?includeTasks=true&onlyFailed=false')).status).toBe(202);
    await untilState(source, 'RUNNING');
    expect((await act(source, 'explode')).status).toBe(404);

    const removed = await call(routes.connector.DELETE, params(source), { method: 'DELETE', url: `${base}/connectors/${source}` });
    expect(removed.status).toBe(204);
    expect((await fetch(`${CONNECT_URL}/connectors/${source}`)).status).toBe(404);
    const gone = await call(routes.connector.GET, params(source), { url: `${base}/connectors/${source}` });
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 'CONNECT_NOT_FOUND' });
    expect(gone.body.error.message).toContain(source);
  });

  it("runs a FileStreamSink that writes a topic's records to a file", async () => {
    await createTopicsWithLeaders(admin, [{ topic: sinkTopic, numPartitions: 1, replicationFactor: 1 }]);
    const producer = new Kafka({ clientId: 'connect-test-producer', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic: sinkTopic, acks: -1, messages: ['alpha', 'beta', 'gamma'].map((value) => ({ value })) });
    await producer.disconnect();
    const out = path.join(dir, 'sink-out.txt');
    const created = await create(sink, {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      file: out,
      topics: sinkTopic,
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    });
    expect(created.status).toBe(201);
    const written = await waitFor(
      async () => {
        const text = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
        return text.split('\n').filter(Boolean).length === 3 ? text : undefined;
      },
      60_000,
      500,
    );
    expect(written.value).toBe('alpha\nbeta\ngamma\n');
    // Connect records a connector's active topics asynchronously (in its status topic), a moment
    // after the task has used them: asked again until it has.
    const listed = await waitFor(
      async () => {
        const found = (await list()).find((c) => c.name === sink);
        return found?.topics.length ? found : undefined;
      },
      30_000,
      500,
    );
    expect(listed.value).toMatchObject({ type: 'sink', class: 'org.apache.kafka.connect.file.FileStreamSinkConnector', state: 'RUNNING', topics: [sinkTopic] });
    expect((await call(routes.connector.DELETE, params(sink), { method: 'DELETE', url: `${base}/connectors/${sink}` })).status).toBe(204);
    expect((await fetch(`${CONNECT_URL}/connectors/${sink}`)).status).toBe(404);
  });

  it('shows a failed task with its stack trace', async () => {
    const created = await create(failingSink, {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      file: path.join(dir, 'no-such-dir', 'out.txt'),
      topics: topic,
    });
    expect(created.status).toBe(201);
    const failed = await waitFor(
      async () => {
        const result = await call(routes.connector.GET, params(failingSink), { url: `${base}/connectors/${failingSink}` });
        const details = result.body as ConnectorDetails;
        return details.tasks?.[0]?.state === 'FAILED' ? details : undefined;
      },
      60_000,
      500,
    );
    expect(failed.value.type).toBe('sink');
    expect(failed.value.tasks[0].trace).toMatch(/ConnectException[\s\S]*\n\tat /);
    const listed = (await list()).find((c) => c.name === failingSink);
    expect(listed?.tasks[0]).toMatchObject({ state: 'FAILED', trace: expect.stringContaining('no-such-dir') });
  });

  it("refuses a bad config with Connect's own message, and validates it field by field", async () => {
    const config: Record<string, string> = { ...sourceConfig(), 'tasks.max': 'lots' };
    const refused = await create(`it-connect-bad-${run}`, config);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('CONNECT_BAD_REQUEST');
    expect(refused.body.error.message).toMatch(/tasks\.max/);
    expect((await fetch(`${CONNECT_URL}/connectors/it-connect-bad-${run}`)).status).toBe(404);

    const plugin = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
    const validated = await call(
      routes.validate.PUT,
      { cluster: 'local', connect: 'connect', plugin },
      {
        method: 'PUT',
        url: `${base}/connector-plugins/${plugin}/validate`,
        body: { ...config, topic: '' },
      },
    );
    expect(validated.status).toBe(200);
    const body = validated.body as ConnectValidation;
    expect(body.errorCount).toBeGreaterThanOrEqual(1);
    const errors = new Map(body.fields.filter((f) => f.errors.length).map((f) => [f.name, f.errors.join(' ')]));
    expect(errors.get('tasks.max')).toMatch(/Invalid value lots/);
    expect(errors.has('file')).toBe(false);
  });

  it('handles a connector called __proto__', async () => {
    expect((await create(PROTO, { ...sourceConfig(), file: path.join(dir, 'missing.txt') })).status).toBe(201);
    const found = await waitFor(async () => (await list()).find((c) => c.name === PROTO), 30_000, 500);
    expect(found.value.class).toBe('org.apache.kafka.connect.file.FileStreamSourceConnector');
    const details = await call(routes.connector.GET, params(PROTO), { url: `${base}/connectors/${PROTO}` });
    expect(details.status).toBe(200);
    expect(details.body.config.file).toBe(path.join(dir, 'missing.txt'));
    expect((await call(routes.connector.DELETE, params(PROTO), { method: 'DELETE', url: `${base}/connectors/${PROTO}` })).status).toBe(204);
    expect((await fetch(`${CONNECT_URL}/connectors/${PROTO}`)).status).toBe(404);
  });

  it('answers 503 naming the worker when it does not answer', async () => {
    const result = await call(
      routes.connectors.GET,
      { cluster: 'connect-down', connect: 'down' },
      { url: 'http://localhost/api/clusters/connect-down/connect/down/connectors' },
    );
    expect(result.status).toBe(503);
    expect(result.body.error.code).toBe('CONNECT_UNAVAILABLE');
    expect(result.body.error.message).toBe(`Kafka Connect "down" at ${downUrl} does not answer (ECONNREFUSED)`);
    // The clusters list still answers, with the worker's failure beside it.
    const listed = await call(routes.clusters.GET, { cluster: 'connect-down' }, { url: 'http://localhost/api/clusters/connect-down/connect' });
    expect(listed.status).toBe(200);
    expect((listed.body as ConnectClusterList).connectClusters).toEqual([
      { name: 'down', url: downUrl, version: '', plugins: [], error: `Kafka Connect "down" at ${downUrl} does not answer (ECONNREFUSED)` },
    ]);
    const unknown = await call(routes.connectors.GET, { cluster: 'local', connect: 'nope' }, { url: `${base}/connectors` });
    expect(unknown.status).toBe(404);
  });

  it('refuses changes with 403 when READ_ONLY, and to a viewer, and changes nothing', async () => {
    const name = `it-connect-refused-${run}`;
    vi.stubEnv('READ_ONLY', 'true');
    try {
      const refused = await create(name, sourceConfig());
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('READ_ONLY');
      expect((await act(source, 'pause')).status).toBe(403);
    } finally {
      vi.stubEnv('READ_ONLY', '');
    }
    vi.stubEnv('AUTH_USERS', JSON.stringify([{ username: 'viewer', role: 'viewer', passwordHash: await hashPassword('viewer-pw') }]));
    try {
      const { POST: login } = await import('@/app/api/auth/login/route');
      const { proxy } = await import('@/proxy');
      const session = await (login as (r: Request) => Promise<Response>)(
        new Request('http://localhost/api/auth/login', {
          method: 'POST',
          body: JSON.stringify({ username: 'viewer', password: 'viewer-pw' }),
          headers: { 'content-type': 'application/json' },
        }),
      );
      const cookie = session.headers.get('set-cookie')!.split(';')[0];
      for (const [method, url] of [
        ['POST', `${base}/connectors`],
        ['DELETE', `${base}/connectors/${name}`],
        ['POST', `${base}/connectors/${name}/pause`],
      ]) {
        const refused = await proxy(
          new NextRequest(url, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name, config: sourceConfig() }) }),
        );
        expect(refused.status, `${method} ${url}`).toBe(403);
        expect((await refused.json()).error.message).toMatch(/viewer/);
      }
    } finally {
      vi.stubEnv('AUTH_USERS', '');
    }
    expect((await fetch(`${CONNECT_URL}/connectors/${name}`)).status).toBe(404);
  });
});
