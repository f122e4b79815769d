import 'server-only';
import type { ConfigEntry, ConfigSource } from '@/lib/types/topics';
import { DESCRIBE_CONFIGS, decodeDescribeConfigsResponse, encodeDescribeConfigsRequest, type ConfigResourceRequest } from './describe-configs-codec';
import { ApiError } from './errors';
import {
  INCREMENTAL_ALTER_CONFIGS_API_KEY, RESOURCE_TYPE, decodeIncrementalAlterConfigsResponse,
  encodeIncrementalAlterConfigsRequest, type ConfigChange,
} from './incremental-alter-configs';
import { apiErrorFromKafkaCode } from './kafka-error-codes';
import { decodedWith, handEncoded, type ProtocolCluster } from './protocol';

const SOURCES: ConfigSource[] = [
  'UNKNOWN', 'DYNAMIC_TOPIC_CONFIG', 'DYNAMIC_BROKER_CONFIG', 'DYNAMIC_DEFAULT_BROKER_CONFIG',
  'STATIC_BROKER_CONFIG', 'DEFAULT_CONFIG', 'DYNAMIC_BROKER_LOGGER_CONFIG',
];

/** Broker configs are only answered by that broker; topic configs by any. */
function describe(protocol: ProtocolCluster, resources: ConfigResourceRequest[], brokerId?: number) {
  const request = handEncoded(DESCRIBE_CONFIGS.apiKey, DESCRIBE_CONFIGS.version, 'DescribeConfigs', encodeDescribeConfigsRequest(resources));
  const response = decodedWith(decodeDescribeConfigsResponse);
  return brokerId === undefined ? protocol.send(request, response) : protocol.sendTo(brokerId, request, response);
}

/**
 * Every config of a topic or broker with its source. For a topic, "default" means not overridden
 * on the topic itself (a broker-wide setting counts as the topic's default, as kafka-topics shows it).
 */
export async function describeConfigs(protocol: ProtocolCluster, kind: 'topic' | 'broker', name: string): Promise<ConfigEntry[]> {
  const type = kind === 'topic' ? RESOURCE_TYPE.topic : RESOURCE_TYPE.broker;
  const [resource] = await describe(protocol, [{ type, name, configNames: null }], kind === 'broker' ? Number(name) : undefined);
  if (!resource) throw new ApiError(502, 'EMPTY_RESPONSE', `Kafka answered without the configs of ${kind} ${name}`);
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

/** The cleanup.policy of many topics in one DescribeConfigs request; topics gone meanwhile are left out. */
export async function cleanupPolicies(protocol: ProtocolCluster, topics: string[]): Promise<Map<string, string>> {
  if (topics.length === 0) return new Map();
  const results = await describe(protocol, topics.map((name) => ({ type: RESOURCE_TYPE.topic, name, configNames: ['cleanup.policy'] })));
  return new Map(
    results
      .filter((r) => r.errorCode === 0)
      .map((r) => [r.name, r.configs.find((c) => c.name === 'cleanup.policy')?.value ?? 'delete']),
  );
}

/**
 * Sets or resets single config keys with IncrementalAlterConfigs, leaving every other override
 * alone (kafkajs's alterConfigs would replace them all). Validated by the broker first.
 */
export async function alterConfigs(protocol: ProtocolCluster, kind: 'topic' | 'broker', name: string, changes: ConfigChange[]) {
  const resourceType = kind === 'topic' ? RESOURCE_TYPE.topic : RESOURCE_TYPE.broker;
  for (const validateOnly of [true, false]) {
    const [result] = await protocol.send(
      handEncoded(INCREMENTAL_ALTER_CONFIGS_API_KEY, 0, 'IncrementalAlterConfigs',
        encodeIncrementalAlterConfigsRequest(resourceType, name, changes, validateOnly)),
      decodedWith(decodeIncrementalAlterConfigsResponse),
    );
    if (!result) throw new ApiError(502, 'EMPTY_RESPONSE', 'Kafka answered the config change without a result');
    if (result.errorCode) throw apiErrorFromKafkaCode(result.errorCode, result.errorMessage, `Kafka refused the config change for ${name}`);
  }
}

const POLICY_TTL_MS = 30_000;
const policyCache = ((globalThis as { __policyCache?: Map<string, { at: number; policies: Map<string, string> }> }).__policyCache ??= new Map());

/**
 * cleanup.policy of every topic, kept for 30 s: reading 10,000 topics' configs is the slowest part
 * of the topic list and they rarely change. Topics new since the last read are asked for alone;
 * changes made through the dashboard drop the cache at once (forgetCleanupPolicies).
 */
export async function cachedCleanupPolicies(cluster: string, protocol: ProtocolCluster, topics: string[]): Promise<Map<string, string>> {
  const entry = policyCache.get(cluster);
  const fresh = entry && Date.now() - entry.at < POLICY_TTL_MS ? entry : null;
  const missing = fresh ? topics.filter((t) => !fresh.policies.has(t)) : topics;
  const answered = await cleanupPolicies(protocol, missing);
  const policies = fresh ? new Map<string, string>([...fresh.policies, ...answered]) : answered;
  policyCache.set(cluster, { at: fresh?.at ?? Date.now(), policies });
  return policies;
}

export const forgetCleanupPolicies = (cluster: string) => policyCache.delete(cluster);
