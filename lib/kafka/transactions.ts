import 'server-only';
import { DESCRIBE_PRODUCERS, decodeDescribeProducersResponse, encodeDescribeProducersRequest } from './describe-producers-codec';
import { groupByLeader } from './offsets';
import { decodedWith, handEncoded, type ProtocolCluster, type RawMetadata } from './protocol';

/**
 * Topics, and their partitions, where transactional producers wrote (one DescribeProducers per leader broker). Their
 * message counts overstate: every commit or abort leaves a marker that takes an offset. Brokers
 * forget a producer after producer.id.expiration.ms (1 day) without writes, so older transactions
 * are not seen here.
 */
export async function transactionalTopics(protocol: ProtocolCluster, metadata: RawMetadata): Promise<Map<string, Set<number>>> {
  const byLeader = groupByLeader(metadata, null);
  const found = new Map<string, Set<number>>();
  await Promise.all(
    [...byLeader].map(async ([leader, topics]) => {
      const versions = await protocol.apiVersions(leader, DESCRIBE_PRODUCERS.apiKey).catch(() => null);
      if (!versions) return;
      const answer = await protocol
        .sendTo(
          leader,
          handEncoded(DESCRIBE_PRODUCERS.apiKey, DESCRIBE_PRODUCERS.version, 'DescribeProducers',
            encodeDescribeProducersRequest([...topics].map(([topic, partitions]) => ({ topic, partitions })))),
          decodedWith(decodeDescribeProducersResponse),
        )
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
