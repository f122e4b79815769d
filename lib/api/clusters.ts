import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClusterList, ClusterOverview } from '@/lib/types/cluster';
import { apiFetch } from './fetch';

const enc = encodeURIComponent;

export const clusterKeys = {
  all: ['clusters'] as const,
  list: () => [...clusterKeys.all, 'list'] as const,
  overview: (cluster: string) => [...clusterKeys.all, cluster, 'overview'] as const,
};

/** How often cluster state is re-read: often enough to see a broker die within seconds. */
export const OVERVIEW_REFRESH_MS = 5000;

export const clustersQuery = () =>
  queryOptions({
    queryKey: clusterKeys.list(),
    queryFn: () => apiFetch<ClusterList>('/api/clusters'),
    staleTime: Infinity,
  });

export const clusterOverviewQuery = (cluster: string) =>
  queryOptions({
    queryKey: clusterKeys.overview(cluster),
    queryFn: () => apiFetch<ClusterOverview>(`/api/clusters/${enc(cluster)}`),
    refetchInterval: OVERVIEW_REFRESH_MS,
    // Polling goes on while the cluster is down (a failed read does not stop refetchInterval), so the
    // page recovers by itself; not while the tab is hidden: a background tab costs the cluster nothing,
    // and refetchOnWindowFocus (lib/api/query-client.ts) reads it again on return.
    refetchIntervalInBackground: false,
    retry: 1,
    retryDelay: 1000,
  });

export const useClusters = () => useQuery(clustersQuery());
/** True when the server refuses changes; until it has said, controls stay hidden. */
export const useReadOnly = () => useQuery({ ...clustersQuery(), select: (data) => data.readOnly }).data ?? true;
export const useClusterOverview = (cluster: string) => useQuery(clusterOverviewQuery(cluster));
