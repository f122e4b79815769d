import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getClusterOverview } from '@/lib/kafka/cluster';
import { clusterScript, kafkaCli, waitFor } from '../support/kafka-cli';

// Kills node 2 with `cluster:kill-broker`, then brings it back with `cluster:start-broker`.
describe('a broker dies and comes back', () => {
  // A fresh cluster may hold no topic at all: make sure some partitions have a replica on node 2.
  const topic = `broker-failure-${Date.now()}`;

  beforeAll(() => {
    kafkaCli('topics', '--create', '--topic', topic, '--partitions', '3', '--replication-factor', '3');
  });

  afterAll(() => {
    clusterScript('start-broker', '2');
    kafkaCli('topics', '--delete', '--topic', topic);
  });

  it('shows the broker gone and under-replicated partitions within 40 s, then recovers', async () => {
    const before = await getClusterOverview('local');
    expect(before.brokers).toHaveLength(3);
    expect(before.underReplicatedPartitions).toBe(0);

    clusterScript('kill-broker', '2');
    const degraded = await waitFor(async () => {
      const overview = await getClusterOverview('local');
      return overview.brokers.length === 2 && overview.underReplicatedPartitions > 0 ? overview : undefined;
    }, 40_000);
    expect(degraded.value.brokers.map((b) => b.nodeId)).toEqual([0, 1]);
    const cliUnderReplicated = kafkaCli('topics', '--describe', '--under-replicated-partitions')
      .split('\n')
      .filter((line) => /\tPartition: \d+/.test(line)).length;
    expect(degraded.value.underReplicatedPartitions).toBe(cliUnderReplicated);

    clusterScript('start-broker', '2');
    const recovered = await waitFor(async () => {
      const overview = await getClusterOverview('local');
      return overview.brokers.length === 3 && overview.underReplicatedPartitions === 0 ? overview : undefined;
    }, 60_000);
    expect(recovered.value.brokers.map((b) => b.nodeId)).toEqual([0, 1, 2]);
  });
});
