import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NewAclBinding } from '@/lib/types/acls';
import { apiError, fakeFetch } from '@/tests/support/fake-fetch';
import { runMutation } from '@/tests/support/mutation-harness';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { useAcls, useCreateAcls, useDeleteAcls } from './acls';
import { useTopics } from './topics';

const READS = {
  'GET /api/clusters/c1/acls': { body: { acls: [], authorizer: true } },
  'GET /api/clusters/c1/acls?principal=User%3Aalice': { body: { acls: [], authorizer: true } },
  'GET /api/clusters/c1/topics': { body: { topics: [] } },
  'GET /api/clusters/c2/acls': { body: { acls: [], authorizer: true } },
};

const reads = () => [useAcls('c1', {}), useAcls('c1', { principal: 'User:alice', resourceType: 'ANY' }), useTopics('c1', false), useAcls('c2', {})];

describe('acl hooks', () => {
  it('useAcls sends only the filter fields that narrow the list (not empty, not ANY), and returns the bindings', async () => {
    const acl = {
      principal: 'User:alice',
      host: '*',
      operation: 'READ',
      permission: 'ALLOW',
      resourceType: 'TOPIC',
      resourceName: 'orders',
      patternType: 'LITERAL',
    };
    const server = fakeFetch({ 'GET /api/clusters/c1/acls?principal=User%3Aalice&resourceName=orders': { body: { acls: [acl], authorizer: true } } });
    const filter = { principal: 'User:alice', resourceType: 'ANY', resourceName: 'orders', host: '', operation: 'ANY' } as const;
    const { result } = renderHook(() => useAcls('c1', filter), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual({ acls: [acl], authorizer: true });
    expect(server.requests.map((r) => r.url)).toEqual(['/api/clusters/c1/acls?principal=User%3Aalice&resourceName=orders']);
  });

  it('a refusal from the authorizer is a 403 ApiRequestError', async () => {
    fakeFetch({ 'GET /api/clusters/c1/acls': apiError(403, 'CLUSTER_AUTHORIZATION_FAILED', 'Not allowed to describe ACLs') });
    const { result } = renderHook(() => useAcls('c1', {}), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ name: 'ApiRequestError', status: 403, code: 'CLUSTER_AUTHORIZATION_FAILED' });
  });

  it('useCreateAcls posts the bindings and refreshes every ACL list of its cluster, nothing else', async () => {
    const acls: NewAclBinding[] = [
      { principal: 'User:bob', host: '*', operation: 'WRITE', permission: 'ALLOW', resourceType: 'TOPIC', resourceName: 'orders', patternType: 'LITERAL' },
    ];
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/acls': { status: 201, body: { acls } } },
      reads,
      mutation: () => useCreateAcls('c1'),
      input: acls,
    });
    expect(sent).toEqual({ method: 'POST', url: '/api/clusters/c1/acls', body: { acls } });
    expect(refetched).toEqual(['/api/clusters/c1/acls', '/api/clusters/c1/acls?principal=User%3Aalice']);
  });

  it('useDeleteAcls sends the filter in the body and refreshes the same lists', async () => {
    const filter = { principal: 'User:bob', resourceType: 'TOPIC' as const };
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'DELETE /api/clusters/c1/acls': { body: { deleted: 0, acls: [], dryRun: false } } },
      reads,
      mutation: () => useDeleteAcls('c1'),
      input: filter,
    });
    expect(sent).toEqual({ method: 'DELETE', url: '/api/clusters/c1/acls', body: filter });
    expect(refetched).toEqual(['/api/clusters/c1/acls', '/api/clusters/c1/acls?principal=User%3Aalice']);
  });
});
