import 'server-only';
import type { ElectLeadersResult } from '@/lib/types/operations';
import type { ElectLeadersInput } from '@/lib/operations-validation';
import { withCluster } from './clients';
import { forget } from './coalesce';
import { badRequest, notFound } from './errors';
import { apiErrorFromKafkaCode, KafkaErrorCode, kafkaErrorName } from './kafka-error-codes';
import { ELECTION_TYPE, electLeaders as electLeadersApi } from './protocol/codecs/elect-leaders';
import { forgetTopics } from './topics';

const TIMEOUT_MS = 30_000;

/** Topic → partitions, in the order asked, without repeats. */
function byTopic(partitions: { topic: string; partition: number }[]) {
  const topics = new Map<string, Set<number>>();
  for (const { topic, partition } of partitions) topics.set(topic, (topics.get(topic) ?? new Set()).add(partition));
  return [...topics].map(([topic, set]) => ({ topic, partitions: [...set].sort((a, b) => a - b) }));
}

/**
 * Elects leaders like `kafka-leader-election`: the preferred replica (the first listed), or
 * unclean (any live replica, even out of the ISR: may lose data), for named partitions or all.
 * Named partitions are checked first (404 for an unknown one). A partition whose wanted leader
 * already leads is reported as "not-needed", not as a failure.
 */
export function electLeaders(cluster: string, input: ElectLeadersInput): Promise<ElectLeadersResult> {
  return withCluster(cluster, async ({ protocol }) => {
    const asked = input.partitions ? byTopic(input.partitions) : null;
    if (asked) {
      const metadata = await protocol.metadata(asked.map((t) => t.topic));
      for (const { topic, partitions } of asked) {
        const meta = metadata.topicMetadata.find((t) => t.topic === topic && t.topicErrorCode === 0);
        if (!meta) throw notFound('TOPIC_NOT_FOUND', `Topic "${topic}" does not exist`);
        const known = new Set(meta.partitionMetadata.map((p) => p.partitionId));
        const unknown = partitions.filter((p) => !known.has(p));
        if (unknown.length) throw badRequest(`Topic "${topic}" has no partition ${unknown.join(', ')}`, 'UNKNOWN_PARTITION');
      }
    }
    const answer = await protocol.call(electLeadersApi, { electionType: ELECTION_TYPE[input.type], partitions: asked, timeoutMs: TIMEOUT_MS });
    if (answer.errorCode) throw apiErrorFromKafkaCode(answer.errorCode, null, `Kafka refused the leader election (error ${answer.errorCode})`);
    forgetTopics(cluster);
    forget(`brokers:${cluster}`);
    forget(`overview:${cluster}`);
    const results = answer.results.flatMap(({ topic, partitions }) =>
      partitions.map(({ partition, errorCode, errorMessage }): ElectLeadersResult['results'][number] => {
        if (errorCode === 0) return { topic, partition, outcome: 'elected' };
        if (errorCode === KafkaErrorCode.ELECTION_NOT_NEEDED) return { topic, partition, outcome: 'not-needed' };
        // Kafka's name for the partition's error (a result in the body, not the API's error code).
        const code = kafkaErrorName(errorCode);
        return { topic, partition, outcome: 'failed', error: { code, message: errorMessage ?? code } };
      }),
    );
    return { results: results.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition)) };
  });
}
