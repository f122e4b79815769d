import { describe, expect, it } from 'vitest';
import type { DeleteGroupOffsetsResult, DeleteRecordsResult, ElectLeadersResult } from '@/lib/types/operations';
import { apiError } from '@/tests/support/fake-fetch';
import { runMutation } from '@/tests/support/mutation-harness';
import { useBrokers } from './brokers';
import { useClusterOverview } from './clusters';
import { ApiRequestError } from './fetch';
import { useGroup, useGroups, useTopicConsumers } from './groups';
import { useDeleteGroupOffsets, useDeleteRecords, useElectLeaders } from './operations';
import { useTopic, useTopics } from './topics';

const READS = {
  'GET /api/clusters/c1/topics': { body: { topics: [] } },
  'GET /api/clusters/c1/topics/a%23b': { body: { name: 'a#b', internal: false, partitions: [], configs: [] } },
  'GET /api/clusters/c1/brokers': { body: { controllerId: 1, brokers: [] } },
  'GET /api/clusters/c1': { body: { name: 'c1', brokers: [] } },
  'GET /api/clusters/c1/groups': { body: { groups: [], sampleIntervalMs: 10_000, missingBrokers: [] } },
  'GET /api/clusters/c1/groups/team%2Fa': { body: { groupId: 'team/a', state: 'Empty', members: [], offsets: [] } },
  'GET /api/clusters/c1/topics/a%23b/consumers': { body: { consumers: [] } },
  'GET /api/clusters/c2/topics': { body: { topics: [] } },
  'GET /api/clusters/c2/groups': { body: { groups: [], sampleIntervalMs: 10_000, missingBrokers: [] } },
  'GET /api/clusters/c2': { body: { name: 'c2', brokers: [] } },
};

/** Every read of c1's topic, broker, group and overview pages, plus c2's. */
const reads = () => [
  useTopics('c1', false),
  useTopic('c1', 'a#b'),
  useBrokers('c1'),
  useClusterOverview('c1'),
  useGroups('c1'),
  useGroup('c1', 'team/a'),
  useTopicConsumers('c1', 'a#b'),
  useTopics('c2', false),
  useGroups('c2'),
  useClusterOverview('c2'),
];

/** Runs a mutation as a page would and keeps what it resolved with. */
function keepingResult<T>(hook: () => { mutateAsync: (input: T) => Promise<unknown> }) {
  const kept: { value?: unknown } = {};
  const mutation = () => {
    const m = hook();
    return { mutateAsync: (input: T) => m.mutateAsync(input).then((value) => Object.assign(kept, { value })) };
  };
  return { kept, mutation };
}

describe('useDeleteRecords', () => {
  it('posts to the escaped topic, returns the new low watermarks, and refreshes the topics and the overview of its cluster', async () => {
    const answer: DeleteRecordsResult = { partitions: [{ partition: 0, lowWatermark: 120 }] };
    const { kept, mutation } = keepingResult(() => useDeleteRecords('c1', 'a#b'));
    const { sent, refetched, error } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/topics/a%23b/delete-records': { body: answer } },
      reads,
      mutation,
      input: { partitions: [0], beforeOffset: 120 },
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'POST', url: '/api/clusters/c1/topics/a%23b/delete-records', body: { partitions: [0], beforeOffset: 120 } });
    expect(kept.value).toEqual(answer);
    // The topic's consumers are read under the group keys: deleting records does not refresh them.
    expect(refetched).toEqual(['/api/clusters/c1', '/api/clusters/c1/topics', '/api/clusters/c1/topics/a%23b']);
  });

  it('a refusal rejects with the server error and refreshes nothing', async () => {
    const { error, refetched } = await runMutation({
      routes: {
        ...READS,
        'POST /api/clusters/c1/topics/a%23b/delete-records': apiError(400, 'OFFSET_OUT_OF_RANGE', 'Offset 999 is past the high watermark 120'),
      },
      reads,
      mutation: () => useDeleteRecords('c1', 'a#b'),
      input: { beforeOffset: 999 },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'OFFSET_OUT_OF_RANGE', message: 'Offset 999 is past the high watermark 120' });
    expect(refetched).toEqual([]);
  });
});

