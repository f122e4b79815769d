import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProduceSubjects } from '@/lib/types/produce-schema';
import { apiError, fakeFetch } from '@/tests/support/fake-fetch';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { ApiRequestError } from './fetch';
import { useProduceSubjects } from './produce-schemas';

const subjects: ProduceSubjects = { configured: true, subjects: ['a#b-key', 'a#b-value', 'other'], valueSubject: 'a#b-value', keySubject: 'a#b-key' };

describe('useProduceSubjects', () => {
  it('reads the subjects the produce form offers for the topic (names escaped)', async () => {
    const server = fakeFetch({ 'GET /api/clusters/prod%20eu/topics/a%23b/messages/schemas': { body: subjects } });
    const { result } = renderHook(() => useProduceSubjects('prod eu', 'a#b'), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(subjects);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/clusters/prod%20eu/topics/a%23b/messages/schemas']);
  });

  it('asks nothing while disabled (the form shows text fields only)', async () => {
    const server = fakeFetch({ 'GET /api/clusters/c1/topics/t/messages/schemas': { body: subjects } });
    const { result } = renderHook(() => useProduceSubjects('c1', 't', false), { wrapper: withQueryClient(testQueryClient()) });
    // Give a request that should not be made the time to show.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current.fetchStatus).toBe('idle');
    expect(result.current.data).toBeUndefined();
    expect(server.requests).toEqual([]);
  });

  it('a registry that does not answer is an ApiRequestError at once, not retried', async () => {
    const server = fakeFetch({
      'GET /api/clusters/c1/topics/t/messages/schemas': apiError(503, 'SCHEMA_REGISTRY_UNAVAILABLE', 'The schema registry did not answer'),
    });
    // The client default retries; the query's own rule must not.
    const client = testQueryClient();
    client.setDefaultOptions({ queries: { retry: 3, retryDelay: 0 } });
    const { result } = renderHook(() => useProduceSubjects('c1', 't'), { wrapper: withQueryClient(client) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ApiRequestError);
    expect(result.current.error).toMatchObject({ status: 503, code: 'SCHEMA_REGISTRY_UNAVAILABLE', message: 'The schema registry did not answer' });
    expect(server.requests).toHaveLength(1);
  });
});
