import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../errors';
import { connectRequest } from './client';

/** A stand-in worker on a free local port: records each request's Authorization and answers as told. */
let answer: { status: number; body: string } = { status: 200, body: '{"version":"4.3.1"}' };
const seen: (string | undefined)[] = [];
const server = http.createServer((request, response) => {
  seen.push(request.headers.authorization);
  response.writeHead(answer.status, { 'Content-Type': 'application/json' });
  response.end(answer.body);
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  seen.length = 0;
  answer = { status: 200, body: '{"version":"4.3.1"}' };
  vi.unstubAllEnvs();
});

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('connectRequest', () => {
  it('sends basic auth from `password`', async () => {
    expect(await connectRequest({ name: 'c', url, username: 'dash', password: 's3cret:x' }, '/')).toEqual({ version: '4.3.1' });
    expect(seen).toEqual([basic('dash', 's3cret:x')]);
  });

  it('sends basic auth from the variable `passwordEnv` names, read at the request', async () => {
    vi.stubEnv('TEST_CONNECT_PASSWORD', 'from-env');
    await connectRequest({ name: 'c', url, username: 'dash', passwordEnv: 'TEST_CONNECT_PASSWORD' }, '/');
    expect(seen).toEqual([basic('dash', 'from-env')]);
  });

  it('sends no Authorization without a username', async () => {
    await connectRequest({ name: 'c', url }, '/');
    expect(seen).toEqual([undefined]);
  });

  it("takes a worker answering 500 as unavailable: a 503 naming it, with the worker's message", async () => {
    answer = { status: 500, body: '{"error_code":500,"message":"Request timed out"}' };
    const error = await connectRequest({ name: 'east', url }, '/connectors').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'CONNECT_UNAVAILABLE', status: 503, message: `Kafka Connect "east" at ${url} answered 500: Request timed out` });
  });

  it('takes a proxy answering 502 with an HTML page as unavailable too, naming the worker', async () => {
    answer = { status: 502, body: '<html>Bad Gateway</html>' };
    const error = await connectRequest({ name: 'east', url }, '/connectors').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONNECT_UNAVAILABLE', status: 503, message: `Kafka Connect "east" at ${url} answered 502` });
  });

  it('passes a 401 on as the dashboard being refused (502), not as the user being unauthorised', async () => {
    answer = { status: 401, body: '{"error_code":401,"message":"User cannot access the resource."}' };
    const error = await connectRequest({ name: 'east', url, username: 'dash', password: 'wrong' }, '/').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONNECT_UNAUTHORIZED', status: 502, message: 'User cannot access the resource.' });
  });
});
