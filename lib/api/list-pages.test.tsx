import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { groupPageParams } from '@/lib/group-page';
import { topicPageParams } from '@/lib/topic-page';
import { fakeFetch } from '@/tests/support/fake-fetch';
import { runMutation } from '@/tests/support/mutation-harness';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { useDeleteGroup, useGroupsPage } from './groups';
import { useTopicsPage } from './topics';

const page = { groups: [], total: 250, groupCount: 300, offset: 100, limit: 100, sampleIntervalMs: 10_000, missingBrokers: [] };
const groupParams = groupPageParams({ q: 'bill', state: '', sort: 'totalLag', dir: 'desc' }, 2);
const READS = {
  [`GET /api/clusters/c1/groups?${groupParams}`]: { body: page },
  'GET /api/clusters/c1/topics?limit=100&offset=0&q=orders': { body: { topics: [], total: 0, topicCount: 5, offset: 0, limit: 100 } },
};

describe('list pages', () => {
  it('useGroupsPage asks for the view and page it is given and returns the page with its totals', async () => {
    const server = fakeFetch(READS);
    const { result } = renderHook(() => useGroupsPage('c1', groupParams), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toMatchObject({ total: 250, groupCount: 300, offset: 100 });
    expect(server.requests.map((r) => r.url)).toEqual(['/api/clusters/c1/groups?limit=100&offset=100&q=bill&sort=totalLag&dir=desc']);
  });

  it('useTopicsPage asks for one page of topics', async () => {
    const params = topicPageParams({ q: 'orders', sort: 'name', dir: 'asc', internal: false }, 1);
    fakeFetch(READS);
    const { result } = renderHook(() => useTopicsPage('c1', params), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toMatchObject({ total: 0, topicCount: 5 });
  });

  it('deleting a group refreshes the page of groups on show', async () => {
    const { refetched } = await runMutation({
      routes: { ...READS, 'DELETE /api/clusters/c1/groups/billing': { status: 204 } },
      reads: () => [useGroupsPage('c1', groupParams)],
      mutation: () => useDeleteGroup('c1'),
      input: 'billing',
    });
    expect(refetched).toEqual([`/api/clusters/c1/groups?${groupParams}`]);
  });
});
