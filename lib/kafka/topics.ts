import 'server-only';
import type { TopicDetails, TopicPartition, TopicSummary } from '@/lib/types/topics';
import type { CreateTopicRequest } from '@/lib/topic-validation';
import { withCluster } from './clients';
import { coalesce, forget } from './coalesce';
import { alterConfigs, describeConfigs, forgetCleanupPolicies } from './configs';
import { isInternalTopicName, internalTopicRefusal } from '@/lib/limits';
import { addPartitionsProblem } from '@/lib/topic-validation';
import { applyConfirmed } from './confirm-change';
import { ApiError, badRequest, notFound } from './errors';
import { apiErrorFromKafkaCode, KafkaErrorCode } from './kafka-error-codes';
import { askUntilKnown } from './lagging-brokers';
import { fetchReplicaSizes } from './log-dirs';
import { fetchOffsets, messageCount } from './offsets';
import { replicationFactor } from '@/lib/topic-stats';
import type { ProtocolCluster, RawMetadata, RawTopic } from './protocol';
import { createTopics } from './protocol/codecs/create-topics';
import { metadata as metadataApi } from './protocol/codecs/metadata';
import { transactionalTopics } from './transactions';
import { summarizeTopics } from './topic-summaries';
import { sleep } from '@/lib/sleep';

export const topicsCacheKey = (cluster: string) => `topics:${cluster}`;
/** Drops the shared topic list, after a change made elsewhere in lib/kafka (deleted records). */
export const forgetTopics = (cluster: string) => forget(topicsCacheKey(cluster));

/**
 * Every topic with its size, message count and partition health, in a constant number of round
 * trips however many topics there are: one Metadata, then per broker two ListOffsets, one
 * DescribeLogDirs and one DescribeProducers, and DescribeConfigs per 1,000 topics. Shared by
 * concurrent callers for two seconds, and answered up to ten seconds old while a new list is read.
 */
export async function listTopics(cluster: string, { includeInternal = false } = {}): Promise<TopicSummary[]> {
  const all = await coalesce(topicsCacheKey(cluster), 2000, readTopics(cluster), { staleMs: STALE_TOPICS_MS });
  return includeInternal ? all : all.filter((t) => !t.internal);
}

/**
 * How old a topic list may be answered while a new one is read in the background: with 20,000
 * topics a read takes Kafka seconds. Changes made through the dashboard drop it at once.
 */
export const STALE_TOPICS_MS = 10_000;

/** Every topic's summary; a refresh in the background on connections of its own (withCluster). */
const readTopics = (cluster: string) => (background: boolean) =>
  withCluster(cluster, async ({ protocolFor }) => {
    const protocol = await protocolFor(background);
    const metadata = await protocol.metadata();
    return (await summarizeTopics(cluster, protocol, metadata, null)).sort((a, b) => a.name.localeCompare(b.name));
  });

/** One topic's metadata, or a 404 ApiError once every broker has said "unknown" for about a second. */
export async function topicMetadata(protocol: ProtocolCluster, topic: string): Promise<RawTopic> {
  let first: RawMetadata | undefined;
  const answer = (metadata: RawMetadata) => metadata.topicMetadata.find((t) => t.topic === topic);
  const found = await askUntilKnown(
    () => (first?.brokers ?? []).map((b) => b.nodeId),
    async (broker) =>
      broker === undefined ? answer((first = await protocol.metadata([topic]))) : answer(await protocol.call(metadataApi, { topics: [topic] }, { broker })),
    (t) => t.topicErrorCode !== KafkaErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  );
  if (!found || found.topicErrorCode === KafkaErrorCode.UNKNOWN_TOPIC_OR_PARTITION) throw notFound('TOPIC_NOT_FOUND', `Topic "${topic}" does not exist`);
  if (found.topicErrorCode) throw apiErrorFromKafkaCode(found.topicErrorCode, null, `Cannot describe topic "${topic}"`);
  return found;
}

/**
 * One topic: partitions with leader, replicas, ISR, offsets and size, whether each count is exact,
 * and every config with its source.
 */
