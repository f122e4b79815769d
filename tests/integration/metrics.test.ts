import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/metrics/route';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { describeGroupWithCli } from '../support/consumer-groups-cli';
import { kafkaCli } from '../support/kafka-cli';
import { createTopicsWithLeaders, idempotentProducer } from '../support/topics';

const run = Date.now();
const topic = `it-metrics-${run}`;
const groupId = `it-metrics-${run}`;
const kafka = new Kafka({ clientId: 'metrics-test', brokers: LOCAL_BOOTSTRAP, logLevel: logLevel.NOTHING });
const admin = kafka.admin();

const scrape = async (headers: Record<string, string> = {}) => {
  const response = await GET(new Request('http://localhost/metrics', { headers }));
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
};

/** The value of one series in the exposition, or undefined. */
const seriesValue = (body: string, name: string, labels: Record<string, string>) => {
  const line = body.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

beforeAll(async () => {
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 2, replicationFactor: 1 }]);
  const producer = idempotentProducer(kafka);
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: 30 }, (_, i) => ({ value: `m${i}`, partition: i % 2 })) });
  await producer.disconnect();
  // A group with known lag: partition 0 committed at 5 of 15, partition 1 at 15 of 15.
  await admin.setOffsets({
    groupId,
    topic,
    partitions: [
      { partition: 0, offset: '5' },
      { partition: 1, offset: '15' },
    ],
  });
});

afterAll(async () => {
  await admin.deleteGroups([groupId]).catch(() => {});
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
  vi.unstubAllEnvs();
});

describe('GET /metrics', () => {
  it("answers kafka-lag-exporter's metrics with the values kafka-consumer-groups --describe shows", async () => {
    const { status, type, body } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const reference = describeGroupWithCli(groupId);
    expect(reference).toHaveLength(2);
    for (const row of reference) {
      const labels = { cluster_name: 'local', group: groupId, topic, partition: String(row.partition) };
      expect(seriesValue(body, 'kafka_consumergroup_group_offset', labels), `offset p${row.partition}`).toBe(row.committedOffset);
      expect(seriesValue(body, 'kafka_consumergroup_group_lag', labels), `lag p${row.partition}`).toBe(row.lag);
      expect(seriesValue(body, 'kafka_partition_latest_offset', { cluster_name: 'local', topic, partition: String(row.partition) })).toBe(row.logEndOffset);
      expect(seriesValue(body, 'kafka_partition_earliest_offset', { cluster_name: 'local', topic, partition: String(row.partition) })).toBe(0);
    }
    expect(seriesValue(body, 'kafka_consumergroup_group_sum_lag', { cluster_name: 'local', group: groupId })).toBe(10);
    expect(seriesValue(body, 'kafka_consumergroup_group_max_lag', { cluster_name: 'local', group: groupId })).toBe(10);
  });

  it("says the cluster's health as kafka-topics and kafka-metadata-quorum see it", async () => {
    const { body } = await scrape();
    expect(seriesValue(body, 'kafka_dashboard_brokers_online', { cluster_name: 'local' })).toBe(3);
    const leader = Number(/LeaderId:\s+(\d+)/.exec(kafkaCli('metadata-quorum', 'describe', '--status'))![1]);
    expect(seriesValue(body, 'kafka_dashboard_active_controller', { cluster_name: 'local' })).toBe(leader);
    const underReplicated = kafkaCli('topics', '--describe', '--under-replicated-partitions')
      .split('\n')
      .filter((l) => /Partition:\s/.test(l)).length;
    expect(seriesValue(body, 'kafka_dashboard_under_replicated_partitions', { cluster_name: 'local' })).toBe(underReplicated);
  });

  it('with login on, needs the bearer METRICS_TOKEN, and does not exist without one', async () => {
    vi.stubEnv('AUTH_USERS', '[{"username":"a","role":"admin","passwordHash":"scrypt$x"}]');
    expect((await scrape()).status).toBe(404);
    vi.stubEnv('METRICS_TOKEN', 'it-metrics-token');
    const refused = await scrape({ authorization: 'Bearer wrong' });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body).error.code).toBe('UNAUTHENTICATED');
    const allowed = await scrape({ authorization: 'Bearer it-metrics-token' });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain('kafka_consumergroup_group_lag{');
  });
});
