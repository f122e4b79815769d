import { describe, expect, it } from 'vitest';
import { getClusterOverview } from '@/lib/kafka/cluster';
import { kafkaCli } from '../support/kafka-cli';

/** What Kafka's own tools say about the cluster, parsed from their output. */
function referenceFromCli() {
  const quorum = kafkaCli('metadata-quorum', 'describe', '--status');
  const field = (name: string) => quorum.match(new RegExp(`^${name}:\\s+(\\S+)`, 'm'))?.[1];
  const brokers = [...kafkaCli('broker-api-versions').matchAll(/^(\S+):(\d+) \(id: (\d+) rack: ([^\s)]+)/gm)]
    .map(([, host, port, nodeId, rack]) => ({ nodeId: Number(nodeId), host, port: Number(port), rack: rack === 'null' ? null : rack }))
    .sort((a, b) => a.nodeId - b.nodeId);
  const partitionLines = (text: string) => text.split('\n').filter((line) => /\tPartition: \d+/.test(line)).length;
  return {
    clusterId: field('ClusterId'),
    controllerId: Number(field('LeaderId')),
    brokers,
    topics: kafkaCli('topics', '--list').split('\n').filter(Boolean).length,
    partitions: partitionLines(kafkaCli('topics', '--describe')),
    underReplicatedPartitions: partitionLines(kafkaCli('topics', '--describe', '--under-replicated-partitions')),
    offlinePartitions: partitionLines(kafkaCli('topics', '--describe', '--unavailable-partitions')),
  };
}

describe('cluster overview against Kafka tools', () => {
  it('equals what kafka-metadata-quorum, kafka-broker-api-versions and kafka-topics say', async () => {
    const reference = referenceFromCli();
    const overview = await getClusterOverview('local');
    expect(overview.name).toBe('local');
    expect(overview.clusterId).toBe(reference.clusterId);
    expect(overview.controllerId).toBe(reference.controllerId);
    expect(overview.brokers).toEqual(reference.brokers);
    expect(overview.brokers.map((b) => b.nodeId)).toEqual([0, 1, 2]);
    expect(overview.brokers.map((b) => b.rack)).toEqual(['rack-a', 'rack-b', 'rack-c']);
    expect(overview.topics).toBe(reference.topics);
    expect(overview.partitions).toBe(reference.partitions);
    expect(overview.underReplicatedPartitions).toBe(reference.underReplicatedPartitions);
    expect(overview.offlinePartitions).toBe(reference.offlinePartitions);
  });

  it('takes the controller from the quorum, not from Metadata (which names any broker)', async () => {
    const overview = await getClusterOverview('local');
    const leader = Number(kafkaCli('metadata-quorum', 'describe', '--status').match(/^LeaderId:\s+(\d+)/m)?.[1]);
    expect(overview.controllerId).toBe(leader);
  });
});
