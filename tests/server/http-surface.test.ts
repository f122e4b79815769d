import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startServer, type RunningServer } from '../support/server';

/** The HTTP surface of a real server instance: Host allow-list, methods, paths, headers, CSRF. */
let server: RunningServer;
let port: number;

beforeAll(async () => {
  server = await startServer({ ALLOWED_HOSTS: 'dash.example.com' });
  port = server.port;
});
afterAll(() => server?.stop());

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' };

describe('the Host allow-list (DNS rebinding)', () => {
  it('refuses reads and writes for a name that is not the dashboard', async () => {
    const read = await rawRequest(port, { path: '/api/clusters/local/topics', headers: { host: `rebind.evil.example:${port}` } });
    expect(read.status).toBe(403);
    expect(JSON.parse(read.body).error.code).toBe('HOST_NOT_ALLOWED');
    const write = await rawRequest(port, {
      method: 'POST',
      path: '/api/clusters/local/topics',
      headers: { host: `rebind.evil.example:${port}`, origin: `http://rebind.evil.example:${port}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `rebound-${Date.now()}`, partitions: 1, replicationFactor: 1 }),
    });
    expect(write.status).toBe(403);
    const page = await rawRequest(port, { path: '/clusters/local', headers: { host: 'rebind.evil.example', accept: 'text/html' } });
    expect(page.status).toBe(403);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers its own address, localhost and ALLOWED_HOSTS', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'dash.example.com']) {
      expect((await rawRequest(port, { path: '/api/clusters', headers: { host } })).status, host).toBe(200);
    }
  });
});

describe('requests Next would answer with a bare 500', () => {
  it.each(['/api/clusters/%ff', '/api/clusters/local/topics/%', '/api/clusters/local/topics/%E2%82', '/api/clusters/%C0%AF/topics'])(
    'answers %s with 400 JSON',
    async (path) => {
      const answer = await rawRequest(port, { path });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).error.code).toBe('MALFORMED_PATH');
      expect(answer.headers).toMatchObject(SECURITY_HEADERS);
    },
  );

  it('answers a page path with malformed encoding with a styled page', async () => {
    const answer = await rawRequest(port, { path: '/clusters/%ff/topics', headers: { accept: 'text/html' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('<main>');
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it.each(['TRACE', 'PROPFIND', 'CONNECT'])('answers %s with 405 JSON naming the methods', async (method) => {
    const answer = await rawRequest(port, { method, path: '/api/clusters' });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toContain('GET');
    expect(JSON.parse(answer.body).error.code).toBe('METHOD_NOT_ALLOWED');
    expect(answer.headers).toMatchObject(SECURITY_HEADERS);
  });

  it('answers what Node cannot even parse (an unknown method, a broken header) with 400 JSON', async () => {
    for (const init of [
      { method: 'TRACK', path: '/api/clusters' },
      { path: '/api/clusters', headers: { 'bad header': 'x' } },
    ]) {
      const answer = await rawRequest(port, init);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).error.code).toBe('MALFORMED_REQUEST');
      expect(answer.headers).toMatchObject(SECURITY_HEADERS);
    }
  });
});

describe('headers and content types', () => {
  it('marks every API answer with cluster data Cache-Control: no-store', async () => {
    for (const path of [
      '/api/clusters',
      '/api/clusters/local',
      '/api/clusters/local/topics',
      '/api/clusters/local/groups',
      '/api/clusters/local/brokers',
      '/api/clusters/nope',
      '/api/nope',
    ]) {
      const answer = await rawRequest(port, { path });
      expect(answer.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('never compresses the live message stream (gzip would hold events back and cost the tail its speed)', async () => {
    const answer = await rawRequest(port, {
      path: '/api/clusters/local/topics/__consumer_offsets/messages/stream?from=latest',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(answer.status, String(answer.body).slice(0, 300)).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['cache-control']).toBe('no-store, no-transform');
  });

  it('takes only application/json (with an optional UTF-8 charset) as JSON', async () => {
    const post = (type: string) =>
      rawRequest(port, {
        method: 'POST',
        path: '/api/clusters/local/topics',
        headers: { 'content-type': type },
        body: JSON.stringify({ name: '', partitions: 1, replicationFactor: 1 }),
      });
    for (const type of [
      'text/plain; x=application/json',
      'application/jsonx',
      'text/plain',
      'application/json; charset=latin1',
      'application/json-patch+json',
    ]) {
      expect((await post(type)).status, type).toBe(415);
    }
    for (const type of ['application/json', 'Application/JSON; charset=UTF-8']) expect((await post(type)).status, type).toBe(400); // the empty name
  });
});

describe('CSRF: the Origin must be this very origin', () => {
  const post = (origin: string) =>
    rawRequest(port, {
      method: 'POST',
      path: '/api/clusters/local/topics',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '', partitions: 1, replicationFactor: 1 }),
    });

  it('refuses another scheme, port or host, and accepts its own', async () => {
    for (const origin of [`https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`, 'http://127.0.0.1', `http://localhost:${port}`, 'null', 'file://']) {
      const answer = await post(origin);
      expect(answer.status, origin).toBe(403);
      expect(JSON.parse(answer.body).error.code).toBe('CROSS_SITE_REQUEST');
    }
    expect((await post(`http://127.0.0.1:${port}`)).status).toBe(400); // past the check: the empty name
  });
});
