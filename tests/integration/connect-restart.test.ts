// Restarting only the failed tasks through our route, checked on the real local worker's own REST API:
// a FileStreamSink whose file is in a missing directory fails; once the directory exists, our
// `restart?includeTasks=true&onlyFailed=true` brings its task back to RUNNING. The connector, its topic,
// its consumer group and the temp directory are removed in afterAll, whatever failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { call } from '../support/api';
import { waitFor } from '../support/kafka-cli';
import { createTopicsWithLeaders } from '../support/topics';

const CONNECT_URL = 'http://127.0.0.1:18083';
const run = Date.now();
const name = `it-connect-restart-${run}`;
const topic = `it-connect-restart-${run}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'it-connect-restart-'));
const missing = path.join(dir, 'not-yet');
const admin = new Kafka({ clientId: 'connect-restart-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING }).admin();

let action: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/[action]/route');
let connectors: typeof import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/route');

interface WorkerStatus {
  connector: { state: string };
  tasks: { id: number; state: string; trace?: string }[];
}

/** The status Connect itself reports, read from its REST API rather than through ours. */
async function workerStatus(): Promise<WorkerStatus | undefined> {
  const response = await fetch(`${CONNECT_URL}/connectors/${encodeURIComponent(name)}/status`);
  return response.ok ? ((await response.json()) as WorkerStatus) : undefined;
}
const untilTask = (state: string) => waitFor(async () => ((await workerStatus())?.tasks[0]?.state === state ? await workerStatus() : undefined), 60_000, 500);

beforeAll(async () => {
  vi.stubEnv('KAFKA_CLUSTERS', JSON.stringify([{ name: 'local', brokers: LOCAL_BOOTSTRAP, connect: [{ name: 'connect', url: CONNECT_URL }] }]));
  action = await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/[connector]/[action]/route');
  connectors = await import('@/app/api/clusters/[cluster]/connect/[connect]/connectors/route');
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1, replicationFactor: 1 }]);
});

afterAll(async () => {
  await fetch(`${CONNECT_URL}/connectors/${encodeURIComponent(name)}`, { method: 'DELETE' }).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.deleteGroups([`connect-${name}`]).catch(() => {});
  await admin.disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('Kafka Connect restart', () => {
  it('restarts only the failed task, which runs once its directory exists', async () => {
    const created = await call(
      connectors.POST,
      { cluster: 'local', connect: 'connect' },
      {
        method: 'POST',
        url: 'http://localhost/api/clusters/local/connect/connect/connectors',
        body: {
          name,
          config: {
            'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
            file: path.join(missing, 'out.txt'),
            topics: topic,
            'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
          },
        },
      },
    );
    expect(created.status).toBe(201);
    const failed = await untilTask('FAILED');
    expect(failed.value.connector.state).toBe('RUNNING');
    expect(failed.value.tasks[0].trace).toContain('not-yet');

    fs.mkdirSync(missing);
    const restarted = await call(
      action.POST,
      { cluster: 'local', connect: 'connect', connector: name, action: 'restart' },
      { method: 'POST', url: `http://localhost/api/clusters/local/connect/connect/connectors/${name}/restart?includeTasks=true&onlyFailed=true` },
    );
    expect(restarted.status).toBe(202);
    const running = await untilTask('RUNNING');
    expect(running.value).toMatchObject({ connector: { state: 'RUNNING' }, tasks: [{ id: 0, state: 'RUNNING' }] });
    expect(running.value.tasks[0].trace).toBeUndefined();
    // The restarted task opened its file: it exists now, in the directory made above.
    expect(fs.existsSync(path.join(missing, 'out.txt'))).toBe(true);
  });
});
