import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DeleteGroupOffsetsResult, DeleteRecordsResult, ElectLeadersResult } from '@/lib/types/operations';
import type { ElectLeadersInput } from '@/lib/operations-validation';
import type { DeleteRecordsInput } from '@/lib/operations-validation';
import { clusterKeys } from './clusters';
import { apiFetch } from './fetch';
import { groupKeys } from './groups';
import { brokerKeys } from './brokers';
import { topicKeys } from './topics';

/** Hooks for the operator operations (issue 14): data only; messages and confirmations live in the components. */
const enc = encodeURIComponent;
const base = (cluster: string) => `/api/clusters/${enc(cluster)}`;
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

function useInvalidate(keys: readonly (readonly unknown[])[]) {
  const queryClient = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Deletes records of a topic (all partitions up to the high watermark by default); refreshes topics and the overview. */
export function useDeleteRecords(cluster: string, topic: string) {
  const invalidate = useInvalidate([topicKeys.all(cluster), clusterKeys.overview(cluster)]);
  return useMutation({
    mutationFn: (input: DeleteRecordsInput) => apiFetch<DeleteRecordsResult>(`${base(cluster)}/topics/${enc(topic)}/delete-records`, json('POST', input)),
    onSuccess: invalidate,
  });
}

/** Deletes a group's committed offsets for one topic (or some of its partitions). */
export function useDeleteGroupOffsets(cluster: string, groupId: string) {
  const invalidate = useInvalidate([groupKeys.all(cluster)]);
  return useMutation({
    mutationFn: ({ topic, partitions }: { topic: string; partitions: number[] | null }) => {
      const query = new URLSearchParams({ topic });
      if (partitions?.length) query.set('partitions', partitions.join(','));
      return apiFetch<DeleteGroupOffsetsResult>(`${base(cluster)}/groups/${enc(groupId)}/offsets?${query}`, { method: 'DELETE' });
    },
    onSuccess: invalidate,
  });
}

/** Elects leaders (preferred or unclean) for some partitions or all; refreshes everything that shows leaders. */
export function useElectLeaders(cluster: string) {
  const invalidate = useInvalidate([topicKeys.all(cluster), brokerKeys.all(cluster), clusterKeys.overview(cluster)]);
  return useMutation({
    mutationFn: (input: ElectLeadersInput) => apiFetch<ElectLeadersResult>(`${base(cluster)}/elect-leaders`, json('POST', input)),
    onSuccess: invalidate,
  });
}
