import 'server-only';
import { getClusters } from '@/lib/config';
import { lagSeconds } from '@/lib/metrics/lag-seconds';
import { renderMetrics, type ClusterMetrics } from '@/lib/metrics/exposition';
import { isOffline, isUnderReplicated } from '@/lib/partition-health';
import { parseTpKey } from '@/lib/tp-key';
import type { RawTopic } from './protocol';
import type { GroupRecord } from './groups-snapshot';
import { evaluate, groupsSnapshot, latestSample } from './groups';
import { historyOf, lagSettings } from './lag-history';

/**
 * One configured cluster's metrics from its latest lag sample: no Kafka round trip per scrape. The
 * first scrape of a cluster takes a sample (and starts its sampler) when none was taken yet; a
 * cluster that cannot be sampled is left out of the scrape (its brokers gauge then goes absent).
 */
async function clusterMetrics(cluster: string): Promise<ClusterMetrics | null> {
  // A dashboard process that is not the elected sampler (lag-sampler.ts) takes no timed samples: at most one per interval here.
  const previous = latestSample(cluster);
  if (!previous || Date.now() - previous.snapshot.t > lagSettings().sampleIntervalMs) await groupsSnapshot(cluster).catch(() => null);
  const sample = latestSample(cluster);
  if (!sample) return null;
  const { snapshot, controllerId } = sample;
  const history = historyOf(cluster);
  const partitions = snapshot.metadata.topicMetadata.flatMap((t: RawTopic) => t.partitionMetadata);
  return {
    cluster,
    brokersOnline: snapshot.metadata.brokers.length,
    underReplicatedPartitions: partitions.filter(isUnderReplicated).length,
    offlinePartitions: partitions.filter(isOffline).length,
    activeController: controllerId,
    partitions: [...snapshot.logEnd].map(([key, latest]) => ({ ...parseTpKey(key), latest, earliest: snapshot.logStart.get(key) ?? null })),
    // Share groups commit no offsets: kafka-lag-exporter's metrics do not apply to them.
    groups: snapshot.groups
      .filter((g: GroupRecord) => g.type !== 'share')
      .map((group: GroupRecord) => {
        const { partitions: evaluated, verdict } = evaluate(cluster, snapshot, group);
        return {
          group: group.groupId,
          status: verdict.status,
          partitions: evaluated.map((p) => {
            const owner = group.owners.get(p.key);
            return {
              topic: p.topic,
              partition: p.partition,
              committed: p.committed,
              lag: p.lag,
              lagSeconds: lagSeconds(history.points(group.groupId, p.key), p.committed, p.logEnd, snapshot.t),
              memberHost: owner?.host ?? '',
              consumerId: owner?.memberId ?? '',
              clientId: owner?.clientId ?? '',
            };
          }),
        };
      }),
  };
}

/** The whole scrape: every configured cluster, in parallel. */
export async function scrapeMetrics(): Promise<{ contentType: string; body: string }> {
  const clusters = await Promise.all(getClusters().map((c) => clusterMetrics(c.name)));
  return renderMetrics(clusters.filter((c): c is ClusterMetrics => c !== null));
}
