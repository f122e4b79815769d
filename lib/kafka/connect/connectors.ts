import 'server-only';
import type { ConnectConfig } from '@/lib/config';
import type {
  ConnectClusterInfo,
  ConnectConfigField,
  ConnectMessage,
  ConnectTaskStatus,
  ConnectValidation,
  ConnectorDetails,
  ConnectorOffsets,
  ConnectorSummary,
  ConnectorType,
} from '@/lib/types/connect';
import { clusterConfig } from '../clients';
import { ApiError, notFound } from '../errors';
import { maskSecrets, restoreSecrets, SECRET_MASK } from '@/lib/connect-secrets';
import { connectRequest, segment } from './client';
import { secretNamesFor } from './secrets';

/** The Connect clusters configured for a Kafka cluster (KAFKA_CONNECT_URL or KAFKA_CLUSTERS' `connect`). */
export function connectClusters(cluster: string): ConnectConfig[] {
  return clusterConfig(cluster).connect ?? [];
}

/** The Connect cluster `name` of a Kafka cluster, or a 404. */
export function connectConfig(cluster: string, name: string): ConnectConfig {
  const config = connectClusters(cluster).find((c) => c.name === name);
  if (!config) throw notFound('CONNECT_CLUSTER_NOT_FOUND', `No Kafka Connect cluster named "${name.slice(0, 80)}" is configured for cluster "${cluster}"`);
  return config;
}

/**
 * Each Connect cluster's version and connector plugins: one worker call each, side by side. A worker
 * that does not answer is listed with its `error` (the others, and the page, still show).
 */
export async function describeConnectClusters(cluster: string): Promise<ConnectClusterInfo[]> {
  return Promise.all(
    connectClusters(cluster).map(async (config) => {
      const auth = config.username ? { basicAuth: true as const } : {};
      try {
        const [root, plugins] = await Promise.all([
          connectRequest<{ version: string }>(config, '/'),
          connectRequest<{ class: string; type: string; version?: string }[]>(config, '/connector-plugins'),
        ]);
        return {
          name: config.name,
          url: config.url,
          ...auth,
          version: root.version,
          plugins: plugins.map((p) => ({ class: p.class, type: p.type, version: p.version ?? '' })),
        };
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return { name: config.name, url: config.url, ...auth, version: '', plugins: [], error: error.message };
      }
    }),
  );
}

interface RawState {
  state: string;
  worker_id: string;
  trace?: string;
}
interface RawStatus {
  name: string;
  connector: RawState;
  tasks: (RawState & { id: number })[];
  type?: string;
}
interface RawInfo {
  name: string;
  config: Record<string, string>;
  tasks: unknown[];
  type?: string;
}

const typeOf = (type: string | undefined): ConnectorType => (type === 'source' || type === 'sink' ? type : 'unknown');

function task(raw: RawState & { id: number }): ConnectTaskStatus {
  return { id: raw.id, state: raw.state, workerId: raw.worker_id, ...(raw.trace ? { trace: raw.trace } : {}) };
}

function summary(name: string, status: RawStatus, info: RawInfo | undefined, topics: string[]): ConnectorSummary {
  return {
    name,
    type: typeOf(status.type ?? info?.type),
    class: info?.config['connector.class'] ?? '',
    state: status.connector.state,
    workerId: status.connector.worker_id,
    ...(status.connector.trace ? { trace: status.connector.trace } : {}),
    tasks: [...status.tasks].sort((a, b) => a.id - b.id).map(task),
    topics,
  };
}

/** The status of a connector whose status Connect has not written yet (what createConnector answers too). */
const notAssignedYet = (name: string): RawStatus => ({ name, connector: { state: 'UNASSIGNED', worker_id: '' }, tasks: [] });

async function topicsOf(config: ConnectConfig, name: string): Promise<string[]> {
  const answer = await connectRequest<Record<string, { topics: string[] }>>(config, `/connectors/${segment(name)}/topics`);
  // Keyed by the connector's name, which may be `__proto__`: read the own property only.
  const own = answer && Object.hasOwn(answer, name) ? answer[name] : undefined;
  return [...(own?.topics ?? [])].sort();
}

