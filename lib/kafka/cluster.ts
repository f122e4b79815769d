import 'server-only';
import { nonPreferredLeaders } from '@/lib/preferred-leaders';
import { getClusters } from '@/lib/config';
import type { ClusterOverview, ClusterSummary } from '@/lib/types/cluster';
import { withCluster } from './clients';
import { coalesce } from './coalesce';
import { offlineBrokerIds } from '@/lib/cluster-health';
import { kafkaVersionFromMetadataLevel, type KafkaVersion } from '@/lib/kafka-version';
import { isOffline, isUnderReplicated } from '@/lib/partition-health';
import type { ProtocolCluster } from './protocol';
import { apiVersions } from './protocol/codecs/api-versions';
import { describeQuorum } from './protocol/codecs/describe-quorum';

/** The configured clusters as the browser may see them (no credentials). */
export function listClusters(): ClusterSummary[] {
  return getClusters().map((c) => ({ name: c.name, bootstrap: c.brokers.join(',') }));
}

/** The active KRaft controller: the quorum leader from DescribeQuorum, or null if the cluster does not say. */
export async function activeControllerId(protocol: ProtocolCluster): Promise<number | null> {
  try {
    const status = await protocol.call(describeQuorum, null);
    return status.leaderId >= 0 ? status.leaderId : null;
  } catch {
    // ZooKeeper-era clusters and brokers without DescribeQuorum: show no controller rather than a wrong one.
    return null;
  }
}

/**
 * The release line from the finalized `metadata.version` (ApiVersions v3), or null when the cluster
 * does not report one (ZooKeeper-era clusters, brokers before KIP-584).
 */
export async function kafkaVersion(protocol: ProtocolCluster): Promise<KafkaVersion | null> {
  try {
    const features = await protocol.call(apiVersions, null);
    return kafkaVersionFromMetadataLevel(features.get('metadata.version'));
  } catch {
    return null;
  }
}

/**
 * Cluster id, active controller, Kafka version, brokers (offline ones too) and partition health in
 * three round trips (one Metadata for all topics, one DescribeQuorum, one ApiVersions), shared by
 * concurrent callers for a second.
 */
export function getClusterOverview(name: string): Promise<ClusterOverview> {
  return coalesce(`overview:${name}`, 1000, () =>
    withCluster(name, async ({ protocol }) => {
      const [metadata, controllerId, version] = await Promise.all([protocol.metadata(), activeControllerId(protocol), kafkaVersion(protocol)]);
      const partitions = metadata.topicMetadata.flatMap((t) => t.partitionMetadata);
      return {
        name,
        clusterId: metadata.clusterId ?? null,
        controllerId,
        kafkaVersion: version,
        brokers: metadata.brokers.map(({ nodeId, host, port, rack }) => ({ nodeId, host, port, rack: rack ?? null })).sort((a, b) => a.nodeId - b.nodeId),
        offlineBrokers: offlineBrokerIds(
          metadata.brokers.map((b) => b.nodeId),
          partitions,
        ),
        topics: metadata.topicMetadata.length,
        partitions: partitions.length,
        underReplicatedPartitions: partitions.filter(isUnderReplicated).length,
        offlinePartitions: partitions.filter(isOffline).length,
        nonPreferredLeaders: ((all) => ({ count: all.length, partitions: all.slice(0, 100) }))(nonPreferredLeaders(metadata.topicMetadata)),
      };
    }),
  );
}
