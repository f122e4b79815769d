import 'server-only';
import { PlanError, planReassignment } from '@/lib/reassignment-plan';
import type { CancelRequest, ExecuteRequest, PlanRequest } from '@/lib/reassignment-validation';
import type { PartitionReassignment, ReassignmentList, ReassignmentPlan } from '@/lib/types/reassignments';
import { withCluster } from './clients';
import { ApiError, badRequest, notFound } from './errors';
import { apiErrorFromKafkaCode, KafkaErrorCode } from './kafka-error-codes';
import { logDirsOf } from './log-dirs';
import type { ProtocolCluster, RawMetadata } from './protocol';
import { alterPartitionReassignments } from './protocol/codecs/alter-partition-reassignments';
import { listPartitionReassignments } from './protocol/codecs/list-partition-reassignments';
import { currentThrottle, removeThrottle, removeThrottleIfDone, setThrottle } from './replication-throttle';

/** Partition reassignment (`kafka-reassign-partitions`): plan, execute, list with progress, cancel. */

const TIMEOUT_MS = 30_000;

/** The topics' metadata; a topic that does not exist is a 404, before anything changes. */
async function topicsMetadata(protocol: ProtocolCluster, topics: string[]): Promise<RawMetadata> {
  const metadata = await protocol.metadata(topics);
  for (const topic of topics) {
    const found = metadata.topicMetadata.find((t) => t.topic === topic);
    if (!found || found.topicErrorCode === KafkaErrorCode.UNKNOWN_TOPIC_OR_PARTITION) throw notFound('TOPIC_NOT_FOUND', `Topic "${topic}" does not exist`);
    if (found.topicErrorCode !== 0) throw apiErrorFromKafkaCode(found.topicErrorCode, null, `Cannot describe topic "${topic}"`);
  }
  return metadata;
}

function refuseUnknownBrokers(metadata: RawMetadata, ids: number[]) {
  const known = new Set(metadata.brokers.map((b) => b.nodeId));
  const unknown = [...new Set(ids)].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw badRequest(`No live broker with id ${unknown.join(', ')} (brokers: ${[...known].sort((a, b) => a - b).join(', ')})`, 'UNKNOWN_BROKER');
  }
}

/** Bytes per (topic, partition, broker) from the brokers' log dirs, one DescribeLogDirs each. */
async function replicaSizes(protocol: ProtocolCluster, brokerIds: number[], partitions: { topic: string; partition: number }[]) {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions) byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
  const request = [...byTopic].map(([topic, list]) => ({ topic, partitions: list }));
  const sizes = new Map<string, number>();
  const answers = await Promise.all(brokerIds.map(async (id) => [id, await logDirsOf(protocol, id, request)] as const));
  for (const [broker, dirs] of answers) {
    for (const dir of (dirs ?? []).filter((d) => d.errorCode === 0)) {
      for (const r of dir.replicas) if (!r.isFuture) sizes.set(`${r.topic}\u0000${r.partition}\u0000${broker}`, r.sizeBytes);
    }
  }
  return (topic: string, partition: number, broker: number) => sizes.get(`${topic}\u0000${partition}\u0000${broker}`);
}

/** Proposes a layout of `topics` over `brokers` (nothing changes); see lib/reassignment-plan.ts. */
export function planForCluster(cluster: string, request: PlanRequest): Promise<ReassignmentPlan> {
  return withCluster(cluster, async ({ protocol }) => {
    const metadata = await topicsMetadata(protocol, request.topics);
    refuseUnknownBrokers(metadata, request.brokers);
    const partitions = request.topics.flatMap((topic) =>
      metadata.topicMetadata
        .find((t) => t.topic === topic)!
        .partitionMetadata.map((p) => ({ topic, partition: p.partitionId, replicas: p.replicas }))
        .sort((a, b) => a.partition - b.partition),
    );
    const holders = [...new Set(partitions.flatMap((p) => p.replicas))].filter((id) => metadata.brokers.some((b) => b.nodeId === id));
    const sizeOf = await replicaSizes(protocol, holders, partitions);
    const rackOf = new Map(metadata.brokers.map((b) => [b.nodeId, b.rack]));
    try {
      return planReassignment({
        partitions: partitions.map((p) => ({ ...p, sizeBytes: Math.max(0, ...p.replicas.map((id) => sizeOf(p.topic, p.partition, id) ?? 0)) })),
        brokers: request.brokers.map((id) => ({ id, rack: rackOf.get(id) ?? null })),
        replicationFactor: request.replicationFactor,
      });
    } catch (error) {
      if (error instanceof PlanError) throw badRequest(error.message, 'INVALID_PLAN');
      throw error;
    }
  });
}

/** Throws the first partition error of an AlterPartitionReassignments answer, if any. */
function refuseFailed(
  answer: {
    errorCode: number;
    errorMessage: string | null;
    partitions: { topic: string; partition: number; errorCode: number; errorMessage: string | null }[];
  },
  what: string,
) {
  if (answer.errorCode) throw apiErrorFromKafkaCode(answer.errorCode, answer.errorMessage, `Kafka refused to ${what}`);
  const failed = answer.partitions.filter((p) => p.errorCode !== 0);
  if (failed.length > 0) {
    const [first] = failed;
    const error = apiErrorFromKafkaCode(first.errorCode, first.errorMessage, `Kafka refused to ${what}`);
    throw new ApiError(
      error.code,
      `${first.topic}-${first.partition}: ${error.message}${failed.length > 1 ? ` (and ${failed.length - 1} more partitions)` : ''}`,
    );
  }
}

