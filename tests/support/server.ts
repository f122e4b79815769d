import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** The server process, for a test that kills it (SIGKILL: it dies without leaving anything). */
  pid: number;
  /** What the server printed, for failure messages and log checks. */
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real dashboard server (server/index.mjs on the production build, `next build` first
 * if there is none) with `env` on a free port; resolves once it listens.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) throw new Error('No production build: run `npx next build` first (npm test does)');
  const port = await freePort();
  // The server is not vitest: without its variables, as in production (e.g. the tail's worker thread runs).
  const inherited = { ...process.env };
  for (const name of Object.keys(inherited)) if (name.startsWith('VITEST')) delete inherited[name];
  const child = spawn(process.execPath, [path.join(ROOT, 'server', 'index.mjs')], {
    cwd: ROOT,
    env: { ...inherited, NEXT_TELEMETRY_DISABLED: '1', HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes('Listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A counter on the server's /metrics with a `thread` label (worker or main), 0 before its first count. */
export async function threadCounter(server: RunningServer, name: string, thread: 'worker' | 'main'): Promise<number> {
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  const line = metrics.split('\n').find((l) => l.startsWith(`${name}{thread="${thread}"} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** ms until the answer ended (or, for an event stream, until its headers arrived). */
  ms: number;
}

/**
 * One raw HTTP/1.1 request, for what fetch will not send: any Host header, odd methods, malformed
 * paths. Answers status, headers and body text; an event stream (SSE) is answered once its headers
 * arrive, and closed. Rejects when no answer comes within `timeoutMs`.
 */
export function rawRequest(
  port: number,
  init: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number },
) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    const body = init.body === undefined ? Buffer.alloc(0) : Buffer.from(init.body);
    const headers = { host: `127.0.0.1:${port}`, connection: 'close', ...init.headers, ...(body.length ? { 'content-length': String(body.length) } : {}) };
    socket.write(
      `${init.method ?? 'GET'} ${init.path} HTTP/1.1\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n')}\r\n\r\n`,
    );
    socket.write(body);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to ${init.method ?? 'GET'} ${init.path} within ${init.timeoutMs ?? 10_000} ms`));
    }, init.timeoutMs ?? 10_000);
    const chunks: Buffer[] = [];
    let head: { status: number; headers: Record<string, string>; bodyStart: number } | null = null;
    const finish = () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      if (!head) return reject(new Error(`connection closed without an answer to ${init.path}`));
      let rest: Buffer = all.subarray(head.bodyStart);
      if (head.headers['transfer-encoding'] === 'chunked') rest = dechunk(rest);
      resolve({ status: head.status, headers: head.headers, body: rest.toString('utf8'), ms: Date.now() - started });
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (head) return;
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      if (split < 0) return;
      const [statusLine, ...lines] = all.subarray(0, split).toString('latin1').split('\r\n');
      const parsed: Record<string, string> = Object.create(null);
      for (const line of lines) {
        const colon = line.indexOf(':');
        parsed[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      head = { status: Number(statusLine.split(' ')[1]), headers: parsed, bodyStart: split + 4 };
      if (head.status === 200 && parsed['content-type']?.startsWith('text/event-stream')) {
        socket.destroy();
        clearTimeout(timer);
        resolve({ status: head.status, headers: head.headers, body: '', ms: Date.now() - started });
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (head) finish();
      else reject(error);
    });
    socket.on('end', finish);
  });
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let rest = body;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    if (lineEnd < 0) return Buffer.concat(parts);
    const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
    rest = rest.subarray(lineEnd + 2 + size + 2);
  }
}
