// @ts-check
// The dashboard's HTTP server: Next.js behind a small gate. `npm start`, `npm run serve` and
// `npm run dev` (with --dev) all run this; `next start` alone would skip the gate, so use these.
// The gate refuses what Next would answer with a bare 500 or should never see (malformed
// percent-encoding, TRACE, a Host that is not the dashboard's), and works out from the socket who
// the client is, which the login rate limit and the CSRF check rely on.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { AllowedHostsError } from './allowed-hosts.mjs';
import { TrustedProxiesError } from './client-address.mjs';
import { createGate, refusalResponse } from './gate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '127.0.0.1';

let gate;
try {
  gate = createGate(process.env);
} catch (error) {
  if (error instanceof TrustedProxiesError || error instanceof AllowedHostsError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const app = next({ dev, dir: ROOT, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  const refusal = gate.check(req);
  if (refusal) {
    const answer = refusalResponse(refusal, { path: req.url ?? '', accept: req.headers.accept, method: req.method });
    res.writeHead(answer.status, answer.headers).end(answer.body);
    return;
  }
  gate.stamp(req);
  handle(req, res).catch((error) => {
    console.error('Unhandled error serving', req.method, req.url, error);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ error: { code: 'INTERNAL', message: 'Unexpected server error' } }));
  });
});
/**
 * Writes a refusal straight onto a socket (Node hands CONNECT and unparseable requests over as sockets).
 * @param {import('node:stream').Duplex} socket
 * @param {{ status: number, code: string, message: string, headers?: Record<string, string> }} refusal
 * @param {string} reason
 */
function refuseOnSocket(socket, refusal, reason) {
  const answer = refusalResponse(refusal, { path: '/api/' });
  const head = Object.entries(answer.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${refusal.status} ${reason}\r\n${head}\r\nConnection: close\r\n\r\n${answer.body}`);
}
server.on('connect', (req, socket) =>
  refuseOnSocket(socket, /** @type {NonNullable<ReturnType<typeof gate.check>>} */ (gate.check(req)), 'Method Not Allowed'),
);
// What Node's parser refuses before any handler runs (methods it does not know, broken headers):
// JSON with the usual headers instead of a bare 400.
server.on('clientError', (error, socket) => {
  if (!socket.writable || /** @type {{ code?: string }} */ (error).code === 'ECONNRESET') return socket.destroy();
  refuseOnSocket(socket, { status: 400, code: 'MALFORMED_REQUEST', message: 'The request could not be parsed as HTTP/1.1' }, 'Bad Request');
});
if (process.env.KEEP_ALIVE_TIMEOUT_MS) server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS);
if (dev) server.on('upgrade', app.getUpgradeHandler());
server.listen(port, hostname, () =>
  console.info(`Listening on http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}${dev ? ' (development)' : ''}`),
);
// Before exiting, the dashboard's lag sampler leaves its election group (lib/kafka/lag-sampler.ts), so
// another instance takes over at once instead of after a session timeout: 2 s at most.
const beforeExit = async () => {
  const leave = /** @type {{ __kafkaDashboardShutdown?: () => Promise<unknown> }} */ (globalThis).__kafkaDashboardShutdown;
  await Promise.race([leave?.().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2000))]);
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void beforeExit());
