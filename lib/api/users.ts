import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScramUserChange, ScramUserList } from '@/lib/types/users';
import type { ScramUserInput } from '@/lib/user-validation';
import { apiFetch } from './fetch';

const enc = encodeURIComponent;
const base = (cluster: string) => `/api/clusters/${enc(cluster)}/users`;

export const userKeys = {
  all: (cluster: string) => ['users', cluster] as const,
  list: (cluster: string) => [...userKeys.all(cluster), 'list'] as const,
};

export const usersQuery = (cluster: string) => queryOptions({ queryKey: userKeys.list(cluster), queryFn: () => apiFetch<ScramUserList>(base(cluster)) });

export const useUsers = (cluster: string) => useQuery(usersQuery(cluster));

export function useUpsertUser(cluster: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScramUserInput) =>
      apiFetch<ScramUserChange>(base(cluster), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all(cluster) }),
  });
}

/** Deletes one mechanism, or every mechanism of the user when none is given. */
export function useDeleteUser(cluster: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, mechanism }: { name: string; mechanism?: string }) =>
      apiFetch<null>(`${base(cluster)}/${enc(name)}${mechanism ? `?mechanism=${enc(mechanism)}` : ''}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all(cluster) }),
  });
}
