import 'server-only';
import type { ConfigEntry, ConfigSource } from '@/lib/types/topics';
import { ApiError } from './errors';
import { apiErrorFromKafkaCode, KafkaErrorCode } from './kafka-error-codes';
import { askUntilKnown } from './lagging-brokers';
import type { ProtocolCluster } from './protocol';
import { describeConfigs as describeConfigsApi, type ConfigResourceRequest } from './protocol/codecs/describe-configs';
import { RESOURCE_TYPE, incrementalAlterConfigs, type ConfigChange } from './protocol/codecs/incremental-alter-configs';

const SOURCES: ConfigSource[] = [
  'UNKNOWN',
  'DYNAMIC_TOPIC_CONFIG',
  'DYNAMIC_BROKER_CONFIG',
  'DYNAMIC_DEFAULT_BROKER_CONFIG',
  'STATIC_BROKER_CONFIG',
  'DEFAULT_CONFIG',
  'DYNAMIC_BROKER_LOGGER_CONFIG',
];

/** Broker configs are only answered by that broker; topic configs by any. */
function describe(protocol: ProtocolCluster, resources: ConfigResourceRequest[], brokerId?: number) {
  return protocol.call(describeConfigsApi, { resources }, { broker: brokerId });
}

/**
 * Every config of a topic or broker with its source. For a topic, "default" means not overridden
 * on the topic itself (a broker-wide setting counts as the topic's default, as kafka-topics shows it).
 */
