import 'server-only';
import { partitionsByLeader } from './leaders';
import type { ProtocolCluster, RawMetadata } from './protocol';
import { describeProducers } from './protocol/codecs/describe-producers';

/**
 * Topics, and their partitions, where transactional producers wrote (one DescribeProducers per leader broker). Their
 * message counts overstate: every commit or abort leaves a marker that takes an offset. Brokers
 * forget a producer after producer.id.expiration.ms (1 day) without writes, so older transactions
 * are not seen here.
 */
export async function transactionalTopics(protocol: ProtocolCluster, metadata: RawMetadata): Promise<Map<string, Set<number>>> {
  const byLeader = partitionsByLeader(metadata, null);
  const found = new Map<string, Set<number>>();
  await Promise.all(
    [...byLeader].map(async ([leader, topics]) => {
      // A broker without DescribeProducers (UnsupportedApiError) or that fails: nothing known, nothing flagged.
      const answer = await protocol
        .call(describeProducers, { topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })) }, { broker: leader })
        .catch(() => []);
      for (const p of answer) {
        if (p.errorCode !== 0 || !p.transactional) continue;
        const partitions = found.get(p.topic) ?? new Set<number>();
        partitions.add(p.partition);
        found.set(p.topic, partitions);
      }
    }),
  );
  return found;
}
