import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** What Connect 4.3.1 answers about a connector created a moment ago, before its status is written. */
const FRESH_CONNECTOR = new Map<string, [number, unknown]>([
  ['/connectors/fresh', [200, { name: 'fresh', config: { 'connector.class': 'FileStreamSource', file: '/tmp/x' }, tasks: [], type: 'source' }]],
  ['/connectors/fresh/status', [404, { error_code: 404, message: 'No status found for connector fresh' }]],
  ['/connectors/fresh/topics', [200, { fresh: { topics: [] } }]],
  ['/connector-plugins/FileStreamSource/config', [200, []]],
  ['/connectors/gone', [404, { error_code: 404, message: 'Connector gone not found' }]],
  ['/connectors/gone/status', [404, { error_code: 404, message: 'No status found for connector gone' }]],
  ['/connectors/gone/topics', [404, { error_code: 404, message: 'Connector gone not found' }]],
]);

/** A stand-in worker: under /open it answers anyone, elsewhere only the dashboard's credentials. */
const server = http.createServer((request, response) => {
  const open = request.url?.startsWith('/open/');
  const allowed = open || request.headers.authorization === `Basic ${Buffer.from('dash:s3cret').toString('base64')}`;
  const fresh = FRESH_CONNECTOR.get(request.url?.replace('/open', '') ?? '');
  if (allowed && fresh) {
    response.writeHead(fresh[0], { 'Content-Type': 'application/json' }).end(JSON.stringify(fresh[1]));
    return;
  }
  response.writeHead(allowed ? 200 : 401, { 'Content-Type': 'application/json' });
  if (!allowed) response.end('{"error_code":401,"message":"Unauthorized"}');
  else response.end(request.url?.endsWith('/connector-plugins') ? '[]' : '{"version":"4.3.1"}');
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.stubEnv(
    'KAFKA_CLUSTERS',
    JSON.stringify([
      {
        name: 'c1',
        brokers: ['127.0.0.1:1'],
        connect: [
          { name: 'secured', url, username: 'dash', password: 's3cret' },
          { name: 'open', url: `${url}/open` },
        ],
      },
    ]),
  );
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('describeConnectClusters', () => {
  // Its first import loads the Kafka clients module: slow on the shared machine.
  it('says which workers want basic auth (for the curl command), never with the credentials', { timeout: 30_000 }, async () => {
    const { describeConnectClusters } = await import('./connectors');
    const clusters = await describeConnectClusters('c1');
    expect(clusters).toEqual([
      { name: 'secured', url, basicAuth: true, version: '4.3.1', plugins: [] },
      { name: 'open', url: `${url}/open`, version: '4.3.1', plugins: [] },
    ]);
    expect(JSON.stringify(clusters)).not.toMatch(/dash|s3cret/);
  });
});

describe('describeConnector', () => {
  it('shows a connector created a moment ago, whose status Connect has not written yet, as not assigned yet', { timeout: 30_000 }, async () => {
    const { describeConnector } = await import('./connectors');
    expect(await describeConnector('c1', 'open', 'fresh')).toMatchObject({
      name: 'fresh',
      type: 'source',
      class: 'FileStreamSource',
      state: 'UNASSIGNED',
      tasks: [],
    });
  });

  it('answers 404 for a connector Connect does not know', async () => {
    const { describeConnector } = await import('./connectors');
    await expect(describeConnector('c1', 'open', 'gone')).rejects.toMatchObject({ status: 404 });
  });
});