export function getTopic(cluster: string, topic: string): Promise<TopicDetails> {
  return withCluster(cluster, async ({ protocol }) => {
    const meta = await topicMetadata(protocol, topic);
    const only = { brokers: [], topicMetadata: [meta] };
    const { brokers } = await protocol.metadata([]);
    const [offsets, configs, sizes, transactional] = await Promise.all([
      fetchOffsets(protocol, only),
      describeConfigs(protocol, 'topic', topic),
      fetchReplicaSizes(
        protocol,
        brokers.map((b) => b.nodeId),
        [{ topic, partitions: meta.partitionMetadata.map((p) => p.partitionId) }],
      ),
      transactionalTopics(protocol, only),
    ]);
    // As in the list: a policy the broker did not tell counts as compacted, since unknown is not exact.
    const compacted = configs.find((c) => c.name === 'cleanup.policy')?.value?.includes('compact') ?? true;
    const sizeKnown = sizes.missingBrokers.length === 0;
    const partitions = meta.partitionMetadata
      .map((p): TopicPartition => {
        const o = offsets.get(topic)?.get(p.partitionId);
        const messages = messageCount(o);
        return {
          partition: p.partitionId,
          leader: p.leader,
          replicas: p.replicas,
          isr: p.isr,
          offlineReplicas: p.offlineReplicas ?? [],
          earliestOffset: o?.earliest ?? null,
          latestOffset: o?.latest ?? null,
          messages,
          messagesExact: !compacted && !transactional.get(topic)?.has(p.partitionId) && messages !== null,
          sizeBytes: sizeKnown ? (sizes.byPartition.get(topic)?.get(p.partitionId) ?? 0) : null,
        };
      })
      .sort((a, b) => a.partition - b.partition);
    const rf = replicationFactor(partitions.map((p) => p.replicas.length));
    return {
      name: topic,
      internal: Boolean(meta.isInternal),
      replicationFactor: rf.max,
      minReplicationFactor: rf.min,
      sizeBytes: sizeKnown ? (sizes.byTopic.get(topic) ?? 0) : null,
      messages: partitions.reduce((sum, p) => sum + (p.messages ?? 0), 0),
      messagesExact: partitions.every((p) => p.messagesExact),
      partitions,
      configs,
    };
  });
}

/**
 * Waits until every live broker's metadata shows the new topic with a leader for each partition:
 * brokers learn it from the controller one by one, and the next page may ask any of them.
 */
async function waitForLeaders(protocol: ProtocolCluster, topic: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  const { brokers } = await protocol.metadata([]);
  const ready = (metadata: RawMetadata) => {
    const meta = metadata.topicMetadata.find((t) => t.topic === topic);
    return Boolean(meta && meta.topicErrorCode === 0 && meta.partitionMetadata.length && meta.partitionMetadata.every((p) => p.leader >= 0));
  };
  let pending = brokers.map((b) => b.nodeId);
  while (pending.length && Date.now() < deadline) {
    const answers = await Promise.all(
      // A broker that does not answer is not waited for.
      pending.map((nodeId) => protocol.call(metadataApi, { topics: [topic] }, { broker: nodeId }).then(ready, () => true)),
    );
    pending = pending.filter((_, i) => !answers[i]);
    if (pending.length) await sleep(100);
  }
}

/**
 * Refuses any change to Kafka's internal topics (403 INTERNAL_TOPIC, the same on every route): by
 * name before anything is sent, and by the brokers' own flag once the topic is described.
 */
export function refuseInternalTopic(topic: string, action: string, meta?: RawTopic) {
  if (isInternalTopicName(topic) || meta?.isInternal) throw new ApiError('INTERNAL_TOPIC', internalTopicRefusal(topic, action));
}

/** The topic's partition count as a broker sees it, or null when it does not know the topic. */
async function partitionCount(protocol: ProtocolCluster, topic: string): Promise<number | null> {
  const found = (await protocol.metadata([topic])).topicMetadata.find((t) => t.topic === topic);
  return found && found.topicErrorCode === 0 ? found.partitionMetadata.length : null;
}

const describeCount = (topic: string, count: number | null) => (count === null ? `"${topic}" does not exist` : `"${topic}" has ${count} partitions`);

