import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConfigEntry, TopicDetails, TopicList, TopicPage } from '@/lib/types/topics';
import type { CreateTopicRequest } from '@/lib/topic-validation';
import { brokerKeys } from './brokers';
import { clusterKeys } from './clusters';
import { apiFetch } from './fetch';

const enc = encodeURIComponent;
const base = (cluster: string) => `/api/clusters/${enc(cluster)}`;

export const topicKeys = {
  all: (cluster: string) => ['topics', cluster] as const,
  list: (cluster: string, includeInternal: boolean) => [...topicKeys.all(cluster), 'list', { includeInternal }] as const,
  page: (cluster: string, params: string) => [...topicKeys.all(cluster), 'page', params] as const,
  details: (cluster: string, topic: string) => [...topicKeys.all(cluster), 'details', topic] as const,
};

const REFRESH_MS = 10_000;

export const topicsQuery = (cluster: string, includeInternal: boolean) =>
  queryOptions({
    queryKey: topicKeys.list(cluster, includeInternal),
    queryFn: () => apiFetch<TopicList>(`${base(cluster)}/topics${includeInternal ? '?internal=true' : ''}`),
    refetchInterval: REFRESH_MS,
    placeholderData: (previous) => previous,
  });

/** One page of the list, as the topics page shows it: `params` from topicPageParams (lib/topic-page.ts). */
export const topicsPageQuery = (cluster: string, params: string) =>
  queryOptions({
    queryKey: topicKeys.page(cluster, params),
    queryFn: () => apiFetch<TopicPage>(`${base(cluster)}/topics?${params}`),
    refetchInterval: REFRESH_MS,
    placeholderData: (previous) => previous,
  });

export const topicQuery = (cluster: string, topic: string) =>
  queryOptions({
    queryKey: topicKeys.details(cluster, topic),
    queryFn: () => apiFetch<TopicDetails>(`${base(cluster)}/topics/${enc(topic)}`),
    refetchInterval: REFRESH_MS,
    retry: (count, error) => count < 1 && !('status' in error && error.status === 404),
  });

export const useTopics = (cluster: string, includeInternal: boolean) => useQuery(topicsQuery(cluster, includeInternal));
export const useTopicsPage = (cluster: string, params: string) => useQuery(topicsPageQuery(cluster, params));
export const useTopic = (cluster: string, topic: string) => useQuery(topicQuery(cluster, topic));

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** Every topic mutation refreshes the cluster's topic, broker and overview data. */
function useInvalidateCluster(cluster: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: topicKeys.all(cluster) }),
      queryClient.invalidateQueries({ queryKey: brokerKeys.all(cluster) }),
      queryClient.invalidateQueries({ queryKey: clusterKeys.overview(cluster) }),
    ]);
}

export function useCreateTopic(cluster: string) {
  const invalidate = useInvalidateCluster(cluster);
  return useMutation({
    mutationFn: (input: CreateTopicRequest) => apiFetch<{ name: string }>(`${base(cluster)}/topics`, json('POST', input)),
    onSuccess: invalidate,
  });
}

export function useDeleteTopic(cluster: string) {
  const invalidate = useInvalidateCluster(cluster);
  return useMutation({
    mutationFn: (topic: string) => apiFetch<null>(`${base(cluster)}/topics/${enc(topic)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useAddPartitions(cluster: string, topic: string) {
  const invalidate = useInvalidateCluster(cluster);
  return useMutation({
    mutationFn: (count: number) => apiFetch<{ partitions: number }>(`${base(cluster)}/topics/${enc(topic)}/partitions`, json('POST', { count })),
    onSuccess: invalidate,
  });
}

export function useUpdateTopicConfigs(cluster: string, topic: string) {
  const invalidate = useInvalidateCluster(cluster);
  return useMutation({
    mutationFn: (configs: Record<string, string | null>) =>
      apiFetch<{ configs: ConfigEntry[] }>(`${base(cluster)}/topics/${enc(topic)}/configs`, json('PATCH', { configs })),
    onSuccess: invalidate,
  });
}
