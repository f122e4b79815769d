import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BrokerDetails } from '@/lib/types/brokers';
import { apiError, fakeFetch } from '@/tests/support/fake-fetch';
import { runMutation } from '@/tests/support/mutation-harness';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { useBroker, useBrokers, useUpdateBrokerConfigs } from './brokers';
import { useClusterOverview } from './clusters';
import { ApiRequestError } from './fetch';
import { useTopics } from './topics';

const broker = (nodeId: number): BrokerDetails => ({
  nodeId,
  host: '127.0.0.1',
  port: 19091 + nodeId,
  rack: null,
  online: true,
  isController: nodeId === 1,
  leaders: 4,
  replicas: 12,
  outOfSyncReplicas: 0,
  sizeBytes: 2048,
  configs: [{ name: 'log.retention.ms', value: '604800000', isDefault: false, isSensitive: false, readOnly: false, source: 'DYNAMIC_BROKER_CONFIG' }],
  outOfSyncPartitions: [],
});

const READS = {
  'GET /api/clusters/c1/brokers': { body: { controllerId: 1, brokers: [] } },
  'GET /api/clusters/c1/brokers/1': { body: broker(1) },
  'GET /api/clusters/c1/brokers/2': { body: broker(2) },
  'GET /api/clusters/c1/topics': { body: { topics: [] } },
  'GET /api/clusters/c1': { body: { name: 'c1', brokers: [] } },
  'GET /api/clusters/c2/brokers': { body: { controllerId: 1, brokers: [] } },
  'GET /api/clusters/c2/brokers/1': { body: broker(1) },
};

const reads = () => [
  useBrokers('c1'),
  useBroker('c1', 1),
  useBroker('c1', 2),
  useTopics('c1', false),
  useClusterOverview('c1'),
  useBrokers('c2'),
  useBroker('c2', 1),
];

/** A broker config shows on the broker pages of its cluster only: not the topics, not the overview. */
const BROKER_CHANGE_REFETCHES = ['/api/clusters/c1/brokers', '/api/clusters/c1/brokers/1', '/api/clusters/c1/brokers/2'];

describe('broker queries', () => {
  it('useBroker reads one broker by node id under an escaped cluster name and returns its details', async () => {
    const server = fakeFetch({ 'GET /api/clusters/prod%20eu/brokers/3': { body: broker(3) } });
    const { result } = renderHook(() => useBroker('prod eu', 3), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(broker(3));
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/clusters/prod%20eu/brokers/3']);
  });

  it('useBroker gives a missing broker as a 404 ApiRequestError at once, not retried', async () => {
    const server = fakeFetch({ 'GET /api/clusters/c1/brokers/9': apiError(404, 'BROKER_NOT_FOUND', 'Broker 9 is not part of the cluster') });
    // The client default retries; the query's own rule must refuse a retry for 404.
    const client = testQueryClient();
    client.setDefaultOptions({ queries: { retry: 3, retryDelay: 0 } });
    const { result } = renderHook(() => useBroker('c1', 9), { wrapper: withQueryClient(client) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ApiRequestError);
    expect(result.current.error).toMatchObject({ status: 404, code: 'BROKER_NOT_FOUND', message: 'Broker 9 is not part of the cluster' });
    expect(server.requests).toHaveLength(1);
  });

  it('useBroker retries another failure once (a broker restarting), then reports it', async () => {
    const server = fakeFetch({ 'GET /api/clusters/c1/brokers/2': apiError(503, 'CLUSTER_UNREACHABLE', 'No broker answered') });
    const client = testQueryClient();
    client.setDefaultOptions({ queries: { retry: 3, retryDelay: 0 } });
    const { result } = renderHook(() => useBroker('c1', 2), { wrapper: withQueryClient(client) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ name: 'ApiRequestError', status: 503, code: 'CLUSTER_UNREACHABLE' });
    expect(server.requests).toHaveLength(2);
  });
});

describe('broker config mutations', () => {
  it('useUpdateBrokerConfigs patches one broker (null resets a config) and refreshes the broker queries of its cluster only', async () => {
    const configs = { 'log.retention.ms': '86400000', 'log.cleaner.threads': null };
    const { sent, refetched, error } = await runMutation({
      routes: { ...READS, 'PATCH /api/clusters/c1/brokers/2/configs': { body: { configs: [] } } },
      reads,
      mutation: () => useUpdateBrokerConfigs('c1', 2),
      input: configs,
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'PATCH', url: '/api/clusters/c1/brokers/2/configs', body: { configs } });
    expect(refetched).toEqual(BROKER_CHANGE_REFETCHES);
  });

  it('the cluster-wide default goes to brokers/default and refreshes the same queries', async () => {
    const configs = { 'log.retention.ms': '3600000' };
    const { sent, refetched } = await runMutation({
      routes: { ...READS, 'PATCH /api/clusters/c1/brokers/default/configs': { body: { configs: [] } } },
      reads,
      mutation: () => useUpdateBrokerConfigs('c1', 'default'),
      input: configs,
    });
    expect(sent).toEqual({ method: 'PATCH', url: '/api/clusters/c1/brokers/default/configs', body: { configs } });
    expect(refetched).toEqual(BROKER_CHANGE_REFETCHES);
  });

  it('a refused change rejects with the server error and refreshes nothing', async () => {
    const { error, refetched } = await runMutation({
      routes: { ...READS, 'PATCH /api/clusters/c1/brokers/2/configs': apiError(400, 'INVALID_CONFIG', 'Unknown broker config "nope"') },
      reads,
      mutation: () => useUpdateBrokerConfigs('c1', 2),
      input: { nope: '1' },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'INVALID_CONFIG', message: 'Unknown broker config "nope"' });
    expect(refetched).toEqual([]);
  });
});
