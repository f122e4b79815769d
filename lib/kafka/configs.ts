import 'server-only';
import { ConfigResourceTypes, type Admin } from 'kafkajs';
import type { ConfigEntry, ConfigSource } from '@/lib/types/topics';
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

interface RawConfigEntry {
  configName: string;
  configValue: string | null;
  readOnly: boolean;
  isSensitive: boolean;
  configSource?: number;
}

/**
 * Every config of a topic or broker with its source. For a topic, "default" means not overridden
 * on the topic itself (a broker-wide setting counts as the topic's default, as kafka-topics shows it).
 */
export async function describeConfigs(admin: Admin, kind: 'topic' | 'broker', name: string): Promise<ConfigEntry[]> {
  const type = kind === 'topic' ? ConfigResourceTypes.TOPIC : ConfigResourceTypes.BROKER;
  const { resources } = await admin.describeConfigs({ resources: [{ type, name }], includeSynonyms: false });
  const resource = resources[0];
  if (resource.errorCode) throw apiErrorFromKafkaCode(resource.errorCode, resource.errorMessage, `Cannot read the configs of ${kind} ${name}`);
  return (resource.configEntries as RawConfigEntry[])
    .map((entry): ConfigEntry => {
      const source = SOURCES[entry.configSource ?? 0] ?? 'UNKNOWN';
      const isDefault = kind === 'topic' ? source !== 'DYNAMIC_TOPIC_CONFIG' : source === 'DEFAULT_CONFIG';
      return {
        name: entry.configName,
        // Kafka already withholds sensitive values; never pass one on even if it did not.
        value: entry.isSensitive ? null : entry.configValue,
        isDefault,
        isSensitive: entry.isSensitive,
        readOnly: entry.readOnly,
        source,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The cleanup.policy of many topics in one DescribeConfigs request. */
export async function cleanupPolicies(admin: Admin, topics: string[]): Promise<Map<string, string>> {
  if (topics.length === 0) return new Map();
  const { resources } = await admin.describeConfigs({
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['cleanup.policy'] })),
    includeSynonyms: false,
  });
  return new Map(
    resources.map((r) => [r.resourceName, (r.configEntries as RawConfigEntry[]).find((e) => e.configName === 'cleanup.policy')?.configValue ?? 'delete']),
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
