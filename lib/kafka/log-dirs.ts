import 'server-only';
import type { ProtocolCluster } from './protocol';
import { describeLogDirs, type LogDir } from './protocol/codecs/describe-log-dirs';

export interface ReplicaSizes {
  /** Bytes per topic over all its replicas on all brokers that answered. */
  byTopic: Map<string, number>;
  /** Bytes per partition (all replicas), for the topics asked for by name only. */
  byPartition: Map<string, Map<number, number>>;
  /** Bytes per broker. */
  byBroker: Map<number, number>;
  /** Brokers that did not answer (down, or too old for DescribeLogDirs v1). */
  missingBrokers: number[];
}

type TopicPartitions = { topic: string; partitions: number[] }[] | null;

export async function logDirsOf(protocol: ProtocolCluster, nodeId: number, topics: TopicPartitions): Promise<LogDir[] | null> {
  try {
    // A broker too old for DescribeLogDirs v1 throws UnsupportedApiError: counted as missing too.
    return await protocol.call(describeLogDirs, { topics }, { broker: nodeId });
  } catch {
    return null;
  }
}

/**
 * Replica sizes on disk from every broker, one DescribeLogDirs request each, in parallel: of every
 * topic, or (a topic page) of the given partitions only, with the size of each partition too.
 */
export async function fetchReplicaSizes(protocol: ProtocolCluster, brokerIds: number[], topics: TopicPartitions = null): Promise<ReplicaSizes> {
  const answers = await Promise.all(brokerIds.map(async (id) => [id, await logDirsOf(protocol, id, topics)] as const));
  const sizes: ReplicaSizes = { byTopic: new Map(), byPartition: new Map(), byBroker: new Map(), missingBrokers: [] };
  for (const [brokerId, dirs] of answers) {
    if (!dirs) {
      sizes.missingBrokers.push(brokerId);
      continue;
    }
    let brokerTotal = 0;
    for (const dir of dirs.filter((d) => d.errorCode === 0)) {
      for (const replica of dir.replicas) {
        // A "future" replica is a copy being moved between a broker's disks; count the current one only.
        if (replica.isFuture) continue;
        sizes.byTopic.set(replica.topic, (sizes.byTopic.get(replica.topic) ?? 0) + replica.sizeBytes);
        if (topics) {
          const partitions = sizes.byPartition.get(replica.topic) ?? new Map<number, number>();
          partitions.set(replica.partition, (partitions.get(replica.partition) ?? 0) + replica.sizeBytes);
          sizes.byPartition.set(replica.topic, partitions);
        }
        brokerTotal += replica.sizeBytes;
      }
    }
    sizes.byBroker.set(brokerId, brokerTotal);
  }
  return sizes;
}
