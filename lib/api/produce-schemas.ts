import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProduceSubjects } from '@/lib/types/produce-schema';
import { apiFetch } from './fetch';

const enc = encodeURIComponent;

export const produceSchemaKeys = {
  subjects: (cluster: string, topic: string) => ['produce-schemas', cluster, topic] as const,
};

/** The registry subjects the produce form offers (GET …/messages/schemas). */
export const produceSubjectsQuery = (cluster: string, topic: string) =>
  queryOptions({
    queryKey: produceSchemaKeys.subjects(cluster, topic),
    queryFn: () => apiFetch<ProduceSubjects>(`/api/clusters/${enc(cluster)}/topics/${enc(topic)}/messages/schemas`),
    staleTime: 30_000,
    retry: false,
  });

export const useProduceSubjects = (cluster: string, topic: string, enabled = true) => useQuery({ ...produceSubjectsQuery(cluster, topic), enabled });
