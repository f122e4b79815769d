import 'server-only';
import { throttledReplicas } from '@/lib/reassignment-validation';
import { alterConfigs } from './configs';
import { ApiError } from './errors';
import { apiErrorFromKafkaCode } from './kafka-error-codes';
import type { ProtocolCluster } from './protocol';
import { RESOURCE_TYPE, incrementalAlterConfigs, type ConfigChange } from './protocol/codecs/incremental-alter-configs';

/**
 * The replication throttle of a reassignment, as `kafka-reassign-partitions --throttle` sets it: a
 * rate on every broker taking part, and on each topic the replicas it applies to. Kafka's tool
 * removes it on `--verify` once the moves are done; here the GET of the reassignment list does
 * (removeThrottleIfDone), the first time it sees none of the throttled topics moving.
 *
 * What was throttled is remembered in this process only: after a restart mid-reassignment, run
 * `kafka-reassign-partitions --verify` with the plan (or delete the four configs) to lift it.
 */
const RATE_CONFIGS = ['leader.replication.throttled.rate', 'follower.replication.throttled.rate'];

interface Throttle {
  rate: number;
  brokers: Set<number>;
  /** topic → the "partition:broker" entries of its leader and follower throttled replicas. */
  topics: Map<string, { leader: Set<string>; follower: Set<string> }>;
}

/** A broker's own configs are changed on that broker: another one answers "Unexpected broker id". */
async function alterBrokerConfigs(protocol: ProtocolCluster, id: number, changes: ConfigChange[]) {
  const [result] = await protocol.call(
    incrementalAlterConfigs,
    { resourceType: RESOURCE_TYPE.broker, resourceName: String(id), changes, validateOnly: false },
    { broker: id },
  );
  if (!result) throw new ApiError('EMPTY_RESPONSE', `Broker ${id} answered the config change without a result`);
  if (result.errorCode) throw apiErrorFromKafkaCode(result.errorCode, result.errorMessage, `Broker ${id} refused the throttle`);
}

const throttles = ((globalThis as { __reassignmentThrottles?: Map<string, Throttle> }).__reassignmentThrottles ??= new Map());

export interface ThrottledMove {
  topic: string;
  partition: number;
  current: number[];
  replicas: number[];
}

/** Sets (or widens) the throttle for `moves`, merged with one this process set before. */
export async function setThrottle(cluster: string, protocol: ProtocolCluster, rate: number, moves: ThrottledMove[]): Promise<void> {
  const throttle: Throttle = throttles.get(cluster) ?? { rate, brokers: new Set(), topics: new Map() };
  throttle.rate = rate;
  // Only partitions whose replica set changes copy data; a new order alone moves nothing.
  for (const move of moves.filter((m) => m.replicas.some((id) => !m.current.includes(id)))) {
    for (const id of [...move.current, ...move.replicas]) throttle.brokers.add(id);
    const entry = throttle.topics.get(move.topic) ?? { leader: new Set<string>(), follower: new Set<string>() };
    const { leader, follower } = throttledReplicas([move]);
    for (const item of leader.split(',').filter(Boolean)) entry.leader.add(item);
    for (const item of follower.split(',').filter(Boolean)) entry.follower.add(item);
    throttle.topics.set(move.topic, entry);
  }
  throttles.set(cluster, throttle);
  for (const id of throttle.brokers) {
    await alterBrokerConfigs(
      protocol,
      id,
      RATE_CONFIGS.map((name) => ({ name, value: String(rate) })),
    );
  }
  for (const [topic, { leader, follower }] of throttle.topics) {
    await alterConfigs(protocol, 'topic', topic, [
      { name: 'leader.replication.throttled.replicas', value: [...leader].join(',') },
      { name: 'follower.replication.throttled.replicas', value: [...follower].join(',') },
    ]);
  }
}

/** The rate this process throttles `cluster`'s reassignments with, or null. */
export const currentThrottle = (cluster: string): number | null => throttles.get(cluster)?.rate ?? null;

/**
 * Removes the throttle once none of its topics has a partition still moving. A failure is logged
 * and tried again on the next call: it must not hide the list of reassignments.
 */
export async function removeThrottleIfDone(cluster: string, protocol: ProtocolCluster, movingTopics: Set<string>): Promise<void> {
  const throttle = throttles.get(cluster);
  if (!throttle || [...throttle.topics.keys()].some((topic) => movingTopics.has(topic))) return;
  try {
    await removeThrottle(cluster, protocol);
  } catch (error) {
    console.error(`Could not remove the reassignment throttle of cluster ${cluster}; retrying on the next look`, error);
  }
}

/** Deletes every throttle config this process set on `cluster` (topics gone meanwhile are skipped). */
export async function removeThrottle(cluster: string, protocol: ProtocolCluster): Promise<void> {
  const throttle = throttles.get(cluster);
  if (!throttle) return;
  for (const id of throttle.brokers) {
    await alterBrokerConfigs(
      protocol,
      id,
      RATE_CONFIGS.map((name) => ({ name, value: null })),
    );
  }
  for (const topic of throttle.topics.keys()) {
    try {
      await alterConfigs(protocol, 'topic', topic, [
        { name: 'leader.replication.throttled.replicas', value: null },
        { name: 'follower.replication.throttled.replicas', value: null },
      ]);
    } catch (error) {
      if ((error as { code?: string }).code !== 'TOPIC_NOT_FOUND') throw error;
    }
  }
  throttles.delete(cluster);
}
