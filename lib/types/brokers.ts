import type { ConfigEntry, ConfigSource } from './topics';

/** What the brokers API answers (lib/kafka/brokers.ts), for its routes and the browser's hooks. */

export interface BrokerSummary {
  nodeId: number;
  /** null for a broker that holds replicas but is not registered (down). */
  host: string | null;
  port: number | null;
  rack: string | null;
  online: boolean;
  isController: boolean;
  leaders: number;
  replicas: number;
  /** Partitions this broker is a replica of but out of the ISR for. */
  outOfSyncReplicas: number;
  /** Bytes in this broker's log dirs; null when it did not say. */
  sizeBytes: number | null;
}

export interface BrokerList {
  controllerId: number | null;
  brokers: BrokerSummary[];
}

export interface BrokerDetails extends BrokerSummary {
  configs: ConfigEntry[];
  outOfSyncPartitions: { topic: string; partition: number }[];
}

/**
 * One config a broker-config change would set (`to` a value) or remove at its level (`to` null):
 * its value and source now (for the cluster default, what is set at that level: null, null if nothing).
 */
export interface BrokerConfigPreview {
  name: string;
  from: string | null;
  source: ConfigSource | null;
  to: string | null;
}

/** PATCH …/brokers/{id|default}/configs: the configs afterwards, or with `?dryRun=true` what would change (Kafka only validated it). */
export type BrokerConfigsChange = { dryRun: false; configs: ConfigEntry[] } | { dryRun: true; changes: BrokerConfigPreview[] };
