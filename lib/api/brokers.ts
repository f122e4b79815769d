import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BrokerConfigsChange, BrokerDetails, BrokerList } from '@/lib/types/brokers';
import { apiFetch } from './fetch';

/** The brokers' hooks and query keys: the list, one broker, and its dynamic configs. */
const base = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}`;

export const brokerKeys = {
  all: (cluster: string) => ['brokers', cluster] as const,
  list: (cluster: string) => [...brokerKeys.all(cluster), 'list'] as const,
  details: (cluster: string, nodeId: number) => [...brokerKeys.all(cluster), 'details', nodeId] as const,
};

const REFRESH_MS = 10_000;

export const brokersQuery = (cluster: string) =>
  queryOptions({
    queryKey: brokerKeys.list(cluster),
    queryFn: () => apiFetch<BrokerList>(`${base(cluster)}/brokers`),
    refetchInterval: REFRESH_MS,
  });

export const brokerQuery = (cluster: string, nodeId: number) =>
  queryOptions({
    queryKey: brokerKeys.details(cluster, nodeId),
    queryFn: () => apiFetch<BrokerDetails>(`${base(cluster)}/brokers/${nodeId}`),
    refetchInterval: REFRESH_MS,
    // A missing broker is an answer, not a failure to retry (retrying showed "Failed to load cluster").
    retry: (count, error) => count < 1 && !('status' in error && error.status === 404),
  });

export const useBrokers = (cluster: string) => useQuery(brokersQuery(cluster));
export const useBroker = (cluster: string, nodeId: number) => useQuery(brokerQuery(cluster, nodeId));

/** Sets (string) or resets (null) a broker's dynamic configs, or the cluster-wide default ("default"). */
const patchConfigs = (cluster: string, broker: number | 'default', configs: Record<string, string | null>, query = '') =>
  apiFetch<BrokerConfigsChange>(`${base(cluster)}/brokers/${broker}/configs${query}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ configs }),
  });

export function useUpdateBrokerConfigs(cluster: string, broker: number | 'default') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (configs: Record<string, string | null>) => patchConfigs(cluster, broker, configs),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: brokerKeys.all(cluster) }),
  });
}

/** The broker's verdict on a config change without making it (`?dryRun=true`): what would change, or its refusal. */
export const useCheckBrokerConfigs = (cluster: string, broker: number | 'default') =>
  useMutation({ mutationFn: (configs: Record<string, string | null>) => patchConfigs(cluster, broker, configs, '?dryRun=true') });
