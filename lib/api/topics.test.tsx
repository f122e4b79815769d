import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeFetch } from '@/tests/support/fake-fetch';
import { runMutation } from '@/tests/support/mutation-harness';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { useClusterOverview } from './clusters';
import { ApiRequestError } from './fetch';
import { useGroups } from './groups';
import { useBrokers } from './brokers';
import { useAddPartitions, useCreateTopic, useDeleteTopic, useTopic, useTopics, useUpdateTopicConfigs } from './topics';

const summary = (name: string) => ({
  name,
  internal: false,
  partitions: 3,
  replicationFactor: 3,
  minReplicationFactor: 3,
  sizeBytes: 0,
  messages: 0,
  messagesExact: true,
  underReplicatedPartitions: 0,
  offlinePartitions: 0,
});

/** What the pages of cluster c1 (and two queries of cluster c2) read. */
const READS = {
  'GET /api/clusters/c1/topics': { body: { topics: [summary('orders')] } },
  'GET /api/clusters/c1/topics?internal=true': { body: { topics: [summary('__consumer_offsets'), summary('orders')] } },
  'GET /api/clusters/c1/topics/orders': { body: { name: 'orders', internal: false, partitions: [], configs: [] } },
  'GET /api/clusters/c1/brokers': { body: { brokers: [] } },
  'GET /api/clusters/c1': { body: { name: 'c1', brokers: [] } },
  'GET /api/clusters/c1/groups': { body: { groups: [], sampleIntervalMs: 10_000, missingBrokers: [] } },
  'GET /api/clusters/c2/topics': { body: { topics: [summary('elsewhere')] } },
  'GET /api/clusters/c2': { body: { name: 'c2', brokers: [] } },
};

/** Every read of c1's pages plus two of c2, as pages would mount them. */
const reads = () => [
  useTopics('c1', false),
  useTopic('c1', 'orders'),
  useBrokers('c1'),
  useClusterOverview('c1'),
  useGroups('c1'),
  useTopics('c2', false),
  useClusterOverview('c2'),
];

/** A topic change shows on the topic pages, the broker pages (partition counts) and the overview; nowhere else. */
const TOPIC_CHANGE_REFETCHES = ['/api/clusters/c1', '/api/clusters/c1/brokers', '/api/clusters/c1/topics', '/api/clusters/c1/topics/orders'];

describe('topic queries', () => {
  it('useTopics returns the list, with internal topics only when asked', async () => {
    fakeFetch(READS);
    const wrapper = withQueryClient(testQueryClient());
    const plain = renderHook(() => useTopics('c1', false), { wrapper });
    const all = renderHook(() => useTopics('c1', true), { wrapper });
    await waitFor(() => expect(all.result.current.isSuccess && plain.result.current.isSuccess).toBe(true));
    expect(plain.result.current.data?.topics.map((t) => t.name)).toEqual(['orders']);
    expect(all.result.current.data?.topics.map((t) => t.name)).toEqual(['__consumer_offsets', 'orders']);
  });

  it('useTopic reads a name that needs escaping in the path', async () => {
    const server = fakeFetch({ 'GET /api/clusters/prod%20eu/topics/a%23b': { body: { name: 'a#b', internal: false, partitions: [], configs: [] } } });
    const { result } = renderHook(() => useTopic('prod eu', 'a#b'), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.name).toBe('a#b');
    expect(server.requests.map((r) => r.url)).toEqual(['/api/clusters/prod%20eu/topics/a%23b']);
  });

  it('useTopic gives a missing topic as an ApiRequestError with the server code and status, without retrying it', async () => {
    const server = fakeFetch({ 'GET /api/clusters/c1/topics/gone': apiError(404, 'TOPIC_NOT_FOUND', 'Topic "gone" does not exist') });
    // The client default retries; the query's own rule must refuse a retry for 404.
    const client = testQueryClient();
    client.setDefaultOptions({ queries: { retry: 3, retryDelay: 0 } });
    const { result } = renderHook(() => useTopic('c1', 'gone'), { wrapper: withQueryClient(client) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ApiRequestError);
    expect(result.current.error).toMatchObject({ status: 404, code: 'TOPIC_NOT_FOUND', message: 'Topic "gone" does not exist' });
    expect(server.requests).toHaveLength(1);
  });

  it('an error answer that is not JSON, and no answer at all, still become typed errors', async () => {
    fakeFetch({ 'GET /api/clusters/c1/brokers': { status: 502, text: '<html>Bad Gateway</html>' } });
    const wrapper = withQueryClient(testQueryClient());
    const brokers = renderHook(() => useBrokers('c1'), { wrapper });
    const offline = renderHook(() => useTopics('c9', false), { wrapper });
    await waitFor(() => expect(brokers.result.current.isError && offline.result.current.isError).toBe(true));
    expect(brokers.result.current.error).toMatchObject({ status: 502, code: 'HTTP_502', message: 'Request failed with status 502' });
    expect(offline.result.current.error).toMatchObject({ status: 0, code: 'NETWORK' });
  });
});

describe('topic mutations', () => {
  it('useCreateTopic posts the request and refreshes topics, brokers and the overview of its cluster only', async () => {
    const input = { name: 'payments', partitions: 6, replicationFactor: 3, configs: { 'retention.ms': '86400000' } };
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/topics': { status: 201, body: { name: 'payments' } } },
      reads,
      mutation: () => useCreateTopic('c1'),
      input,
    });
    expect(sent).toEqual({ method: 'POST', url: '/api/clusters/c1/topics', body: input });
    expect(refetched).toEqual(TOPIC_CHANGE_REFETCHES);
  });

  it('useDeleteTopic deletes by name and refreshes the same queries', async () => {
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'DELETE /api/clusters/c1/topics/old.topic': { body: null } },
      reads,
      mutation: () => useDeleteTopic('c1'),
      input: 'old.topic',
    });
    expect(sent).toMatchObject({ method: 'DELETE', url: '/api/clusters/c1/topics/old.topic' });
    expect(refetched).toEqual(TOPIC_CHANGE_REFETCHES);
  });

  it('useAddPartitions sends the new count and refreshes the same queries', async () => {
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/topics/orders/partitions': { body: { partitions: 8 } } },
      reads,
      mutation: () => useAddPartitions('c1', 'orders'),
      input: 8,
    });
    expect(sent).toEqual({ method: 'POST', url: '/api/clusters/c1/topics/orders/partitions', body: { count: 8 } });
    expect(refetched).toEqual(TOPIC_CHANGE_REFETCHES);
  });

  it('useUpdateTopicConfigs patches configs (null resets one) and refreshes the same queries', async () => {
    const configs = { 'retention.ms': '1000', 'cleanup.policy': null };
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'PATCH /api/clusters/c1/topics/orders/configs': { body: { configs: [] } } },
      reads,
      mutation: () => useUpdateTopicConfigs('c1', 'orders'),
      input: configs,
    });
    expect(sent).toEqual({ method: 'PATCH', url: '/api/clusters/c1/topics/orders/configs', body: { configs } });
    expect(refetched).toEqual(TOPIC_CHANGE_REFETCHES);
  });

  it('a refused mutation rejects with the server error and refreshes nothing', async () => {
    const { error, refetched } = await runMutation({
      routes: { ...READS, 'POST /api/clusters/c1/topics': apiError(409, 'TOPIC_EXISTS', 'Topic "orders" already exists') },
      reads,
      mutation: () => useCreateTopic('c1'),
      input: { name: 'orders', partitions: 1, replicationFactor: 1 },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'TOPIC_EXISTS', message: 'Topic "orders" already exists' });
    expect(refetched).toEqual([]);
  });
});
