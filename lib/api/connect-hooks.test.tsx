import type { UseQueryResult } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectorDetails, ConnectValidation } from '@/lib/types/connect';
import { apiError, fakeFetch } from '@/tests/support/fake-fetch';
import { runMutation } from '@/tests/support/mutation-harness';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import {
  type ConnectorActionInput,
  useConfigValidation,
  useConnectClusters,
  useConnector,
  useConnectorAction,
  useConnectorOffsets,
  useConnectors,
  useCreateConnector,
  useSinkGroups,
  useTopicConnectors,
  useUpdateConnectorConfig,
  useValidateConnectorConfig,
} from './connect';
import { ApiRequestError } from './fetch';
import { useGroups } from './groups';
import { useTopics } from './topics';

/** A Connect cluster and a connector whose names are not path segments. */
const C = '/api/clusters/c1/connect/main%20dc';
const N = `${C}/connectors/sink%2Fa`;
const PLUGIN = 'org.example.Sink$Inner';
const VALIDATE = `${C}/connector-plugins/org.example.Sink%24Inner/validate`;

const connector: ConnectorDetails = {
  name: 'sink/a',
  type: 'sink',
  class: PLUGIN,
  state: 'RUNNING',
  workerId: 'w1:8083',
  tasks: [{ id: 0, state: 'RUNNING', workerId: 'w1:8083' }],
  topics: ['orders'],
  config: { 'connector.class': PLUGIN, topics: 'orders', 'connection.password': '[hidden]' },
};
const validation = (errorCount: number): ConnectValidation => ({ className: PLUGIN, errorCount, groups: ['Common'], fields: [] });

const READS: Record<string, unknown> = {
  '/api/clusters/c1/connect': { connectClusters: [{ name: 'main dc', url: 'http://127.0.0.1:8083', version: '4.1.0', plugins: [] }] },
  '/api/clusters/c1/connect/sink-groups': {
    groups: [{ connect: 'main dc', name: 'sink/a', type: 'sink', state: 'RUNNING', groupId: 'connect-sink/a' }],
    unavailable: [],
  },
  '/api/clusters/c1/topics/a%23b/connectors': {
    connectors: [{ connect: 'main dc', name: 'sink/a', type: 'sink', state: 'RUNNING', role: 'reads' }],
    unavailable: [],
  },
  [`${C}/connectors`]: { connectors: [connector] },
  [N]: connector,
  [`${N}/offsets`]: { offsets: [{ partition: { kafka_topic: 'orders', kafka_partition: 0 }, offset: { kafka_offset: 42 } }] },
  '/api/clusters/c1/topics': { topics: [] },
  '/api/clusters/c1/groups': { groups: [], sampleIntervalMs: 10_000, missingBrokers: [] },
  '/api/clusters/c2/connect': { connectClusters: [] },
};
const ROUTES = {
  ...Object.fromEntries(Object.entries(READS).map(([url, body]) => [`GET ${url}`, { body }])),
  [`PUT ${VALIDATE}`]: { body: validation(0) },
};

const reads = () => [
  useConnectClusters('c1'),
  useSinkGroups('c1'),
  useTopicConnectors('c1', 'a#b'),
  useConnectors('c1', 'main dc'),
  useConnector('c1', 'main dc', 'sink/a'),
  useConnectorOffsets('c1', 'main dc', 'sink/a'),
  useConfigValidation('c1', 'main dc', PLUGIN, { topics: 'orders' }),
  useTopics('c1', false),
  useGroups('c1'),
  useConnectClusters('c2'),
];

/** Every Connect read of c1 (the validation, a PUT, is counted apart); not its topics or groups, not c2. */
const CONNECT_REFETCHES = Object.keys(READS)
  .filter((url) => !['/api/clusters/c1/topics', '/api/clusters/c1/groups'].includes(url) && !url.startsWith('/api/clusters/c2'))
  .sort();

/** How many times the config was sent to Connect's validate endpoint, across the test. */
const validations = () => vi.mocked(fetch).mock.calls.filter(([url, init]) => url === VALIDATE && init?.method === 'PUT').length;

const render = <T,>(hook: () => T) => renderHook(hook, { wrapper: withQueryClient(testQueryClient()) });

