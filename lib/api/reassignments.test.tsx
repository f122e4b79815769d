import { describe, expect, it } from 'vitest';
import { runMutation } from '@/tests/support/mutation-harness';
import { useClusterOverview } from './clusters';
import { useGroups } from './groups';
import { useCancelReassignment, useExecuteReassignment, usePlanReassignment, useReassignments } from './reassignments';
import { useBrokers } from './brokers';
import { useTopics } from './topics';

const READS = {
  'GET /api/clusters/c1/reassignments': { body: { reassignments: [] } },
  'GET /api/clusters/c1/topics': { body: { topics: [] } },
  'GET /api/clusters/c1/brokers': { body: { brokers: [] } },
  'GET /api/clusters/c1': { body: { name: 'c1', brokers: [] } },
  'GET /api/clusters/c1/groups': { body: { groups: [], sampleIntervalMs: 10_000, missingBrokers: [] } },
  'GET /api/clusters/c2/reassignments': { body: { reassignments: [] } },
};

const reads = () => [useReassignments('c1'), useTopics('c1', false), useBrokers('c1'), useClusterOverview('c1'), useGroups('c1'), useReassignments('c2')];

/** Moving replicas shows in the reassignment list, the topics' replicas and the brokers' replica counts. */
const MOVE_REFETCHES = ['/api/clusters/c1/brokers', '/api/clusters/c1/reassignments', '/api/clusters/c1/topics'];

describe('reassignment hooks', () => {
  it('a plan is only a proposal: it returns the plan and refreshes nothing', async () => {
    const plan = { partitions: [{ topic: 'orders', partition: 0, current: [1, 2], proposed: [2, 3] }], moves: 1, bytesToMove: 1024 };
    const { sent, refetched, error } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/reassignments/plan': { body: plan } },
      reads,
      mutation: () => usePlanReassignment('c1'),
      input: { topics: ['orders'], brokers: [2, 3] },
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'POST', url: '/api/clusters/c1/reassignments/plan', body: { topics: ['orders'], brokers: [2, 3] } });
    expect(refetched).toEqual([]);
  });

  it('executing a reassignment refreshes reassignments, topics and brokers of its cluster', async () => {
    const request = { partitions: [{ topic: 'orders', partition: 0, replicas: [2, 3] }] };
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/reassignments': { body: { partitions: 1 } } },
      reads,
      mutation: () => useExecuteReassignment('c1'),
      input: request,
    });
    expect(sent).toEqual({ method: 'POST', url: '/api/clusters/c1/reassignments', body: request });
    expect(refetched).toEqual(MOVE_REFETCHES);
  });

  it('cancelling refreshes the same queries', async () => {
    const partitions = [{ topic: 'orders', partition: 0 }];
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'DELETE /api/clusters/c1/reassignments': { body: { cancelled: partitions } } },
      reads,
      mutation: () => useCancelReassignment('c1'),
      input: partitions,
    });
    expect(sent).toEqual({ method: 'DELETE', url: '/api/clusters/c1/reassignments', body: { partitions } });
    expect(refetched).toEqual(MOVE_REFETCHES);
  });
});
