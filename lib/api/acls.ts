import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AclDeleteResult, AclFilter, AclList, NewAclBinding } from '@/lib/types/acls';
import { apiFetch } from './fetch';

const base = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}/acls`;

export const aclKeys = {
  all: (cluster: string) => ['acls', cluster] as const,
  list: (cluster: string, filter: AclFilter) => [...aclKeys.all(cluster), 'list', filter] as const,
};

/** The filter as a query string, without empty fields and ANY (which the server assumes). */
export function aclQueryString(filter: AclFilter): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value && value !== 'ANY') query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const aclsQuery = (cluster: string, filter: AclFilter) =>
  queryOptions({
    queryKey: aclKeys.list(cluster, filter),
    queryFn: () => apiFetch<AclList>(base(cluster) + aclQueryString(filter)),
    placeholderData: keepPreviousData,
  });

export const useAcls = (cluster: string, filter: AclFilter, enabled = true) => useQuery({ ...aclsQuery(cluster, filter), enabled });

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export function useCreateAcls(cluster: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (acls: NewAclBinding[]) => apiFetch<{ acls: NewAclBinding[] }>(base(cluster), json('POST', { acls })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aclKeys.all(cluster) }),
  });
}

export function useDeleteAcls(cluster: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (filter: AclFilter) => apiFetch<AclDeleteResult>(base(cluster), json('DELETE', filter)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aclKeys.all(cluster) }),
  });
}
