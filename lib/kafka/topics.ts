import 'server-only';
import type { CreateTopicRequest, TopicDetails, TopicPartition, TopicSummary } from '@/lib/types/topics';
import { withCluster } from './clients';
import { coalesce, forget } from './coalesce';
import { alterConfigs, cachedCleanupPolicies, describeConfigs, forgetCleanupPolicies } from './configs';
import { CREATE_TOPICS_API_KEY, CREATE_TOPICS_VERSION, decodeCreateTopicsResponse, encodeCreateTopicsRequest } from './create-topics-codec';
import { isInternalTopicName, internalTopicRefusal } from '@/lib/limits';
import { addPartitionsProblem } from '@/lib/topic-validation';
import { applyConfirmed } from './confirm-change';
import { ApiError, badRequest, notFound } from './errors';
import { apiErrorFromKafkaCode } from './kafka-error-codes';
import { fetchReplicaSizes } from './log-dirs';
import { METADATA_API_KEY, METADATA_VERSION, decodeMetadataResponse, encodeMetadataRequest } from './metadata-codec';
import { fetchOffsets, messageCount } from './offsets';
import { isOffline, isUnderReplicated } from '@/lib/partition-health';
import { replicationFactor } from '@/lib/topic-stats';
import { decodedWith, handEncoded, type ProtocolCluster, type RawMetadata, type RawTopic } from './protocol';
import { transactionalTopics } from './transactions';

const UNKNOWN_TOPIC = 3;
const cacheKey = (cluster: string) => `topics:${cluster}`;

/**
 * Every topic with its size, message count and partition health, in a constant number of round
 * trips however many topics there are: one Metadata, then per broker two ListOffsets, one
 * DescribeLogDirs and one DescribeProducers, and one DescribeConfigs. Shared by concurrent callers
 * for two seconds.
 */
export async function listTopics(cluster: string, { includeInternal = false } = {}): Promise<TopicSummary[]> {
  const all = await coalesce(cacheKey(cluster), 2000, () =>
    withCluster(cluster, async ({ admin, protocol }) => {
      const metadata = await protocol.metadata();
      const topics = metadata.topicMetadata.filter((t) => t.topicErrorCode === 0);
      const [offsets, sizes, policies, transactional] = await Promise.all([
        fetchOffsets(protocol, metadata),
        fetchReplicaSizes(protocol, metadata.brokers.map((b) => b.nodeId)),
        cachedCleanupPolicies(cluster, protocol, topics.map((t) => t.topic)),
        transactionalTopics(protocol, metadata),
      ]);
      return topics
        .map((t): TopicSummary => {
          const counts = t.partitionMetadata.map((p) => messageCount(offsets.get(t.topic)?.get(p.partitionId)));
          // A policy the brokers did not tell (a topic created a moment ago) counts as compacted: unknown is not exact.
          const compacted = policies.get(t.topic)?.includes('compact') ?? true;
          const rf = replicationFactor(t.partitionMetadata.map((p) => p.replicas.length));
          return {
            name: t.topic,
            internal: Boolean(t.isInternal),
            partitions: t.partitionMetadata.length,
            replicationFactor: rf.max,
            minReplicationFactor: rf.min,
            sizeBytes: sizes.missingBrokers.length ? null : (sizes.byTopic.get(t.topic) ?? 0),
            messages: counts.reduce<number>((sum, n) => sum + (n ?? 0), 0),
            messagesExact: !compacted && !transactional.has(t.topic) && counts.every((n) => n !== null),
            underReplicatedPartitions: t.partitionMetadata.filter(isUnderReplicated).length,
            offlinePartitions: t.partitionMetadata.filter(isOffline).length,
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
    }),
  );
  return includeInternal ? all : all.filter((t) => !t.internal);
}

/**
 * One topic's metadata, or a 404 ApiError. Brokers learn new topics from the controller a moment
 * apart, so "unknown" is asked again twice before it is believed.
 */
export async function topicMetadata(protocol: ProtocolCluster, topic: string): Promise<RawTopic> {
  for (let attempt = 0; ; attempt++) {
    const metadata = await protocol.metadata([topic]);
    const found = metadata.topicMetadata.find((t) => t.topic === topic);
    if (found && found.topicErrorCode === 0) return found;
    if (found && found.topicErrorCode !== UNKNOWN_TOPIC) throw apiErrorFromKafkaCode(found.topicErrorCode, null, `Cannot describe topic "${topic}"`);
    if (attempt === 2) throw notFound('TOPIC_NOT_FOUND', `Topic "${topic}" does not exist`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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
      fetchReplicaSizes(protocol, brokers.map((b) => b.nodeId), [{ topic, partitions: meta.partitionMetadata.map((p) => p.partitionId) }]),
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
    const answers = await Promise.all(pending.map((nodeId) =>
      protocol
        .sendTo(nodeId, handEncoded(METADATA_API_KEY, METADATA_VERSION, 'Metadata', encodeMetadataRequest([topic])), decodedWith(decodeMetadataResponse))
        .then(ready, () => true), // a broker that does not answer is not waited for
    ));
    pending = pending.filter((_, i) => !answers[i]);
    if (pending.length) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Refuses any change to Kafka's internal topics (403 INTERNAL_TOPIC, the same on every route): by
 * name before anything is sent, and by the brokers' own flag once the topic is described.
 */
export function refuseInternalTopic(topic: string, action: string, meta?: RawTopic) {
  if (isInternalTopicName(topic) || meta?.isInternal) throw new ApiError(403, 'INTERNAL_TOPIC', internalTopicRefusal(topic, action));
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
        const [result] = await protocol.send(
          handEncoded(CREATE_TOPICS_API_KEY, CREATE_TOPICS_VERSION, 'CreateTopics', encodeCreateTopicsRequest([newTopic], 30_000, false)),
          decodedWith(decodeCreateTopicsResponse),
        );
        if (!result) throw new ApiError(502, 'EMPTY_RESPONSE', 'Kafka answered CreateTopics without a result');
        if (result.errorCode) throw apiErrorFromKafkaCode(result.errorCode, result.errorMessage, `Kafka refused to create "${input.name}"`);
      },
      observe: async () => {
        const count = await partitionCount(protocol, input.name);
        return { applied: count === input.partitions, state: describeCount(input.name, count) };
      },
    });
    await waitForLeaders(protocol, input.name);
    forget(cacheKey(cluster));
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
    forget(cacheKey(cluster));
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
    forget(cacheKey(cluster));
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
      apply: () => alterConfigs(protocol, 'topic', topic, changes.map(([name, value]) => ({ name, value }))),
      observe: async () => {
        const now = new Map((await describeConfigs(protocol, 'topic', topic)).map((c) => [c.name, c]));
        const applied = changes.every(([name, value]) => (value === null ? (now.get(name)?.isDefault ?? true) : now.get(name)?.value === value));
        return { applied, state: applied ? 'the configs show the change' : 'the configs do not show it' };
      },
    });
    forget(cacheKey(cluster));
    forgetCleanupPolicies(cluster);
  });
}
