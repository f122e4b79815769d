import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeFetch } from '@/tests/support/fake-fetch';
import { runMutation } from '@/tests/support/mutation-harness';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { useClusterOverview } from './clusters';
import { useDeleteGroup, useGroup, useGroups, useResetOffsets, useTopicConsumers } from './groups';
import { useBrokers } from './brokers';
import { useTopics } from './topics';

const group = (groupId: string) => ({
  groupId,
  type: 'classic',
  state: 'Empty',
  protocolType: 'consumer',
  members: 0,
  topics: ['orders'],
  totalLag: 5,
  status: 'ok',
  statusReason: '',
  lagTrend: [],
});

const READS = {
  'GET /api/clusters/c1/groups': { body: { groups: [group('billing')], sampleIntervalMs: 10_000, missingBrokers: [2] } },
  'GET /api/clusters/c1/groups/billing': { body: { groupId: 'billing', state: 'Empty', members: [], offsets: [] } },
  'GET /api/clusters/c1/topics/orders/consumers': { body: { consumers: [{ groupId: 'billing', state: 'Empty', members: 0, partitions: 3, lag: 5 }] } },
  'GET /api/clusters/c1/topics': { body: { topics: [] } },
  'GET /api/clusters/c1/brokers': { body: { brokers: [] } },
  'GET /api/clusters/c1': { body: { name: 'c1', brokers: [] } },
  'GET /api/clusters/c2/groups': { body: { groups: [], sampleIntervalMs: 10_000, missingBrokers: [] } },
};

const reads = () => [
  useGroups('c1'),
  useGroup('c1', 'billing'),
  useTopicConsumers('c1', 'orders'),
  useTopics('c1', false),
  useBrokers('c1'),
  useClusterOverview('c1'),
  useGroups('c2'),
];

/** Moving or deleting a group's offsets changes lag on the group pages and the topic pages (consumers, topic list). */
const GROUP_CHANGE_REFETCHES = [
  '/api/clusters/c1/groups',
  '/api/clusters/c1/groups/billing',
  '/api/clusters/c1/topics',
  '/api/clusters/c1/topics/orders/consumers',
];

describe('group queries', () => {
  it('useGroups returns the list with the brokers that did not answer', async () => {
    fakeFetch(READS);
    const { result } = renderHook(() => useGroups('c1'), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.groups.map((g) => g.groupId)).toEqual(['billing']);
    expect(result.current.data?.missingBrokers).toEqual([2]);
  });

  it('useGroup escapes a group id that is not a path segment, and reads its details', async () => {
    const server = fakeFetch({ 'GET /api/clusters/c1/groups/team%2Fa%20%3Fx': { body: { groupId: 'team/a ?x', state: 'Stable', members: [], offsets: [] } } });
    const { result } = renderHook(() => useGroup('c1', 'team/a ?x'), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toMatchObject({ groupId: 'team/a ?x', state: 'Stable' });
    expect(server.requests.map((r) => r.url)).toEqual(['/api/clusters/c1/groups/team%2Fa%20%3Fx']);
  });

  it('useGroup gives a missing group as a 404 ApiRequestError at once, not retried', async () => {
    const server = fakeFetch({ 'GET /api/clusters/c1/groups/gone': apiError(404, 'GROUP_NOT_FOUND', 'Group "gone" does not exist') });
    const client = testQueryClient();
    client.setDefaultOptions({ queries: { retry: 3, retryDelay: 0 } });
    const { result } = renderHook(() => useGroup('c1', 'gone'), { wrapper: withQueryClient(client) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ name: 'ApiRequestError', status: 404, code: 'GROUP_NOT_FOUND' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('group mutations', () => {
  it('a reset preview (dry run) changes nothing, so it refreshes nothing', async () => {
    const preview = { dryRun: true, changes: [{ topic: 'orders', partition: 0, from: 5, to: 0, logEndOffset: 10 }] };
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/groups/billing/offsets': { body: preview } },
      reads,
      mutation: () => useResetOffsets('c1', 'billing'),
      input: { topic: 'orders', to: 'earliest' as const, dryRun: true },
    });
    expect(sent).toEqual({ method: 'POST', url: '/api/clusters/c1/groups/billing/offsets', body: { topic: 'orders', to: 'earliest', dryRun: true } });
    expect(refetched).toEqual([]);
  });

  it('an applied reset refreshes the group and topic queries of its cluster', async () => {
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/groups/billing/offsets': { body: { dryRun: false, changes: [] } } },
      reads,
      mutation: () => useResetOffsets('c1', 'billing'),
      input: { topic: 'orders', partitions: [1, 2], to: 'shift' as const, value: -10, dryRun: false },
    });
    expect(sent?.body).toEqual({ topic: 'orders', partitions: [1, 2], to: 'shift', value: -10, dryRun: false });
    expect(refetched).toEqual(GROUP_CHANGE_REFETCHES);
  });

  it('a reset refused while the group is live rejects with the server error and refreshes nothing', async () => {
    const { error, refetched } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/groups/billing/offsets': apiError(409, 'GROUP_NOT_EMPTY', 'The group has 2 members') },
      reads,
      mutation: () => useResetOffsets('c1', 'billing'),
      input: { topic: 'orders', to: 'latest' as const, dryRun: false },
    });
    expect(error).toMatchObject({ name: 'ApiRequestError', status: 409, code: 'GROUP_NOT_EMPTY', message: 'The group has 2 members' });
    expect(refetched).toEqual([]);
  });

  it('useDeleteGroup deletes by id and refreshes the same queries', async () => {
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'DELETE /api/clusters/c1/groups/billing': { body: null } },
      reads,
      mutation: () => useDeleteGroup('c1'),
      input: 'billing',
    });
    expect(sent).toMatchObject({ method: 'DELETE', url: '/api/clusters/c1/groups/billing' });
    expect(refetched).toEqual(GROUP_CHANGE_REFETCHES);
  });
});
