import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GroupDetails, GroupList, GroupPage, ResetOffsetsResult, TopicConsumer } from '@/lib/types/groups';
import type { ResetOffsetsRequest } from '@/lib/group-validation';
import { apiFetch } from './fetch';
import { topicKeys } from './topics';

const enc = encodeURIComponent;
const base = (cluster: string) => `/api/clusters/${enc(cluster)}/groups`;

export const groupKeys = {
  all: (cluster: string) => ['groups', cluster] as const,
  list: (cluster: string) => [...groupKeys.all(cluster), 'list'] as const,
  page: (cluster: string, params: string) => [...groupKeys.all(cluster), 'page', params] as const,
  details: (cluster: string, groupId: string) => [...groupKeys.all(cluster), 'details', groupId] as const,
};

/**
 * The list answers from the server's latest lag sample (taken every LAG_SAMPLE_INTERVAL_MS, 10 s by
 * default; lib/kafka/groups-list.ts), a group's page reads its lag as it is now (shared among
 * requests within 2 s): every 5 s, a consumer falling behind shows within one sample interval.
 */
const REFRESH_MS = 5000;

export const groupsQuery = (cluster: string) =>
  queryOptions({
    queryKey: groupKeys.list(cluster),
    queryFn: () => apiFetch<GroupList>(base(cluster)),
    refetchInterval: REFRESH_MS,
    placeholderData: (previous) => previous,
  });

/** One page of the list, as the groups page shows it: `params` from groupPageParams (lib/group-page.ts). */
export const groupsPageQuery = (cluster: string, params: string) =>
  queryOptions({
    queryKey: groupKeys.page(cluster, params),
    queryFn: () => apiFetch<GroupPage>(`${base(cluster)}?${params}`),
    refetchInterval: REFRESH_MS,
    placeholderData: (previous) => previous,
  });

export const groupQuery = (cluster: string, groupId: string) =>
  queryOptions({
    queryKey: groupKeys.details(cluster, groupId),
    queryFn: () => apiFetch<GroupDetails>(`${base(cluster)}/${enc(groupId)}`),
    refetchInterval: REFRESH_MS,
    retry: (count, error) => count < 1 && !('status' in error && error.status === 404),
  });

export const topicConsumersQuery = (cluster: string, topic: string) =>
  queryOptions({
    queryKey: [...groupKeys.all(cluster), 'by-topic', topic] as const,
    queryFn: () => apiFetch<{ consumers: TopicConsumer[] }>(`/api/clusters/${enc(cluster)}/topics/${enc(topic)}/consumers`),
    refetchInterval: REFRESH_MS,
  });

export const useGroups = (cluster: string) => useQuery(groupsQuery(cluster));
export const useGroupsPage = (cluster: string, params: string) => useQuery(groupsPageQuery(cluster, params));
export const useTopicConsumers = (cluster: string, topic: string) => useQuery(topicConsumersQuery(cluster, topic));
export const useGroup = (cluster: string, groupId: string) => useQuery(groupQuery(cluster, groupId));

function useInvalidateGroups(cluster: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: groupKeys.all(cluster) }), queryClient.invalidateQueries({ queryKey: topicKeys.all(cluster) })]);
}

export function useResetOffsets(cluster: string, groupId: string) {
  const invalidate = useInvalidateGroups(cluster);
  return useMutation({
    mutationFn: (request: ResetOffsetsRequest) =>
      apiFetch<ResetOffsetsResult>(`${base(cluster)}/${enc(groupId)}/offsets`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      }),
    onSuccess: (result) => (result.dryRun ? undefined : invalidate()),
  });
}

export function useDeleteGroup(cluster: string) {
  const invalidate = useInvalidateGroups(cluster);
  return useMutation({
    mutationFn: (groupId: string) => apiFetch<null>(`${base(cluster)}/${enc(groupId)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
