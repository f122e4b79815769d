// The dashboard through the local cluster's SASL_PLAINTEXT listener (`cluster:start -- --sasl`):
// each mechanism connects, and a wrong password is a clear 503 state, not a crash or a hang.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClusterOverview } from '@/lib/types/cluster';
import { call } from '../support/api';
import { kafkaCli } from '../support/kafka-cli';

const SASL_BROKERS = ['127.0.0.1:19192', '127.0.0.1:19193', '127.0.0.1:19194'];
const PASSWORD = 'admin-secret';
const WRONG = 'not-the-admin-secret';
const topic = `it-sasl-${Date.now()}`;
const passwordFile = path.join(os.tmpdir(), `sasl-password-${process.pid}`);

let routes: {
  clusters: typeof import('@/app/api/clusters/route');
  overview: typeof import('@/app/api/clusters/[cluster]/route');
  topics: typeof import('@/app/api/clusters/[cluster]/topics/route');
  topic: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/route');
  produce: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route');
};
const logged: string[] = [];

beforeAll(async () => {
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  vi.stubEnv('SASL_TEST_PASSWORD', PASSWORD);
  vi.stubEnv(
    'KAFKA_CLUSTERS',
    JSON.stringify([
      { name: 'scram512', brokers: SASL_BROKERS, sasl: { mechanism: 'scram-sha-512', username: 'admin', passwordEnv: 'SASL_TEST_PASSWORD' } },
      { name: 'scram256', brokers: SASL_BROKERS, sasl: { mechanism: 'scram-sha-256', username: 'admin', password: PASSWORD } },
      { name: 'plain', brokers: SASL_BROKERS, sasl: { mechanism: 'plain', username: 'admin', passwordFile } },
      { name: 'wrong', brokers: SASL_BROKERS, sasl: { mechanism: 'scram-sha-512', username: 'admin', password: WRONG } },
    ]),
  );
  // Whatever the server logs while these tests run is checked for secrets.
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
  routes = {
    clusters: await import('@/app/api/clusters/route'),
    overview: await import('@/app/api/clusters/[cluster]/route'),
    topics: await import('@/app/api/clusters/[cluster]/topics/route'),
    topic: await import('@/app/api/clusters/[cluster]/topics/[topic]/route'),
    produce: await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route'),
  };
});

afterAll(() => {
  fs.rmSync(passwordFile, { force: true });
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('SASL_PLAINTEXT listener', () => {
  it.each(['scram512', 'scram256', 'plain'])('connects with %s and sees the three brokers on the SASL ports', async (cluster) => {
    const { status, body } = await call(routes.overview.GET, { cluster });
    expect(status).toBe(200);
    const overview = body as ClusterOverview;
    expect(overview.brokers.map((b) => `${b.host}:${b.port}`).sort()).toEqual(SASL_BROKERS);
  });

  it('creates a topic, produces to it and deletes it through SCRAM-SHA-512, as kafka-topics sees', async () => {
    const created = await call(routes.topics.POST, { cluster: 'scram512' }, { method: 'POST', body: { name: topic, partitions: 2, replicationFactor: 3 } });
    expect(created.status).toBe(201);
    expect(kafkaCli('topics', '--list')).toContain(topic);
    const produced = await call(
      routes.produce.POST,
      { cluster: 'scram512', topic },
      { method: 'POST', body: { messages: [{ key: 'k', value: 'through SASL' }] } },
    );
    expect(produced.status).toBe(200);
    const offsets = kafkaCli('get-offsets', '--topic', topic);
    expect(
      offsets
        .trim()
        .split('\n')
        .map((line) => Number(line.split(':')[2]))
        .reduce((a, b) => a + b, 0),
    ).toBe(1);
    expect((await call(routes.topic.DELETE, { cluster: 'scram512', topic }, { method: 'DELETE' })).status).toBe(204);
  });

  it('answers a wrong password with 503 KAFKA_AUTH_FAILED and a clear message, every time', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const started = Date.now();
      const { status, body } = await call(routes.overview.GET, { cluster: 'wrong' });
      expect(status).toBe(503);
      expect(body.error.code, JSON.stringify(body)).toBe('KAFKA_AUTH_FAILED');
      expect(body.error.message).toMatch(/authentication failed/i);
      expect(body.error.message).toContain('"wrong"');
      expect(body.error.message).not.toContain(WRONG);
      expect(Date.now() - started).toBeLessThan(15_000);
    }
    // The other clusters are unaffected.
    expect((await call(routes.overview.GET, { cluster: 'scram256' })).status).toBe(200);
  });

  it('never sends a password to the browser or writes it to the log', async () => {
    const { status, body } = await call(routes.clusters.GET, {});
    expect(status).toBe(200);
    expect(body.clusters.map((c: { name: string }) => c.name)).toEqual(['scram512', 'scram256', 'plain', 'wrong']);
    const sent = JSON.stringify(body);
    for (const secret of [PASSWORD, WRONG, 'SASL_TEST_PASSWORD', passwordFile]) expect(sent).not.toContain(secret);
    expect(logged.join('\n')).not.toContain(PASSWORD);
    expect(logged.join('\n')).not.toContain(WRONG);
  });
});
