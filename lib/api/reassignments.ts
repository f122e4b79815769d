import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanRequest } from '@/lib/reassignment-validation';
import type { ReassignmentList, ReassignmentPlan } from '@/lib/types/reassignments';
import type { ExecuteRequest } from '@/lib/reassignment-validation';
import { apiFetch } from './fetch';
import { brokerKeys } from './brokers';
import { topicKeys } from './topics';

const base = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}/reassignments`;

export const reassignmentKeys = {
  all: (cluster: string) => ['reassignments', cluster] as const,
  list: (cluster: string) => [...reassignmentKeys.all(cluster), 'list'] as const,
};

/** Polled every 2 s while something moves (progress), every 10 s otherwise. */
export const reassignmentsQuery = (cluster: string) =>
  queryOptions({
    queryKey: reassignmentKeys.list(cluster),
    queryFn: () => apiFetch<ReassignmentList>(base(cluster)),
    refetchInterval: (query) => ((query.state.data?.reassignments.length ?? 0) > 0 ? 2_000 : 10_000),
  });

export const useReassignments = (cluster: string) => useQuery(reassignmentsQuery(cluster));

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** A proposal only: nothing changes, nothing to invalidate. */
export const usePlanReassignment = (cluster: string) =>
  useMutation({ mutationFn: (request: PlanRequest) => apiFetch<ReassignmentPlan>(`${base(cluster)}/plan`, json('POST', request)) });

function useInvalidate(cluster: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: reassignmentKeys.all(cluster) }),
      queryClient.invalidateQueries({ queryKey: topicKeys.all(cluster) }),
      queryClient.invalidateQueries({ queryKey: brokerKeys.all(cluster) }),
    ]);
}

export function useExecuteReassignment(cluster: string) {
  const invalidate = useInvalidate(cluster);
  return useMutation({
    mutationFn: (request: ExecuteRequest) => apiFetch<{ partitions: number }>(base(cluster), json('POST', request)),
    onSuccess: invalidate,
  });
}

export function useCancelReassignment(cluster: string) {
  const invalidate = useInvalidate(cluster);
  return useMutation({
    mutationFn: (partitions: { topic: string; partition: number }[]) => apiFetch<{ cancelled: unknown[] }>(base(cluster), json('DELETE', { partitions })),
    onSuccess: invalidate,
  });
}
