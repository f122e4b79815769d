// KIP-875 offsets reset through our route against the real local worker, checked on Connect's own
// GET /connectors/{n}/offsets: refused while the connector runs (Connect's message), and under READ_ONLY;
// done once it is STOPPED. The connector, its topic and its temp file are removed in afterAll.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { call } from '../support/api';
import { fileSourceConfig } from '../support/connect-configs';
import { waitFor } from '../support/kafka-cli';

const CONNECT_URL = 'http://127.0.0.1:18083';
const run = Date.now();
const name = `it-connect-offsets-${run}`;
const topic = `it-connect-offsets-${run}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'it-connect-offsets-'));
const file = path.join(dir, 'lines.txt');
const base = 'http://localhost/api/clusters/local/connect/connect';
const params = { cluster: 'local', connect: 'connect', connector: name };
const admin = new Kafka({ clientId: 'connect-offsets-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING }).admin();

let routes: {
  connectors: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/route');
  action: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/[action]/route');
  offsets: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/offsets/route');
};

/** Read from Connect's REST API rather than through ours. */
async function worker<T>(suffix: string): Promise<T> {
  return (await (await fetch(`${CONNECT_URL}/connectors/${encodeURIComponent(name)}${suffix}`)).json()) as T;
}
const untilState = (state: string) =>
  waitFor(async () => ((await worker<{ connector: { state: string } }>('/status')).connector.state === state ? state : undefined), 60_000, 500);
const resetThroughUs = () => call(routes.offsets.DELETE, params, { method: 'DELETE', url: `${base}/connectors/${name}/offsets` });

beforeAll(async () => {
  vi.stubEnv('KAFKA_CLUSTERS', JSON.stringify([{ name: 'local', brokers: LOCAL_BOOTSTRAP, connect: [{ name: 'connect', url: CONNECT_URL }] }]));
  routes = {
    connectors: await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/route'),
    action: await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/[action]/route'),
    offsets: await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/offsets/route'),
  };
  fs.writeFileSync(file, 'one\ntwo\nthree\n');
  await admin.connect();
});

afterAll(async () => {
  await fetch(`${CONNECT_URL}/connectors/${encodeURIComponent(name)}`, { method: 'DELETE' }).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('Kafka Connect offsets reset', () => {
  it("resets a stopped source connector's offsets, as Connect's own offsets then show", async () => {
    const created = await call(
      routes.connectors.POST,
      { cluster: 'local', connect: 'connect' },
      {
        method: 'POST',
        url: `${base}/connectors`,
        body: {
          name,
          config: fileSourceConfig(file, topic),
        },
      },
    );
    expect(created.status).toBe(201);
    await untilState('RUNNING');

    const early = await resetThroughUs();
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe('CONNECT_BAD_REQUEST');
    expect(early.body.error.message).toMatch(/STOPPED/);

    const stopped = await call(routes.action.POST, { ...params, action: 'stop' }, { method: 'POST', url: `${base}/connectors/${name}/stop` });
    expect(stopped.status).toBe(202);
    await untilState('STOPPED');
    const committed = [{ partition: { filename: file }, offset: { position: fs.statSync(file).size } }];
    await waitFor(async () => ((await worker<{ offsets: unknown[] }>('/offsets')).offsets.length ? true : undefined), 30_000, 500);
    expect((await worker<{ offsets: unknown[] }>('/offsets')).offsets).toEqual(committed);

    vi.stubEnv('READ_ONLY', 'true');
    try {
      const refused = await resetThroughUs();
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('READ_ONLY');
    } finally {
      vi.stubEnv('READ_ONLY', '');
    }
    expect((await worker<{ offsets: unknown[] }>('/offsets')).offsets).toEqual(committed);

    const reset = await resetThroughUs();
    expect(reset.status).toBe(200);
    expect(reset.body.message).toMatch(/offsets .*reset/i);
    expect((await worker<{ offsets: unknown[] }>('/offsets')).offsets).toEqual([]);
  });
});
