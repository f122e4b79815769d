import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClientQuotaList, QuotaChange, QuotaChangeResult } from '@/lib/types/quotas';
import { apiFetch } from './fetch';

const base = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}/quotas`;

export const quotaKeys = {
  all: (cluster: string) => ['quotas', cluster] as const,
  list: (cluster: string) => [...quotaKeys.all(cluster), 'list'] as const,
};

export const quotasQuery = (cluster: string) => queryOptions({ queryKey: quotaKeys.list(cluster), queryFn: () => apiFetch<ClientQuotaList>(base(cluster)) });

export const useQuotas = (cluster: string) => useQuery(quotasQuery(cluster));

const putQuota = (cluster: string, change: QuotaChange, query = '') =>
  apiFetch<QuotaChangeResult>(`${base(cluster)}${query}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(change) });

/** Sets (number) or removes (null) values of one entity. */
export function useChangeQuota(cluster: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: QuotaChange) => putQuota(cluster, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: quotaKeys.all(cluster) }),
  });
}

/** The broker's verdict on a change without making it (`?dryRun=true`): what would change, or its refusal. */
export const useCheckQuota = (cluster: string) => useMutation({ mutationFn: (change: QuotaChange) => putQuota(cluster, change, '?dryRun=true') });
