import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ScramUserList } from '@/lib/types/users';
import { apiError, fakeFetch } from '@/tests/support/fake-fetch';
import { runMutation } from '@/tests/support/mutation-harness';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { useClusterOverview } from './clusters';
import { ApiRequestError } from './fetch';
import { useQuotas } from './quotas';
import { useDeleteUser, useUpsertUser, useUsers } from './users';

const list: ScramUserList = {
  users: [
    { name: 'alice', mechanisms: [{ mechanism: 'SCRAM-SHA-256', iterations: 4096 }] },
    { name: 'team/b ?x', mechanisms: [{ mechanism: 'SCRAM-SHA-512', iterations: 8192 }] },
  ],
};

const READS = {
  'GET /api/clusters/c1/users': { body: list },
  'GET /api/clusters/c1/quotas': { body: { quotas: [] } },
  'GET /api/clusters/c1': { body: { name: 'c1', brokers: [] } },
  'GET /api/clusters/c2/users': { body: { users: [] } },
};

const reads = () => [useUsers('c1'), useQuotas('c1'), useClusterOverview('c1'), useUsers('c2')];

describe('user queries', () => {
  it('useUsers reads the users of an escaped cluster name and returns them', async () => {
    const server = fakeFetch({ 'GET /api/clusters/prod%20eu/users': { body: list } });
    const { result } = renderHook(() => useUsers('prod eu'), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(list);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/clusters/prod%20eu/users']);
  });

  it('a cluster without SASL is a 409 ApiRequestError', async () => {
    fakeFetch({ 'GET /api/clusters/c1/users': apiError(409, 'SECURITY_DISABLED', 'No SCRAM listener on this cluster') });
    const { result } = renderHook(() => useUsers('c1'), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ApiRequestError);
    expect(result.current.error).toMatchObject({ status: 409, code: 'SECURITY_DISABLED', message: 'No SCRAM listener on this cluster' });
  });
});

describe('user mutations', () => {
  it('useUpsertUser posts the credential and refreshes the user list of its cluster only', async () => {
    const input = { name: 'carol', mechanism: 'SCRAM-SHA-512' as const, password: 's3cret', iterations: 8192 };
    const { sent, refetched, error } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/users': { status: 201, body: { name: 'carol', mechanism: 'SCRAM-SHA-512', iterations: 8192 } } },
      reads,
      mutation: () => useUpsertUser('c1'),
      input,
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'POST', url: '/api/clusters/c1/users', body: input });
    expect(refetched).toEqual(['/api/clusters/c1/users']);
  });

  it('useDeleteUser deletes one mechanism of a name that needs escaping, and refreshes the same list', async () => {
    const { sent, refetched, error } = await runMutation({
      routes: { ...READS, 'DELETE /api/clusters/c1/users/team%2Fb%20%3Fx?mechanism=SCRAM-SHA-512': { body: null } },
      reads,
      mutation: () => useDeleteUser('c1'),
      input: { name: 'team/b ?x', mechanism: 'SCRAM-SHA-512' },
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'DELETE', url: '/api/clusters/c1/users/team%2Fb%20%3Fx?mechanism=SCRAM-SHA-512', body: undefined });
    expect(refetched).toEqual(['/api/clusters/c1/users']);
  });

  it('useDeleteUser without a mechanism deletes every mechanism of the user', async () => {
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'DELETE /api/clusters/c1/users/alice': { body: null } },
      reads,
      mutation: () => useDeleteUser('c1'),
      input: { name: 'alice' },
    });
    expect(sent).toEqual({ method: 'DELETE', url: '/api/clusters/c1/users/alice', body: undefined });
    expect(refetched).toEqual(['/api/clusters/c1/users']);
  });

  it('deleting the credential the dashboard logs in with is refused, and refreshes nothing', async () => {
    const { error, refetched } = await runMutation({
      routes: { ...READS, 'DELETE /api/clusters/c1/users/admin': apiError(409, 'OWN_LOGIN', 'The dashboard logs in as "admin"') },
      reads,
      mutation: () => useDeleteUser('c1'),
      input: { name: 'admin' },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'OWN_LOGIN', message: 'The dashboard logs in as "admin"' });
    expect(refetched).toEqual([]);
  });
});
