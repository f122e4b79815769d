import 'server-only';
import { sinkGroupId, usesTopic } from '@/lib/connect-usage';
import type { ConnectUnavailable, SinkGroup, TopicConnectorList } from '@/lib/types/connect';
import { ApiError } from '../errors';
import { connectClusters, expandedConnectors, listConnectorsWithConfig } from './connectors';

/**
 * Runs `read` against every Connect cluster of a Kafka cluster side by side; a worker that is down is
 * reported in `unavailable` instead of failing the topic or group page that asked.
 */
async function eachConnectCluster<T>(cluster: string, read: (config: ReturnType<typeof connectClusters>[number]) => Promise<T[]>) {
  const unavailable: ConnectUnavailable[] = [];
  const found = await Promise.all(
    connectClusters(cluster).map(async (config) => {
      try {
        return await read(config);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        unavailable.push({ connect: config.name, error: error.message });
        return [];
      }
    }),
  );
  return { items: found.flat(), unavailable };
}

/**
 * The connectors that read or write a topic, on every Connect cluster: one expanded list call per
 * cluster, then each connector's active topics side by side (Connect has no batch call for those).
 */
export async function connectorsOfTopic(cluster: string, topic: string): Promise<TopicConnectorList> {
  const { items, unavailable } = await eachConnectCluster(cluster, async (config) =>
    (await listConnectorsWithConfig(config))
      .filter((c) => usesTopic(c, topic))
      .map((c) => ({ connect: config.name, name: c.name, type: c.type, state: c.state, role: c.type === 'sink' ? ('reads' as const) : ('writes' as const) })),
  );
  return { connectors: items, unavailable };
}

/** Every sink connector's consumer group, on every Connect cluster: one worker call per Connect cluster. */
export async function sinkConnectorGroups(cluster: string): Promise<{ groups: SinkGroup[]; unavailable: ConnectUnavailable[] }> {
  const { items, unavailable } = await eachConnectCluster(cluster, async (config) =>
    (await expandedConnectors(config))
      .filter((c) => c.type === 'sink')
      .map((c) => ({ groupId: sinkGroupId(c.name, c.config), connect: config.name, name: c.name, type: c.type, state: c.state })),
  );
  return { groups: items, unavailable };
}
