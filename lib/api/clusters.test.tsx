import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeFetch } from '@/tests/support/fake-fetch';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { useClusterOverview, useClusters, useReadOnly } from './clusters';

describe('cluster hooks', () => {
  it('useClusters returns the configured clusters and the read-only flag', async () => {
    const list = { clusters: [{ name: 'local', bootstrap: '127.0.0.1:19092' }], readOnly: false };
    fakeFetch({ 'GET /api/clusters': { body: list } });
    const { result } = renderHook(() => useClusters(), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(list);
  });

  it('useReadOnly hides changing controls until the server has said, then follows it', async () => {
    fakeFetch({ 'GET /api/clusters': { body: { clusters: [], readOnly: false } } });
    const { result } = renderHook(() => useReadOnly(), { wrapper: withQueryClient(testQueryClient()) });
    // The first render comes before any answer: fetch resolves later.
    expect(result.current).toBe(true);
    await waitFor(() => expect(result.current).toBe(false));
  });

  it('an unreachable cluster is a 503 ApiRequestError from the overview', async () => {
    fakeFetch({ 'GET /api/clusters/down': apiError(503, 'KAFKA_UNAVAILABLE', 'No broker of "down" answered') });
    const client = testQueryClient();
    const { result } = renderHook(() => useClusterOverview('down'), { wrapper: withQueryClient(client) });
    // The overview retries once after a second (a broker restarting), then reports the error.
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 3000 });
    expect(result.current.error).toMatchObject({ name: 'ApiRequestError', status: 503, code: 'KAFKA_UNAVAILABLE', message: 'No broker of "down" answered' });
  });
});
