import 'server-only';
import type { BrokerDetails, BrokerList, BrokerSummary } from '@/lib/types/brokers';
import { withCluster } from './clients';
import { activeControllerId } from './cluster';
import { coalesce } from './coalesce';
import { describeConfigs } from './configs';
import { notFound } from './errors';
import { fetchReplicaSizes } from './log-dirs';
import type { RawMetadata } from './protocol';

interface BrokerLoad {
  leaders: number;
  replicas: number;
  outOfSync: { topic: string; partition: number }[];
}

/** Per broker: partitions it leads, replicas it holds, and replicas of it that are out of the ISR. */
export function brokerLoads(metadata: RawMetadata): Map<number, BrokerLoad> {
  const loads = new Map<number, BrokerLoad>();
  const load = (id: number) => {
    let entry = loads.get(id);
    if (!entry) loads.set(id, (entry = { leaders: 0, replicas: 0, outOfSync: [] }));
    return entry;
  };
  for (const b of metadata.brokers) load(b.nodeId);
  for (const t of metadata.topicMetadata) {
    for (const p of t.partitionMetadata) {
      if (p.leader >= 0) load(p.leader).leaders++;
      for (const replica of p.replicas) {
        const entry = load(replica);
        entry.replicas++;
        if (!p.isr.includes(replica)) entry.outOfSync.push({ topic: t.topic, partition: p.partitionId });
      }
    }
  }
  return loads;
}

async function gather(cluster: string) {
  return withCluster(cluster, async ({ protocol }) => {
    const metadata = await protocol.metadata();
    const [controllerId, sizes] = await Promise.all([
      activeControllerId(protocol),
      fetchReplicaSizes(
        protocol,
        metadata.brokers.map((b) => b.nodeId),
      ),
    ]);
    const loads = brokerLoads(metadata);
    const registered = new Map(metadata.brokers.map((b) => [b.nodeId, b]));
    const brokers = [...loads.keys()]
      .sort((a, b) => a - b)
      .map((nodeId): BrokerSummary & { outOfSyncPartitions: BrokerLoad['outOfSync'] } => {
        const b = registered.get(nodeId);
        const l = loads.get(nodeId)!;
        return {
          nodeId,
          host: b?.host ?? null,
          port: b?.port ?? null,
          rack: b?.rack ?? null,
          online: Boolean(b),
          isController: nodeId === controllerId,
          leaders: l.leaders,
          replicas: l.replicas,
          outOfSyncReplicas: l.outOfSync.length,
          sizeBytes: sizes.byBroker.get(nodeId) ?? null,
          outOfSyncPartitions: l.outOfSync,
        };
      });
    return { controllerId, brokers };
  });
}

/** Every broker, including ones that hold replicas but are down, in a constant number of round trips. */
export async function listBrokers(cluster: string): Promise<BrokerList> {
  const { controllerId, brokers } = await coalesce(`brokers:${cluster}`, 2000, () => gather(cluster));
  return { controllerId, brokers: brokers.map(({ outOfSyncPartitions: _, ...summary }) => summary) };
}

/** One broker with its configs (default vs override) and the partitions it is out of sync for. */
export async function getBroker(cluster: string, nodeId: number): Promise<BrokerDetails> {
  const { brokers } = await coalesce(`brokers:${cluster}`, 2000, () => gather(cluster));
  const broker = brokers.find((b) => b.nodeId === nodeId);
  if (!broker) throw notFound('BROKER_NOT_FOUND', `No broker with node id ${nodeId} in cluster "${cluster}"`);
  const configs = broker.online ? await withCluster(cluster, ({ protocol }) => describeConfigs(protocol, 'broker', String(nodeId))) : [];
  return { ...broker, configs };
}
