import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CompatibilityConfig, CompatibilityLevel, RegisterSchemaResult, SchemaVersion, SubjectList, SubjectVersions } from '@/lib/types/schema-registry';
import type { RegisterSchemaRequest } from '@/lib/schema-registry-input';
import { ApiRequestError, apiFetch } from './fetch';

const enc = encodeURIComponent;
const base = (cluster: string) => `/api/clusters/${enc(cluster)}/schema-registry`;
const subjectBase = (cluster: string, subject: string) => `${base(cluster)}/subjects/${enc(subject)}`;

export const schemaKeys = {
  all: (cluster: string) => ['schema-registry', cluster] as const,
  subjects: (cluster: string, deleted: boolean) => [...schemaKeys.all(cluster), 'subjects', { deleted }] as const,
  versions: (cluster: string, subject: string) => [...schemaKeys.all(cluster), 'versions', subject] as const,
  version: (cluster: string, subject: string, version: number | 'latest') => [...schemaKeys.all(cluster), 'version', subject, version] as const,
  compatibility: (cluster: string, subject: string | null) => [...schemaKeys.all(cluster), 'compatibility', subject] as const,
};

/** Schemas change only when someone registers one: no polling, a refresh on focus. */
const STALE_MS = 10_000;
const notFoundStops = (count: number, error: Error) => count < 1 && !(error instanceof ApiRequestError && (error.status === 404 || error.status === 400));

export const subjectsQuery = (cluster: string, deleted = false) =>
  queryOptions({
    queryKey: schemaKeys.subjects(cluster, deleted),
    queryFn: () => apiFetch<SubjectList>(`${base(cluster)}/subjects${deleted ? '?deleted=true' : ''}`),
    staleTime: STALE_MS,
    placeholderData: (previous) => previous,
    retry: notFoundStops,
  });

export const versionsQuery = (cluster: string, subject: string) =>
  queryOptions({
    queryKey: schemaKeys.versions(cluster, subject),
    queryFn: () => apiFetch<SubjectVersions>(`${subjectBase(cluster, subject)}/versions`),
    staleTime: STALE_MS,
    retry: notFoundStops,
  });

export const versionQuery = (cluster: string, subject: string, version: number | 'latest') =>
  queryOptions({
    queryKey: schemaKeys.version(cluster, subject, version),
    queryFn: () => apiFetch<SchemaVersion>(`${subjectBase(cluster, subject)}/versions/${version}`),
    staleTime: STALE_MS,
    retry: notFoundStops,
  });

export const compatibilityQuery = (cluster: string, subject: string | null) =>
  queryOptions({
    queryKey: schemaKeys.compatibility(cluster, subject),
    queryFn: () => apiFetch<CompatibilityConfig>(subject === null ? `${base(cluster)}/config` : `${base(cluster)}/config/${enc(subject)}`),
    staleTime: STALE_MS,
    retry: notFoundStops,
  });

export const useSubjects = (cluster: string, deleted = false) => useQuery(subjectsQuery(cluster, deleted));
export const useSubjectVersions = (cluster: string, subject: string) => useQuery(versionsQuery(cluster, subject));
export const useSchemaVersion = (cluster: string, subject: string, version: number | 'latest' | null) =>
  useQuery({ ...versionQuery(cluster, subject, version ?? 'latest'), enabled: version !== null });
export const useCompatibility = (cluster: string, subject: string | null) => useQuery(compatibilityQuery(cluster, subject));

function useInvalidateRegistry(cluster: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: schemaKeys.all(cluster) });
}

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export function useRegisterSchema(cluster: string, subject: string) {
  const invalidate = useInvalidateRegistry(cluster);
  return useMutation({
    mutationFn: (request: RegisterSchemaRequest) => apiFetch<RegisterSchemaResult>(`${subjectBase(cluster, subject)}/versions`, json('POST', request)),
    onSuccess: invalidate,
  });
}

/** Sets a subject's level (or, with subject null, the global one); level null drops the subject's own. */
export function useSetCompatibility(cluster: string, subject: string | null) {
  const invalidate = useInvalidateRegistry(cluster);
  const path = subject === null ? `${base(cluster)}/config` : `${base(cluster)}/config/${enc(subject)}`;
  return useMutation({
    mutationFn: (level: CompatibilityLevel | null) =>
      apiFetch<CompatibilityConfig>(path, level === null ? { method: 'DELETE' } : json('PUT', { compatibility: level })),
    onSuccess: invalidate,
  });
}

/** Deletes a subject, or one version of it; soft unless `permanent`. */
export function useDeleteSchema(cluster: string, subject: string) {
  const invalidate = useInvalidateRegistry(cluster);
  return useMutation({
    mutationFn: ({ version, permanent }: { version: number | null; permanent: boolean }) =>
      apiFetch<unknown>(`${subjectBase(cluster, subject)}${version === null ? '' : `/versions/${version}`}${permanent ? '?permanent=true' : ''}`, {
        method: 'DELETE',
      }),
    onSuccess: invalidate,
  });
}
