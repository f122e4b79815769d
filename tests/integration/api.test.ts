import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';

// Two clusters: the real local one, and one whose brokers do not exist (nothing listens on 19199).
vi.stubEnv(
  'KAFKA_CLUSTERS',
  JSON.stringify([
    { name: 'local', brokers: LOCAL_BOOTSTRAP },
    { name: 'offline', brokers: ['127.0.0.1:19199'] },
  ]),
);

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
let listClusters: () => Promise<Response>;
let clusterOverview: Handler;
let unknownEndpoint: Handler;

beforeAll(async () => {
  const clustersRoute = (await import('@/app/api/clusters/route')).GET as unknown as (request: Request) => Promise<Response>;
  listClusters = () => clustersRoute(new Request('http://localhost/api/clusters'));
  clusterOverview = (await import('@/app/api/clusters/[cluster]/route')).GET as Handler;
  unknownEndpoint = (await import('@/app/api/[...path]/route')).GET as Handler;
});

const call = (handler: Handler, params: Record<string, string | string[]>) => handler(new Request('http://localhost/api'), { params: Promise.resolve(params) });

describe('GET /api/clusters', () => {
  it('lists the configured clusters with their bootstrap servers and no secrets', async () => {
    const response = await listClusters();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      clusters: [
        { name: 'local', bootstrap: LOCAL_BOOTSTRAP.join(',') },
        { name: 'offline', bootstrap: '127.0.0.1:19199' },
      ],
      readOnly: false,
    });
  });
});

describe('GET /api/clusters/{cluster}', () => {
  it('answers the overview with the documented fields', async () => {
    const response = await call(clusterOverview, { cluster: 'local' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(
      [
        'brokers',
        'clusterId',
        'controllerId',
        'kafkaVersion',
        'name',
        'nonPreferredLeaders',
        'offlineBrokers',
        'offlinePartitions',
        'partitions',
        'topics',
        'underReplicatedPartitions',
      ].sort(),
    );
    expect(body.brokers).toHaveLength(3);
    expect(body.offlineBrokers).toEqual([]);
    expect(body.kafkaVersion.metadataVersion).toMatch(/^\d+\.\d+-IV\d+$/);
    expect([0, 1, 2]).toContain(body.controllerId);
  });

  it('answers 404 with a JSON error for an unknown cluster', async () => {
    const response = await call(clusterOverview, { cluster: 'no-such-cluster' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'CLUSTER_NOT_FOUND', message: 'No cluster named "no-such-cluster" is configured' },
    });
  });

  it('answers 503 with a JSON error, quickly, when no broker can be reached', async () => {
    const started = Date.now();
    const response = await call(clusterOverview, { cluster: 'offline' });
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.error.code).toBe('CLUSTER_UNREACHABLE');
    expect(body.error.message).toMatch(/Cannot reach cluster "offline"/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/); // no stack trace
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('unknown API paths', () => {
  it('answer 404 JSON, not an HTML page', async () => {
    const response = await call(unknownEndpoint, { path: ['nothing', 'here'] });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('cross-site requests', () => {
  it('refuses a mutation from another origin and lets scripts without an Origin through to validation', async () => {
    const { POST } = await import('@/app/api/clusters/[cluster]/topics/route');
    const handler = POST as Handler;
    const body = JSON.stringify({ name: '', partitions: 1, replicationFactor: 1 });
    const evil = await handler(
      new Request('http://localhost:3000/api/clusters/local/topics', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', origin: 'http://evil.example', host: 'localhost:3000' },
      }),
      { params: Promise.resolve({ cluster: 'local' }) },
    );
    expect(evil.status).toBe(403);
    expect((await evil.json()).error.code).toBe('CROSS_SITE_REQUEST');
    const crossSite = await handler(
      new Request('http://localhost:3000/api/clusters/local/topics', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      }),
      { params: Promise.resolve({ cluster: 'local' }) },
    );
    expect(crossSite.status).toBe(403);
    const script = await handler(
      new Request('http://localhost:3000/api/clusters/local/topics', { method: 'POST', body, headers: { 'content-type': 'application/json' } }),
      { params: Promise.resolve({ cluster: 'local' }) },
    );
    expect(script.status).toBe(400); // reached validation: the empty name is refused
  });
});

describe('READ_ONLY=true', () => {
  it('refuses every change with 403, creates nothing, and still answers reads', async () => {
    vi.stubEnv('READ_ONLY', 'true');
    try {
      const topics = await import('@/app/api/clusters/[cluster]/topics/route');
      const group = await import('@/app/api/clusters/[cluster]/groups/[group]/route');
      const name = `read-only-${Date.now()}`;
      const created = await (topics.POST as Handler)(
        new Request('http://localhost/api', {
          method: 'POST',
          body: JSON.stringify({ name, partitions: 1, replicationFactor: 1 }),
          headers: { 'content-type': 'application/json' },
        }),
        { params: Promise.resolve({ cluster: 'local' }) },
      );
      expect(created.status).toBe(403);
      expect((await created.json()).error.code).toBe('READ_ONLY');
      const deleted = await (group.DELETE as Handler)(new Request('http://localhost/api', { method: 'DELETE' }), {
        params: Promise.resolve({ cluster: 'local', group: 'any' }),
      });
      expect(deleted.status).toBe(403);
      const listed = await (topics.GET as Handler)(new Request('http://localhost/api'), { params: Promise.resolve({ cluster: 'local' }) });
      expect(listed.status).toBe(200);
      expect(((await listed.json()).topics as { name: string }[]).some((t) => t.name === name)).toBe(false);
      expect((await (await listClusters()).json()).readOnly).toBe(true);
    } finally {
      vi.stubEnv('READ_ONLY', '');
    }
  });
});