/**
 * Every connector with its status and config in one worker call (`?expand=status&expand=info`), plus
 * each one's active topics (side by side; Connect has no batch call for them).
 */
export async function listConnectors(cluster: string, connect: string): Promise<ConnectorSummary[]> {
  return (await listConnectorsWithConfig(connectConfig(cluster, connect))).map(({ config: _config, ...connector }) => connector);
}

/**
 * Every connector of one Connect cluster with its status and config: one worker call (`?expand=status&expand=info`),
 * without the per-connector topics calls. Configs as Connect returns them (not masked: server-side use only).
 */
export async function expandedConnectors(config: ConnectConfig): Promise<(Omit<ConnectorSummary, 'topics'> & { config: Record<string, string> })[]> {
  const expanded = await connectRequest<Record<string, { status?: RawStatus; info?: RawInfo }>>(config, '/connectors?expand=status&expand=info');
  // JSON.parse makes `__proto__` an own key, so entries() sees every connector.
  return Object.entries(expanded ?? {})
    .filter(([, value]) => value.status)
    .map(([name, value]) => ({ ...summary(name, value.status!, value.info, []), config: value.info?.config ?? {} }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** {@link expandedConnectors} plus each one's active topics (side by side; Connect has no batch call for them). */
export async function listConnectorsWithConfig(config: ConnectConfig): Promise<ConnectorDetails[]> {
  const connectors = await expandedConnectors(config);
  const topics = await Promise.all(connectors.map(({ name }) => topicsOf(config, name).catch(() => [])));
  return connectors.map((connector, i) => ({ ...connector, topics: topics[i] }));
}

/** The config as it may leave the server: PASSWORD-typed settings (which Connect returns in clear) masked. */
async function masked(config: ConnectConfig, connectorConfig: Record<string, string>): Promise<Record<string, string>> {
  return maskSecrets(connectorConfig, await secretNamesFor(config, connectorConfig['connector.class'] ?? '', connectorConfig));
}

/** One connector: its config (secrets masked), status (with traces) and topics. */
export async function describeConnector(cluster: string, connect: string, name: string): Promise<ConnectorDetails> {
  const config = connectConfig(cluster, connect);
  const path = `/connectors/${segment(name)}`;
  const [info, status, topics] = await Promise.all([
    connectRequest<RawInfo>(config, path),
    // A connector created a moment ago has no status until the worker has written one to its
    // status topic: Connect answers 404 for it, while the connector itself is found.
    connectRequest<RawStatus>(config, `${path}/status`).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
    topicsOf(config, name),
  ]);
  return { ...summary(name, status ?? notAssignedYet(name), info, topics), config: await masked(config, info.config) };
}

/** Creates a connector; Connect refuses a bad config (400) or an existing name (409) with its own message. */
export async function createConnector(cluster: string, connect: string, name: string, connectorConfig: Record<string, string>): Promise<ConnectorDetails> {
  const config = connectConfig(cluster, connect);
  const created = await connectRequest<RawInfo>(config, '/connectors', { method: 'POST', body: { name, config: connectorConfig } });
  return {
    name: created.name,
    type: typeOf(created.type),
    class: created.config['connector.class'] ?? '',
    state: 'UNASSIGNED',
    workerId: '',
    tasks: [],
    topics: [],
    config: await masked(config, created.config),
  };
}

/**
 * Replaces a connector's config (creating it when absent, as Connect does). Secrets sent back still
 * masked (an edit form that left them alone) keep their current value; the answer has them masked.
 */
export async function updateConnectorConfig(
  cluster: string,
  connect: string,
  name: string,
  connectorConfig: Record<string, string>,
): Promise<Record<string, string>> {
  const config = connectConfig(cluster, connect);
  const path = `/connectors/${segment(name)}/config`;
  let body = connectorConfig;
  if (Object.values(connectorConfig).includes(SECRET_MASK)) {
    const current = await connectRequest<Record<string, string>>(config, path).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return {};
      throw error;
    });
    const restored = restoreSecrets(connectorConfig, current, await secretNamesFor(config, connectorConfig['connector.class'] ?? '', connectorConfig));
    if ('unknown' in restored) {
      throw new ApiError('SECRET_MASKED', `Type the value of ${restored.unknown.join(', ')}: "${SECRET_MASK}" stands for a secret the connector does not have`);
    }
    body = restored.config;
  }
  const updated = await connectRequest<RawInfo>(config, path, { method: 'PUT', body });
  return masked(config, updated.config);
}

export const CONNECTOR_ACTIONS = ['pause', 'resume', 'stop', 'restart'] as const;
export type ConnectorAction = (typeof CONNECTOR_ACTIONS)[number];

/** Pause, resume, stop (KIP-875) or restart (KIP-745: the connector, and its tasks or only the failed ones). */
export async function connectorAction(
  cluster: string,
  connect: string,
  name: string,
  action: ConnectorAction,
  restart: { includeTasks?: boolean; onlyFailed?: boolean } = {},
): Promise<void> {
  const config = connectConfig(cluster, connect);
  const path = `/connectors/${segment(name)}`;
  if (action === 'restart') {
    const query = `?includeTasks=${restart.includeTasks === true}&onlyFailed=${restart.onlyFailed === true}`;
    await connectRequest(config, `${path}/restart${query}`, { method: 'POST' });
    return;
  }
  await connectRequest(config, `${path}/${action}`, { method: 'PUT' });
}

export async function deleteConnector(cluster: string, connect: string, name: string): Promise<void> {
  await connectRequest(connectConfig(cluster, connect), `/connectors/${segment(name)}`, { method: 'DELETE' });
}

/** KIP-875 offsets: read any time; altered (PATCH) or reset (DELETE) only while the connector is STOPPED. */
export async function connectorOffsets(cluster: string, connect: string, name: string, change?: { method: 'PATCH' | 'DELETE'; body?: ConnectorOffsets }) {
  const config = connectConfig(cluster, connect);
  const path = `/connectors/${segment(name)}/offsets`;
  if (!change) return connectRequest<ConnectorOffsets>(config, path);
  return connectRequest<ConnectMessage>(config, path, { method: change.method, body: change.body });
}

interface RawValidation {
  name: string;
  error_count: number;
  groups: string[];
  configs: {
    definition: {
      name: string;
      type: string;
      required: boolean;
      default_value: string | null;
      importance: string;
      documentation: string;
      group: string | null;
      order_in_group?: number;
      display_name?: string;
      dependents?: string[];
    };
    value: { name: string; value: string | null; errors: string[]; recommended_values?: string[]; visible?: boolean };
  }[];
}

/** Connect's check of a config against a plugin's definition, each field with its own errors. */
export async function validateConnectorConfig(
  cluster: string,
  connect: string,
  pluginClass: string,
  connectorConfig: Record<string, string>,
): Promise<ConnectValidation> {
  const config = connectConfig(cluster, connect);
  const raw = await connectRequest<RawValidation>(config, `/connector-plugins/${segment(pluginClass)}/config/validate`, {
    method: 'PUT',
    body: { 'connector.class': pluginClass, ...connectorConfig },
  });
  const fields: ConnectConfigField[] = raw.configs.map(({ definition, value }) => ({
    name: definition.name,
    type: definition.type,
    required: definition.required,
    defaultValue: definition.default_value,
    importance: definition.importance,
    documentation: definition.documentation,
    group: definition.group,
    order: definition.order_in_group ?? -1,
    displayName: definition.display_name || definition.name,
    dependents: definition.dependents ?? [],
    value: value.value,
    recommendedValues: value.recommended_values ?? [],
    visible: value.visible !== false,
    errors: value.errors,
  }));
  return { className: raw.name, errorCount: raw.error_count, groups: raw.groups, fields };
}
