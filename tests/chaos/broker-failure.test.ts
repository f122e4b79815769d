import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getClusterOverview } from '@/lib/kafka/cluster';
import { clusterScript, kafkaCli, waitFor } from '../support/kafka-cli';

// Kills node 2 with `cluster:kill-broker`, then brings it back with `cluster:start-broker`.
describe('a broker dies and comes back', () => {
  // A fresh cluster may hold no topic at all: make sure some partitions have a replica on node 2.
  const topic = `broker-failure-${Date.now()}`;
  // One partition whose only replica is node 2: it goes offline with it.
  const onlyOnNode2 = `broker-failure-single-${Date.now()}`;

  beforeAll(() => {
    kafkaCli('topics', '--create', '--topic', topic, '--partitions', '3', '--replication-factor', '3');
    kafkaCli('topics', '--create', '--topic', onlyOnNode2, '--replica-assignment', '2');
  });

  afterAll(() => {
    clusterScript('start-broker', '2');
    kafkaCli('topics', '--delete', '--topic', topic);
    kafkaCli('topics', '--delete', '--topic', onlyOnNode2);
  });

  it('shows the broker gone and under-replicated partitions within 40 s, then recovers', async () => {
    const before = await getClusterOverview('local');
    expect(before.brokers).toHaveLength(3);
    expect(before.underReplicatedPartitions).toBe(0);

    clusterScript('kill-broker', '2');
    const degraded = await waitFor(async () => {
      const overview = await getClusterOverview('local');
      return overview.brokers.length === 2 && overview.underReplicatedPartitions > 0 && overview.offlinePartitions > 0 ? overview : undefined;
    }, 40_000);
    expect(degraded.value.brokers.map((b) => b.nodeId)).toEqual([0, 1]);
    expect(degraded.value.offlineBrokers).toEqual([2]);
    const partitionLines = (text: string) => text.split('\n').filter((line) => /\tPartition: \d+/.test(line)).length;
    expect(degraded.value.underReplicatedPartitions).toBe(partitionLines(kafkaCli('topics', '--describe', '--under-replicated-partitions')));
    expect(degraded.value.offlinePartitions).toBe(partitionLines(kafkaCli('topics', '--describe', '--unavailable-partitions')));
    expect(degraded.value.offlinePartitions).toBeGreaterThanOrEqual(1);

    clusterScript('start-broker', '2');
    const recovered = await waitFor(async () => {
      const overview = await getClusterOverview('local');
      return overview.brokers.length === 3 && overview.underReplicatedPartitions === 0 && overview.offlinePartitions === 0 ? overview : undefined;
    }, 60_000);
    expect(recovered.value.brokers.map((b) => b.nodeId)).toEqual([0, 1, 2]);
  });
});

describe('every broker is down, then back', () => {
  type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const overview = async () => {
    const route = await import('@/app/api/clusters/[cluster]/route');
    const response = await (route.GET as Handler)(new Request('http://localhost/api'), { params: Promise.resolve({ cluster: 'local' }) });
    return { status: response.status, body: await response.json() };
  };

  afterAll(() => clusterScript('start'));

  it('answers 503 CLUSTER_UNREACHABLE within 15 s, and recovers without a restart when the cluster is back', async () => {
    expect((await overview()).status).toBe(200);
    for (const id of ['0', '1', '2']) clusterScript('kill-broker', id);

    // Polled as a page does (the overview is shared for 1 s between callers).
    const { value: down } = await waitFor(
      async () => {
        const answer = await overview();
        return answer.status === 200 ? undefined : answer;
      },
      15_000,
      500,
    );
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('CLUSTER_UNREACHABLE');
    expect(down.body.error.message).toMatch(/Cannot reach cluster "local"/);

    clusterScript('start');
    const back = await waitFor(async () => {
      const answer = await overview();
      return answer.status === 200 && answer.body.brokers.length === 3 ? answer : undefined;
    }, 60_000);
    expect(back.value.body.brokers.map((b: { nodeId: number }) => b.nodeId)).toEqual([0, 1, 2]);
    // cluster:start's readiness probe creates a topic: none may be left behind.
    await waitFor(async () => (kafkaCli('topics', '--list').includes('__cluster-readiness-') ? undefined : true), 15_000);
  });
});