describe('useDeleteGroupOffsets', () => {
  /** The group queries of c1: the list, the group, and the topic's consumers. */
  const GROUP_REFETCHES = ['/api/clusters/c1/groups', '/api/clusters/c1/groups/team%2Fa', '/api/clusters/c1/topics/a%23b/consumers'];

  it('deletes the escaped group offsets of some partitions of a topic (in the query) and refreshes the group queries of its cluster', async () => {
    const answer: DeleteGroupOffsetsResult = {
      deleted: [
        { topic: 'a#b', partition: 1 },
        { topic: 'a#b', partition: 3 },
      ],
    };
    const { kept, mutation } = keepingResult(() => useDeleteGroupOffsets('c1', 'team/a'));
    const { sent, refetched, error } = await runMutation({
      routes: { ...READS, 'DELETE /api/clusters/c1/groups/team%2Fa/offsets?topic=a%23b&partitions=1%2C3': { body: answer } },
      reads,
      mutation,
      input: { topic: 'a#b', partitions: [1, 3] },
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'DELETE', url: '/api/clusters/c1/groups/team%2Fa/offsets?topic=a%23b&partitions=1%2C3', body: undefined });
    expect(kept.value).toEqual(answer);
    expect(refetched).toEqual(GROUP_REFETCHES);
  });

  it.each([{ partitions: null }, { partitions: [] }])('with partitions $partitions it names only the topic: every partition', async ({ partitions }) => {
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'DELETE /api/clusters/c1/groups/team%2Fa/offsets?topic=a%23b': { body: { deleted: [] } } },
      reads,
      mutation: () => useDeleteGroupOffsets('c1', 'team/a'),
      input: { topic: 'a#b', partitions },
    });
    expect(sent?.url).toBe('/api/clusters/c1/groups/team%2Fa/offsets?topic=a%23b');
    expect(refetched).toEqual(GROUP_REFETCHES);
  });

  it('a refusal while the group reads the topic rejects with the server error and refreshes nothing', async () => {
    const { error, refetched } = await runMutation({
      routes: {
        ...READS,
        'DELETE /api/clusters/c1/groups/team%2Fa/offsets?topic=a%23b': apiError(409, 'GROUP_SUBSCRIBED_TO_TOPIC', 'The group is subscribed to "a#b"'),
      },
      reads,
      mutation: () => useDeleteGroupOffsets('c1', 'team/a'),
      input: { topic: 'a#b', partitions: null },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'GROUP_SUBSCRIBED_TO_TOPIC', message: 'The group is subscribed to "a#b"' });
    expect(refetched).toEqual([]);
  });
});

describe('useElectLeaders', () => {
  it('posts the election and refreshes everything of its cluster that shows leaders: topics, brokers, the overview', async () => {
    const input = { type: 'preferred' as const, partitions: [{ topic: 'a#b', partition: 0 }] };
    const answer: ElectLeadersResult = { results: [{ topic: 'a#b', partition: 0, outcome: 'not-needed' }] };
    const { kept, mutation } = keepingResult(() => useElectLeaders('c1'));
    const { sent, refetched, error } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/elect-leaders': { body: answer } },
      reads,
      mutation,
      input,
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'POST', url: '/api/clusters/c1/elect-leaders', body: input });
    expect(kept.value).toEqual(answer);
    expect(refetched).toEqual(['/api/clusters/c1', '/api/clusters/c1/brokers', '/api/clusters/c1/topics', '/api/clusters/c1/topics/a%23b']);
  });

  it('a refusal from the authorizer rejects with the server error and refreshes nothing', async () => {
    const { error, refetched } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/elect-leaders': apiError(403, 'CLUSTER_AUTHORIZATION_FAILED', 'Not allowed to elect leaders') },
      reads,
      mutation: () => useElectLeaders('c1'),
      input: { type: 'unclean' },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 403, code: 'CLUSTER_AUTHORIZATION_FAILED', message: 'Not allowed to elect leaders' });
    expect(refetched).toEqual([]);
  });
});
