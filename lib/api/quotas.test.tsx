import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ClientQuotaList, QuotaChange } from '@/lib/types/quotas';
import { apiError, fakeFetch } from '@/tests/support/fake-fetch';
import { runMutation } from '@/tests/support/mutation-harness';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { useClusterOverview } from './clusters';
import { ApiRequestError } from './fetch';
import { useChangeQuota, useQuotas } from './quotas';
import { useUsers } from './users';

/** A user's own values, the default for every user (null), and an IP. */
const list: ClientQuotaList = {
  quotas: [
    { entity: { user: 'alice', clientId: 'app' }, values: { producer_byte_rate: 1048576 } },
    { entity: { user: null }, values: { consumer_byte_rate: 2097152, request_percentage: 50 } },
    { entity: { ip: '10.0.0.1' }, values: { connection_creation_rate: 10 } },
  ],
};

const READS = {
  'GET /api/clusters/c1/quotas': { body: list },
  'GET /api/clusters/c1/users': { body: { users: [] } },
  'GET /api/clusters/c1': { body: { name: 'c1', brokers: [] } },
  'GET /api/clusters/c2/quotas': { body: { quotas: [] } },
};

const reads = () => [useQuotas('c1'), useUsers('c1'), useClusterOverview('c1'), useQuotas('c2')];

describe('quota hooks', () => {
  it('useQuotas reads the quotas of an escaped cluster name and returns them', async () => {
    const server = fakeFetch({ 'GET /api/clusters/prod%20eu/quotas': { body: list } });
    const { result } = renderHook(() => useQuotas('prod eu'), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(list);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/clusters/prod%20eu/quotas']);
  });

  it('a refusal from the authorizer is a 403 ApiRequestError', async () => {
    fakeFetch({ 'GET /api/clusters/c1/quotas': apiError(403, 'CLUSTER_AUTHORIZATION_FAILED', 'Not allowed to describe client quotas') });
    const { result } = renderHook(() => useQuotas('c1'), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ApiRequestError);
    expect(result.current.error).toMatchObject({ status: 403, code: 'CLUSTER_AUTHORIZATION_FAILED', message: 'Not allowed to describe client quotas' });
  });

  it('useChangeQuota puts the change (null removes a value) and refreshes the quota list of its cluster only', async () => {
    const change: QuotaChange = { entity: { user: 'alice', clientId: null }, values: { producer_byte_rate: 4096, consumer_byte_rate: null } };
    const { sent, refetched, error } = await runMutation({
      routes: { ...READS, 'PUT /api/clusters/c1/quotas': { body: { entity: change.entity, values: { producer_byte_rate: 4096 } } } },
      reads,
      mutation: () => useChangeQuota('c1'),
      input: change,
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'PUT', url: '/api/clusters/c1/quotas', body: change });
    expect(refetched).toEqual(['/api/clusters/c1/quotas']);
  });

  it('a refused change rejects with the server error and refreshes nothing', async () => {
    const { error, refetched } = await runMutation({
      routes: { ...READS, 'PUT /api/clusters/c1/quotas': apiError(400, 'INVALID_INPUT', 'request_percentage must be a number') },
      reads,
      mutation: () => useChangeQuota('c1'),
      input: { entity: { user: 'alice' }, values: { request_percentage: -1 } },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'INVALID_INPUT', message: 'request_percentage must be a number' });
    expect(refetched).toEqual([]);
  });
});
