import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectConfig } from '@/lib/config';
import { connectRequest } from './client';

/**
 * A CA, a server certificate for 127.0.0.1 and a client certificate, made with openssl (as
 * `cluster:start --tls` makes the cluster's) in a temp directory: the test needs no running cluster.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connect-tls-'));
const file = (name: string) => path.join(dir, name);
function openssl(...args: string[]) {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}
function makeCertificates() {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=test CA');
  fs.writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1\n');
  for (const [name, subject, ext] of [
    ['server', '/CN=localhost', ['-extfile', 'server.ext']],
    ['client', '/CN=kafka-dashboard', []],
  ] as const) {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', ...ext);
  }
}

/** A worker over HTTPS that asks for a client certificate and answers with the name in it (or "none"). */
let server: https.Server;
let url = '';

beforeAll(async () => {
  makeCertificates();
  server = https.createServer(
    {
      key: fs.readFileSync(file('server.key')),
      cert: fs.readFileSync(file('server.crt')),
      ca: fs.readFileSync(file('ca.pem')),
      requestCert: true,
      rejectUnauthorized: false,
    },
    (request, response) => {
      const socket = request.socket as TLSSocket;
      const peer = socket.authorized ? socket.getPeerCertificate().subject.CN : 'none';
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ version: '4.3.1', client: peer }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 30_000);
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

const worker = (ssl?: ConnectConfig['ssl']): ConnectConfig => ({ name: 'secure', url, ...(ssl ? { ssl } : {}) });

describe('connectRequest over TLS', () => {
  it('trusts the worker through ssl.caFile and shows it the client certificate of ssl.certFile/keyFile', async () => {
    const answer = await connectRequest(worker({ caFile: file('ca.pem'), certFile: file('client.crt'), keyFile: file('client.key') }), '/');
    expect(answer).toEqual({ version: '4.3.1', client: 'kafka-dashboard' });
  });

  it('sends no client certificate unless given one', async () => {
    expect(await connectRequest(worker({ caFile: file('ca.pem') }), '/')).toEqual({ version: '4.3.1', client: 'none' });
  });

  it("refuses a worker whose certificate it cannot trust: a 503 naming the worker and the certificate's problem", async () => {
    const error = await connectRequest(worker(), '/').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONNECT_UNAVAILABLE', status: 503 });
    expect((error as Error).message).toBe(
      `Kafka Connect "secure" at ${url}: its TLS certificate is not trusted (SELF_SIGNED_CERT_IN_CHAIN; check its ssl.caFile)`,
    );
  });

  it('accepts any certificate with rejectUnauthorized: false', async () => {
    expect(await connectRequest(worker({ rejectUnauthorized: false }), '/')).toMatchObject({ version: '4.3.1' });
  });

  it('names a setting whose file cannot be read, never its content', async () => {
    const error = await connectRequest(worker({ caFile: file('missing.pem') }), '/').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CLUSTER_CONFIG_INVALID', message: `Kafka Connect "secure": cannot read ssl.caFile ${file('missing.pem')} (ENOENT)` });
  });
});