export async function describeConfigs(protocol: ProtocolCluster, kind: 'topic' | 'broker', name: string): Promise<ConfigEntry[]> {
  const type = kind === 'topic' ? RESOURCE_TYPE.topic : RESOURCE_TYPE.broker;
  const ask = async (broker?: number) => (await describe(protocol, [{ type, name, configNames: null }], broker))[0];
  const resource =
    kind === 'broker'
      ? await ask(Number(name))
      : // A topic just created may be unknown yet to the broker asked (any broker answers for a topic).
        await askUntilKnown(
          async () => (await protocol.metadata([])).brokers.map((b) => b.nodeId),
          ask,
          (r) => r.errorCode !== KafkaErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        );
  if (!resource) throw new ApiError('EMPTY_RESPONSE', `Kafka answered without the configs of ${kind} ${name}`);
  if (resource.errorCode) throw apiErrorFromKafkaCode(resource.errorCode, resource.errorMessage, `Cannot read the configs of ${kind} ${name}`);
  return resource.configs
    .map((entry): ConfigEntry => {
      const source = SOURCES[entry.source] ?? 'UNKNOWN';
      return {
        name: entry.name,
        // Kafka already withholds sensitive values; never pass one on even if it did not.
        value: entry.isSensitive ? null : entry.value,
        isDefault: kind === 'topic' ? source !== 'DYNAMIC_TOPIC_CONFIG' : source === 'DEFAULT_CONFIG',
        isSensitive: entry.isSensitive,
        readOnly: entry.readOnly,
        source,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The cluster-wide dynamic broker defaults (`kafka-configs --entity-default`): only the configs set
 * at that level, asked of one live broker.
 */
export async function describeDefaultBrokerConfigs(protocol: ProtocolCluster, viaBroker: number): Promise<Map<string, string | null>> {
  const [resource] = await describe(protocol, [{ type: RESOURCE_TYPE.broker, name: '', configNames: null }], viaBroker);
  if (!resource) throw new ApiError('EMPTY_RESPONSE', 'Kafka answered without the cluster-wide broker defaults');
  if (resource.errorCode) throw apiErrorFromKafkaCode(resource.errorCode, resource.errorMessage, 'Cannot read the cluster-wide broker defaults');
  return new Map(resource.configs.map((c) => [c.name, c.isSensitive ? null : c.value]));
}

/** Topics per DescribeConfigs request: a broker answers about 2,000 a second, within the request timeout. */
const POLICY_BATCH = 1000;

/**
 * The cleanup.policy of many topics, 1,000 per DescribeConfigs request spread over `brokers` (any
 * broker answers for a topic) in parallel; topics gone meanwhile are left out. One request for
 * 20,000 topics took a broker 12 s, past the client's request timeout.
 */
export async function cleanupPolicies(protocol: ProtocolCluster, topics: string[], brokers: number[] = []): Promise<Map<string, string>> {
  if (topics.length === 0) return new Map();
  const batches = Array.from({ length: Math.ceil(topics.length / POLICY_BATCH) }, (_, i) => topics.slice(i * POLICY_BATCH, (i + 1) * POLICY_BATCH));
  const answers = await Promise.all(
    batches.map((batch, i) =>
      describe(
        protocol,
        batch.map((name) => ({ type: RESOURCE_TYPE.topic, name, configNames: ['cleanup.policy'] })),
        brokers.length ? brokers[i % brokers.length] : undefined,
      ),
    ),
  );
  return new Map(
    answers
      .flat()
      .filter((r) => r.errorCode === 0)
      .map((r) => [r.name, r.configs.find((c) => c.name === 'cleanup.policy')?.value ?? 'delete']),
  );
}

/**
 * Sets or resets single config keys with IncrementalAlterConfigs, leaving every other override
 * alone (kafkajs's alterConfigs would replace them all). Validated by the broker first; with
 * `validateOnly` only validated (a dry run), nothing changed.
 */
export async function alterConfigs(
  protocol: ProtocolCluster,
  kind: 'topic' | 'broker',
  name: string,
  changes: ConfigChange[],
  { validateOnly: only = false } = {},
) {
  const resourceType = kind === 'topic' ? RESOURCE_TYPE.topic : RESOURCE_TYPE.broker;
  for (const validateOnly of only ? [true] : [true, false]) {
    // One broker's own configs are validated by that broker ("Unexpected broker id" from any other).
    const target = kind === 'broker' && name !== '' ? { broker: Number(name) } : undefined;
    const [result] = await protocol.call(incrementalAlterConfigs, { resourceType, resourceName: name, changes, validateOnly }, target);
    if (!result) throw new ApiError('EMPTY_RESPONSE', 'Kafka answered the config change without a result');
    if (result.errorCode) throw apiErrorFromKafkaCode(result.errorCode, result.errorMessage, `Kafka refused the config change for ${name}`);
  }
}

const POLICY_TTL_MS = 30_000;
interface PolicyEntry {
  at: number;
  policies: Map<string, string>;
  refreshing: boolean;
}
const policyCache = ((globalThis as { __policyCache?: Map<string, PolicyEntry> }).__policyCache ??= new Map());
/** Bumped by every forget: a refresh begun before a change does not bring back what it changed. */
let generation = 0;

/**
 * cleanup.policy of every topic: reading 20,000 topics' configs is the slowest part of the topic
 * list (seconds) and they rarely change. Topics new since the last read are asked for alone; past
 * 30 s the whole table is read again in the background while requests answer from the one held.
 * Changes made through the dashboard drop the table at once (forgetCleanupPolicies).
 */
export async function cachedCleanupPolicies(
  cluster: string,
  protocol: ProtocolCluster,
  topics: string[],
  brokers: number[] = [],
): Promise<Map<string, string>> {
  const entry = policyCache.get(cluster);
  if (entry && !entry.refreshing && Date.now() - entry.at >= POLICY_TTL_MS) {
    entry.refreshing = true;
    const started = generation;
    cleanupPolicies(protocol, topics, brokers).then(
      (policies) => {
        if (generation === started) policyCache.set(cluster, { at: Date.now(), policies, refreshing: false });
      },
      () => (entry.refreshing = false),
    );
  }
  const missing = entry ? topics.filter((t) => !entry.policies.has(t)) : topics;
  const answered = await cleanupPolicies(protocol, missing, brokers);
  if (!entry) {
    policyCache.set(cluster, { at: Date.now(), policies: answered, refreshing: false });
    return answered;
  }
  for (const [topic, policy] of answered) entry.policies.set(topic, policy);
  return entry.policies;
}

export function forgetCleanupPolicies(cluster: string) {
  generation++;
  policyCache.delete(cluster);
}
