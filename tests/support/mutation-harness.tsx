import type { UseQueryResult } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { type FakeAnswer, fakeFetch } from './fake-fetch';
import { testQueryClient, withQueryClient } from './query-wrapper';

interface MutationRun<T> {
  /** The fake server: every GET the `reads` make and the mutation's own route. */
  routes: Record<string, FakeAnswer>;
  /** The queries pages would have mounted; those a mutation invalidates are read again. */
  reads: () => UseQueryResult[];
  mutation: () => { mutateAsync: (input: T) => Promise<unknown> };
  input: T;
}

/**
 * Mounts `reads` until they have data, runs the mutation, and returns the request it sent, the
 * URLs read again because it invalidated their queries (sorted), and its error if it failed.
 * React Query refetches the active queries an invalidation names before the mutation settles.
 */
export async function runMutation<T>({ routes, reads, mutation, input }: MutationRun<T>) {
  const server = fakeFetch(routes);
  const wrapper = withQueryClient(testQueryClient());
  const mounted = renderHook(reads, { wrapper });
  await waitFor(() => expect(mounted.result.current.map((q) => q.status)).toEqual(mounted.result.current.map(() => 'success')));
  const since = server.requests.length;
  const { result } = renderHook(mutation, { wrapper });
  const error = await act(() =>
    result.current.mutateAsync(input).then(
      () => null,
      (e: unknown) => e,
    ),
  );
  const [sent] = server.requests.slice(since).filter((r) => r.method !== 'GET');
  return { sent, refetched: server.getsSince(since), error };
}
