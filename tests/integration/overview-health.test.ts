import { describe, expect, it } from 'vitest';
import { getClusterOverview } from '@/lib/kafka/cluster';
import { clusterHealth } from '@/lib/cluster-health';
import { kafkaCli } from '../support/kafka-cli';

describe('overview health and version against Kafka tools', () => {
  it('reports the finalized metadata.version that kafka-features describe prints', async () => {
    const finalized = kafkaCli('features', 'describe').match(/^Feature: metadata\.version\s.*FinalizedVersionLevel: (\S+)/m)?.[1];
    expect(finalized).toMatch(/^\d+\.\d+-IV\d+$/);
    const overview = await getClusterOverview('local');
    expect(overview.kafkaVersion).toEqual({ release: finalized!.split('-')[0], metadataVersion: finalized });
  });

  it('calls the healthy shared cluster healthy: no broker offline, controller known, no bad partitions', async () => {
    const overview = await getClusterOverview('local');
    const unavailable = kafkaCli('topics', '--describe', '--unavailable-partitions').trim();
    const underReplicated = kafkaCli('topics', '--describe', '--under-replicated-partitions').trim();
    expect(unavailable).toBe('');
    expect(underReplicated).toBe('');
    expect(overview.offlineBrokers).toEqual([]);
    expect(clusterHealth(overview)).toEqual({ healthy: true });
  });
});