describe('connect queries', () => {
  it.each<[string, string, () => UseQueryResult<unknown>]>([
    ['useConnectClusters', '/api/clusters/c1/connect', () => useConnectClusters('c1')],
    ['useSinkGroups', '/api/clusters/c1/connect/sink-groups', () => useSinkGroups('c1')],
    ['useTopicConnectors', '/api/clusters/c1/topics/a%23b/connectors', () => useTopicConnectors('c1', 'a#b')],
    ['useConnectors', `${C}/connectors`, () => useConnectors('c1', 'main dc')],
    ['useConnector', N, () => useConnector('c1', 'main dc', 'sink/a')],
    ['useConnectorOffsets', `${N}/offsets`, () => useConnectorOffsets('c1', 'main dc', 'sink/a')],
  ])('%s reads %s and returns its answer', async (_, url, hook) => {
    const server = fakeFetch(ROUTES);
    const { result } = render(hook);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(READS[url]);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${url}`]);
  });

  it('a connector that is gone is a 404 ApiRequestError; a worker that is down a 503', async () => {
    fakeFetch({
      [`GET ${N}`]: apiError(404, 'CONNECT_NOT_FOUND', 'Connector sink/a not found'),
      [`GET ${C}/connectors`]: apiError(503, 'CONNECT_UNAVAILABLE', 'Connect "main dc" did not answer'),
    });
    const gone = render(() => useConnector('c1', 'main dc', 'sink/a'));
    const down = render(() => useConnectors('c1', 'main dc'));
    await waitFor(() => expect(gone.result.current.isError && down.result.current.isError).toBe(true));
    expect(gone.result.current.error).toBeInstanceOf(ApiRequestError);
    expect(gone.result.current.error).toMatchObject({ status: 404, code: 'CONNECT_NOT_FOUND', message: 'Connector sink/a not found' });
    expect(down.result.current.error).toMatchObject({ name: 'ApiRequestError', status: 503, code: 'CONNECT_UNAVAILABLE' });
  });

  it('useConfigValidation puts the config to the plugin validate endpoint, keeps the last answer while the next is asked', async () => {
    const server = fakeFetch({ [`PUT ${VALIDATE}`]: ({ body }) => ({ body: validation(Object.keys(body as object).length) }) });
    const { result, rerender } = renderHook(({ config }) => useConfigValidation('c1', 'main dc', PLUGIN, config), {
      wrapper: withQueryClient(testQueryClient()),
      initialProps: { config: { topics: 'orders' } as Record<string, string> },
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(validation(1));
    rerender({ config: { topics: 'orders', 'tasks.max': '2' } });
    expect(result.current).toMatchObject({ isPlaceholderData: true, data: validation(1) });
    await waitFor(() => expect(result.current.data).toEqual(validation(2)));
    expect(server.requests).toEqual([
      { method: 'PUT', url: VALIDATE, body: { topics: 'orders' } },
      { method: 'PUT', url: VALIDATE, body: { topics: 'orders', 'tasks.max': '2' } },
    ]);
  });

  it('useConfigValidation asks again when only a setting named __proto__ changes, and nothing without a plugin', async () => {
    const server = fakeFetch({ [`PUT ${VALIDATE}`]: { body: validation(0) } });
    const proto = (value: string): Record<string, string> => JSON.parse(`{"__proto__":"${value}"}`);
    const { result, rerender } = renderHook(({ config }) => useConfigValidation('c1', 'main dc', PLUGIN, config), {
      wrapper: withQueryClient(testQueryClient()),
      initialProps: { config: proto('1') },
    });
    await waitFor(() => expect(server.requests).toHaveLength(1));
    rerender({ config: proto('2') });
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(server.requests.map((r) => JSON.stringify(r.body))).toEqual(['{"__proto__":"1"}', '{"__proto__":"2"}']);
    const none = render(() => useConfigValidation('c1', 'main dc', '', { topics: 'orders' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(none.result.current.fetchStatus).toBe('idle');
    expect(server.requests).toHaveLength(2);
    expect(result.current.isSuccess).toBe(true);
  });
});

describe('connect mutations', () => {
  it('useCreateConnector posts name and config, and refreshes every Connect query of its cluster, the validation too', async () => {
    const input = { name: 'sink/a', config: { 'connector.class': PLUGIN, topics: 'orders' } };
    const { sent, refetched, error } = await runMutation({
      routes: { ...ROUTES, [`POST ${C}/connectors`]: { status: 201, body: connector } },
      reads,
      mutation: () => useCreateConnector('c1', 'main dc'),
      input,
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'POST', url: `${C}/connectors`, body: input });
    expect(refetched).toEqual(CONNECT_REFETCHES);
    expect(validations()).toBe(2);
  });

  it('a name already taken rejects with the server error and refreshes nothing', async () => {
    const { error, refetched } = await runMutation({
      routes: { ...ROUTES, [`POST ${C}/connectors`]: apiError(409, 'CONNECT_CONFLICT', 'Connector sink/a already exists') },
      reads,
      mutation: () => useCreateConnector('c1', 'main dc'),
      input: { name: 'sink/a', config: {} },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'CONNECT_CONFLICT', message: 'Connector sink/a already exists' });
    expect(refetched).toEqual([]);
    expect(validations()).toBe(1);
  });

  it('useValidateConnectorConfig puts the config, returns the validation, and refreshes nothing', async () => {
    let answer: unknown;
    const { sent, refetched, error } = await runMutation({
      routes: { ...ROUTES, [`PUT ${VALIDATE}`]: { body: validation(3) } },
      reads,
      mutation: () => {
        const m = useValidateConnectorConfig('c1', 'main dc');
        return { mutateAsync: (input: { pluginClass: string; config: Record<string, string> }) => m.mutateAsync(input).then((v) => (answer = v)) };
      },
      input: { pluginClass: PLUGIN, config: { topics: 'x' } },
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'PUT', url: VALIDATE, body: { topics: 'x' } });
    expect(answer).toEqual(validation(3));
    expect(refetched).toEqual([]);
  });

  it('useUpdateConnectorConfig puts the config of the escaped connector and refreshes every Connect query of its cluster', async () => {
    const config = { 'connector.class': PLUGIN, topics: 'orders,payments' };
    const { sent, refetched, error } = await runMutation({
      routes: { ...ROUTES, [`PUT ${N}/config`]: { body: { config } } },
      reads,
      mutation: () => useUpdateConnectorConfig('c1', 'main dc', 'sink/a'),
      input: config,
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'PUT', url: `${N}/config`, body: config });
    expect(refetched).toEqual(CONNECT_REFETCHES);
    expect(validations()).toBe(2);
  });

  it.each<[string, string, ConnectorActionInput]>([
    ['pause', `POST ${N}/pause`, { action: 'pause' }],
    ['resume', `POST ${N}/resume`, { action: 'resume' }],
    ['stop', `POST ${N}/stop`, { action: 'stop' }],
    ['restart', `POST ${N}/restart?includeTasks=true&onlyFailed=false`, { action: 'restart', includeTasks: true, onlyFailed: false }],
    ['restart failed', `POST ${N}/restart?includeTasks=false&onlyFailed=true`, { action: 'restart', includeTasks: false, onlyFailed: true }],
    ['delete', `DELETE ${N}`, { action: 'delete' }],
  ])('useConnectorAction %s sends %s and refreshes every Connect query of its cluster', async (_, route, input) => {
    const { sent, refetched, error } = await runMutation({
      routes: { ...ROUTES, [route]: { body: null } },
      reads,
      mutation: () => useConnectorAction('c1', 'main dc', 'sink/a'),
      input,
    });
    expect(error).toBeNull();
    expect(sent && `${sent.method} ${sent.url}`).toBe(route);
    expect(sent?.body).toBeUndefined();
    expect(refetched).toEqual(CONNECT_REFETCHES);
  });

  it('a refused action rejects with the server error and refreshes nothing', async () => {
    const { error, refetched } = await runMutation({
      routes: { ...ROUTES, [`POST ${N}/resume`]: apiError(502, 'CONNECT_ERROR', 'Connect answered 500') },
      reads,
      mutation: () => useConnectorAction('c1', 'main dc', 'sink/a'),
      input: { action: 'resume' },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 502, code: 'CONNECT_ERROR', message: 'Connect answered 500' });
    expect(refetched).toEqual([]);
  });
});
