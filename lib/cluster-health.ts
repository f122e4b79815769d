/**
 * The overview's broker rows and its one health verdict. Pure: the overview route computes the
 * inputs from one Metadata and one DescribeQuorum, the page renders the result.
 */

export interface RegisteredBroker {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface BrokerRow {
  nodeId: number;
  host: string | null;
  port: number | null;
  rack: string | null;
  online: boolean;
}

/**
 * Brokers that hold replicas but are not registered in the metadata: KRaft drops a broker from
 * Metadata once it stops heartbeating, while its partitions still name it as a replica. The same rule
 * as the brokers page (lib/kafka/brokers.ts).
 */
export function offlineBrokerIds(registered: readonly number[], partitions: readonly { replicas: readonly number[] }[]): number[] {
  const live = new Set(registered);
  const offline = new Set<number>();
  for (const p of partitions) for (const id of p.replicas) if (!live.has(id)) offline.add(id);
  return [...offline].sort((a, b) => a - b);
}

/** Registered brokers (online) and replica holders that do not answer (offline), by node id. */
export function brokerRows(registered: readonly RegisteredBroker[], offline: readonly number[]): BrokerRow[] {
  const rows = new Map<number, BrokerRow>();
  for (const b of registered) rows.set(b.nodeId, { ...b, online: true });
  for (const nodeId of offline) if (!rows.has(nodeId)) rows.set(nodeId, { nodeId, host: null, port: null, rack: null, online: false });
  return [...rows.values()].sort((a, b) => a.nodeId - b.nodeId);
}

export interface HealthInput {
  offlineBrokers: readonly number[];
  controllerId: number | null;
  underReplicatedPartitions: number;
  offlinePartitions: number;
}

export type HealthVerdict = { healthy: true } | { healthy: false; problems: string[] };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * "Healthy" only when every broker answers, no partition is under-replicated or offline and the
 * active controller is known; otherwise each thing that is wrong, worst first.
 */
export function clusterHealth(input: HealthInput): HealthVerdict {
  const problems: string[] = [];
  if (input.offlinePartitions > 0) problems.push(`${plural(input.offlinePartitions, 'partition is', 'partitions are')} offline (no leader)`);
  if (input.offlineBrokers.length === 1) problems.push(`Broker ${input.offlineBrokers[0]} is offline`);
  if (input.offlineBrokers.length > 1) problems.push(`Brokers ${input.offlineBrokers.join(', ')} are offline`);
  if (input.controllerId === null) problems.push('No active controller is known');
  if (input.underReplicatedPartitions > 0) problems.push(`${plural(input.underReplicatedPartitions, 'partition is', 'partitions are')} under-replicated`);
  return problems.length ? { healthy: false, problems } : { healthy: true };
}
