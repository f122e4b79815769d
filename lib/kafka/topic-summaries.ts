import 'server-only';
import { isOffline, isUnderReplicated } from '@/lib/partition-health';
import { replicationFactor } from '@/lib/topic-stats';
import type { TopicSummary } from '@/lib/types/topics';
import { cachedCleanupPolicies } from './configs';
import { fetchReplicaSizes } from './log-dirs';
import { fetchOffsets, messageCount } from './offsets';
import type { ProtocolCluster, RawMetadata, RawTopic } from './protocol';
import { transactionalTopics } from './transactions';

/** What the metadata alone says of a topic: enough to sort and search a list by anything but size and messages. */
export type TopicShape = Omit<TopicSummary, 'sizeBytes' | 'messages' | 'messagesExact'>;

export function topicShape(t: RawTopic): TopicShape {
  const rf = replicationFactor(t.partitionMetadata.map((p) => p.replicas.length));
  return {
    name: t.topic,
    internal: Boolean(t.isInternal),
    partitions: t.partitionMetadata.length,
    replicationFactor: rf.max,
    minReplicationFactor: rf.min,
    underReplicatedPartitions: t.partitionMetadata.filter(isUnderReplicated).length,
    offlinePartitions: t.partitionMetadata.filter(isOffline).length,
  };
}

/**
 * Summaries of `topics` (every topic of `metadata` when null, else a page of them): offsets, sizes,
 * cleanup policies and transactions read for those topics only, in a constant number of round
 * trips: per broker two ListOffsets, one DescribeLogDirs and one DescribeProducers, and
 * DescribeConfigs per 1,000 topics (cached). In the order of `topics`.
 */
export async function summarizeTopics(cluster: string, protocol: ProtocolCluster, metadata: RawMetadata, topics: RawTopic[] | null): Promise<TopicSummary[]> {
  const chosen = (topics ?? metadata.topicMetadata).filter((t) => t.topicErrorCode === 0);
  const only = topics ? { brokers: metadata.brokers, topicMetadata: chosen } : metadata;
  const brokers = metadata.brokers.map((b) => b.nodeId);
  const [offsets, sizes, policies, transactional] = await Promise.all([
    fetchOffsets(protocol, only),
    fetchReplicaSizes(protocol, brokers, topics ? chosen.map((t) => ({ topic: t.topic, partitions: t.partitionMetadata.map((p) => p.partitionId) })) : null),
    cachedCleanupPolicies(
      cluster,
      protocol,
      chosen.map((t) => t.topic),
      brokers,
    ),
    transactionalTopics(protocol, only),
  ]);
  return chosen.map((t): TopicSummary => {
    const counts = t.partitionMetadata.map((p) => messageCount(offsets.get(t.topic)?.get(p.partitionId)));
    // A policy the brokers did not tell (a topic created a moment ago) counts as compacted: unknown is not exact.
    const compacted = policies.get(t.topic)?.includes('compact') ?? true;
    return {
      ...topicShape(t),
      sizeBytes: sizes.missingBrokers.length ? null : (sizes.byTopic.get(t.topic) ?? 0),
      messages: counts.reduce<number>((sum, n) => sum + (n ?? 0), 0),
      messagesExact: !compacted && !transactional.has(t.topic) && counts.every((n) => n !== null),
    };
  });
}
