import 'server-only';
import { ApiError, causes, kafkaErrorType, toApiError } from './errors';
import { DELIVERY_TIMEOUT_MS } from './producer';

/**
 * Broker answers that mean "my view of this partition is behind": a topic another tool created a
 * moment ago, a leader moved by a reassignment or an election. The producer sends again until its
 * delivery timeout (lib/kafka/producer.ts); this names what was still wrong after that.
 */
const STALE_PARTITION = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'NOT_LEADER_FOR_PARTITION', 'LEADER_NOT_AVAILABLE']);

export function isStalePartitionError(error: unknown): boolean {
  return STALE_PARTITION.has(kafkaErrorType(error) ?? '');
}

const list = (partitions: number[]) => `${partitions.length === 1 ? 'partition' : 'partitions'} ${partitions.join(', ')}`;

/**
 * The answer when a produce request could not write every partition: the broker's reason under an
 * honest code (a partition whose leader is moving or not yet known is not an unreachable cluster,
 * 503 PARTITION_NOT_AVAILABLE) and exactly how many messages each partition took, so nobody
 * resends what was written. A failure that wrote nothing and is not about partitions is returned
 * as it is, for withCluster to map (and to reset the clients after a connection failure).
 */
export function writeFailure(
  cluster: string,
  topic: string,
  failure: unknown,
  written: ReadonlyMap<number, number>,
  messages: { partition: number }[],
): unknown {
  const stale = isStalePartitionError(failure);
  const count = [...written.values()].reduce((sum, n) => sum + n, 0);
  if (!stale && count === 0) return failure;
  const failed = [...new Set(messages.map((m) => m.partition))].filter((p) => !written.has(p)).sort((a, b) => a - b);
  const reason = causes(failure).find((e) => e.type)?.message ?? (failure as Error).message;
  const problem = stale
    ? new ApiError(
        'PARTITION_NOT_AVAILABLE',
        `Kafka took no writes to ${list(failed)} of "${topic}" for ${DELIVERY_TIMEOUT_MS / 1000} s: ` +
          `${reason} (${kafkaErrorType(failure)}); try again in a few seconds`,
      )
    : toApiError(failure, cluster);
  const outcome = count
    ? `${count} of ${messages.length} messages were written (${[...written]
        .sort(([a], [b]) => a - b)
        .map(([p, n]) => `partition ${p}: ${n}`)
        .join(', ')}), none to ${list(failed)}`
    : `None of the ${messages.length} messages was written`;
  return new ApiError(problem.code, `${problem.message}. ${outcome}.`);
}