/**
 * Starts moving partitions to new replica lists, throttled if asked. Everything the cluster can
 * tell is checked first (topics, partitions, live brokers), so bad input changes nothing.
 */
export function executeReassignment(cluster: string, request: ExecuteRequest): Promise<{ partitions: number }> {
  return withCluster(cluster, async ({ protocol }) => {
    const topics = [...new Set(request.partitions.map((p) => p.topic))];
    const metadata = await topicsMetadata(protocol, topics);
    refuseUnknownBrokers(
      metadata,
      request.partitions.flatMap((p) => p.replicas),
    );
    const moves = request.partitions.map((p) => {
      const found = metadata.topicMetadata.find((t) => t.topic === p.topic)!.partitionMetadata.find((m) => m.partitionId === p.partition);
      if (!found) throw badRequest(`Topic "${p.topic}" has no partition ${p.partition}`, 'UNKNOWN_PARTITION');
      return { ...p, current: found.replicas };
    });
    const hadThrottle = currentThrottle(cluster) !== null;
    if (request.throttleBytesPerSec !== undefined) await setThrottle(cluster, protocol, request.throttleBytesPerSec, moves);
    try {
      const answer = await protocol.call(alterPartitionReassignments, {
        timeoutMs: TIMEOUT_MS,
        allowReplicationFactorChange: true,
        topics: topics.map((name) => ({
          name,
          partitions: moves.filter((m) => m.topic === name).map((m) => ({ partition: m.partition, replicas: m.replicas })),
        })),
      });
      refuseFailed(answer, 'start the reassignment');
    } catch (error) {
      // Nothing moves: the throttle set just now must not stay behind.
      if (request.throttleBytesPerSec !== undefined && !hadThrottle) await removeThrottle(cluster, protocol).catch(() => {});
      throw error;
    }
    return { partitions: moves.length };
  });
}

/**
 * The reassignments in progress with how far each adding replica got; removes the dashboard's
 * replication throttle once its topics have stopped moving.
 */
export function listReassignments(cluster: string): Promise<ReassignmentList> {
  return withCluster(cluster, async ({ protocol }) => {
    const answer = await protocol.call(listPartitionReassignments, { timeoutMs: TIMEOUT_MS, topics: null });
    if (answer.errorCode) throw apiErrorFromKafkaCode(answer.errorCode, answer.errorMessage, 'Kafka did not list the reassignments');
    const moving = answer.reassignments.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    await removeThrottleIfDone(cluster, protocol, new Set(moving.map((r) => r.topic)));
    const brokers = [...new Set(moving.flatMap((r) => r.replicas))];
    const sizeOf = moving.length > 0 ? await replicaSizes(protocol, brokers, moving) : () => undefined;
    const reassignments: PartitionReassignment[] = moving.map((r) => {
      const settled = r.replicas
        .filter((id) => !r.adding.includes(id))
        .map((id) => sizeOf(r.topic, r.partition, id))
        .filter((n) => n !== undefined);
      return {
        ...r,
        sizeBytes: settled.length > 0 ? Math.max(...settled) : null,
        copied: r.adding.map((broker) => ({ broker, bytes: sizeOf(r.topic, r.partition, broker) ?? 0 })),
      };
    });
    return { reassignments, throttleBytesPerSec: currentThrottle(cluster) };
  });
}

/** Cancels moves in progress (replicas null); a partition not moving is a 409 and nothing is cancelled. */
export function cancelReassignments(cluster: string, request: CancelRequest): Promise<{ cancelled: { topic: string; partition: number }[] }> {
  return withCluster(cluster, async ({ protocol }) => {
    const listed = await protocol.call(listPartitionReassignments, { timeoutMs: TIMEOUT_MS, topics: null });
    const moving = new Set(listed.reassignments.map((r) => `${r.topic}\u0000${r.partition}`));
    const idle = request.partitions.filter((p) => !moving.has(`${p.topic}\u0000${p.partition}`));
    if (idle.length > 0) {
      throw new ApiError(
        'NO_REASSIGNMENT_IN_PROGRESS',
        `No reassignment in progress for ${idle
          .slice(0, 5)
          .map((p) => `${p.topic}-${p.partition}`)
          .join(', ')}${idle.length > 5 ? ` and ${idle.length - 5} more` : ''}`,
      );
    }
    const topics = [...new Set(request.partitions.map((p) => p.topic))];
    const answer = await protocol.call(alterPartitionReassignments, {
      timeoutMs: TIMEOUT_MS,
      allowReplicationFactorChange: true,
      topics: topics.map((name) => ({
        name,
        partitions: request.partitions.filter((p) => p.topic === name).map((p) => ({ partition: p.partition, replicas: null })),
      })),
    });
    refuseFailed(answer, 'cancel the reassignment');
    return { cancelled: request.partitions };
  });
}