/** Creates a topic; the broker validates configs first and its own refusal message is passed on. */
export async function createTopic(cluster: string, input: CreateTopicRequest): Promise<{ name: string }> {
  refuseInternalTopic(input.name, 'create');
  return withCluster(cluster, async ({ protocol }) => {
    const { brokers } = await protocol.metadata([]);
    if (input.replicationFactor > brokers.length) {
      throw badRequest(`Replication factor ${input.replicationFactor} is more than the ${brokers.length} live broker(s)`, 'INVALID_REPLICATION_FACTOR');
    }
    const newTopic = { name: input.name, partitions: input.partitions, replicationFactor: input.replicationFactor, configs: input.configs ?? {} };
    await applyConfirmed(cluster, {
      what: `creating "${input.name}"`,
      apply: async () => {
        const [result] = await protocol.call(createTopics, { topics: [newTopic], timeoutMs: 30_000, validateOnly: false });
        if (!result) throw new ApiError('EMPTY_RESPONSE', 'Kafka answered CreateTopics without a result');
        if (result.errorCode) throw apiErrorFromKafkaCode(result.errorCode, result.errorMessage, `Kafka refused to create "${input.name}"`);
      },
      observe: async () => {
        const count = await partitionCount(protocol, input.name);
        return { applied: count === input.partitions, state: describeCount(input.name, count) };
      },
    });
    await waitForLeaders(protocol, input.name);
    forget(topicsCacheKey(cluster));
    return { name: input.name };
  });
}

/** Deletes a topic; Kafka's internal topics are refused. */
export async function deleteTopic(cluster: string, topic: string): Promise<void> {
  refuseInternalTopic(topic, 'delete');
  return withCluster(cluster, async ({ admin, protocol }) => {
    refuseInternalTopic(topic, 'delete', await topicMetadata(protocol, topic));
    await applyConfirmed(cluster, {
      what: `deleting "${topic}"`,
      apply: () => admin.deleteTopics({ topics: [topic], timeout: 30_000 }),
      observe: async () => {
        const count = await partitionCount(protocol, topic);
        return { applied: count === null, state: describeCount(topic, count) };
      },
    });
    forget(topicsCacheKey(cluster));
    forgetCleanupPolicies(cluster);
  });
}

/**
 * Grows a topic to `count` partitions (at most MAX_PARTITIONS, checked here too: Kafka applies
 * only part of a larger request and answers an error); shrinking is impossible in Kafka.
 */
export async function addPartitions(cluster: string, topic: string, count: number): Promise<{ partitions: number }> {
  refuseInternalTopic(topic, 'add partitions to');
  return withCluster(cluster, async ({ admin, protocol }) => {
    const meta = await topicMetadata(protocol, topic);
    refuseInternalTopic(topic, 'add partitions to', meta);
    const problem = addPartitionsProblem(count, meta.partitionMetadata.length, `"${topic}"`);
    if (problem) throw badRequest(problem, 'INVALID_PARTITIONS');
    await applyConfirmed(cluster, {
      what: `growing "${topic}" to ${count} partitions`,
      apply: () => admin.createPartitions({ topicPartitions: [{ topic, count }], timeout: 30_000 }),
      observe: async () => {
        const now = await partitionCount(protocol, topic);
        return { applied: now !== null && now >= count, state: describeCount(topic, now) };
      },
    });
    forget(topicsCacheKey(cluster));
    return { partitions: count };
  });
}

/** Changes or resets (null) single config keys of a topic, keeping every other override. */
export async function updateTopicConfigs(cluster: string, topic: string, configs: Record<string, string | null>) {
  refuseInternalTopic(topic, 'change the configs of');
  return withCluster(cluster, async ({ protocol }) => {
    refuseInternalTopic(topic, 'change the configs of', await topicMetadata(protocol, topic));
    const changes = Object.entries(configs);
    await applyConfirmed(cluster, {
      what: `changing ${changes.map(([name]) => name).join(', ')} of "${topic}"`,
      apply: () =>
        alterConfigs(
          protocol,
          'topic',
          topic,
          changes.map(([name, value]) => ({ name, value })),
        ),
      observe: async () => {
        const now = new Map((await describeConfigs(protocol, 'topic', topic)).map((c) => [c.name, c]));
        const applied = changes.every(([name, value]) => (value === null ? (now.get(name)?.isDefault ?? true) : now.get(name)?.value === value));
        return { applied, state: applied ? 'the configs show the change' : 'the configs do not show it' };
      },
    });
    forget(topicsCacheKey(cluster));
    forgetCleanupPolicies(cluster);
  });
}
