// The dashboard through the local cluster's SSL listener (`cluster:start -- --tls`), which requires a
// client certificate: CA, certificate and key come from files; a missing certificate or a wrong CA
// is a clear 503, not a crash.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClusterOverview } from '@/lib/types/cluster';
import { call } from '../support/api';

const TLS_BROKERS = ['127.0.0.1:19292', '127.0.0.1:19293', '127.0.0.1:19294'];
const tls = (name: string) => path.resolve(__dirname, '..', '..', '.cluster', 'tls', name);

let overview: typeof import('@/app/api/clusters/[cluster]/route');
let topics: typeof import('@/app/api/clusters/[cluster]/topics/route');

beforeAll(async () => {
  vi.stubEnv(
    'KAFKA_CLUSTERS',
    JSON.stringify([
      { name: 'mtls', brokers: TLS_BROKERS, ssl: { caFile: tls('ca.pem'), certFile: tls('client.crt'), keyFile: tls('client.key') } },
      { name: 'no-client-cert', brokers: TLS_BROKERS, ssl: { caFile: tls('ca.pem') } },
      // The client certificate is not a CA: trusting only it, the brokers' certificate cannot be verified.
      { name: 'wrong-ca', brokers: TLS_BROKERS, ssl: { caFile: tls('client.crt'), certFile: tls('client.crt'), keyFile: tls('client.key') } },
      { name: 'missing-file', brokers: TLS_BROKERS, ssl: { caFile: tls('no-such-ca.pem') } },
    ]),
  );
  overview = await import('@/app/api/clusters/[cluster]/route');
  topics = await import('@/app/api/clusters/[cluster]/topics/route');
});

afterAll(() => vi.unstubAllEnvs());

describe('SSL listener with client certificates', () => {
  it('connects with the CA, client certificate and key from files, and sees the brokers on the SSL ports', async () => {
    const { status, body } = await call(overview.GET, { cluster: 'mtls' });
    expect(status).toBe(200);
    expect((body as ClusterOverview).brokers.map((b) => `${b.host}:${b.port}`).sort()).toEqual(TLS_BROKERS);
    const listed = await call(topics.GET, { cluster: 'mtls' });
    expect(listed.status).toBe(200);
  });

  it('a failed TLS handshake leaves the dashboard serving the cluster that is configured right', async () => {
    // Failed connections are discarded, not cached: the good cluster still answers after the bad ones.
    expect((await call(overview.GET, { cluster: 'no-client-cert' })).status).toBe(503);
    expect((await call(overview.GET, { cluster: 'mtls' })).status).toBe(200);
  });

  it.each([
    ['no-client-cert', 'KAFKA_TLS_FAILED', /refused the dashboard's client certificate/],
    ['wrong-ca', 'KAFKA_TLS_FAILED', /brokers' certificate is not trusted.*unable to verify/],
    ['missing-file', 'CLUSTER_CONFIG_INVALID', /cannot read ssl\.caFile .*no-such-ca\.pem \(ENOENT\)/],
  ])('answers %s with a clear 503 %s', async (cluster, code, reason) => {
    const { status, body } = await call(overview.GET, { cluster });
    expect(status).toBe(503);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(reason);
    expect(body.error.message).toContain(`"${cluster}"`);
  });
});
