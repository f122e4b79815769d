import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConnectClusterList,
  ConnectMessage,
  ConnectValidation,
  ConnectorDetails,
  ConnectorList,
  ConnectorOffsets,
  SinkGroupList,
  TopicConnectorList,
} from '@/lib/types/connect';
import { apiFetch } from './fetch';

const clusterBase = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}/connect`;
const connectBase = (cluster: string, connect: string) => `${clusterBase(cluster)}/${encodeURIComponent(connect)}`;
const validateUrl = (cluster: string, connect: string, pluginClass: string) =>
  `${connectBase(cluster, connect)}/connector-plugins/${encodeURIComponent(pluginClass)}/validate`;
const connectorBase = (cluster: string, connect: string, name: string) => `${connectBase(cluster, connect)}/connectors/${encodeURIComponent(name)}`;

export const connectKeys = {
  all: (cluster: string) => ['connect', cluster] as const,
  clusters: (cluster: string) => [...connectKeys.all(cluster), 'clusters'] as const,
  connectors: (cluster: string, connect: string) => [...connectKeys.all(cluster), connect, 'connectors'] as const,
  connector: (cluster: string, connect: string, name: string) => [...connectKeys.connectors(cluster, connect), name] as const,
  offsets: (cluster: string, connect: string, name: string) => [...connectKeys.connector(cluster, connect, name), 'offsets'] as const,
  sinkGroups: (cluster: string) => [...connectKeys.all(cluster), 'sink-groups'] as const,
  topic: (cluster: string, topic: string) => [...connectKeys.all(cluster), 'topic', topic] as const,
  validation: (cluster: string, connect: string, pluginClass: string, config: Record<string, string>) =>
    // The config as sorted entries: a key hashed as an object would lose a setting named `__proto__`.
    [...connectKeys.all(cluster), connect, 'validate', pluginClass, Object.entries(config).sort(([a], [b]) => a.localeCompare(b))] as const,
};

/** Connect states change by themselves (a task fails, a rebalance ends): lists refresh every few seconds. */
const REFRESH_MS = 3000;

export const connectClustersQuery = (cluster: string) =>
  queryOptions({ queryKey: connectKeys.clusters(cluster), queryFn: () => apiFetch<ConnectClusterList>(clusterBase(cluster)) });

export const useConnectClusters = (cluster: string) => useQuery(connectClustersQuery(cluster));

/** Which sink connector owns which consumer group: one query shared by every row of the groups list. */
export const useSinkGroups = (cluster: string) =>
  useQuery({ queryKey: connectKeys.sinkGroups(cluster), queryFn: () => apiFetch<SinkGroupList>(`${clusterBase(cluster)}/sink-groups`), staleTime: 30_000 });

export const useTopicConnectors = (cluster: string, topic: string) =>
  useQuery({
    queryKey: connectKeys.topic(cluster, topic),
    queryFn: () => apiFetch<TopicConnectorList>(`/api/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/connectors`),
    staleTime: 30_000,
  });

export const useConnectors = (cluster: string, connect: string) =>
  useQuery({
    queryKey: connectKeys.connectors(cluster, connect),
    queryFn: () => apiFetch<ConnectorList>(`${connectBase(cluster, connect)}/connectors`),
    refetchInterval: REFRESH_MS,
  });

export const useConnector = (cluster: string, connect: string, name: string) =>
  useQuery({
    queryKey: connectKeys.connector(cluster, connect, name),
    queryFn: () => apiFetch<ConnectorDetails>(connectorBase(cluster, connect, name)),
    refetchInterval: REFRESH_MS,
  });

export const useConnectorOffsets = (cluster: string, connect: string, name: string) =>
  useQuery({
    queryKey: connectKeys.offsets(cluster, connect, name),
    queryFn: () => apiFetch<ConnectorOffsets>(`${connectorBase(cluster, connect, name)}/offsets`),
  });

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export function useCreateConnector(cluster: string, connect: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; config: Record<string, string> }) =>
      apiFetch<ConnectorDetails>(`${connectBase(cluster, connect)}/connectors`, json('POST', input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectKeys.all(cluster) }),
  });
}

export function useValidateConnectorConfig(cluster: string, connect: string) {
  return useMutation({
    mutationFn: ({ pluginClass, config }: { pluginClass: string; config: Record<string, string> }) =>
      apiFetch<ConnectValidation>(validateUrl(cluster, connect, pluginClass), json('PUT', config)),
  });
}

/**
 * Connect's check of a config as the form is typed (pass a debounced config): the plugin's field
 * definitions and each field's errors. The last answer stays while the next is asked, so the form does not flicker.
 */
export const useConfigValidation = (cluster: string, connect: string, pluginClass: string, config: Record<string, string>) =>
  useQuery({
    queryKey: connectKeys.validation(cluster, connect, pluginClass, config),
    queryFn: () => apiFetch<ConnectValidation>(validateUrl(cluster, connect, pluginClass), json('PUT', config)),
    enabled: pluginClass !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export function useUpdateConnectorConfig(cluster: string, connect: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (config: Record<string, string>) =>
      apiFetch<{ config: Record<string, string> }>(`${connectorBase(cluster, connect, name)}/config`, json('PUT', config)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectKeys.all(cluster) }),
  });
}

export type ConnectorActionInput =
  | { action: 'pause' | 'resume' | 'stop' }
  | { action: 'restart'; includeTasks: boolean; onlyFailed: boolean }
  | { action: 'delete' };

export function useConnectorAction(cluster: string, connect: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConnectorActionInput) => {
      const base = connectorBase(cluster, connect, name);
      if (input.action === 'delete') return apiFetch<null>(base, { method: 'DELETE' });
      const query = input.action === 'restart' ? `?includeTasks=${input.includeTasks}&onlyFailed=${input.onlyFailed}` : '';
      return apiFetch<null>(`${base}/${input.action}${query}`, { method: 'POST' });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectKeys.all(cluster) }),
  });
}

/** KIP-875 PATCH …/offsets (STOPPED connectors only): Connect's own message back; the offsets are read again. */
export function useAlterConnectorOffsets(cluster: string, connect: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (offsets: ConnectorOffsets) => apiFetch<ConnectMessage>(`${connectorBase(cluster, connect, name)}/offsets`, json('PATCH', offsets)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectKeys.offsets(cluster, connect, name) }),
  });
}

/** KIP-875 DELETE …/offsets (STOPPED connectors only): a source starts over, a sink's group loses its offsets. */
export function useResetConnectorOffsets(cluster: string, connect: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<ConnectMessage>(`${connectorBase(cluster, connect, name)}/offsets`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectKeys.offsets(cluster, connect, name) }),
  });
}
